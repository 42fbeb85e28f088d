"""The planning problem and its result as plain data (no Django, no solver types)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True)
class Task:
    """A measure to place. Periods are half-years numbered from 0.

    A task runs from ``start`` for ``duration`` periods, i.e. it occupies periods
    ``start … start + duration - 1`` and ends at ``start + duration``. It needs ``demands[r]`` of
    resource ``r`` in each period it runs, and its ``cost`` is spread evenly over those periods
    (rounded down, the remainder in its first period) against the budget of their fiscal years.
    """

    id: str
    duration: int
    demands: Mapping[str, int] = field(default_factory=dict)
    cost: int = 0
    units: tuple[str, ...] = ()  # org units in change while it runs (change capacity)
    area: str = ""
    benefit: int = 1
    release: int = 0  # earliest start
    deadline: int | None = None  # latest end: start + duration <= deadline
    deadline_hard: bool = False
    fixed_start: int | None = None  # done or under way: kept when re-planning
    predecessors: tuple[str, ...] = ()  # finish-to-start

    def cost_in(self, offset: int) -> int:
        """Cost in the ``offset``-th period the task runs (0-based)."""
        return spread(self.cost, self.duration, offset)


def spread(total: int, duration: int, offset: int) -> int:
    """The share of ``total`` in the ``offset``-th of ``duration`` periods: evenly, rounded down,
    the remainder in the first period."""
    if duration <= 0:
        return 0
    share = total // duration
    return share + (total - share * duration if offset == 0 else 0)


@dataclass(frozen=True)
class Weights:
    benefit: int = 3  # value delivered early: benefit × end period
    deadlines: int = 5  # per period a soft deadline is missed
    focus: int = 1  # per area in change per period
    unscheduled: int = 1000  # per task left out of the horizon (soft tasks only)


@dataclass(frozen=True)
class Problem:
    horizon: int
    tasks: Sequence[Task]
    capacities: Mapping[str, Sequence[int]] = field(default_factory=dict)  # resource → per period
    budgets: Sequence[int] = ()  # per fiscal year index
    fiscal_year: Sequence[int] = ()  # period → fiscal year index (same length as horizon)
    change_capacity: Mapping[str, int] = field(default_factory=dict)  # unit → tasks at once
    weights: Weights = field(default_factory=Weights)


class Status(StrEnum):
    OPTIMAL = "OPTIMAL"
    FEASIBLE = "FEASIBLE"
    INFEASIBLE = "INFEASIBLE"
    UNKNOWN = "UNKNOWN"


@dataclass(frozen=True)
class Reason:
    """Why a task does not start one period earlier."""

    kind: str  # release | fixed | predecessor | resource | budget | change | objective | start
    message: str  # German, for the page
    ref: str = ""  # the predecessor, resource, fiscal year index or unit that binds


@dataclass(frozen=True)
class Conflict:
    kind: str  # deadline | capacity | prerequisite
    tasks: tuple[str, ...]
    message: str


@dataclass
class Result:
    status: Status
    starts: dict[str, int] = field(default_factory=dict)  # scheduled tasks only
    unscheduled: list[str] = field(default_factory=list)
    objective: float | None = None
    bound: float | None = None
    seconds: float = 0.0
    reasons: dict[str, Reason] = field(default_factory=dict)
    critical: set[str] = field(default_factory=set)
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def gap(self) -> float | None:
        if self.objective is None or self.bound is None:
            return None
        if abs(self.objective) < 1e-9:
            return 0.0
        return abs(self.objective - self.bound) / abs(self.objective)
