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
    """Why a task is not one period earlier (or, for a move, not where it was before), as data:
    the pages put it into words with calendar half-years.

    ``kind``: ``start`` (the first period of the plan), ``release`` (its earliest start),
    ``fixed`` (under way: its remaining work is fixed), ``predecessor`` (``ref`` ends in
    ``period``), ``resource`` / ``budget`` / ``change`` (``ref`` is the resource, the fiscal year
    index or the unit; ``used`` of ``available`` taken in ``period``), ``objective`` (earlier
    would be possible; the plan gains more this way), ``earlier`` (moved earlier for a gain),
    ``placed`` / ``left_out`` (in one plan, not in the other), ``horizon`` (no room left before
    the end of the plan), ``demand`` (needs more ``ref`` per period than any period has),
    ``predecessor_left_out`` (``ref`` is not in the plan).
    """

    kind: str
    ref: str = ""
    period: int | None = None
    used: int | None = None
    available: int | None = None


@dataclass(frozen=True)
class Conflict:
    """A rule that makes every plan impossible, as data.

    ``kind``: ``capacity`` / ``budget`` / ``change`` (the fixed tasks need ``need`` of ``ref``
    in ``period`` — a period, or for the budget a fiscal year index — where ``available`` is
    there), ``demand`` (one task needs more than any period has), ``deadline`` (hard deadlines
    that cannot all hold; ``period`` is the deadline when only one task is named), ``cycle``
    (prerequisites in a circle, in order), ``unknown``.
    """

    kind: str
    tasks: tuple[str, ...]
    ref: str = ""
    period: int | None = None
    need: int | None = None
    available: int | None = None


@dataclass(frozen=True)
class Solution:
    """A plan the solver has found so far (handed to ``on_solution`` while it searches)."""

    starts: dict[str, int]
    objective: float
    bound: float


@dataclass
class Result:
    status: Status
    starts: dict[str, int] = field(default_factory=dict)  # scheduled tasks only
    unscheduled: list[str] = field(default_factory=list)
    objective: float | None = None
    bound: float | None = None
    seconds: float = 0.0
    reasons: dict[str, Reason] = field(default_factory=dict)  # placed and left-out tasks
    moves: dict[str, Reason] = field(default_factory=dict)  # tasks placed other than the reference
    critical: set[str] = field(default_factory=set)
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def gap(self) -> float | None:
        return gap_of(self.objective, self.bound)


def gap_of(objective: float | None, bound: float | None) -> float | None:
    """How far a plan may at most be from the best possible: |objective − bound| / |objective|."""
    if objective is None or bound is None:
        return None
    if abs(objective) < 1e-9:
        return 0.0
    return abs(objective - bound) / abs(objective)
