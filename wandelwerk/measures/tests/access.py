from typing import Any

from wandelwerk.core.testing.access_rows import ALL, EDIT, no_kwargs
from wandelwerk.measures.tests.factories import MeasureFactory, MeasureTemplateFactory


def measure(m: Any) -> dict[str, Any]:
    return {"pk": MeasureFactory(municipality=m, proposed=True).pk}


def template(m: Any) -> dict[str, Any]:
    return {"key": MeasureTemplateFactory(key="test-vorlage").key}


def assessment(m: Any) -> dict[str, Any]:
    from wandelwerk.assessments.tests.access import assessment as approved_or_not

    return approved_or_not(m)


def actual_new(m: Any) -> dict[str, Any]:
    return {"measure_pk": MeasureFactory(municipality=m).pk}


def actual(m: Any) -> dict[str, Any]:
    from wandelwerk.measures.models import MeasureActual

    found = MeasureFactory(municipality=m)
    row = MeasureActual.objects.create(municipality=m, measure=found, fiscal_year=2027, euro=1)
    return {"measure_pk": found.pk, "pk": row.pk}


def programme(m: Any) -> dict[str, Any]:
    import datetime as dt

    from wandelwerk.measures.models import FundingProgramme

    found = FundingProgramme.objects.create(
        municipality=m, name="Digitale Kommune", rate=50, spend_by=dt.date(2029, 12, 31)
    )
    return {"pk": found.pk}


ROWS = {
    "measures:funding": (no_kwargs, ALL, None),
    "measures:funding_create": (no_kwargs, EDIT, EDIT),
    "measures:funding_update": (programme, EDIT, EDIT),
    "measures:funding_delete": (programme, EDIT, EDIT),
    "measures:index": (no_kwargs, ALL, None),
    "measures:catalog": (no_kwargs, ALL, None),
    "measures:add_from_catalog": (template, EDIT, EDIT),
    "measures:measure_create": (no_kwargs, EDIT, EDIT),
    "measures:graph": (no_kwargs, ALL, None),
    "measures:measure_detail": (measure, ALL, None),
    "measures:measure_update": (measure, EDIT, EDIT),
    "measures:measure_delete": (measure, EDIT, EDIT),
    "measures:measure_status": (measure, None, EDIT),
    "measures:measure_progress": (measure, None, EDIT),
    "measures:recommend": (assessment, None, EDIT),
    "measures:triage": (assessment, ALL, EDIT),
    "measures:actual_create": (actual_new, EDIT, EDIT),
    "measures:actual_update": (actual, EDIT, EDIT),
}
