"""Demo step: the measure catalogue and a first set of Musterstadt's accepted measures.

First the measures a CDO takes on from the catalogue at the start (with their prerequisites), then
the recommendations of Musterstadt's approved DigiChecks, the most valuable of them accepted.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from wandelwerk.assessments.checks.queries import latest_approved
from wandelwerk.measures.catalog import load_catalog
from wandelwerk.measures.logic import add_from_template, recommend, set_status
from wandelwerk.measures.models import Measure, MeasureTemplate, Source, Status
from wandelwerk.organisation.models import OrgUnit
from wandelwerk.tenants import tenancy
from wandelwerk.tenants.models import Municipality

# template key, unit code (None: whole administration), status
MUSTERSTADT = [
    ("digitalisierungsstrategie", None, Status.IN_PROGRESS),
    ("isms-basis-absicherung", None, Status.ACCEPTED),
    ("e-akte-rollout", "3.1", Status.ACCEPTED),
    ("xrechnung-workflow", None, Status.DONE),
    ("soll-prozesse", "3.1", Status.ACCEPTED),
    ("wissensuebergabe", "3.2", Status.ACCEPTED),
    ("nachfolgeplanung", None, Status.ACCEPTED),
    ("online-terminvereinbarung", "3.1", Status.DELAYED),
    ("digitallotsen-netzwerk", None, Status.ACCEPTED),
    ("qualifizierungsprogramm", None, Status.ACCEPTED),
]


@transaction.atomic
def build_demo(stdout: Any) -> None:
    count = load_catalog()
    municipality = Municipality.objects.filter(slug="musterstadt").first()
    if municipality is None:
        return
    with tenancy.activate(municipality):
        if Measure.objects.exists():
            return
        units = {u.code: u for u in OrgUnit.objects.all()}
        for key, code, status in MUSTERSTADT:
            template = MeasureTemplate.objects.filter(key=key).first()
            if template is None:
                continue
            measure = add_from_template(
                actor=None,
                template=template,
                org_unit=units.get(code) if code else None,
                source=Source.CATALOGUE,
            )
            if status == Status.DONE:
                set_status(actor=None, measure=measure, status=Status.IN_PROGRESS)
            if status != Status.ACCEPTED:
                set_status(actor=None, measure=measure, status=status)
        # Recommendations from the approved DigiChecks; per unit the three most valuable accepted.
        for assessment in latest_approved().values():
            proposals = [
                m
                for m in recommend(actor=None, assessment=assessment)
                if m.status == Status.PROPOSED
            ]
            for measure in sorted(proposals, key=lambda m: (-m.benefit, m.title))[:3]:
                set_status(actor=None, measure=measure, status=Status.ACCEPTED)
        # The CDO owns the measures of the whole administration that are not done.
        cdo = get_user_model().objects.filter(username="cdo-musterstadt").first()
        Measure.objects.filter(
            org_unit__isnull=True, status__in=[Status.ACCEPTED, Status.PLANNED, Status.IN_PROGRESS]
        ).update(owner=cdo)
        proposed = Measure.objects.filter(status=Status.PROPOSED).count()
        stdout.write(
            f"  Maßnahmenkatalog: {count} Vorlagen; {municipality.name}: {Measure.objects.count()} Maßnahmen, "
            f"davon {proposed} aus dem DigiCheck vorgeschlagen\n"
        )
