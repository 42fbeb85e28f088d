from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

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
