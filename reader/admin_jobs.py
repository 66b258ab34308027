"""The job queue in the admin: each batch (an upload, an import command, a re-extraction, an export) with its
progress, updating in place with htmx while it runs, and its result lines; finished batches are kept."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from reader import jobs
from reader.models import Batch, Job

LINES = 500  # result lines a batch's page shows: the failed ones first, then the newest


@admin.register(Batch)
class BatchAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "created_by", "created_at", "state", "finished_at"]
    list_filter = ["kind"]
    list_select_related = ["created_by"]
    actions = None

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset if self._sees_all(request) else queryset.filter(created_by=request.user)

    def _sees_all(self, request) -> bool:
        return request.user.is_superuser or request.user.has_perm("reader.view_batch")

    def _may_start(self, request) -> bool:
        """Who may import, re-extract or export articles follows their own batches."""
        user = request.user
        return user.is_active and user.is_staff and (
            self._sees_all(request) or any(user.has_perm(f"reader.{p}_article") for p in ("add", "change", "view"))
        )

    def has_module_permission(self, request):
        return self._may_start(request)

    def has_view_permission(self, request, obj=None):
        if not self._may_start(request):
            return False
        return obj is None or self._sees_all(request) or obj.created_by_id == request.user.pk

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("stare"))
    def state(self, batch):
        state = jobs.progress(batch)
        return format_html(
            "{} / {} — {} {}", state.finished, state.total,
            gettext("%(failed)s eșuate") % {"failed": state.failed}, "" if batch.finished_at else "…",
        )

    def get_urls(self):
        return [
            path("<int:batch_id>/output/", self.admin_site.admin_view(self.output_view), name="reader_batch_output"),
        ] + super().get_urls()

    def _batch(self, request, batch_id) -> Batch:
        batch = get_object_or_404(Batch.objects.select_related("created_by"), pk=batch_id)
        if not self.has_view_permission(request, batch):
            raise PermissionDenied
        return batch

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The batch's progress (done / failed / waiting) and result lines; htmx asks for the partial again every
        two seconds until the batch is finished."""
        batch = self._batch(request, object_id)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET"])  # a batch is followed, never edited
        jobs.finish_batch_if_done(batch.pk)  # a batch whose last job was reclaimed as failed
        batch.refresh_from_db()
        lines = Job.objects.filter(batch=batch).only("pk", "name", "status", "outcome", "message", "article_id",
                                                     "finished_at", "attempts")
        failed = list(lines.filter(status=Job.Status.FAILED).order_by("pk")[:LINES])
        others = list(lines.exclude(status=Job.Status.FAILED).order_by("-finished_at", "-pk")[: LINES - len(failed)])
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "batch": batch,
            "progress": jobs.progress(batch),
            "lines": failed + others,
            "title": str(batch),
            "has_output": batch.kind == Batch.Kind.EXPORT and bool(batch.output),
        }
        template = "admin/reader/batch/progress.html"
        if request.htmx:
            template += "#progress"
        return render(request, template, context)

    def history_view(self, request, object_id, extra_context=None):
        """Staff who may start no batch get 403 here as on the batch's page, not the admin's "no such object"
        redirect that the narrowed queryset would give."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        return super().history_view(request, object_id, extra_context)

    def output_view(self, request, batch_id):
        batch = self._batch(request, batch_id)
        response = HttpResponse(batch.output, content_type="application/ld+json; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="annotations-{batch.pk}.jsonld"'
        return response


def batch_url(batch: Batch) -> str:
    return reverse("admin:reader_batch_change", args=[batch.pk])
