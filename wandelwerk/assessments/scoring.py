"""DigiCheck scores as pure functions (no Django): weighted means from questions up to areas,
roll-up over org units by FTE, gap and the weakest area.

"nicht zutreffend" (and unanswered) questions are left out of the mean, never counted as 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


def weighted_mean(values: Iterable[tuple[float | None, float]]) -> float | None:
    """Mean of the values that exist, weighted; None when nothing counts."""
    total = weight_sum = 0.0
    for value, weight in values:
        if value is None or weight <= 0:
            continue
        total += value * weight
        weight_sum += weight
    return total / weight_sum if weight_sum else None


@dataclass(frozen=True)
class QuestionInput:
    criterion: str  # the key of the question's criterion
    weight: float
    level: int | None  # None: unanswered or not applicable


@dataclass(frozen=True)
class Scores:
    criteria: dict[str, float | None]
    areas: dict[str, float | None]
    overall: float | None


def score(
    questions: Iterable[QuestionInput],
    *,
    criterion_weights: Mapping[str, float],
    area_weights: Mapping[str, float],
    criterion_area: Mapping[str, str],
) -> Scores:
    by_criterion: dict[str, list[tuple[float | None, float]]] = {}
    for q in questions:
        by_criterion.setdefault(q.criterion, []).append((q.level, q.weight))
    criteria = {c: weighted_mean(v) for c, v in by_criterion.items()}
    by_area: dict[str, list[tuple[float | None, float]]] = {}
    for criterion, value in criteria.items():
        by_area.setdefault(criterion_area[criterion], []).append(
            (value, criterion_weights.get(criterion, 1))
        )
    areas = {a: weighted_mean(v) for a, v in by_area.items()}
    overall = weighted_mean((v, area_weights.get(a, 1)) for a, v in areas.items())
    return Scores(criteria, areas, overall)


def rollup(units: Iterable[tuple[float | None, float]]) -> float | None:
    """An area score over org units, weighted by the units' FTE."""
    return weighted_mean(units)


def gap(target: float | None, actual: float | None) -> float | None:
    """Soll − Ist (positive: still to go)."""
    if target is None or actual is None:
        return None
    return target - actual


def weakest_area(areas: Mapping[str, float | None]) -> str | None:
    """The area that holds the others back: the lowest score (ties: the first in order)."""
    present = [(value, key) for key, value in areas.items() if value is not None]
    return min(present, key=lambda pair: pair[0])[1] if present else None
