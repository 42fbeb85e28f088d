"""Demo step: the OZG catalogue and the service registers of Musterstadt (~400) and Beispieldorf (~80).

Each register starts with the services every town carries out (``demo_data.CORE``, with case
volumes and levels that fit the town), adds a few services of its own, and is filled up from the
standard set of a Kommune (LeiKa-Typ 5, 4 and 2/3, without what chambers, courts, the Land or the
Kreis do). Every service gets a history of level changes over the last three years that ends in
its current level; a service that reached level 3 went online on that day, and the ones still
below their target have milestones. Idempotent: a municipality that has a register is left alone.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import re
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone

from wandelwerk.organisation.models import ITSystem, OrgUnit
from wandelwerk.ozg import demo_data as data
from wandelwerk.ozg.carriers import carries
from wandelwerk.ozg.catalog import is_loaded, load_catalog
from wandelwerk.ozg.logic import service_from_entry, standard_entries
from wandelwerk.ozg.models import (
    AdministrativeService,
    Channel,
    LeikaEntry,
    MaturityChange,
    MaturityModel,
    Milestone,
    MilestoneKind,
    TargetGroup,
)
from wandelwerk.tenants import tenancy
from wandelwerk.tenants.models import Municipality

HISTORY_YEARS = 3


@dataclass(frozen=True)
class Town:
    slug: str
    size: int  # services in the register
    seed: int
    small: bool
    scale: float  # case volumes relative to Musterstadt


TOWNS = [
    Town("musterstadt", 400, 31, False, 1.0),
    Town("beispieldorf", 80, 37, True, data.BEISPIELDORF_POPULATION / data.MUSTERSTADT_POPULATION),
]


@dataclass
class Context:
    town: Town
    municipality: Municipality
    rng: random.Random
    units: dict[str, OrgUnit]
    systems: dict[str, ITSystem]
    today: dt.date
    services: list[AdministrativeService] = field(default_factory=list)

    def unit(self, big: str, small: str | None) -> OrgUnit | None:
        return self.units.get((small or "") if self.town.small else big)

    def system(self, name: str) -> ITSystem | None:
        if self.town.small:
            name = data.SMALL_SYSTEM.get(name, name)
        return self.systems.get(name)

    def cases(self, base: int) -> int:
        jitter = self.rng.uniform(0.85, 1.15)
        return max(1, round(base * self.town.scale * jitter))


def _target(level: int, cases: int, target: int | None) -> int:
    if target is None:
        target = 4 if cases >= 1000 else 3
    return max(level, target)


def _channels(rng: random.Random, level: int, group: str) -> list[str]:
    if group == TargetGroup.INTERNAL:
        return [str(Channel.ONLINE if level >= 3 else Channel.EMAIL)]
    channels: list[str] = [Channel.OFFICE]
    if rng.random() < 0.6:
        channels.append(Channel.POST)
    if level == 2 or rng.random() < 0.3:
        channels.append(Channel.EMAIL)
    if level >= 3:
        channels.append(Channel.ONLINE)
    return channels


def _add_core(ctx: Context, entries: dict[str, LeikaEntry]) -> None:
    for core in data.CORE:
        if ctx.town.small and core.small_unit is None:
            continue
        entry = entries[core.leika_key]
        if not carries(ctx.municipality, entry.carrier, entry.leika_type):
            continue  # the Kreis or another body carries it out for this town
        service = service_from_entry(entry, ctx.municipality)
        level = core.level
        if ctx.town.small and not core.efa and level > 0 and ctx.rng.random() < 0.45:
            level -= 1  # the village is a step behind, except where an EfA solution is used
        cases = ctx.cases(core.cases)
        service.org_unit = ctx.unit(core.unit, core.small_unit)
        service.it_system = ctx.system(core.system) if core.system else None
        service.target_group = core.group
        service.cases_per_year = cases
        service.minutes_per_case = core.minutes
        service.maturity_level = level
        service.target_level = _target(level, core.cases, core.target)
        service.efa_reuse = core.efa
        service.channels = _channels(ctx.rng, level, core.group)
        ctx.services.append(service)


def _add_own(ctx: Context) -> None:
    for own in data.OWN:
        if ctx.town.small and own.small_unit is None:
            continue
        ctx.services.append(
            AdministrativeService(
                municipality=ctx.municipality,
                name=own.name,
                is_own=True,
                org_unit=ctx.unit(own.unit, own.small_unit),
                it_system=ctx.system(own.system) if own.system else None,
                target_group=own.group,
                cases_per_year=ctx.cases(own.cases),
                minutes_per_case=own.minutes,
                maturity_level=own.level,
                target_level=max(own.level, own.target),
                channels=_channels(ctx.rng, own.level, own.group),
            )
        )


def _fill_candidates(ctx: Context, taken: set[str]) -> list[LeikaEntry]:
    """Standard-set entries a town plausibly carries out: at most two tasks per service object."""
    objects = {key[:8] for key in taken}
    by_object: dict[str, list[LeikaEntry]] = {}
    for entry in standard_entries():
        key = entry.leika_key or ""
        if not key.endswith("000") or key[:8] in objects or data.NOT_MUNICIPAL.search(entry.name):
            continue
        by_object.setdefault(key[:8], []).append(entry)
    ranked: list[tuple[int, float, LeikaEntry]] = []
    for group in by_object.values():
        tasks = [e for e in group if not (e.leika_key or "").endswith("000000")] or group
        for entry in ctx.rng.sample(tasks, min(2, len(tasks))):
            types = {t.strip() for t in entry.leika_type.split(",")}
            rank = 0 if "5" in types else 1 if "4" in types else 2
            ranked.append((rank, ctx.rng.random(), entry))
    ranked.sort(key=lambda r: (r[0], r[1]))
    return [entry for _, _, entry in ranked]


def _fill_unit(entry: LeikaEntry) -> tuple[str, str]:
    for pattern, big, small in data.UNIT_RULES:
        if re.search(pattern, entry.name):
            return big, small
    topic = entry.ozg_service.topic.name if entry.ozg_service else ""
    return data.UNIT_BY_TOPIC.get(topic, ("3.3", "30"))


def _add_fill(ctx: Context, count: int, taken: set[str]) -> None:
    levels = [0, 1, 2, 3, 4]
    weights = [30, 40, 20, 8, 2] if ctx.town.small else [16, 40, 26, 14, 4]
    for entry in _fill_candidates(ctx, taken)[:count]:
        service = service_from_entry(entry, ctx.municipality)
        big, small = _fill_unit(entry)
        service.org_unit = ctx.unit(big, small)
        code = small if ctx.town.small else big
        service.it_system = ctx.system(data.SYSTEM_BY_UNIT.get(code, ""))
        topic = entry.ozg_service.topic.name if entry.ozg_service else ""
        business = topic.startswith("Unternehmens") or data.BUSINESS_WORDS.search(entry.name)
        service.target_group = TargetGroup.BUSINESSES if business else TargetGroup.CITIZENS
        # Rare services: a log-normal volume with a median of about 12 cases a year.
        rare = min(150, max(1, round(math.exp(ctx.rng.gauss(2.5, 1.0)))))
        service.cases_per_year = ctx.cases(rare)
        service.minutes_per_case = ctx.rng.choice([10, 15, 20, 30, 45, 60, 90, 120])
        level = ctx.rng.choices(levels, weights)[0]
        service.maturity_level = level
        service.target_level = _target(level, service.cases_per_year, None)
        service.efa_reuse = level >= 3 and ctx.rng.random() < 0.35
        service.channels = _channels(ctx.rng, level, service.target_group)
        ctx.services.append(service)


def _history(ctx: Context, service: AdministrativeService) -> list[MaturityChange]:
    """Level changes over the last years that end in the service's current level."""
    rng, today = ctx.rng, ctx.today
    start = today - dt.timedelta(days=365 * HISTORY_YEARS)
    level = service.maturity_level

    def change(date: dt.date, new: int, old: int | None) -> MaturityChange:
        return MaturityChange(
            municipality=ctx.municipality,
            service=service,
            date=date,
            rgm_version=MaturityModel.V1_1,
            level=new,
            previous_level=old,
        )

    first = start - dt.timedelta(days=rng.randint(30, 90))  # recorded when the register began
    if level >= 3 and not service.efa_reuse and rng.random() < 0.3:
        service.online_since = start - dt.timedelta(days=rng.randint(90, 1500))
        return [change(first, level, None)]
    current = rng.choice([0, 0, 1]) if level > 0 else 0
    if service.efa_reuse:
        current = min(current, 1)
    changes = [change(first, current, None)]
    date = first
    span = (today - first).days
    while current < level:
        step = level - current if service.efa_reuse and level >= 3 else 1
        remaining = level - current
        date = min(
            today - dt.timedelta(days=rng.randint(0, 20)),
            date + dt.timedelta(days=rng.randint(30, max(31, span // (remaining + 1)))),
        )
        changes.append(change(date, current + step, current))
        if current < 3 <= current + step:
            service.online_since = date
        current += step
    return changes


def _milestones(ctx: Context, service: AdministrativeService) -> list[Milestone]:
    rng, today = ctx.rng, ctx.today

    def milestone(kind: str, planned: dt.date, done: dt.date | None = None) -> Milestone:
        return Milestone(
            municipality=ctx.municipality, service=service, kind=kind, planned=planned, done=done
        )

    live = service.online_since
    if live is not None and live > today - dt.timedelta(days=365 * HISTORY_YEARS):
        # Went online in the period: the whole project is done.
        concept = live - dt.timedelta(days=rng.randint(240, 420))
        build = live - dt.timedelta(days=rng.randint(60, 200))
        rollout = min(today, live + dt.timedelta(days=rng.randint(30, 120)))
        return [
            milestone(MilestoneKind.CONCEPT, concept, concept),
            milestone(MilestoneKind.IMPLEMENTATION, build, build + dt.timedelta(days=14)),
            milestone(MilestoneKind.GO_LIVE, live, live),
            milestone(MilestoneKind.ROLLOUT, rollout, rollout),
        ]
    if service.maturity_level >= service.target_level or rng.random() > 0.35:
        return []
    concept = today - dt.timedelta(days=rng.randint(30, 400))
    build = today + dt.timedelta(days=rng.randint(-60, 300))
    go_live = build + dt.timedelta(days=rng.randint(90, 300))
    return [
        milestone(MilestoneKind.CONCEPT, concept, concept),
        milestone(MilestoneKind.IMPLEMENTATION, build, build if build < today else None),
        milestone(MilestoneKind.GO_LIVE, go_live),
        milestone(MilestoneKind.ROLLOUT, go_live + dt.timedelta(days=rng.randint(60, 240))),
    ]


def _register(town: Town, municipality: Municipality, stdout: Any) -> None:
    if AdministrativeService.objects.exists():
        return
    ctx = Context(
        town=town,
        municipality=municipality,
        rng=random.Random(town.seed),
        units={u.code: u for u in OrgUnit.objects.all()},
        systems={s.name: s for s in ITSystem.objects.all()},
        today=timezone.localdate(),
    )
    keys = [c.leika_key for c in data.CORE]
    entries = {
        e.leika_key: e
        for e in LeikaEntry.objects.filter(leika_key__in=keys).select_related("ozg_service")
        if e.leika_key
    }
    _add_core(ctx, entries)
    _add_own(ctx)
    _add_fill(ctx, town.size - len(ctx.services), set(keys))
    history = [change for s in ctx.services for change in _history(ctx, s)]
    AdministrativeService.objects.bulk_create(ctx.services, batch_size=500)
    milestones = [m for s in ctx.services for m in _milestones(ctx, s)]
    MaturityChange.objects.bulk_create(history, batch_size=1000)
    Milestone.objects.bulk_create(milestones, batch_size=1000)
    stdout.write(
        f"  {municipality.name}: {len(ctx.services)} Leistungen, "
        f"{len(history)} Reifegradänderungen, {len(milestones)} Meilensteine\n"
    )


@transaction.atomic
def build_demo(stdout: Any) -> None:
    if not is_loaded():
        c = load_catalog()
        stdout.write(f"  OZG-Katalog: {c.services} OZG-Leistungen, {c.entries} LeiKa-Leistungen\n")
    for town in TOWNS:
        municipality = Municipality.objects.filter(slug=town.slug).first()
        if municipality is None:
            continue
        with tenancy.activate(municipality):
            _register(town, municipality, stdout)
