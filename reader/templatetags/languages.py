"""The language switcher: the current page's address in each interface language."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    request = context["request"]
    current = get_language()
    return [
        {"code": code, "name": name, "url": translate_url(request.get_full_path(), code), "current": code == current}
        for code, name in settings.LANGUAGES
    ]
