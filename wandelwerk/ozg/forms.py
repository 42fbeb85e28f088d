from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from wandelwerk.core.forms import DateInput, KernForm, KernModelForm
from wandelwerk.organisation.models import ITSystem, OrgUnit
from wandelwerk.ozg.models import (
    AdministrativeService,
    Channel,
    LifeSituation,
    MilestoneKind,
    OzgService,
    PriorityWeights,
    TargetGroup,
    Topic,
)


class ServiceForm(KernModelForm):
    channels = forms.MultipleChoiceField(
        label=_("Zugangswege"),
        choices=Channel.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = AdministrativeService
        fields = [
            "name",
            "leika_key",
            "is_own",
            "ozg_service",
            "target_group",
            "org_unit",
            "cases_per_year",
            "minutes_per_case",
            "channels",
            "it_system",
            "online_since",
            "rgm_version",
            "maturity_level",
            "target_level",
            "efa_reuse",
        ]
        widgets = {"online_since": DateInput()}
        help_texts = {
            "leika_key": _(
                "14 Ziffern; leer lassen oder als eigene Leistung kennzeichnen, wenn sie nicht im Katalog steht."
            ),
            "maturity_level": _(
                "Reifegradmodell 1.1: 0 Offline, 1 Information, 2 Formular-Assistent, 3 Online-Leistung, 4 Online-Transaktion. Modell 2.0: Stufe 0 nur offline verfügbar; 1–3 Frontend-Digitalisierung, Online-Antragsdienst; 4–6 Prozessorientierung, Datenzentrierung und durchgängige Umsetzung in der Verwaltung; 7 vollständig Ende-zu-Ende."
            ),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = OrgUnit.objects.order_by("code")  # type: ignore[attr-defined]
        self.fields["it_system"].queryset = ITSystem.objects.order_by("name")  # type: ignore[attr-defined]
        self.fields["ozg_service"].queryset = OzgService.objects.order_by("name")  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        key = data.get("leika_key")
        if key and not data.get("is_own"):
            from wandelwerk.ozg.models import LeikaEntry

            if not LeikaEntry.objects.filter(leika_key=key).exists():
                self.add_error(
                    "leika_key",
                    _(
                        "Dieser Schlüssel steht nicht im Katalog. Als eigene Leistung kennzeichnen oder Schlüssel prüfen."
                    ),
                )
        if (
            key
            and AdministrativeService.objects.filter(leika_key=key)
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            self.add_error(
                "leika_key", _("Eine Leistung mit diesem Schlüssel steht schon im Register.")
            )
        return data

    def validate_unique(self) -> None:  # checked in clean() within the municipality
        return None


class MilestonesForm(KernForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for kind, label in MilestoneKind.choices:
            self.fields[f"{kind}_planned"] = forms.DateField(
                label=_("%(m)s geplant") % {"m": label}, required=False, widget=DateInput()
            )
            self.fields[f"{kind}_done"] = forms.DateField(
                label=_("%(m)s erreicht") % {"m": label}, required=False, widget=DateInput()
            )

    def dates(self) -> dict[str, tuple[Any, Any]]:
        return {
            kind: (self.cleaned_data.get(f"{kind}_planned"), self.cleaned_data.get(f"{kind}_done"))
            for kind in MilestoneKind.values
        }


class WeightsForm(KernModelForm):
    class Meta:
        model = PriorityWeights
        fields = ["workload", "gap", "citizens", "businesses", "internal"]

    def validate_unique(self) -> None:
        return None


class RegisterFilterForm(KernForm):
    mark_optional = False
    q = forms.CharField(label=_("Suche (Name, LeiKa-Schlüssel)"), required=False)
    topic = forms.ModelChoiceField(
        label=_("Themenfeld"),
        queryset=Topic.objects.order_by("name"),
        required=False,
        empty_label=_("alle"),
    )
    target_group = forms.ChoiceField(
        label=_("Zielgruppe"), choices=[("", _("alle")), *TargetGroup.choices], required=False
    )
    org_unit = forms.ModelChoiceField(
        label=_("Organisationseinheit"),
        queryset=OrgUnit.objects.none(),
        required=False,
        empty_label=_("alle"),
    )
    below_target = forms.BooleanField(label=_("nur unter Ziel"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = OrgUnit.objects.order_by("code")  # type: ignore[attr-defined]

    def filter(self, queryset: QuerySet[AdministrativeService]) -> QuerySet[AdministrativeService]:
        data = self.cleaned_data
        if data.get("q"):
            queryset = queryset.filter(
                Q(name__icontains=data["q"]) | Q(leika_key__startswith=data["q"])
            )
        if data.get("topic"):
            queryset = queryset.filter(topic=data["topic"])
        if data.get("target_group"):
            queryset = queryset.filter(target_group=data["target_group"])
        if data.get("org_unit"):
            queryset = queryset.filter(org_unit=data["org_unit"])
        if data.get("below_target"):
            from django.db.models import F

            queryset = queryset.filter(maturity_level__lt=F("target_level"))
        return queryset


class CatalogSearchForm(KernForm):
    mark_optional = False
    q = forms.CharField(label=_("Suche nach Name, LeiKa-Schlüssel oder OZG-ID"), required=False)
    topic = forms.ModelChoiceField(
        label=_("Themenfeld"),
        queryset=Topic.objects.order_by("name"),
        required=False,
        empty_label=_("alle"),
    )
    life_situation = forms.ModelChoiceField(
        label=_("Lebens- oder Unternehmenslage"),
        queryset=LifeSituation.objects.order_by("name"),
        required=False,
        empty_label=_("alle"),
    )
    alle = forms.BooleanField(
        label=_("auch Leistungen zeigen, die andere ausführen (Kreis, Land, Kammern)"),
        required=False,
    )


class StandardSetForm(KernForm):
    topics = forms.ModelMultipleChoiceField(
        label=_("Themenfelder"),
        queryset=Topic.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Keine Auswahl: alle Themenfelder."),
    )
    object_level_only = forms.BooleanField(
        label=_("nur Leistungsobjekte"),
        required=False,
        help_text=_(
            "Nur Einträge auf Ebene des Leistungsobjekts (Schlüssel endet auf 000000), ohne einzelne Verrichtungen."
        ),
    )


class PriorityFilterForm(KernForm):
    mark_optional = False
    target_group = forms.ChoiceField(
        label=_("Zielgruppe"), choices=[("", _("alle")), *TargetGroup.choices], required=False
    )
    org_unit = forms.ModelChoiceField(
        label=_("Organisationseinheit"),
        queryset=OrgUnit.objects.none(),
        required=False,
        empty_label=_("alle"),
    )
    topic = forms.ModelChoiceField(
        label=_("Themenfeld"),
        queryset=Topic.objects.order_by("name"),
        required=False,
        empty_label=_("alle"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = OrgUnit.objects.order_by("code")  # type: ignore[attr-defined]

    def values(self) -> dict[str, Any]:
        """Keyword arguments for ``queries.filter_priorities``; nothing when the form is invalid."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "target_group": data.get("target_group") or "",
            "org_unit_id": data["org_unit"].pk if data.get("org_unit") else None,
            "topic_id": data["topic"].pk if data.get("topic") else None,
        }
