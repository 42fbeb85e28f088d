from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wandelwerk.assessments import evidence
from wandelwerk.assessments.models import Framework, FrameworkStatus
from wandelwerk.core.forms import DateInput, KernForm
from wandelwerk.organisation.models import OrgUnit


class AssessmentForm(KernForm):
    framework = forms.ModelChoiceField(
        label=_("Fragebogen"),
        queryset=Framework.objects.filter(status=FrameworkStatus.PUBLISHED),
        empty_label=None,
    )
    org_unit = forms.ModelChoiceField(
        label=_("Organisationseinheit"),
        queryset=OrgUnit.objects.none(),
        required=False,
        empty_label=_("– ganze Verwaltung –"),
    )
    date = forms.DateField(label=_("Datum"), widget=DateInput(), initial=timezone.localdate)
    participants = forms.CharField(
        label=_("Teilnehmende"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Namen und Funktionen, eine Person je Zeile."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = OrgUnit.objects.order_by("code")  # type: ignore[attr-defined]


class TargetsForm(KernForm):
    def __init__(self, *args: Any, areas: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for area in areas:
            self.fields[area.key] = forms.DecimalField(
                label=_("Soll %(area)s") % {"area": area.name},
                min_value=0,
                max_value=4,
                decimal_places=1,
                required=False,
                localize=True,
            )


class EvidenceForm(KernForm):
    """One file for one answer; its type and size are checked again by the use case."""

    file = forms.FileField(label=_("Nachweis hochladen"))

    def __init__(self, *args: Any, label: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["file"]
        if label:
            field.label = label
        field.help_text = _("Erlaubt: %(types)s; höchstens %(mb)s MB.") % {
            "types": evidence.allowed_types(),
            "mb": settings.WANDELWERK_EVIDENCE_MAX_MB,
        }
        field.widget.attrs["accept"] = evidence.ACCEPT

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        try:
            evidence.check(evidence.clean_name(upload.name), upload.size, upload)
        except evidence.EvidenceRejected as exc:
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
