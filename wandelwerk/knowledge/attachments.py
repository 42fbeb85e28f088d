"""Attachments of articles: checked like DigiCheck evidence (allow-list by extension, confirmed
by the first bytes, size limit), stored under a random name, removed after the commit."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from wandelwerk.audit.logic import record, snapshot
from wandelwerk.audit.models import Action
from wandelwerk.core import uploads
from wandelwerk.knowledge.models import Article, Attachment

DEFAULT_NAME = "Anhang"
PURPOSE = "als Anhang"


def _snapshot(attachment: Attachment) -> dict[str, Any]:
    return {**snapshot(attachment, exclude=["file"]), "file": attachment.file.name}


def add(*, actor: Any, article: Article, upload: UploadedFile[bytes]) -> Attachment:
    """Store ``upload`` with ``article``; refused (``uploads.UploadRejected``) when it is too
    large or not an allowed document."""
    name = uploads.clean_name(upload.name or "", DEFAULT_NAME)
    content_type = uploads.check(
        name, upload.size or 0, upload, max_mb=settings.WANDELWERK_EVIDENCE_MAX_MB, purpose=PURPOSE
    )
    attachment = Attachment(
        municipality=article.municipality,
        article=article,
        name=name,
        content_type=content_type,
        size=upload.size or 0,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    try:
        with transaction.atomic():
            attachment.file.save(name, upload, save=False)
            attachment.save()
            record(
                actor=actor,
                action=Action.CREATE,
                obj=attachment,
                object_repr=f"{article}: {name}",
                after=_snapshot(attachment),
            )
    except BaseException:
        if attachment.file.name:
            attachment.file.storage.delete(attachment.file.name)
        raise
    return attachment


@transaction.atomic
def delete(*, actor: Any, attachment: Attachment) -> None:
    before = _snapshot(attachment)
    pk, repr_ = attachment.pk, f"{attachment.article}: {attachment.name}"
    attachment.delete()
    record(
        actor=actor,
        action=Action.DELETE,
        obj=attachment,
        object_id=str(pk),
        object_repr=repr_,
        before=before,
    )
