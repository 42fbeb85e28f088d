"""The plan and maturity: each unit's measured start, the waits ``min_level`` asks for, and the
projection a plan keeps in its record (so a baseline's projection never changes).

The start of a unit is its latest approved DigiCheck (a unit without one starts where the whole
administration's check left it); measures done since that check count from the start.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from wandelwerk.assessments.checks.queries import latest_approved, stored_scores
from wandelwerk.assessments.models import AREA_KEYS, Criterion, Target
from wandelwerk.assessments.scoring import weighted_mean
from wandelwerk.measures.models import Measure, Status
from wandelwerk.organisation.queries import unit_fte
from wandelwerk.roadmap.projection import Effect, Frame, applies, project, raised, waits_for


@dataclass(frozen=True)
class UnitBase:
    code: str | None  # None: the whole administration
    name: str
    measured_on: str  # ISO date of the check
    criteria: dict[str, float | None]
    areas: dict[str, float | None]
    targets: dict[str, float]
    fte: float


@dataclass(frozen=True)
class Bases:
    frame: Frame
    units: dict[str | None, UnitBase]

    def base_for(self, code: str | None) -> UnitBase | None:
        return self.units.get(code) or self.units.get(None)


def bases() -> Bases:
    """Every unit's latest approved check as the plan's start (a fixed number of queries)."""
    latest = latest_approved()
    targets: dict[int, dict[str, float]] = {}
    for t in Target.objects.filter(assessment__in=[a.pk for a in latest.values()]):
        targets.setdefault(t.assessment_id, {})[t.area_key] = float(t.level)
    frameworks = {a.framework_id for a in latest.values()}
    criteria = Criterion.objects.filter(area__framework__in=frameworks).select_related("area")
    frame = Frame(
        criterion_area={c.key: c.area.key for c in criteria},
        criterion_weight={c.key: float(c.weight) for c in criteria},
    )
    fte = unit_fte()
    units = {}
    for unit_id, check in latest.items():
        scores = stored_scores(check)
        code = check.org_unit.code if check.org_unit else None
        units[code] = UnitBase(
            code=code,
            name=str(check.org_unit) if check.org_unit else "ganze Verwaltung",
            measured_on=check.date.isoformat(),
            criteria=dict(scores["criteria"]),
            areas={k: scores["areas"].get(k) for k in AREA_KEYS},
            targets=targets.get(check.pk, {}),
            fte=fte.get(unit_id, 0.0) if unit_id else 0.0,
        )
    return Bases(frame, units)


def effect_of(key: str, measure: Measure) -> Effect | None:
    """What the measure raises, from its catalogue template (own measures: nothing known)."""
    template = measure.template
    if template is None or not template.raises_level:
        return None
    return Effect(
        key=key,
        unit=measure.org_unit.code if measure.org_unit else None,
        area=template.area,
        criteria=tuple(template.raises_criteria),
        level=template.raises_level,
    )


def maturity_waits(
    measures: Mapping[str, Measure], planned: set[str], bases: Bases
) -> dict[str, list[str]]:
    """Measure key → the planned measures it must wait for because its template needs a
    maturity level (``min_levels``) its unit has not reached (measures done count already)."""
    effects = {k: e for k, m in measures.items() if k in planned and (e := effect_of(k, m))}
    done = [e for k, m in measures.items() if m.status == Status.DONE and (e := effect_of(k, m))]
    waits: dict[str, list[str]] = {}
    for key, m in measures.items():
        needed = m.template.min_levels if m.template else {}
        if key not in planned or not needed:
            continue
        code = m.org_unit.code if m.org_unit else None
        base = bases.base_for(code)
        if base is None:
            continue  # nothing measured: nothing to wait for
        start = raised(base.criteria, [e for e in done if applies(e, code)], bases.frame)
        candidates = [e for k, e in effects.items() if k != key]
        chosen, _reached = waits_for(start, bases.frame, code, needed, candidates)
        if chosen:
            waits[key] = chosen
    return waits


def projection_record(
    measures: Mapping[str, Measure],
    ends: Mapping[str, int],
    periods: int,
    bases: Bases,
) -> dict[str, Any]:
    """What the plan keeps of maturity: per unit its measured scores, targets and the projected
    area scores at the end of each half-year; and the administration's total (weighted by FTE).
    ``ends``: measure key → the plan period it ends in (done ones before 0)."""
    done_by = [(ends[k], e) for k, m in measures.items() if k in ends and (e := effect_of(k, m))]
    units = []
    for code, base in sorted(bases.units.items(), key=lambda kv: kv[0] or ""):
        series = project(base.criteria, bases.frame, code, done_by, periods)
        units.append(
            {
                "code": code or "",
                "name": base.name,
                "measured_on": base.measured_on,
                "fte": base.fte,
                "measured": base.areas,
                "targets": base.targets,
                "projected": {a: [step.get(a) for step in series] for a in AREA_KEYS},
            }
        )
    return {"units": units, "total": _total(units, periods)}


def _total(units: list[dict[str, Any]], periods: int) -> dict[str, Any]:
    def rollup(values: list[tuple[float | None, float]]) -> float | None:
        found = weighted_mean(values)
        return None if found is None else round(found, 2)

    weight = {u["code"]: u["fte"] or 1.0 for u in units}
    return {
        "measured": {
            a: rollup([(u["measured"].get(a), weight[u["code"]]) for u in units]) for a in AREA_KEYS
        },
        "targets": {
            a: rollup([(u["targets"].get(a), weight[u["code"]]) for u in units]) for a in AREA_KEYS
        },
        "projected": {
            a: [
                rollup([(u["projected"][a][p], weight[u["code"]]) for u in units])
                for p in range(periods)
            ]
            for a in AREA_KEYS
        },
    }
