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
    target_level: int | None = None  # None: no target set, every level below the rule's counts
    efa_reuse: bool = False  # already re-uses an EfA solution
    rank: int | None = None  # place on the municipality's priority list; None: at its target


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


def services_matching(spec: Mapping[str, Any], unit: UnitFacts) -> list[ServiceFacts]:
    """The unit's services a service condition speaks of.

    ``level``: below this maturity level and below the service's own target; ``target_groups``;
    ``efa_reuse``: only services that do (true) or do not (false) re-use an EfA solution;
    ``cases_at_least``: only services with at least so many cases a year; ``top``: only the
    highest-ranked ones on the municipality's priority list (services at their target have no rank).
    """
    groups = set(spec.get("target_groups") or ["citizens", "businesses", "internal"])
    level = int(spec["level"])
    found = [
        s
        for s in unit.services
        if s.target_group in groups
        and s.level < level
        and (s.target_level is None or s.level < s.target_level)
        and ("efa_reuse" not in spec or s.efa_reuse == bool(spec["efa_reuse"]))
        and s.cases_per_year >= int(spec.get("cases_at_least", 0))
    ]
    if "top" in spec:
        ranked = sorted((s for s in found if s.rank is not None), key=lambda s: s.rank or 0)
        found = ranked[: int(spec["top"])]
    return found


def _services_below(spec: Mapping[str, Any], unit: UnitFacts, values: dict[str, Any]) -> bool:
    count = len(services_matching(spec, unit))
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

SERVICE_KEYS = {"level", "target_groups", "efa_reuse", "cases_at_least", "top"}
CONDITION_KEYS: dict[str, tuple[set[str], set[str]]] = {
    # kind: (required keys, allowed keys); None for a condition that takes a plain number
    "area_below": ({"area", "level"}, {"area", "level"}),
    "question_below": ({"question", "level"}, {"question", "level"}),
    "gap_at_least": ({"area", "gap"}, {"area", "gap"}),
    "services_below_level": ({"level"}, SERVICE_KEYS | {"count"}),
    "service_below_level": ({"level"}, SERVICE_KEYS),
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
    return [
        Match(
            {
                **values,
                "service": s.name,
                "rank": s.rank if s.rank is not None else "–",
                "service_cases": f"{s.cases_per_year:,}".replace(",", "."),
            },
            s,
        )
        for s in services_matching(service_spec, unit)
    ]


def reason_text(template: str, values: Mapping[str, Any]) -> str:
    """Fill the reason's placeholders; unknown ones stay visible rather than failing."""

    class Keep(dict[str, Any]):
        def __missing__(self, key: str) -> str:
            return "{" + key + "}"

    return template.format_map(Keep(values))
