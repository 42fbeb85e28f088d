"""Attachments of an article: upload (checked), download through the membership check,
delete."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.http.response import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View

from wandelwerk.core import uploads
from wandelwerk.knowledge import attachments, queries
from wandelwerk.knowledge.models import Article, Attachment
from wandelwerk.tenants.views import MunicipalityMixin, ObjectDeleteView


class AttachmentAddView(MunicipalityMixin, View):
    permission_required = "knowledge.change"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        article = get_object_or_404(queries.articles(editor=True), pk=kwargs["pk"])
        upload = request.FILES.get("datei")
        if upload is None:
            messages.error(request, _("Bitte eine Datei auswählen."))
        else:
            try:
                attachments.add(actor=request.user, article=article, upload=upload)
            except uploads.UploadRejected as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, _("„%(name)s“ wurde angehängt.") % {"name": upload.name})
        return redirect(article.get_absolute_url() + "#anhaenge")


def _attachment(kwargs: dict[str, Any], *, editor: bool) -> Attachment:
    article = get_object_or_404(queries.articles(editor=editor), pk=kwargs["pk"])
    return get_object_or_404(
        Attachment.objects.select_related("article"), article=article, pk=kwargs["file_pk"]
    )


class AttachmentDownloadView(MunicipalityMixin, View):
    """The file as an attachment under its original name; never shown inline."""

    permission_required = "knowledge.view"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        item = _attachment(kwargs, editor=self.can("knowledge.change"))
        try:
            handle = item.file.open("rb")
        except FileNotFoundError as exc:
            raise Http404 from exc
        response = FileResponse(
            handle, as_attachment=True, filename=item.name, content_type=item.content_type
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response


class AttachmentDeleteView(ObjectDeleteView):
    model = Attachment
    list_url_name = "knowledge:index"
    permission_required = "knowledge.change"

    def load_object(self) -> Attachment:
        return _attachment(self.kwargs, editor=True)

    def delete(self, obj: Attachment) -> None:
        attachments.delete(actor=self.request.user, attachment=obj)

    def get_success_url(self) -> str:
        article: Article = self.object.article
        return article.get_absolute_url() + "#anhaenge"
