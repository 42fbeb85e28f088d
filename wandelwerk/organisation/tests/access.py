from typing import Any

from wandelwerk.core.testing.access_rows import ALL, EDIT, no_kwargs
from wandelwerk.imports.tests.factories import ImportUploadFactory
from wandelwerk.organisation.tests.factories import (
    AgeLimitGroupFactory,
    EmployeeFactory,
    ITSystemFactory,
    OrgUnitFactory,
)


def orgunit(m: Any) -> dict[str, Any]:
    return {"pk": OrgUnitFactory(municipality=m).pk}


def employee(m: Any) -> dict[str, Any]:
    return {"pk": EmployeeFactory(org_unit=OrgUnitFactory(municipality=m)).pk}


def agelimit(m: Any) -> dict[str, Any]:
    return {"pk": AgeLimitGroupFactory(municipality=m).pk}


def itsystem(m: Any) -> dict[str, Any]:
    return {"pk": ITSystemFactory(municipality=m).pk}


ROWS = {
    "organisation:index": (no_kwargs, ALL, None),
    "organisation:wave": (no_kwargs, ALL, None),
    "organisation:orgunit_list": (no_kwargs, ALL, None),
    "organisation:orgunit_create": (no_kwargs, EDIT, EDIT),
    "organisation:orgunit_detail": (orgunit, ALL, None),
    "organisation:orgunit_update": (orgunit, EDIT, EDIT),
    "organisation:orgunit_delete": (orgunit, EDIT, EDIT),
    "organisation:employee_list": (no_kwargs, ALL, None),
    "organisation:employee_create": (no_kwargs, EDIT, EDIT),
    "organisation:employee_detail": (employee, ALL, None),
    "organisation:employee_update": (employee, EDIT, EDIT),
    "organisation:employee_delete": (employee, EDIT, EDIT),
    "organisation:itsystem_list": (no_kwargs, ALL, None),
    "organisation:itsystem_create": (no_kwargs, EDIT, EDIT),
    "organisation:itsystem_detail": (itsystem, ALL, None),
    "organisation:itsystem_update": (itsystem, EDIT, EDIT),
    "organisation:itsystem_delete": (itsystem, EDIT, EDIT),
    "organisation:agelimit_list": (no_kwargs, ALL, None),
    "organisation:agelimit_create": (no_kwargs, EDIT, EDIT),
    "organisation:agelimit_update": (agelimit, EDIT, EDIT),
    "organisation:agelimit_delete": (agelimit, EDIT, EDIT),
}


def upload(m: Any, user: Any) -> dict[str, Any]:
    """An upload made by the requesting user (only the uploader may see and confirm it)."""
    return {"pk": ImportUploadFactory(municipality=m, kind="org_units", uploaded_by=user).pk}


ROWS |= {
    "organisation:import_start": (no_kwargs, EDIT, EDIT),
    "organisation:import_preview": (upload, EDIT, EDIT),
    "organisation:import_template": (lambda m: {"kind": "employees", "fmt": "csv"}, EDIT, None),
}
