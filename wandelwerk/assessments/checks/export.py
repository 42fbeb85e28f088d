"""One DigiCheck as an Excel workbook: what was checked, every answer, and the results.

The results sheet takes its numbers from ``queries.result`` (the same scores, targets and gaps
as the detail page), so the file and the page never disagree.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wandelwerk.assessments.checks import queries
from wandelwerk.assessments.models import Assessment


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _person(user: Any) -> str:
    return str(user) if user is not None else ""


def filename(assessment: Assessment) -> str:
    unit = assessment.org_unit.code if assessment.org_unit else _("verwaltung")
    return slugify(f"digicheck-{unit}-{assessment.date:%Y-%m-%d}")


def sheets(assessment: Assessment) -> list[tuple[str, list[str], list[list[Any]]]]:
    result = queries.result(assessment)
    framework = assessment.framework
    meta: list[list[Any]] = [
        [_("Kommune"), assessment.municipality.name],
        [_("Einheit"), str(assessment.org_unit) if assessment.org_unit else _("ganze Verwaltung")],
        [_("Datum"), assessment.date],
        [_("Status"), assessment.get_status_display()],
        [
            _("freigegeben am"),
            timezone.localtime(assessment.approved_at) if assessment.approved_at else None,
        ],
        [_("Fragebogen"), framework.name],
        [_("Version des Fragebogens"), framework.version],
        [_("Teilnehmende"), assessment.participants],
        [_("Fragen beantwortet"), f"{result.answered} / {result.total}"],
        [_("exportiert am"), timezone.localtime()],
    ]
    answers: list[list[Any]] = []
    for row in queries.answer_rows(assessment):
        q, a = row.question, row.answer
        answers.append(
            [
                q.criterion.area.name,
                q.criterion.name,
                q.key,
                q.text,
                a.level if a and not a.not_applicable else None,
                _("ja") if a and a.not_applicable else _("nein"),
                a.comment if a else "",
                len(row.evidence),
                _person(a.updated_by) if a else "",
                timezone.localtime(a.updated_at) if a and a.updated_at else None,
            ]
        )
    results: list[list[Any]] = [
        [
            area.name,
            _round(result.scores.areas.get(area.key)),
            _round(result.targets.get(area.key)),
            _round(result.gaps.get(area.key)),
        ]
        for area in result.areas
    ]
    results.append([_("Gesamt"), _round(result.scores.overall), None, None])
    return [
        (_("DigiCheck"), [_("Angabe"), _("Wert")], meta),
        (
            _("Antworten"),
            [
                _("Handlungsfeld"),
                _("Kriterium"),
                _("Schlüssel"),
                _("Frage"),
                _("Stufe"),
                _("nicht zutreffend"),
                _("Kommentar"),
                _("Nachweise"),
                _("zuletzt geändert von"),
                _("zuletzt geändert am"),
            ],
            answers,
        ),
        (_("Ergebnisse"), [_("Handlungsfeld"), _("Ist"), _("Soll"), _("Lücke")], results),
    ]
