"""The feeds' admin: curators register RSS/Atom feeds, see each one's log and poll it now.

Imported by reader/admin.py; the permissions are the model's own (add, change, delete, view feed), as for every
other admin write.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from reader.admin_lines import history_line
from reader.importers.feed_jobs import schedule_feed
from reader.models import Feed, FeedLog


class FeedForm(forms.ModelForm):
    url = forms.URLField(max_length=2000, assume_scheme="https", label=_("Adresa fluxului (RSS sau Atom)"))

    class Meta:
        model = Feed
        fields = ["url", "publish", "active", "interval_minutes"]

    def clean_url(self):
        url = self.cleaned_data["url"].strip()
        if not url.lower().startswith(("http://", "https://")):
            raise forms.ValidationError(_("Doar adrese http:// sau https://."))
        return url


class FeedLogInline(admin.TabularInline):
    model = FeedLog
    fields = ["at", "level", "message", "link"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = _("Jurnal (cele mai noi întâi)")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    form = FeedForm
    list_display = ["__str__", "url", "publish", "active", "interval_minutes", "last_polled_at", "last_result"]
    list_filter = ["active", "publish"]
    search_fields = ["url", "title"]
    readonly_fields = ["title", "last_polled_at", "next_poll_at", "last_result", "etag", "last_modified"]
    inlines = [FeedLogInline]
    actions = ["poll_now"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        schedule_feed(obj)  # a new or re-activated feed starts its chain of polls on the queue

    @admin.action(description=_("Citește acum fluxurile selectate"), permissions=["change"])
    def poll_now(self, request, queryset):
        """On the queue, not in the request: a feed's pages are fetched a few seconds apart."""
        feeds = list(queryset.filter(active=True))
        for feed in feeds:
            schedule_feed(feed, now=True)
            self.log_change(request, feed, history_line("feed_poll_queued"))
        self.message_user(request, ngettext(
            "%(count)d flux pus la rând pentru citire; jurnalul lui arată rezultatul.",
            "%(count)d fluxuri puse la rând pentru citire; jurnalele lor arată rezultatul.", len(feeds),
        ) % {"count": len(feeds)}, messages.SUCCESS)
