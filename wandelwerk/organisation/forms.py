from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from wandelwerk.core.forms import DateInput, KernForm, KernModelForm
from wandelwerk.organisation.models import (
    AgeLimitGroup,
    Employee,
    EmploymentType,
    Hosting,
    ITSystem,
    OrgUnit,
)
from wandelwerk.tenants.tenancy import require_municipality


def members() -> Any:
    """The people with access to the current municipality, by name."""
    return (
        get_user_model()
        .objects.filter(memberships__municipality=require_municipality(), is_active=True)
        .order_by("display_name", "username")
    )


class OrgUnitForm(KernModelForm):
    class Meta:
        model = OrgUnit
        fields = ["code", "name", "parent", "head_user", "head", "citizen_contact"]
        help_texts = {"code": _("Eindeutiges Kürzel, z. B. „FB3“ oder „32.1“.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parents = OrgUnit.objects.order_by("code")
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents  # type: ignore[attr-defined]
        self.fields["parent"].empty_label = _("– keine (oberste Ebene) –")  # type: ignore[attr-defined]
        self.fields["head_user"].queryset = members()  # type: ignore[attr-defined]

    def validate_unique(self) -> None:
        # The municipality is set by the use case; check the code here so the error sits at the field.
        code = self.cleaned_data.get("code")
        if code and OrgUnit.objects.filter(code=code.strip()).exclude(pk=self.instance.pk).exists():
            self.add_error("code", _("Dieses Kürzel ist bereits vergeben."))


class EmployeeForm(KernModelForm):
    class Meta:
        model = Employee
        fields = [
            "personnel_number",
            "org_unit",
            "position",
            "user",
            "employment_type",
            "fte",
            "age_limit_group",
            *Employee.PERSONAL_FIELDS,
        ]
        widgets = {"planned_exit_date": DateInput(), "term_end": DateInput()}

    def __init__(self, *args: Any, personal: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = OrgUnit.objects.order_by("code")  # type: ignore[attr-defined]
        self.fields["user"].queryset = members()  # type: ignore[attr-defined]
        self.fields["user"].empty_label = _("– kein Konto –")  # type: ignore[attr-defined]
        group = self.fields["age_limit_group"]
        group.queryset = AgeLimitGroup.objects.all()  # type: ignore[attr-defined]
        group.empty_label = _("– keine, die allgemeine Altersgrenze gilt –")  # type: ignore[attr-defined]
        if not personal:
            for name in Employee.PERSONAL_FIELDS:
                del self.fields[name]

    def validate_unique(self) -> None:
        number = self.cleaned_data.get("personnel_number")
        if (
            number
            and Employee.objects.filter(personnel_number=number.strip())
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            self.add_error("personnel_number", _("Diese Personalnummer ist bereits vergeben."))

    def personal_data(self) -> dict[str, Any] | None:
        if "birth_year" not in self.fields:
            return None
        return {name: self.cleaned_data.get(name) for name in Employee.PERSONAL_FIELDS}


class ITSystemForm(KernModelForm):
    class Meta:
        model = ITSystem
        fields = ["name", "vendor", "hosting", "end_of_support", "org_units"]
        widgets = {"end_of_support": DateInput(), "org_units": forms.CheckboxSelectMultiple}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["org_units"].queryset = OrgUnit.objects.order_by("code")  # type: ignore[attr-defined]

    def validate_unique(self) -> None:
        name = self.cleaned_data.get("name")
        if (
            name
            and ITSystem.objects.filter(name=name.strip()).exclude(pk=self.instance.pk).exists()
        ):
            self.add_error("name", _("Ein Verfahren mit dieser Bezeichnung gibt es bereits."))


class SearchFilterForm(KernForm):
    mark_optional = False
    q = forms.CharField(label=_("Suche"), required=False)


class OrgUnitFilterForm(SearchFilterForm):
    def filter(self, queryset: QuerySet[OrgUnit]) -> QuerySet[OrgUnit]:
        q = self.cleaned_data.get("q")
        if q:
            queryset = queryset.filter(
                Q(code__icontains=q) | Q(name__icontains=q) | Q(head__icontains=q)
            )
        return queryset


class EmployeeFilterForm(SearchFilterForm):
    org_unit = forms.ModelChoiceField(
        label=_("Organisationseinheit"), queryset=OrgUnit.objects.none(), required=False
    )
    employment_type = forms.ChoiceField(
        label=_("Beschäftigungsart"),
        choices=[("", _("alle")), *EmploymentType.choices],
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = OrgUnit.objects.order_by("code")  # type: ignore[attr-defined]
        self.fields["org_unit"].empty_label = _("alle")  # type: ignore[attr-defined]

    def filter(self, queryset: QuerySet[Employee]) -> QuerySet[Employee]:
        data = self.cleaned_data
        if data.get("q"):
            queryset = queryset.filter(
                Q(personnel_number__icontains=data["q"]) | Q(position__icontains=data["q"])
            )
        if data.get("org_unit"):
            queryset = queryset.filter(org_unit=data["org_unit"])
        if data.get("employment_type"):
            queryset = queryset.filter(employment_type=data["employment_type"])
        return queryset


class ITSystemFilterForm(SearchFilterForm):
    hosting = forms.ChoiceField(
        label=_("Betrieb"), choices=[("", _("alle")), *Hosting.choices], required=False
    )

    def filter(self, queryset: QuerySet[ITSystem]) -> QuerySet[ITSystem]:
        data = self.cleaned_data
        if data.get("q"):
            queryset = queryset.filter(
                Q(name__icontains=data["q"]) | Q(vendor__icontains=data["q"])
            )
        if data.get("hosting"):
            queryset = queryset.filter(hosting=data["hosting"])
        return queryset


class AgeLimitGroupForm(KernModelForm):
    class Meta:
        model = AgeLimitGroup
        fields = ["name", "years", "months", "legal_basis"]
        help_texts = {
            "name": _("z. B. Justizvollzug, Feuerwehr-Einsatzdienst, Polizeivollzug"),
            "years": _("Die Altersgrenze, die das Landesrecht für diese Gruppe bestimmt."),
        }

    def validate_unique(self) -> None:
        name = (self.cleaned_data.get("name") or "").strip()
        if name and AgeLimitGroup.objects.filter(name=name).exclude(pk=self.instance.pk).exists():
            self.add_error("name", _("Diese Bezeichnung gibt es schon."))
