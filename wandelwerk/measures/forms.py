from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wandelwerk.accounts.queries import people_of
from wandelwerk.core.forms import DateInput, KernForm, KernModelForm
from wandelwerk.measures.funding import programmes
from wandelwerk.measures.models import Area, Measure, Source, Status
from wandelwerk.organisation.models import OrgUnit
from wandelwerk.ozg.models import AdministrativeService
from wandelwerk.tenants.tenancy import require_municipality


class MeasureForm(KernModelForm):
    class Meta:
        model = Measure
        fields = [
            "title",
            "area",
            "description",
            "org_unit",
            "service",
            "duration",
            "internal_days",
            "provider_days",
            "engineering_days",
            "training_days",
            "budget_eur",
            "funding",
            "benefit",
            "owner",
            "deadline",
            "deadline_is_hard",
            "earliest_start",
            "prerequisites",
        ]
        widgets = {
            "deadline": DateInput(),
            "earliest_start": DateInput(),
            "prerequisites": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = OrgUnit.objects.order_by("code")  # type: ignore[attr-defined]
        self.fields["service"].queryset = AdministrativeService.objects.order_by("name")  # type: ignore[attr-defined]
        others = (
            Measure.objects.exclude(status=Status.REJECTED)
            .select_related("org_unit")
            .order_by("area", "title")
        )
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        self.fields["prerequisites"].queryset = others  # type: ignore[attr-defined]
        # The current owner stays selectable after losing access, so the measure still saves.
        people = people_of(require_municipality(), keep=self.instance.owner_id)
        self.fields["owner"].queryset = people  # type: ignore[attr-defined]
        self.fields["owner"].empty_label = _("– niemand –")  # type: ignore[attr-defined]
        if self.instance.owner_name and not self.instance.owner_id:
            self.fields["owner"].help_text = _(
                "Bisher als Text erfasst: „%(name)s“ (keine Person mit Zugang gefunden)."
            ) % {"name": self.instance.owner_name}
        for name in ("engineering_days", "training_days"):
            self.fields[name].required = False
        self.fields["funding"].queryset = programmes().order_by("name")  # type: ignore[attr-defined]
        self.fields["funding"].help_text = _(
            "Der Plan hält eine geförderte Maßnahme im Förderzeitraum und rechnet die Förderung "
            "nicht auf das Budget an."
        )
        self.fields["benefit"].widget.attrs.update(min=1, max=10)
        self.fields["duration"].widget.attrs.update(min=1, max=10)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        programme, area = data.get("funding"), data.get("area")
        template = self.instance.template if self.instance.template_id else None
        if (
            programme is not None
            and area
            and not programme.covers(area, template.key if template else "")
        ):
            self.add_error(
                "funding",
                _(
                    "Dieses Programm fördert diese Maßnahme nicht (Handlungsfeld oder Maßnahmenart)."
                ),
            )
        split = (data.get("engineering_days") or 0) + (data.get("training_days") or 0)
        if split > (data.get("provider_days") or 0):
            self.add_error(
                "training_days",
                _("Technik und Schulung zusammen sind mehr als die Beratertage insgesamt."),
            )
        return data

    def clean_engineering_days(self) -> int:
        return self.cleaned_data.get("engineering_days") or 0

    def clean_training_days(self) -> int:
        return self.cleaned_data.get("training_days") or 0

    def clean_benefit(self) -> int:
        value: int = self.cleaned_data["benefit"]
        if not 1 <= value <= 10:
            raise forms.ValidationError(_("Der Nutzen liegt zwischen 1 und 10."))
        return value

    def clean_duration(self) -> int:
        value: int = self.cleaned_data["duration"]
        if not 1 <= value <= 10:
            raise forms.ValidationError(_("Die Dauer liegt zwischen 1 und 10 Halbjahren."))
        return value


class AddFromCatalogForm(KernForm):
    org_unit = forms.ModelChoiceField(
        label=_("Organisationseinheit"),
        queryset=OrgUnit.objects.none(),
        required=False,
        empty_label=_("– bitte wählen –"),
    )
    service = forms.ModelChoiceField(
        label=_("Leistung"),
        queryset=AdministrativeService.objects.none(),
        required=False,
        empty_label=_("– bitte wählen –"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = OrgUnit.objects.order_by("code")  # type: ignore[attr-defined]
        self.fields["service"].queryset = AdministrativeService.objects.order_by("name")  # type: ignore[attr-defined]


class MeasureFilterForm(KernForm):
    mark_optional = False
    q = forms.CharField(label=_("Suche"), required=False)
    area = forms.ChoiceField(
        label=_("Handlungsfeld"), choices=[("", _("alle")), *Area.choices], required=False
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("alle")), *Status.choices], required=False
    )
    source = forms.ChoiceField(
        label=_("Herkunft"), choices=[("", _("alle")), *Source.choices], required=False
    )
    org_unit = forms.ModelChoiceField(
        label=_("Organisationseinheit"),
        queryset=OrgUnit.objects.none(),
        required=False,
        empty_label=_("alle"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = OrgUnit.objects.order_by("code")  # type: ignore[attr-defined]

    def filter(self, queryset: QuerySet[Measure]) -> QuerySet[Measure]:
        data = self.cleaned_data
        if data.get("q"):
            queryset = queryset.filter(
                Q(title__icontains=data["q"]) | Q(reason__icontains=data["q"])
            )
        for name in ("area", "status", "source", "org_unit"):
            if data.get(name):
                queryset = queryset.filter(**{name: data[name]})
        return queryset


class ProgressForm(KernForm):
    """The state of a measure under way or delayed, for the next plan."""

    started_on = forms.DateField(label=_("begonnen am"), widget=DateInput())
    percent_done = forms.IntegerField(
        label=_("erledigt (%)"),
        min_value=0,
        max_value=100,
        help_text=_("Der Plan verteilt nur die offene Arbeit auf die kommenden Halbjahre."),
    )
    earliest_start = forms.DateField(
        label=_("geht weiter ab"),
        required=False,
        widget=DateInput(),
        help_text=_("Nur bei verzögerten Maßnahmen: frühestens ab diesem Tag wird weitergeplant."),
    )

    def __init__(self, *args: Any, delayed: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not delayed:
            del self.fields["earliest_start"]

    def clean_started_on(self) -> Any:
        started = self.cleaned_data["started_on"]
        if started > timezone.localdate():
            raise forms.ValidationError(_("Der Beginn liegt in der Zukunft."))
        return started
