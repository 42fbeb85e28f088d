from typing import Any

from wandelwerk.core.testing.access_rows import ALL, EDIT, no_kwargs
from wandelwerk.imports.tests.factories import ImportUploadFactory
from wandelwerk.ozg.tests.factories import AdministrativeServiceFactory, OzgServiceFactory


def service(m: Any) -> dict[str, Any]:
    return {"pk": AdministrativeServiceFactory(municipality=m).pk}


def ozg_service(m: Any) -> dict[str, Any]:
    return {"ozg_id": OzgServiceFactory(ozg_id=10001).ozg_id}


def upload(m: Any, user: Any) -> dict[str, Any]:
    """An upload made by the requesting user (only the uploader may see and confirm it)."""
    record = ImportUploadFactory(
        municipality=m, kind="services", content=b"Bezeichnung\nA\n", uploaded_by=user
    )
    return {"pk": record.pk}


ROWS = {
    "ozg:index": (no_kwargs, ALL, None),
    "ozg:service_create": (no_kwargs, EDIT, EDIT),
    "ozg:service_detail": (service, ALL, None),
    "ozg:service_update": (service, EDIT, EDIT),
    "ozg:service_delete": (service, EDIT, EDIT),
    "ozg:milestones": (service, EDIT, EDIT),
    "ozg:catalog": (no_kwargs, ALL, None),
    "ozg:catalog_service": (ozg_service, ALL, None),
    "ozg:adopt": (no_kwargs, None, EDIT),
    "ozg:standard_set": (no_kwargs, EDIT, EDIT),
    "ozg:priorities": (no_kwargs, ALL, EDIT),
    "ozg:dashboard": (no_kwargs, ALL, None),
    "ozg:import_start": (no_kwargs, EDIT, EDIT),
    "ozg:import_preview": (upload, EDIT, EDIT),
    "ozg:import_template": (lambda m: {"kind": "services", "fmt": "csv"}, EDIT, None),
}
