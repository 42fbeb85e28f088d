"""Where a plan takes each unit's maturity: pure functions over criterion scores (no Django).

A unit starts from the criterion scores of its latest approved DigiCheck. A catalogue measure
says which criteria of its area it raises and to which level (``Effect``); once it is done, those
criteria of its unit (of every unit, for a measure of the whole administration) score at least
that level, and the area scores follow with the questionnaire's criterion weights. Criteria a
check did not score stay unscored: a measure does not invent a measurement.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from wandelwerk.assessments.scoring import weighted_mean

Criteria = Mapping[str, float | None]


@dataclass(frozen=True)
class Frame:
    """The questionnaire's structure the scores follow: each criterion's area and weight."""

    criterion_area: Mapping[str, str]
    criterion_weight: Mapping[str, float]


@dataclass(frozen=True)
class Effect:
    """What one measure does to maturity once it is done."""

    key: str
    unit: str | None  # org unit code; None: the whole administration (every unit)
    area: str
    criteria: tuple[str, ...]  # empty: every criterion of the area
    level: int


def area_scores(criteria: Criteria, frame: Frame) -> dict[str, float | None]:
    by_area: dict[str, list[tuple[float | None, float]]] = {}
    for criterion, value in criteria.items():
        area = frame.criterion_area.get(criterion)
        if area is not None:
            by_area.setdefault(area, []).append((value, frame.criterion_weight.get(criterion, 1)))
    return {area: weighted_mean(values) for area, values in by_area.items()}


def applies(effect: Effect, unit: str | None) -> bool:
    return effect.unit is None or effect.unit == unit


def raised(criteria: Criteria, effects: Iterable[Effect], frame: Frame) -> dict[str, float | None]:
    """The criterion scores after ``effects``."""
    result = dict(criteria)
    for effect in effects:
        targets = effect.criteria or tuple(
            c for c, area in frame.criterion_area.items() if area == effect.area
        )
        for criterion in targets:
            value = result.get(criterion)
            if value is not None:
                result[criterion] = max(value, effect.level)
    return result


def project(
    base: Criteria,
    frame: Frame,
    unit: str | None,
    done_by: Sequence[tuple[int, Effect]],
    periods: int,
) -> list[dict[str, float | None]]:
    """The unit's area scores at the end of each period; ``done_by`` pairs an effect with the
    period its measure ends in (before 0: already done)."""
    mine = [(end, e) for end, e in done_by if applies(e, unit)]
    return [
        area_scores(raised(base, (e for end, e in mine if end <= period), frame), frame)
        for period in range(periods)
    ]


def waits_for(
    base: Criteria,
    frame: Frame,
    unit: str | None,
    needed: Mapping[str, int],
    candidates: Sequence[Effect],
) -> tuple[list[str], dict[str, float | None]]:
    """Which of ``candidates`` a measure that needs ``needed`` (area → level) must wait for:
    in each area below its level, the unit's measures that raise the area most, one after the
    other, until the level is reached or nothing raises it further. Returns their keys and the
    area scores they reach (the measure waits for them even when they fall short)."""
    current = dict(base)
    chosen: list[str] = []
    for area, level in needed.items():
        pool = [e for e in candidates if e.area == area and applies(e, unit)]
        score = area_scores(current, frame).get(area)
        while score is not None and score < level and pool:
            gains = [
                (area_scores(raised(current, [e], frame), frame).get(area) or 0.0, i)
                for i, e in enumerate(pool)
            ]
            reached, index = max(gains)
            best = pool.pop(index)
            if reached <= score:
                break
            current = raised(current, [best], frame)
            chosen.append(best.key)
            score = area_scores(current, frame).get(area)
    return chosen, area_scores(current, frame)
