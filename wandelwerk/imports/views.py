"""Import pages: upload, preview with every error, confirm; and empty templates to download.

An app mounts them with its kinds, e.g. ``import_urls("organisation", ["org_units", ...])``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wandelwerk.core.files import short_name
from wandelwerk.core.forms import KernForm
from wandelwerk.core.xlsx import XLSX_CONTENT_TYPE
from wandelwerk.imports.base import Importer
from wandelwerk.imports.blank import template_csv, template_xlsx
from wandelwerk.imports.logic import ImportResult, check_import, run_import
from wandelwerk.imports.models import ImportUpload
from wandelwerk.imports.registry import REGISTRY
from wandelwerk.tenants.views import MunicipalityMixin

ALLOWED_SUFFIXES = (".csv", ".xlsx", ".txt", ".tsv")


class UploadForm(KernForm):
    kind = forms.ChoiceField(label=gettext_lazy("Was wird importiert?"), widget=forms.RadioSelect)
    file = forms.FileField(
        label=gettext_lazy("Datei"),
        help_text=gettext_lazy(
            "CSV (UTF-8 oder Windows-1252, getrennt durch ; oder ,) oder Excel (XLSX)."
        ),
    )

    def __init__(self, *args: Any, kinds: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(k, REGISTRY[k].label) for k in kinds]  # type: ignore[attr-defined]
        if len(kinds) == 1:
            self.fields["kind"].initial = kinds[0]

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(ALLOWED_SUFFIXES):
            raise forms.ValidationError(_("Bitte eine CSV- oder XLSX-Datei hochladen."))
        if upload.size > settings.IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                _("Die Datei ist zu groß (höchstens %(mb)s MB).")
                % {"mb": settings.IMPORT_MAX_BYTES // 1_048_576}
            )
        return upload


def discard_stale_uploads() -> int:
    """Forget files of the current municipality that were uploaded but neither confirmed nor
    discarded within ``IMPORT_PENDING_HOURS`` (default 24): they may hold personal data."""
    hours = getattr(settings, "IMPORT_PENDING_HOURS", 24)
    cutoff = timezone.now() - dt.timedelta(hours=hours)
    return ImportUpload.objects.filter(
        status=ImportUpload.Status.PENDING, created_at__lt=cutoff
    ).update(status=ImportUpload.Status.DISCARDED, content=b"")


class ImportMixin(MunicipalityMixin):
    namespace = ""
    page_title = gettext_lazy("Import")
    kinds: list[str] = []

    def has_permission(self) -> bool:
        return any(self.can(REGISTRY[k].permission) for k in self.kinds)

    def importer(self, kind: str) -> type[Importer]:
        if kind not in self.kinds:
            raise Http404
        importer = REGISTRY[kind]
        if not self.can(importer.permission):
            raise PermissionDenied
        return importer

    def allow_personal(self, importer: type[Importer]) -> bool:
        return self.can(importer.personal_permission)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["namespace"] = self.namespace
        context["importers"] = [REGISTRY[k] for k in self.kinds]
        return context


class ImportStartView(ImportMixin, TemplateView):
    template_name = "imports/start.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.setdefault(
            "form", UploadForm(kinds=self.kinds, initial={"kind": self.request.GET.get("art")})
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = UploadForm(request.POST, request.FILES, kinds=self.kinds)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        importer = self.importer(form.cleaned_data["kind"])
        upload = form.cleaned_data["file"]
        content, filename = upload.read(), short_name(upload.name)
        result, _plan, _imp = check_import(
            kind=importer.kind,
            data=content,
            filename=filename,
            municipality=self.municipality,
            allow_personal=self.allow_personal(importer),
        )
        with transaction.atomic():
            discard_stale_uploads()
            record = ImportUpload.objects.create(
                municipality=self.municipality,
                kind=importer.kind,
                filename=filename,
                content=content,
                uploaded_by=request.user,
                checked=result.as_record(),
            )
        return redirect(f"{self.namespace}:import_preview", self.municipality.slug, record.pk)


class ImportPreviewView(ImportMixin, TemplateView):
    template_name = "imports/preview.html"

    def load(self, *, content: bool = True) -> ImportUpload:
        uploads = ImportUpload.objects.filter(kind__in=self.kinds)
        upload = get_object_or_404(
            uploads if content else uploads.defer("content"), pk=self.kwargs["pk"]
        )
        if upload.uploaded_by_id != self.request.user.pk:
            raise Http404  # only the uploader sees and confirms an upload
        return upload

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        upload = self.load(content=False)
        importer = self.importer(upload.kind)
        if upload.status == ImportUpload.Status.PENDING:
            if upload.checked is None:  # uploaded before checks were kept
                result, _plan, _imp = check_import(
                    kind=upload.kind,
                    data=bytes(upload.content),
                    filename=upload.filename,
                    municipality=self.municipality,
                    allow_personal=self.allow_personal(importer),
                )
                upload.checked = result.as_record()
                upload.save(update_fields=["checked"])
            result = ImportResult.from_record(upload.kind, upload.checked)
        else:  # the file is gone; show what was done
            counts = upload.result or {}
            result = ImportResult(
                kind=upload.kind,
                created=counts.get("created", 0),
                updated=counts.get("updated", 0),
                unchanged=counts.get("unchanged", 0),
            )
            result.rows = result.created + result.updated + result.unchanged
        context.update(
            upload=upload,
            importer=importer,
            result=result,
            headers=[c.header for c in importer.columns],
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        upload = self.load()
        importer = self.importer(upload.kind)
        if upload.status != ImportUpload.Status.PENDING:
            messages.error(request, _("Dieser Import wurde bereits abgeschlossen."))
            return redirect(f"{self.namespace}:import_start", self.municipality.slug)
        if "discard" in request.POST:
            upload.status = ImportUpload.Status.DISCARDED
            upload.content = b""
            upload.save(update_fields=["status", "content"])
            messages.info(request, _("Import verworfen; es wurde nichts geändert."))
            return redirect(f"{self.namespace}:import_start", self.municipality.slug)
        result = run_import(
            actor=request.user,
            kind=upload.kind,
            data=bytes(upload.content),
            filename=upload.filename,
            municipality=self.municipality,
            allow_personal=self.allow_personal(importer),
        )
        if not result.ok:
            upload.checked = result.as_record()  # the preview now shows what stands in the way
            upload.save(update_fields=["checked"])
            messages.error(
                request,
                _(
                    "Der Import wurde abgelehnt, weil die Daten inzwischen nicht mehr passen. Nichts wurde geändert."
                ),
            )
            return redirect(f"{self.namespace}:import_preview", self.municipality.slug, upload.pk)
        upload.status = ImportUpload.Status.APPLIED
        upload.result = {
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
        }
        upload.content = b""  # the data now lives in the records; keep no copy (personal data)
        upload.save(update_fields=["status", "result", "content"])
        messages.success(
            request,
            _(
                "%(label)s importiert: %(created)s neu, %(updated)s geändert, %(unchanged)s unverändert."
            )
            % {
                "label": importer.label,
                "created": result.created,
                "updated": result.updated,
                "unchanged": result.unchanged,
            },
        )
        return redirect(f"{self.namespace}:import_start", self.municipality.slug)


class ImportTemplateView(ImportMixin, TemplateView):
    """An empty template (the header row) as CSV or XLSX."""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        importer = self.importer(kwargs["kind"])
        name = f"vorlage-{importer.kind.replace('_', '-')}"
        if kwargs["fmt"] == "xlsx":
            response = HttpResponse(template_xlsx(importer), content_type=XLSX_CONTENT_TYPE)
        elif kwargs["fmt"] == "csv":
            response = HttpResponse(template_csv(importer), content_type="text/csv; charset=utf-8")
        else:
            raise Http404
        response["Content-Disposition"] = f'attachment; filename="{name}.{kwargs["fmt"]}"'
        return response


def import_urls(namespace: str, kinds: list[str]) -> list[Any]:
    """The import pages of a section (URL namespace ``namespace``) for ``kinds``."""
    attrs = {"namespace": namespace, "kinds": kinds}
    return [
        path("import/", ImportStartView.as_view(**attrs), name="import_start"),
        path("import/<int:pk>/", ImportPreviewView.as_view(**attrs), name="import_preview"),
        path(
            "import/vorlage/<str:kind>.<str:fmt>",
            ImportTemplateView.as_view(**attrs),
            name="import_template",
        ),
    ]
