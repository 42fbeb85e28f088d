"""Forms of the framework editor (provider level)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from wandelwerk.assessments.applicability import APPLIES_TO
from wandelwerk.assessments.models import AskedOf, Question
from wandelwerk.core.forms import KernForm

APPLIES_TO_CHOICES = list(APPLIES_TO.items())
WEIGHTS = [(1, "1"), (2, "2"), (3, "3")]


class CopyForm(KernForm):
    name = forms.CharField(label=_("Name"), max_length=200)
    key = forms.SlugField(
        label=_("Schlüssel"),
        max_length=80,
        help_text=_("Kleinbuchstaben, Ziffern und Bindestriche, z. B. digicheck-kreis."),
    )
    version = forms.CharField(label=_("Version"), max_length=20, help_text=_("z. B. 1.1"))


class FrameworkForm(KernForm):
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(
        label=_("Beschreibung"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )


class WeightedForm(KernForm):
    name = forms.CharField(label=_("Bezeichnung"), max_length=200)
    weight = forms.TypedChoiceField(label=_("Gewicht"), choices=WEIGHTS, coerce=int)


class QuestionForm(KernForm):
    text = forms.CharField(label=_("Frage"), widget=forms.Textarea(attrs={"rows": 3}))
    help = forms.CharField(
        label=_("Hinweis für die Moderation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    weight = forms.TypedChoiceField(label=_("Gewicht"), choices=WEIGHTS, coerce=int)
    asked_of = forms.ChoiceField(
        label=_("Gefragt für"),
        choices=AskedOf.choices,
        help_text=_("Fragen zur Verwaltungsführung oder zum Haushalt nur der ganzen Verwaltung."),
    )
    applies_to = forms.ChoiceField(
        label=_("Gilt für"),
        choices=APPLIES_TO_CHOICES,
        help_text=_("Einheiten, auf die das nicht zutrifft, bekommen die Frage nicht gestellt."),
    )
    min_staff = forms.IntegerField(
        label=_("ab Beschäftigten"),
        min_value=0,
        max_value=10000,
        initial=0,
        help_text=_("Kleineren Einheiten wird die Frage nicht gestellt; 0: allen."),
    )
    level_0 = forms.CharField(label=_("Stufe 0"), widget=forms.Textarea(attrs={"rows": 3}))
    level_1 = forms.CharField(label=_("Stufe 1"), widget=forms.Textarea(attrs={"rows": 3}))
    level_2 = forms.CharField(label=_("Stufe 2"), widget=forms.Textarea(attrs={"rows": 3}))
    level_3 = forms.CharField(label=_("Stufe 3"), widget=forms.Textarea(attrs={"rows": 3}))
    level_4 = forms.CharField(label=_("Stufe 4"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(
        self, *args: Any, scale: list[dict[str, Any]] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        for step in scale or []:
            field = self.fields.get(f"level_{step.get('level')}")
            if field is not None and step.get("label"):
                field.label = f"{field.label} – {step['label']}"

    @classmethod
    def initial_for(cls, question: Question) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "text": question.text,
            "help": question.help,
            "weight": question.weight,
            "asked_of": question.asked_of,
            "applies_to": question.applies_to,
            "min_staff": question.min_staff,
        }
        for level in range(5):
            initial[f"level_{level}"] = question.levels.get(str(level), "")
        return initial

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "text": data["text"],
            "help": data["help"],
            "weight": data["weight"],
            "asked_of": data["asked_of"],
            "applies_to": data["applies_to"],
            "min_staff": data["min_staff"],
            "levels": {str(level): data[f"level_{level}"] for level in range(5)},
        }
