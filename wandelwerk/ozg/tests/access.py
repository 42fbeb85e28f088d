from typing import Any

from wandelwerk.core.testing.access_rows import ALL, EDIT, no_kwargs
from wandelwerk.ozg.models import AdministrativeService, LifeSituation, OzgService, Topic


def service(m: Any) -> dict[str, Any]:
    return {
        "pk": AdministrativeService.objects.unscoped()
        .create(municipality=m, name="Testleistung")
        .pk
    }


def ozg_service(m: Any) -> dict[str, Any]:
    topic, _ = Topic.objects.get_or_create(id=1, defaults={"name": "Arbeit & Ruhestand"})
    situation, _ = LifeSituation.objects.get_or_create(
        id=1, defaults={"name": "Ruhestand", "topic": topic}
    )
    s, _ = OzgService.objects.get_or_create(
        ozg_id=10001, defaults={"name": "Rente", "topic": topic, "life_situation": situation}
    )
    return {"ozg_id": s.ozg_id}


def upload(m: Any, user: Any) -> dict[str, Any]:
    from wandelwerk.imports.models import ImportUpload

    record = ImportUpload.objects.unscoped().create(
        municipality=m,
        kind="services",
        filename="x.csv",
        content=b"Bezeichnung\nA\n",
        uploaded_by=user,
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
