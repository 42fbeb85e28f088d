"""Forms of the council report."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wandelwerk.core.forms import KernForm, KernModelForm
from wandelwerk.reports.content import SECTIONS
from wandelwerk.reports.models import CouncilPaper, Kind, ReportFile, ReportSettings, Result
from wandelwerk.roadmap.models import Scenario


class SettingsForm(KernModelForm):
    """What the strategy report prints: the preface, the sections and the proposed scenario."""

    sections = forms.MultipleChoiceField(
        label=_("Abschnitte"),
        choices=[(s.key, s.title) for s in SECTIONS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Abgewählte Abschnitte fehlen im Bericht."),
    )

    class Meta:
        model = ReportSettings
        fields = ["preface", "scenario", "progress_first_due", "progress_every_months"]
        widgets = {
            "preface": forms.Textarea(attrs={"rows": 6}),
            "progress_first_due": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["scenario"].queryset = Scenario.objects.order_by("name")  # type: ignore[attr-defined]
        left_out = set(self.instance.left_out or [])
        self.initial["sections"] = [s.key for s in SECTIONS if s.key not in left_out]

    def left_out(self) -> list[str]:
        chosen = set(self.cleaned_data.get("sections") or [])
        return [s.key for s in SECTIONS if s.key not in chosen]


class HandOverForm(KernForm):
    on = forms.DateField(
        label=_("Übergeben am"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    recipient = forms.CharField(label=_("An"), max_length=200, initial="Haupt- und Finanzausschuss")

    def clean_on(self) -> Any:
        value = self.cleaned_data["on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("Das Datum liegt in der Zukunft."))
        return value


class PaperForm(KernModelForm):
    class Meta:
        model = CouncilPaper
        fields = ["number", "body", "meeting_on", "subject", "proposal", "facts", "finance_note",
                  "scenario", "report"]  # fmt: skip
        widgets = {
            "meeting_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "proposal": forms.Textarea(attrs={"rows": 5}),
            "facts": forms.Textarea(attrs={"rows": 10}),
            "finance_note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["scenario"].queryset = Scenario.objects.order_by("name")  # type: ignore[attr-defined]
        self.fields["report"].queryset = ReportFile.objects.defer("content").filter(  # type: ignore[attr-defined]
            kind=Kind.STRATEGY
        )


class DecisionForm(KernForm):
    decided_on = forms.DateField(
        label=_("Beschluss am"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    result = forms.ChoiceField(label=_("Ergebnis"), choices=Result.choices)
    changes = forms.CharField(
        label=_("Änderungen im Beschluss"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Nur bei „mit Änderungen beschlossen“: was der Ausschuss geändert hat."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("result") == Result.ADOPTED_CHANGED and not (data.get("changes") or "").strip():
            self.add_error("changes", _("Bitte die Änderungen angeben."))
        when = data.get("decided_on")
        if when and when > timezone.localdate():
            self.add_error("decided_on", _("Das Datum liegt in der Zukunft."))
        return data
