"""Response rules that hold for every page, whatever view made it."""

from __future__ import annotations

import re

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control

# An article page (any language prefix): it reads no query parameter.
_ARTICLE_PATH = re.compile(r"^/(?:[a-z]{2}/)?a/[-a-zA-Z0-9_]+/$")


def _signed_in(request) -> bool:
    # Without a session cookie nobody is signed in: the session is not even opened (no "Vary: Cookie").
    return settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated


class PrivateWhenSignedIn:
    """A page made for a signed-in user (drafts, editors-only notes, their forms) is theirs alone: shared caches
    (a proxy, a CDN) must not keep it. Sits after AuthenticationMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if _signed_in(request):
            patch_cache_control(response, private=True)
        return response


class CanonicalArticleURL:
    """``/a/<slug>/?anything`` answers a permanent redirect to ``/a/<slug>/`` for anonymous readers, so made-up
    query strings are served from the shared page cache (reader/page_cache.py, keyed by path) instead of
    rendering the article again each time. Sits right before SharedPageMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method in ("GET", "HEAD")
            and request.META.get("QUERY_STRING")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "HTTP_HX_REQUEST" not in request.META
            and _ARTICLE_PATH.match(request.path)
        ):
            return HttpResponsePermanentRedirect(request.path)
        return self.get_response(request)


class HtmxMessages:
    """Messages travel with htmx responses: an htmx swap replaces part of a page, never ``base.html``'s messages
    region, so a message queued by the view is appended as an out-of-band swap of that region (``#messages``).
    Without it a message would wait in the session and show on some later page. Sits after MessageMiddleware
    and HtmxMiddleware (it reads the messages before MessageMiddleware stores the unread ones)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            getattr(request, "htmx", False)
            and not getattr(response, "streaming", False)
            and response.get("Content-Type", "").startswith("text/html")
            and (200 <= response.status_code < 300 or response.status_code in (409, 422))
            and response.status_code != 204  # htmx does not swap an empty answer
            and not response.has_header("HX-Redirect")
        ):
            storage = getattr(request, "_messages", None)
            if storage is not None and not storage.used and len(storage):
                oob = render_to_string("base.html#messages", {"messages": storage, "oob": True}, request=request)
                response.content += oob.encode(response.charset)
                if response.has_header("Content-Length"):
                    response["Content-Length"] = str(len(response.content))
        return response
