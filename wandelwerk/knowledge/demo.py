"""Demo step: the people who hold Musterstadt's knowledge, and its knowledge base.

Every unit head gets an account (password as all demo accounts), linked to the head's employee
record and set as the unit's head. A few heads leave soon (HR's planned exit date) and the mayor
is an elected official with the end of his term, so the hand-over list has something to show.
Then about 300 articles: hand-written ones (``demo_texts``) and generated ones (``demo_data``),
most published, some drafts and submissions, a few with a pending change, some past their review
date. Idempotent: accounts by username, links only where none exists, articles by title.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from wandelwerk.accounts.demo import DEMO_PASSWORD
from wandelwerk.accounts.logic import grant_membership
from wandelwerk.core.dates import add_months
from wandelwerk.knowledge import logic
from wandelwerk.knowledge.demo_data import (
    LEAVING,
    MAYOR_TERM_END,
    MAYOR_UNIT,
    TOPICS,
    Spec,
    absence,
    faq,
    handover,
    onboarding,
    process,
    system_page,
)
from wandelwerk.knowledge.demo_texts import TEXTS
from wandelwerk.knowledge.models import Article, Expertise, HandOver, RiskRating
from wandelwerk.knowledge.risk import logic as risk_logic
from wandelwerk.organisation.demo_data import MUSTERSTADT_SYSTEMS, MUSTERSTADT_UNITS
from wandelwerk.organisation.models import Employee, EmploymentType, ITSystem, OrgUnit
from wandelwerk.ozg.models import AdministrativeService
from wandelwerk.tenants import tenancy
from wandelwerk.tenants.models import Membership, Municipality
from wandelwerk.tenants.roles import Role

SLUG = "musterstadt"
MAX_PROCESSES = 150
TITLES = ("Bürgermeister ", "Bürgermeisterin ", "Dr. ")


def username(name: str) -> str:
    for title in TITLES:
        name = name.replace(title, "")
    ascii_name = unicodedata.normalize("NFKD", name.lower().replace("ß", "ss"))
    ascii_name = ascii_name.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]+", ".", ascii_name).strip(".")


def _end_of_month(day: dt.date) -> dt.date:
    return add_months(day.replace(day=1), 1) - dt.timedelta(days=1)


def ensure_heads(municipality: Municipality, today: dt.date) -> dict[str, Any]:
    """The head of every unit as an account with an editor's role; returns them by unit code."""
    users = get_user_model()
    units = {u.code: u for u in OrgUnit.objects.select_related("head_user")}
    heads = {}
    for plan in MUSTERSTADT_UNITS:
        user, _created = users.objects.get_or_create(
            username=username(plan.head),
            defaults={"display_name": plan.head, "second_factor_exempt": True},
        )
        if _created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        if not Membership.objects.filter(user=user, municipality=municipality).exists():
            grant_membership(actor=None, user=user, municipality=municipality, role=Role.EDITOR)
        unit = units[plan.code]
        if unit.head_user_id is None:
            unit.head_user = user
            unit.save(update_fields=["head_user"])
        _link_employee(unit, user, today)
        heads[plan.code] = user
    return heads


def _link_employee(unit: OrgUnit, user: Any, today: dt.date) -> None:
    if Employee.objects.filter(user=user).exists():
        return
    employee = (
        Employee.objects.filter(org_unit=unit, user__isnull=True)
        .order_by("personnel_number")
        .first()
    )
    if employee is None:
        return
    employee.user = user
    if unit.code in LEAVING:
        employee.planned_exit_date = _end_of_month(add_months(today, LEAVING[unit.code]))
    if unit.code == MAYOR_UNIT:
        employee.employment_type = EmploymentType.CIVIL_SERVANT
        employee.term_end = MAYOR_TERM_END
        employee.planned_exit_date = None
    employee.save()


def specs() -> list[Spec]:
    units = {u.code: u for u in OrgUnit.objects.all()}
    systems_of: dict[str, list[str]] = {}
    for system in MUSTERSTADT_SYSTEMS:
        for code in system.units:
            systems_of.setdefault(code, []).append(system.name)
    found = [Spec(f"text:{t.title}", t.unit, t.template, t.title, t.body, t.systems) for t in TEXTS]
    services = (
        AdministrativeService.objects.filter(org_unit__isnull=False)
        .select_related("org_unit")
        .order_by("-cases_per_year", "pk")[:MAX_PROCESSES]
    )
    system_names = set(ITSystem.objects.values_list("name", flat=True))
    for service in services:
        unit = service.org_unit
        candidates = [s for s in systems_of.get(unit.code, []) if s in system_names]
        found.append(process(service, unit, candidates[0] if candidates else ""))
    for plan in MUSTERSTADT_UNITS:
        unit, systems = units[plan.code], systems_of.get(plan.code, [])
        positions = [plan.lead, *plan.positions]
        found += [
            faq(unit, positions, systems),
            onboarding(unit, systems),
            absence(unit),
            handover(unit, positions, systems),
        ]
    found += [
        system_page(s.name, s.vendor, [units[c] for c in s.units]) for s in MUSTERSTADT_SYSTEMS
    ]
    return found


def build_articles(heads: dict[str, Any], today: dt.date) -> int:
    rng = random.Random(300)
    existing = set(Article.objects.values_list("title", flat=True))
    units = {u.code: u for u in OrgUnit.objects.select_related("parent")}
    systems = {s.name: s for s in ITSystem.objects.all()}
    services = {s.pk: s for s in AdministrativeService.objects.filter(org_unit__isnull=False)}
    created = 0
    for spec in specs():
        if spec.title in existing:
            continue
        unit = units[spec.unit]
        owner = heads[spec.unit]
        parent = unit.parent.code if unit.parent else None
        deputy = heads.get(parent) if parent and heads.get(parent) != owner else None
        article = logic.save_article(
            actor=owner,
            title=spec.title,
            body=spec.body,
            template=spec.template,
            owner=owner,
            deputy=deputy,
            review_interval_months=rng.choice([6, 12, 12, 12, 24]),
            next_review=today + dt.timedelta(days=rng.randint(-75, 400)),
            links={
                "org_units": [unit],
                "it_systems": [systems[n] for n in spec.systems if n in systems],
                "services": [services[spec.service]] if spec.service in services else [],
            },
        )
        created += 1
        roll = rng.random()
        if roll < 0.04:
            continue  # a draft
        if roll < 0.06:
            logic.submit(actor=owner, article=article)
            continue
        logic.publish(actor=owner, article=article)
        if roll > 0.96:  # a change waiting to be published
            logic.save_article(
                actor=owner,
                article=article,
                title=article.title,
                body=article.body
                + "\n\nErgänzung: Die Zuständigkeit wurde zum Quartalsbeginn neu geregelt.\n",
                template=article.template,
                owner=owner,
                deputy=deputy,
                review_interval_months=article.review_interval_months,
                next_review=article.next_review,
                note="Zuständigkeit ergänzt",
            )
    return created


def build_expertise(today: dt.date) -> int:
    """Who knows what in each unit: the head knows the unit's topics and systems, colleagues its
    busiest services; some knowledge is written down, some has a successor, and some only one
    person has (the risk the map shows)."""
    if Expertise.objects.exists():
        return 0
    rng = random.Random(13)
    systems_of: dict[str, list[str]] = {}
    for system in MUSTERSTADT_SYSTEMS:
        for code in system.units:
            systems_of.setdefault(code, []).append(system.name)
    systems = {s.name: s for s in ITSystem.objects.all()}
    created = 0
    for unit in OrgUnit.objects.order_by("code"):
        staff = list(Employee.objects.filter(org_unit=unit).order_by("personnel_number"))
        if not staff:
            continue
        head, others = staff[0], staff[1:] or staff
        services = list(
            AdministrativeService.objects.filter(org_unit=unit).order_by("-cases_per_year")[:4]
        )
        subjects: list[dict[str, Any]] = [
            {"topic_name": name} for name in TOPICS.get(unit.code, [])
        ]
        subjects += [
            {"it_system": systems[n]} for n in systems_of.get(unit.code, []) if n in systems
        ]
        subjects += [{"service": s} for s in services]
        for n, subject in enumerate(subjects):
            holder = head if n % 3 == 0 or len(staff) == 1 else others[n % len(others)]
            logic.save_expertise(
                actor=None,
                employee=holder,
                level="expert",
                documented=rng.random() < 0.4,
                successor=others[(n + 1) % len(others)]
                if rng.random() < 0.35 and len(staff) > 1
                else None,
                **subject,
            )
            created += 1
            second = others[(n + 2) % len(others)]
            if second != holder and rng.random() < 0.55:  # the rest stays with one person
                level = rng.choice(["competent", "competent", "basic"])
                logic.save_expertise(
                    actor=None, employee=second, level=level, documented=False, **subject
                )
                created += 1
    return created


def build_risks(heads: dict[str, Any]) -> int:
    """Position factors for every head and a few key people per unit, rated by the head (HR
    for the heads themselves), then the hand-over measures for the high risks."""
    if RiskRating.objects.exists():
        return 0
    rng = random.Random(17)
    hr = get_user_model().objects.filter(username="personal-musterstadt").first()
    for unit in OrgUnit.objects.order_by("code"):
        staff = list(Employee.objects.filter(org_unit=unit).order_by("personnel_number"))
        for n, employee in enumerate(staff[:4]):
            factor = rng.choice([4, 5]) if n == 0 else rng.choice([1, 2, 2, 3, 3, 4])
            rater = hr if n == 0 else heads.get(unit.code, hr)
            note = "Leitung; Wissen kaum dokumentiert" if n == 0 and factor == 5 else ""
            risk_logic.rate(actor=rater, employee=employee, position_factor=factor, note=note)
    return len(risk_logic.create_handovers(actor=hr))


@transaction.atomic
def build_demo(stdout: Any) -> None:
    municipality = Municipality.objects.filter(slug=SLUG).first()
    if municipality is None:
        return
    today = dt.date.today()
    with tenancy.activate(municipality):
        heads = ensure_heads(municipality, today)
        created = build_articles(heads, today)
        expertise = build_expertise(today)
        handovers = build_risks(heads)
        stdout.write(
            f"  {municipality.name}: {Article.objects.count()} Wissensartikel"
            f" ({f'{created} neu' if created else 'bereits vorhanden'}), "
            f"{len(heads)} Leitungen mit Konto, {Expertise.objects.count()} Einträge in der "
            f"Wissenslandkarte ({f'{expertise} neu' if expertise else 'bereits vorhanden'}), "
            f"{HandOver.objects.count()} Übergaben für hohe Wissensverlustrisiken"
            f"{f' ({handovers} neu)' if handovers else ''}\n"
        )
