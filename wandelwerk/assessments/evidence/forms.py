"""The upload form of an evidence file."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wandelwerk.assessments.evidence.logic import DEFAULT_NAME, check_file
from wandelwerk.core import uploads
from wandelwerk.core.forms import KernForm


class EvidenceForm(KernForm):
    """One file for one answer; its type and size are checked again by the use case."""

    file = forms.FileField(label=_("Nachweis hochladen"))

    def __init__(self, *args: Any, label: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["file"]
        if label:
            field.label = label
        field.help_text = _("Erlaubt: %(types)s; höchstens %(mb)s MB.") % {
            "types": uploads.allowed_types(),
            "mb": settings.WANDELWERK_EVIDENCE_MAX_MB,
        }
        field.widget.attrs["accept"] = uploads.ACCEPT

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        try:
            check_file(uploads.clean_name(upload.name, DEFAULT_NAME), upload.size, upload)
        except uploads.UploadRejected as exc:
            raise forms.ValidationError(str(exc)) from exc
        return upload


def evidence_form_for(question: Any, *args: Any, **kwargs: Any) -> EvidenceForm:
    """The upload form of one question; its field id is unique on a page with many of them."""
    return EvidenceForm(
        *args,
        auto_id=f"nachweis-{question.pk}-%s",
        label=_("Nachweis zu %(key)s hochladen") % {"key": question.key},
        **kwargs,
    )
