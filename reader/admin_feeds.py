"""The feeds' admin: curators register RSS/Atom feeds, see each one's log and poll it now.

Imported by reader/admin.py; the permissions are the model's own (add, change, delete, view feed), as for every
other admin write.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from reader.importers.feeds import poll_feed
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

    @admin.action(description=_("Citește acum fluxurile selectate"), permissions=["change"])
    def poll_now(self, request, queryset):
        for feed in queryset:
            result = poll_feed(feed)
            self.log_change(request, feed, f"polled: {result.summary()}")
            level = messages.ERROR if result.failed else messages.SUCCESS
            self.message_user(request, gettext("%(feed)s: %(result)s") % {"feed": feed, "result": result.summary()},
                              level)
