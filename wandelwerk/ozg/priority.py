"""The priority of a service: what to digitise first. A pure function, shown with its factors.

    Priorität = 100 × Zielgruppenfaktor × (g_A × A + g_L × L) / (g_A + g_L),  0 once the target is reached

- A (Arbeitsaufwand, 0–1): yearly hours (cases × minutes / 60) on a log scale against the largest
  workload in the register, so a service with ten times the hours ranks clearly higher without
  drowning everything else.
- L (Lücke, 0–1): levels missing to the target, divided by the highest level of the model (4 or 7).
- Zielgruppenfaktor: the municipality's weight for citizens, businesses or internal services
  (citizens and businesses first).
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Weights:
    workload: float = 1.0
    gap: float = 1.0
    citizens: float = 1.0
    businesses: float = 1.0
    internal: float = 0.5

    def group_factor(self, target_group: str) -> float:
        return {"citizens": self.citizens, "businesses": self.businesses}.get(
            target_group, self.internal
        )


@dataclass(frozen=True)
class Priority:
    score: float
    hours: float
    workload_factor: float
    gap_levels: int
    gap_factor: float
    group_factor: float
    max_hours: float  # the largest workload in the register: A is measured against it


def workload_factor(hours: float, max_hours: float) -> float:
    if hours <= 0 or max_hours <= 0:
        return 0.0
    return min(1.0, math.log10(1 + hours) / math.log10(1 + max_hours))


def priority(
    *,
    cases_per_year: int | None,
    minutes_per_case: int | None,
    level: int,
    target: int,
    max_level: int,
    target_group: str,
    max_hours: float,
    weights: Weights,
) -> Priority:
    hours = (cases_per_year or 0) * (minutes_per_case or 0) / 60
    a = workload_factor(hours, max_hours)
    gap_levels = max(0, target - level)
    g = gap_levels / max_level if max_level else 0.0
    group = weights.group_factor(target_group)
    total = weights.workload + weights.gap
    if gap_levels == 0 or total <= 0:
        score = 0.0
    else:
        score = 100 * group * (weights.workload * a + weights.gap * g) / total
    return Priority(round(score, 1), hours, round(a, 3), gap_levels, round(g, 3), group, max_hours)
