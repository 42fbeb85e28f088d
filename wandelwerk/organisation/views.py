"""Pages of the organisation inventory: org units, employees, IT systems."""

from __future__ import annotations

from typing import Any

from django.views.generic import TemplateView

from wandelwerk.core.views import ListingMixin
from wandelwerk.organisation import exits, logic, queries
from wandelwerk.organisation.forms import (
    AgeLimitGroupForm,
    EmployeeFilterForm,
    EmployeeForm,
    ITSystemFilterForm,
    ITSystemForm,
    OrgUnitFilterForm,
    OrgUnitForm,
)
from wandelwerk.organisation.models import AgeLimitGroup, Employee, ITSystem, OrgUnit
from wandelwerk.tenants.views import (
    MunicipalityMixin,
    ObjectDeleteView,
    ObjectFormView,
    ObjectMixin,
)


class IndexView(MunicipalityMixin, TemplateView):
    template_name = "organisation/index.html"
    permission_required = "organisation.view"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["tree"] = queries.org_unit_tree()
        context["figures"] = queries.overview_figures(
            self.municipality, exact=self.can("organisation.view_personal_data")
        )
        return context


# Org units ---------------------------------------------------------------------------------


class OrgUnitListView(MunicipalityMixin, ListingMixin, TemplateView):
    permission_required = "organisation.view"
    page_title = OrgUnit._meta.verbose_name_plural
    template_name = "organisation/orgunit_list.html"
    filter_form_class = OrgUnitFilterForm
    sort_fields = {
        "code": "code",
        "name": "name",
        "parent": "parent__code",
        "employees": "employee_count",
    }
    default_sort = "code"
    export_filename = "organisationseinheiten"
    export_columns = [
        ("Kürzel", lambda u: u.code),
        ("Bezeichnung", lambda u: u.name),
        ("Übergeordnete Einheit", lambda u: u.parent.code if u.parent else ""),
        ("Leitung", lambda u: str(u.head_user) if u.head_user_id else u.head),
        ("Beschäftigte", lambda u: u.employee_count),
    ]

    def get_base_queryset(self) -> Any:
        return queries.org_units()


class OrgUnitDetailView(ObjectMixin, TemplateView):
    permission_required = "organisation.view"
    model = OrgUnit
    list_url_name = "organisation:orgunit_list"
    template_name = "organisation/orgunit_detail.html"
    queryset = OrgUnit.objects.select_related("parent", "head_user")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        self.object = self.load_object()
        context = super().get_context_data(**kwargs)
        unit = self.object
        context["children"] = unit.children.order_by("code")
        context["staff"] = unit.employees.order_by("personnel_number")[:200]
        context["staff_count"] = unit.employees.count()
        context["systems"] = unit.it_systems.order_by("name")
        return context


class OrgUnitFormView(ObjectFormView):
    model = OrgUnit
    list_url_name = "organisation:orgunit_list"
    form_class = OrgUnitForm
    permission_required = "organisation.change"

    def save(self, form: OrgUnitForm) -> OrgUnit:
        data = form.cleaned_data
        return logic.save_org_unit(
            actor=self.request.user,
            unit=self.object,
            code=data["code"],
            name=data["name"],
            parent=data["parent"],
            head=data["head"],
            head_user=data["head_user"],
            citizen_contact=data["citizen_contact"],
        )


class OrgUnitDeleteView(ObjectDeleteView):
    model = OrgUnit
    list_url_name = "organisation:orgunit_list"
    permission_required = "organisation.change"

    def delete(self, obj: OrgUnit) -> None:
        logic.delete_org_unit(actor=self.request.user, unit=obj)


# Employees ---------------------------------------------------------------------------------


class EmployeeListView(MunicipalityMixin, ListingMixin, TemplateView):
    permission_required = "organisation.view"
    page_title = Employee._meta.verbose_name_plural
    template_name = "organisation/employee_list.html"
    filter_form_class = EmployeeFilterForm
    sort_fields = {
        "number": "personnel_number",
        "org_unit": "org_unit__code",
        "position": "position",
        "type": "employment_type",
        "fte": "fte",
    }
    default_sort = "number"
    export_filename = "beschaeftigte"

    @property
    def export_columns(self) -> list[tuple[str, Any]]:  # type: ignore[override]
        columns: list[tuple[str, Any]] = [
            ("Personalnummer", lambda e: e.personnel_number),
            ("Organisationseinheit", lambda e: e.org_unit.code),
            ("Funktion", lambda e: e.position),
            ("Beschäftigungsart", lambda e: e.get_employment_type_display()),
            ("Stellenanteil", lambda e: e.fte),
        ]
        if self.can("organisation.view_personal_data"):
            columns += [
                ("Geburtsjahr", lambda e: e.birth_year),
                ("Geburtsmonat", lambda e: e.birth_month),
                ("Am Monatsersten geboren", lambda e: "ja" if e.born_on_first else "nein"),
                ("Geplantes Austrittsdatum", lambda e: e.planned_exit_date),
                (
                    "Voraussichtlicher Austritt",
                    lambda e: exits.employee_exit_date(e, self.municipality.land),
                ),
            ]
        return columns

    def get_base_queryset(self) -> Any:
        return queries.employees()

    def export(self, queryset: Any) -> Any:
        if self.can("organisation.view_personal_data"):
            logic.record_personal_data_read(
                actor=self.request.user, employees=list(queryset), context="Export Beschäftigte"
            )
        return super().export(queryset)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        if self.can("organisation.view_personal_data") and "page_obj" in kwargs:
            rows = list(kwargs["page_obj"].object_list)
            for employee in rows:
                employee.exit_date = exits.employee_exit_date(employee, self.municipality.land)
            context["object_list"] = rows
            context["retirement_notice"] = queries.retirement_notice(self.municipality)
            logic.record_personal_data_read(
                actor=self.request.user, employees=rows, context="Liste Beschäftigte"
            )
        return context


class EmployeeDetailView(ObjectMixin, TemplateView):
    permission_required = "organisation.view"
    model = Employee
    list_url_name = "organisation:employee_list"
    template_name = "organisation/employee_detail.html"

    def get_queryset(self) -> Any:
        return queries.employees()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        self.object = self.load_object()
        context = super().get_context_data(**kwargs)
        if self.can("organisation.view_personal_data"):
            context["exit_date"] = exits.employee_exit_date(self.object, self.municipality.land)
            context["retirement_notice"] = queries.retirement_notice(self.municipality)
            logic.record_personal_data_read(
                actor=self.request.user, employees=[self.object], context="Detailseite"
            )
        return context


class EmployeeFormView(ObjectFormView):
    model = Employee
    list_url_name = "organisation:employee_list"
    form_class = EmployeeForm
    permission_required = "organisation.change"

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["personal"] = self.can("organisation.change_personal_data")
        return kwargs

    def save(self, form: EmployeeForm) -> Employee:
        data = form.cleaned_data
        return logic.save_employee(
            actor=self.request.user,
            employee=self.object,
            personnel_number=data["personnel_number"],
            org_unit=data["org_unit"],
            position=data["position"],
            employment_type=data["employment_type"],
            fte=data["fte"],
            age_limit_group=data["age_limit_group"],
            user=data["user"],
            personal=form.personal_data(),
        )


class EmployeeDeleteView(ObjectDeleteView):
    model = Employee
    list_url_name = "organisation:employee_list"
    permission_required = "organisation.change"

    def delete(self, obj: Employee) -> None:
        logic.delete_employee(actor=self.request.user, employee=obj)


# IT systems --------------------------------------------------------------------------------


class ITSystemListView(MunicipalityMixin, ListingMixin, TemplateView):
    permission_required = "organisation.view"
    page_title = ITSystem._meta.verbose_name_plural
    template_name = "organisation/itsystem_list.html"
    filter_form_class = ITSystemFilterForm
    sort_fields = {
        "name": "name",
        "vendor": "vendor",
        "hosting": "hosting",
        "support": "end_of_support",
    }
    default_sort = "name"
    export_filename = "it-verfahren"
    export_columns = [
        ("Bezeichnung", lambda s: s.name),
        ("Hersteller", lambda s: s.vendor),
        ("Organisationseinheiten", lambda s: ",".join(u.code for u in s.org_units.all())),
        ("Betrieb", lambda s: s.get_hosting_display()),
        ("Supportende", lambda s: s.end_of_support),
    ]

    def get_base_queryset(self) -> Any:
        return queries.it_systems()

    def export(self, queryset: Any) -> Any:
        # iterator() would drop the prefetch; the register is small enough to load at once.
        headers = [h for h, _ in self.export_columns]
        return self.export_response(
            headers, ([g(o) for _, g in self.export_columns] for o in queryset)
        )


class ITSystemDetailView(ObjectMixin, TemplateView):
    permission_required = "organisation.view"
    model = ITSystem
    list_url_name = "organisation:itsystem_list"
    template_name = "organisation/itsystem_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        self.object = self.load_object()
        context = super().get_context_data(**kwargs)
        context["units"] = self.object.org_units.order_by("code")
        return context


class ITSystemFormView(ObjectFormView):
    model = ITSystem
    list_url_name = "organisation:itsystem_list"
    form_class = ITSystemForm
    permission_required = "organisation.change"

    def save(self, form: ITSystemForm) -> ITSystem:
        data = form.cleaned_data
        return logic.save_it_system(
            actor=self.request.user,
            system=self.object,
            name=data["name"],
            vendor=data["vendor"],
            hosting=data["hosting"],
            end_of_support=data["end_of_support"],
            org_units=data["org_units"],
        )


class ITSystemDeleteView(ObjectDeleteView):
    model = ITSystem
    list_url_name = "organisation:itsystem_list"
    permission_required = "organisation.change"

    def delete(self, obj: ITSystem) -> None:
        logic.delete_it_system(actor=self.request.user, system=obj)


class AgeLimitListView(MunicipalityMixin, TemplateView):
    """Groups with a special age limit; the exit dates of their members follow it."""

    permission_required = "organisation.view"
    page_title = AgeLimitGroup._meta.verbose_name_plural
    template_name = "organisation/agelimit_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["groups"] = queries.age_limit_groups()
        return context


class AgeLimitFormView(ObjectFormView):
    model = AgeLimitGroup
    list_url_name = "organisation:agelimit_list"
    form_class = AgeLimitGroupForm
    permission_required = "organisation.change"

    def get_success_url(self) -> str:
        return self.list_url()

    def save(self, form: AgeLimitGroupForm) -> AgeLimitGroup:
        data = form.cleaned_data
        return logic.save_age_limit_group(
            actor=self.request.user,
            group=self.object,
            name=data["name"],
            years=data["years"],
            months=data["months"],
            legal_basis=data["legal_basis"],
        )


class AgeLimitDeleteView(ObjectDeleteView):
    model = AgeLimitGroup
    list_url_name = "organisation:agelimit_list"
    permission_required = "organisation.change"

    def delete(self, obj: AgeLimitGroup) -> None:
        logic.delete_age_limit_group(actor=self.request.user, group=obj)
