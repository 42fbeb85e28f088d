"""Demo step: the OZG catalogue and the service registers of Musterstadt (~400) and Beispieldorf (~80)."""

from __future__ import annotations

import datetime as dt
import math
import random
from typing import Any

from django.db import transaction
from django.utils import timezone

from wandelwerk.core import tenancy
from wandelwerk.organisation.models import ITSystem, OrgUnit
from wandelwerk.ozg.catalog import is_loaded, load_catalog
from wandelwerk.ozg.logic import service_from_entry, standard_entries
from wandelwerk.ozg.models import (
    AdministrativeService,
    Channel,
    MaturityChange,
    Milestone,
    MilestoneKind,
    TargetGroup,
)
from wandelwerk.tenants.models import Municipality

# Themenfeld → responsible unit (Musterstadt codes, Beispieldorf codes)
UNIT_BY_TOPIC = {
    "Bauen & Wohnen": ("5.2", "40"),
    "Familie & Kind": ("4.1", "30"),
    "Bildung": ("4.2", "10"),
    "Ein- & Auswanderung": ("4.3", "30"),
    "Engagement & Hobby": ("3.3", "30"),
    "Gesundheit": ("4.3", "30"),
    "Mobilität & Reisen": ("6.1", "30"),
    "Querschnitt": ("3.1", "30"),
    "Recht & Ordnung": ("3.3", "30"),
    "Steuern & Zoll": ("2.2", "20"),
    "Umwelt": ("6.2", "40"),
    "Unternehmensführung & -entwicklung": ("3.3", "30"),
    "Arbeit & Ruhestand": ("4.3", "30"),
    "Forschung & Förderung": ("STB", "10"),
}
SYSTEM_BY_UNIT = {
    "3.1": "Einwohnermeldeverfahren",
    "3.2": "Personenstandsverfahren",
    "3.3": "Gewerbeverfahren",
    "5.2": "Bauantragsverfahren",
    "2.2": "Finanzwesen (Doppik)",
    "4.1": "Kita-Verwaltung",
    "4.3": "Wohngeldverfahren",
}
# Typical yearly case volumes of a town of 25,000 by keyword (a rough guide for the demo).
VOLUME_HINTS = [
    (
        (
            "Meldebescheinigung",
            "Anmeldung",
            "Ummeldung",
            "Abmeldung",
            "Personalausweis",
            "Reisepass",
        ),
        2500,
        9000,
    ),
    (("Führungszeugnis", "Parkausweis", "Hund"), 300, 1200),
    (("Gewerbe",), 200, 700),
    (("Bau", "Abbruch"), 80, 350),
    (("Eheschließung", "Geburt", "Sterbe"), 100, 400),
    (("Kita", "Kindertages", "Betreuung"), 300, 900),
    (("Grundsteuer", "Gewerbesteuer", "Abgabe", "Gebühr"), 500, 4000),
    (("Einziehung", "Entziehung", "Widerruf", "Rücknahme", "Untersagung", "Verbot"), 1, 15),
]
LEVELS = [0, 1, 2, 3, 4]


def _cases(name: str, rng: random.Random, scale: float) -> int:
    for words, low, high in VOLUME_HINTS:
        if any(w in name for w in words):
            return max(1, int(rng.randint(low, high) * scale))
    return max(1, int(math.exp(rng.gauss(3.0, 1.1)) * scale))


LEVEL_WEIGHTS = [14, 38, 27, 16, 5]


def _register(municipality: Municipality, size: int, seed: int, small: bool, stdout: Any) -> None:
    if AdministrativeService.objects.exists():
        return
    rng = random.Random(seed)
    candidates = standard_entries()
    typ5 = [e for e in candidates if "5" in e.leika_type.split(", ")]
    rest = [e for e in candidates if e not in typ5 and e.leika_key and e.leika_key.endswith("000")]
    chosen = (typ5 if not small else typ5[:10]) + rng.sample(
        rest, size - (len(typ5) if not small else 10)
    )
    units = {u.code: u for u in OrgUnit.objects.all()}
    systems = {s.name: s for s in ITSystem.objects.all()}
    today = timezone.localdate()
    services = []
    for entry in chosen:
        service = service_from_entry(entry, municipality)
        topic = entry.ozg_service.topic.name if entry.ozg_service else "Querschnitt"
        code = UNIT_BY_TOPIC.get(topic, ("3.1", "30"))[1 if small else 0]
        if "Personenstand" in entry.name or "Ehe" in entry.name or "Geburt" in entry.name:
            code = "30" if small else "3.2"
        service.org_unit = units.get(code)
        service.it_system = systems.get(SYSTEM_BY_UNIT.get(code, ""))
        service.target_group = (
            TargetGroup.BUSINESSES
            if topic == "Unternehmensführung & -entwicklung"
            else TargetGroup.CITIZENS
        )
        if rng.random() < 0.05:
            service.target_group = TargetGroup.INTERNAL
        scale = 0.15 if small else 1.0
        service.cases_per_year = _cases(entry.name, rng, scale)
        service.minutes_per_case = rng.choice([5, 10, 15, 20, 30, 45, 60, 90, 120])
        level = rng.choices(LEVELS, LEVEL_WEIGHTS if not small else [30, 40, 20, 8, 2])[0]
        service.maturity_level = level
        service.target_level = 4 if service.cases_per_year > 2000 else 3
        if level > service.target_level:
            service.target_level = level
        service.channels = (
            [Channel.OFFICE, Channel.POST]
            + ([Channel.ONLINE] if level >= 2 else [])
            + ([Channel.EMAIL] if rng.random() < 0.4 else [])
        )
        service.efa_reuse = level >= 3 and rng.random() < 0.35
        if level >= 3:
            service.online_since = today - dt.timedelta(days=rng.randint(60, 900))
        services.append(service)
    AdministrativeService.objects.bulk_create(services)
    saved = list(AdministrativeService.objects.all())
    history, milestones = [], []
    start = today - dt.timedelta(days=3 * 365)
    for service in saved:
        level = rng.choice([0, 0, 1]) if service.maturity_level > 0 else 0
        date = start + dt.timedelta(days=rng.randint(0, 60))
        history.append(
            MaturityChange(
                municipality=municipality,
                service=service,
                date=date,
                rgm_version="1.1",
                level=level,
                previous_level=None,
            )
        )
        while level < service.maturity_level:
            date = date + dt.timedelta(days=rng.randint(60, 300))
            date = min(date, today - dt.timedelta(days=rng.randint(0, 30)))
            history.append(
                MaturityChange(
                    municipality=municipality,
                    service=service,
                    date=date,
                    rgm_version="1.1",
                    level=level + 1,
                    previous_level=level,
                )
            )
            level += 1
        if service.maturity_level < service.target_level and rng.random() < 0.4:
            concept_done = today - dt.timedelta(days=rng.randint(30, 400))
            milestones.append(
                Milestone(
                    municipality=municipality,
                    service=service,
                    kind=MilestoneKind.CONCEPT,
                    planned=concept_done,
                    done=concept_done,
                )
            )
            milestones.append(
                Milestone(
                    municipality=municipality,
                    service=service,
                    kind=MilestoneKind.IMPLEMENTATION,
                    planned=today + dt.timedelta(days=rng.randint(30, 300)),
                )
            )
            milestones.append(
                Milestone(
                    municipality=municipality,
                    service=service,
                    kind=MilestoneKind.GO_LIVE,
                    planned=today + dt.timedelta(days=rng.randint(300, 600)),
                )
            )
            milestones.append(
                Milestone(
                    municipality=municipality,
                    service=service,
                    kind=MilestoneKind.ROLLOUT,
                    planned=today + dt.timedelta(days=rng.randint(600, 900)),
                )
            )
    MaturityChange.objects.bulk_create(history)
    Milestone.objects.bulk_create(milestones)
    stdout.write(
        f"  {municipality.name}: {len(saved)} Leistungen, {len(history)} Reifegradänderungen\n"
    )


@transaction.atomic
def build_demo(stdout: Any) -> None:
    if not is_loaded():
        c = load_catalog()
        stdout.write(f"  OZG-Katalog: {c.services} OZG-Leistungen, {c.entries} LeiKa-Leistungen\n")
    for slug, size, seed, small in (
        ("musterstadt", 400, 31, False),
        ("beispieldorf", 80, 37, True),
    ):
        municipality = Municipality.objects.filter(slug=slug).first()
        if municipality is None:
            continue
        with tenancy.activate(municipality):
            _register(municipality, size, seed, small, stdout)
