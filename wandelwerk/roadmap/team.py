"""Reads about the provider's own team: its days per skill and half-year and what every
municipality's plan draws on it.

Each municipality's plan as it stands (the baseline's plan, else its latest, see
``queries.shown_plans``) claims the team's days its placements record per skill and half-year. A
half-year without recorded team days is not limited. Everything here reads all municipalities
with a fixed number of queries; naming them is the pages' business (other municipalities are
"andere Kommunen" for a municipality's own people).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy

from wandelwerk.measures.models import Skill
from wandelwerk.roadmap.kept import per_plan
from wandelwerk.roadmap.models import Placement, Plan, TeamCapacity, TeamPlan
from wandelwerk.roadmap.periods import HalfYear
from wandelwerk.roadmap.problem import PROVIDER, SKILLS
from wandelwerk.roadmap.queries import shown_plans
from wandelwerk.tenants.models import Municipality

TEAM_HALF_YEARS = 10  # the team is planned five years ahead, like a strategy
OTHERS = gettext_lazy("andere Kommunen")
UNLIMITED = 10**6

Days = dict[str, dict[int, int]]  # skill → HalfYear.ordinal → days


def window(today: dt.date, periods: int = TEAM_HALF_YEARS) -> list[HalfYear]:
    first = HalfYear.of(today)
    return [first.shift(i) for i in range(periods)]


def capacity(half_years: list[HalfYear]) -> dict[str, dict[int, int]]:
    """The team's days per skill and half-year (half-years without a record are missing)."""
    found: dict[str, dict[int, int]] = {s: {} for s in SKILLS}
    for skill, period, days in TeamCapacity.objects.filter(
        period__in=[h.ordinal for h in half_years]
    ).values_list("skill", "period", "days"):
        found[skill][period] = days
    return found


def stand(recorded: dict[str, dict[int, int]]) -> str:
    """A fingerprint of the recorded days (``capacity``), to refuse a save over someone else's."""
    rows = sorted((s, p, d) for s, days in recorded.items() for p, d in days.items())
    return hashlib.sha256(repr(rows).encode()).hexdigest()[:16]


def named(ids: Iterable[int], names: Mapping[int, str]) -> str:
    """The names of the municipalities ``ids`` that the reader may see (``names``); any others
    as "andere Kommunen"."""
    ids = list(ids)
    shown = [names[i] for i in ids if i in names]
    if len(shown) < len(ids):
        shown.append(str(OTHERS))
    return ", ".join(shown)


def plan_days(plans: Mapping[int, dt.datetime]) -> dict[int, Days]:
    """The team's days each plan's placements claim. Plans made before provider days were split
    by skill count them as consulting. ``plans``: id → when the plan was made.

    A plan never changes, so what was read of it is kept per process, keyed by its id and the
    moment it was made (the scenario page and the team page read the same plans on every
    request; a city's plan has a thousand placements)."""
    return per_plan("team-days", plans, _read_plan_days)


def _read_plan_days(plan_ids: list[int]) -> dict[int, Days]:
    found: dict[int, Days] = {pk: {s: defaultdict(int) for s in SKILLS} for pk in plan_ids}
    rows = Placement.objects.unscoped().filter(plan_id__in=plan_ids)
    for plan_id, demands in rows.values_list("plan_id", "demands"):
        demands = demands or {}
        split = any(s in demands for s in SKILLS)
        for skill in SKILLS:
            per_half = demands.get(skill, {}) if split else {}
            if not split and skill == Skill.CONSULTING:
                per_half = demands.get(PROVIDER, {})
            for ordinal, days in per_half.items():
                found[plan_id][skill][int(ordinal)] += days
    return {pk: {s: dict(v) for s, v in days.items()} for pk, days in found.items()}


@dataclass
class Claim:
    """One municipality's plan as it draws on the team."""

    municipality_id: int
    name: str
    decided: bool
    plan_id: int
    scenario_id: int
    scenario: str
    first: int  # HalfYear.ordinal of the plan's first and last half-year
    last: int
    limit: int  # its own provider days per half-year
    days: Days

    def on(self, skill: str, ordinal: int) -> int:
        return self.days.get(skill, {}).get(ordinal, 0)


def claims() -> list[Claim]:
    """Every municipality's plan as it stands, with the days it claims (four queries)."""
    names = dict(Municipality.objects.values_list("pk", "name"))
    shown = shown_plans(list(names))
    plans = {
        row["pk"]: row
        for row in Plan.objects.unscoped()
        .filter(pk__in=[s.plan_id for s in shown.values()])
        .values(
            "pk", "created_at", "first_period", "periods", "parameters__provider_days_per_period"
        )
    }
    days = plan_days({pk: row["created_at"] for pk, row in plans.items()})
    found = []
    for mid, s in sorted(shown.items(), key=lambda item: names[item[0]]):
        plan = plans[s.plan_id]
        found.append(
            Claim(
                mid,
                names[mid],
                s.decided,
                s.plan_id,
                s.scenario_id,
                s.scenario,
                plan["first_period"],
                plan["first_period"] + plan["periods"] - 1,
                int(plan["parameters__provider_days_per_period"] or 0),
                days[s.plan_id],
            )
        )
    return found


class OfSkill:
    """A figure of one of the team's skills, named as the pages show it."""

    skill: str

    @property
    def skill_label(self) -> str:
        return str(Skill(self.skill).label)


@dataclass
class Cell(OfSkill):
    """One skill in one half-year: the team's days against what the plans claim."""

    skill: str
    half_year: HalfYear
    capacity: int | None  # None: not recorded, not limited
    decided: int = 0
    undecided: int = 0
    users: list[tuple[Claim, int]] = field(default_factory=list)

    @property
    def need(self) -> int:
        return self.decided + self.undecided

    @property
    def over(self) -> int:
        return 0 if self.capacity is None else max(0, self.need - self.capacity)

    @property
    def decided_over(self) -> int:
        """What the decided plans alone overbook: they stay, undecided plans give way."""
        return 0 if self.capacity is None else max(0, self.decided - self.capacity)

    @property
    def giving_way(self) -> list[Claim]:
        return [claim for claim, _days in self.users if not claim.decided]


@dataclass
class Load:
    half_years: list[HalfYear]
    rows: dict[str, list[Cell]]  # skill → a cell per half-year
    claims: list[Claim]
    capacity: dict[str, dict[int, int]]  # as recorded (``capacity``)

    @property
    def overbooked(self) -> list[Cell]:
        return [cell for cells in self.rows.values() for cell in cells if cell.over]


def load(today: dt.date) -> Load:
    half_years = window(today)
    team = capacity(half_years)
    found = claims()
    rows: dict[str, list[Cell]] = {}
    for skill in SKILLS:
        cells = []
        for h in half_years:
            cell = Cell(skill, h, team[skill].get(h.ordinal))
            for claim in found:
                days = claim.on(skill, h.ordinal)
                if days:
                    cell.users.append((claim, days))
                    if claim.decided:
                        cell.decided += days
                    else:
                        cell.undecided += days
            cells.append(cell)
        rows[skill] = cells
    return Load(half_years, rows, found, team)


@dataclass(frozen=True)
class Clash(OfSkill):
    """A plan would overbook the team: in ``half_year``, ``skill`` needs ``need`` days of
    ``capacity``; ``own`` of them are this plan's; ``others`` are the competing plans."""

    half_year: HalfYear
    skill: str
    need: int
    capacity: int
    own: int
    others: tuple[tuple[int, str], ...]  # (municipality id, name)


def clashes(plan: Plan, today: dt.date) -> list[Clash]:
    """Where ``plan``, beside every other municipality's plan as it stands, needs more of the
    team than it has (from the current half-year on)."""
    half_years = [h for h in plan.half_years if h >= HalfYear.of(today)]
    team = capacity(half_years)
    own = plan_days({plan.pk: plan.created_at})[plan.pk]
    others = [c for c in claims() if c.municipality_id != plan.municipality_id]
    found = []
    for skill in SKILLS:
        for h in half_years:
            mine = own[skill].get(h.ordinal, 0)
            cap = team[skill].get(h.ordinal)
            if not mine or cap is None:
                continue
            competing = [(c.municipality_id, c.name, c.on(skill, h.ordinal)) for c in others]
            need = mine + sum(days for *_, days in competing)
            if need > cap:
                found.append(
                    Clash(
                        h,
                        skill,
                        need,
                        cap,
                        mine,
                        tuple((mid, name) for mid, name, days in competing if days),
                    )
                )
    return found


@dataclass(frozen=True)
class Availability:
    """The team's days per skill one municipality's plan may use in each of its half-years,
    and where they come from (``team_plan``: its share in that provider-wide plan; else what the
    other municipalities' plans leave free)."""

    days: dict[str, list[int]]
    team_plan: TeamPlan | None


def availability(municipality_id: int, half_years: list[HalfYear]) -> Availability:
    team = capacity(half_years)
    share: dict[str, Any] | None = None
    latest = TeamPlan.objects.order_by("-created_at", "-id").first()
    if latest is not None:
        share = latest.result.get("shares", {}).get(str(municipality_id))
        if share is not None and share.get("decided"):
            share = None
    others = [c for c in claims() if c.municipality_id != municipality_id]
    days: dict[str, list[int]] = {}
    for skill in SKILLS:
        values = []
        for h in half_years:
            cap = team[skill].get(h.ordinal)
            if cap is None:
                values.append(UNLIMITED)
                continue
            free = max(0, cap - sum(c.on(skill, h.ordinal) for c in others))
            offset = -1 if latest is None else h.ordinal - latest.first_period
            if share is not None and 0 <= offset < len(share["allocated"][skill]):
                # its share, never more than the team has now (days may have been lowered)
                values.append(min(share["allocated"][skill][offset], cap))
            else:
                values.append(free)
        days[skill] = values
    return Availability(days, latest if share is not None else None)
