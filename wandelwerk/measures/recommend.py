"""The rules that recommend measures: pure functions over a unit's DigiCheck results and services.

A template's rule is a list of conditions that must all hold, e.g.
``[{"question_below": {"question": "P-2", "level": 2}}, {"cases_at_least": 5000}]``. ``evaluate``
answers whether a rule fires for a unit and with which values, so the reason can be written out
("Prozessmanagement im Bürgerbüro auf Stufe 1, Ziel 3: …").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

AREA_NAMES = {
    "change": "Change-Management",
    "knowledge": "Wissensmanagement",
    "process": "Prozessmanagement",
    "digital": "Digitalmanagement",
}


@dataclass(frozen=True)
class ServiceFacts:
    name: str
    target_group: str
    level: int
    cases_per_year: int


@dataclass(frozen=True)
class UnitFacts:
    """What the rules may look at for one org unit (or the whole administration)."""

    name: str
    area_scores: Mapping[str, float] = field(default_factory=dict)  # Ist, 0–4
    area_targets: Mapping[str, float] = field(default_factory=dict)  # Soll, 0–4
    answers: Mapping[str, int | None] = field(
        default_factory=dict
    )  # question key → level; None = n/a
    services: Sequence[ServiceFacts] = ()


@dataclass(frozen=True)
class Match:
    """A rule that fired, with the values for the reason text."""

    values: dict[str, Any]
    service: ServiceFacts | None = None


def _fmt(number: float) -> str:
    return f"{number:.1f}".replace(".", ",").replace(",0", "")


def _area_below(spec: Mapping[str, Any], unit: UnitFacts, values: dict[str, Any]) -> bool:
    area, level = spec["area"], float(spec["level"])
    score = unit.area_scores.get(area)
    if score is None or score >= level:
        return False
    values.update(
        area=AREA_NAMES.get(area, area),
        score=_fmt(score),
        target=_fmt(unit.area_targets.get(area, level)),
    )
    return True


def _question_below(spec: Mapping[str, Any], unit: UnitFacts, values: dict[str, Any]) -> bool:
    answer = unit.answers.get(spec["question"])
    if answer is None or answer >= int(
        spec["level"]
    ):  # unanswered and "nicht zutreffend" never trigger
        return False
    values.update(question=spec["question"], answer=answer)
    return True


def _gap_at_least(spec: Mapping[str, Any], unit: UnitFacts, values: dict[str, Any]) -> bool:
    area = spec["area"]
    score, target = unit.area_scores.get(area), unit.area_targets.get(area)
    if score is None or target is None or target - score < float(spec["gap"]):
        return False
    values.update(area=AREA_NAMES.get(area, area), score=_fmt(score), target=_fmt(target))
    return True


def _cases_at_least(spec: Any, unit: UnitFacts, values: dict[str, Any]) -> bool:
    cases = sum(s.cases_per_year for s in unit.services)
    if cases < int(spec):
        return False
    values["cases"] = f"{cases:,}".replace(",", ".")
    return True


def _services_below(spec: Mapping[str, Any], unit: UnitFacts, values: dict[str, Any]) -> bool:
    groups = set(spec.get("target_groups") or ["citizens", "businesses", "internal"])
    count = sum(
        1 for s in unit.services if s.target_group in groups and s.level < int(spec["level"])
    )
    if count < int(spec.get("count", 1)):
        return False
    values["count"] = count
    return True


CONDITION_KINDS = {
    "area_below": _area_below,
    "question_below": _question_below,
    "gap_at_least": _gap_at_least,
    "cases_at_least": _cases_at_least,
    "services_below_level": _services_below,
    "service_below_level": None,  # per service, see evaluate()
}


def evaluate(rule: Sequence[Mapping[str, Any]], unit: UnitFacts) -> list[Match]:
    """The matches of a rule for a unit: one match, none, or one per service for service rules."""
    values: dict[str, Any] = {"unit": unit.name}
    service_spec: Mapping[str, Any] | None = None
    for condition in rule:
        ((kind, spec),) = condition.items()
        if kind == "service_below_level":
            service_spec = spec
            continue
        check = CONDITION_KINDS[kind]
        if check is None or not check(spec, unit, values):
            return []
    if service_spec is None:
        return [Match(values)]
    groups = set(service_spec.get("target_groups") or ["citizens", "businesses", "internal"])
    return [
        Match({**values, "service": s.name}, s)
        for s in unit.services
        if s.target_group in groups and s.level < int(service_spec["level"])
    ]


def reason_text(template: str, values: Mapping[str, Any]) -> str:
    """Fill the reason's placeholders; unknown ones stay visible rather than failing."""

    class Keep(dict[str, Any]):
        def __missing__(self, key: str) -> str:
            return "{" + key + "}"

    return template.format_map(Keep(values))
