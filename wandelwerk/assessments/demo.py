"""Demo step: DigiChecks. Musterstadt: an approved check for every department plus an older one
two years earlier (so the trend shows); Beispieldorf: one in draft; five more small
municipalities with approved checks, so the comparison by size class has enough peers."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.db import transaction
from django.utils import timezone

from wandelwerk.accounts.logic import create_municipality
from wandelwerk.assessments.checks.queries import computed_scores
from wandelwerk.assessments.checks.scope import questions_not_asked
from wandelwerk.assessments.frameworks.loader import default_framework, load_all
from wandelwerk.assessments.models import Answer, Assessment, AssessmentStatus, Question, Target
from wandelwerk.organisation.models import OrgUnit
from wandelwerk.tenants import tenancy
from wandelwerk.tenants.models import Municipality

PEERS = [
    ("kleinhausen", "Kleinhausen", 3_800),
    ("waldau", "Waldau", 4_600),
    ("seebach", "Seebach", 3_200),
    ("bergfeld", "Bergfeld", 4_900),
    ("lindental", "Lindental", 4_300),
]
# Typical profile of a municipal administration: digital a little ahead, knowledge far behind.
BASE = {"change": 1.6, "knowledge": 1.1, "process": 1.4, "digital": 1.9}


def _answers(
    assessment: Assessment,
    questions: list[Question],
    rng: random.Random,
    shift: float,
    weak: str | None,
) -> None:
    rows = []
    for q in questions:
        if q.key in assessment.not_asked:
            continue
        area = q.criterion.area.key
        mean = BASE[area] + shift - (0.6 if area == weak else 0)
        if q.applies_to != "all" and rng.random() < 0.05:
            rows.append(
                Answer(
                    municipality=assessment.municipality,
                    assessment=assessment,
                    question=q,
                    not_applicable=True,
                    version=1,
                )
            )
            continue
        level = max(0, min(4, round(rng.gauss(mean, 0.8))))
        rows.append(
            Answer(
                municipality=assessment.municipality,
                assessment=assessment,
                question=q,
                level=level,
                version=1,
            )
        )
    Answer.objects.bulk_create(rows)
    Target.objects.bulk_create(
        [
            Target(municipality=assessment.municipality, assessment=assessment, area_key=a, level=3)
            for a in BASE
        ]
    )


def _check(
    municipality: Municipality,
    unit: OrgUnit | None,
    date: dt.date,
    status: str,
    questions: list[Question],
    rng: random.Random,
    shift: float,
    weak: str | None,
) -> None:
    framework = questions[0].criterion.area.framework
    assessment = Assessment.objects.create(
        municipality=municipality,
        framework=framework,
        org_unit=unit,
        not_asked=questions_not_asked(framework, unit),
        date=date,
        status=status,
        participants="Fachbereichsleitung, Sachgebietsleitungen, Digitallotse, Beratung IT-Dienstleister",
        approved_at=timezone.now() if status == AssessmentStatus.APPROVED else None,
    )
    _answers(assessment, questions, rng, shift, weak)
    if status == AssessmentStatus.APPROVED:
        assessment.scores = computed_scores(assessment)
        assessment.save(update_fields=["scores"])


@transaction.atomic
def build_demo(stdout: Any) -> None:
    load_all()
    framework = default_framework()
    if framework is None:
        return
    questions = list(
        Question.objects.filter(criterion__area__framework=framework).select_related(
            "criterion__area"
        )
    )
    today = timezone.localdate()
    rng = random.Random(41)
    musterstadt = Municipality.objects.filter(slug="musterstadt").first()
    if musterstadt is not None:
        with tenancy.activate(musterstadt):
            if not Assessment.objects.exists():
                departments = list(
                    OrgUnit.objects.filter(
                        parent__isnull=False, parent__parent__isnull=True
                    ).order_by("code")
                )
                areas = list(BASE)
                for i, unit in enumerate(departments):
                    weak = areas[i % 4]
                    _check(
                        musterstadt,
                        unit,
                        today - dt.timedelta(days=730),
                        AssessmentStatus.APPROVED,
                        questions,
                        rng,
                        -0.4,
                        weak,
                    )
                    _check(
                        musterstadt,
                        unit,
                        today - dt.timedelta(days=60),
                        AssessmentStatus.APPROVED,
                        questions,
                        rng,
                        0.0,
                        weak,
                    )
                stdout.write(
                    f"  {musterstadt.name}: {Assessment.objects.count()} DigiChecks (je Fachbereich zwei, freigegeben)\n"
                )
    beispieldorf = Municipality.objects.filter(slug="beispieldorf").first()
    if beispieldorf is not None:
        with tenancy.activate(beispieldorf):
            if not Assessment.objects.exists():
                _check(
                    beispieldorf,
                    None,
                    today - dt.timedelta(days=14),
                    AssessmentStatus.DRAFT,
                    questions[:20],
                    rng,
                    -0.3,
                    "knowledge",
                )
    for slug, name, population in PEERS:
        municipality = Municipality.objects.filter(slug=slug).first() or create_municipality(
            actor=None, slug=slug, name=name, population=population, kreis="Kreis Musterland"
        )
        with tenancy.activate(municipality):
            if not Assessment.objects.exists():
                _check(
                    municipality,
                    None,
                    today - dt.timedelta(days=rng.randint(30, 400)),
                    AssessmentStatus.APPROVED,
                    questions,
                    rng,
                    rng.uniform(-0.5, 0.6),
                    None,
                )
