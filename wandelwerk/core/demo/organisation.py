"""Demo step 1: municipalities, users, org units, employees and IT systems."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from wandelwerk.core import tenancy
from wandelwerk.organisation.models import Employee, EmploymentType, Hosting, ITSystem, OrgUnit
from wandelwerk.tenants.logic import create_municipality, grant_membership
from wandelwerk.tenants.models import Membership, Municipality
from wandelwerk.tenants.roles import Role

DEMO_PASSWORD = "wandelwerk-demo"  # demo only, documented in the README

MUNICIPALITIES: list[dict[str, Any]] = [
    {
        "slug": "musterstadt",
        "name": "Musterstadt",
        "ags": "05999001",
        "land": "NW",
        "population": 25_300,
    },
    {
        "slug": "beispieldorf",
        "name": "Beispieldorf",
        "ags": "05999002",
        "land": "NW",
        "population": 4_100,
    },
]

# username, display name, municipality slug (None: provider-wide), role, personal-data permission
USERS = [
    ("anbieter", "Andrea Anbieter (IT-Dienstleister)", None, Role.PROVIDER_ADMIN, False),
    ("berater", "Bernd Berater (IT-Dienstleister)", "musterstadt", Role.CONSULTANT, False),
    (
        "cdo-musterstadt",
        "Clara Dorn (Digitalisierung Musterstadt)",
        "musterstadt",
        Role.MUNICIPALITY_ADMIN,
        False,
    ),
    (
        "personal-musterstadt",
        "Paul Sommer (Personalamt Musterstadt)",
        "musterstadt",
        Role.EDITOR,
        True,
    ),
    ("leser-musterstadt", "Lena Lehmann (Musterstadt)", "musterstadt", Role.VIEWER, False),
    (
        "cdo-beispieldorf",
        "Carsten Dietz (Beispieldorf)",
        "beispieldorf",
        Role.MUNICIPALITY_ADMIN,
        False,
    ),
]

# code, name, parent code, head, citizen contact, staff, positions
MUSTERSTADT_UNITS: list[tuple[str, str, str | None, str, bool, int, list[str]]] = [
    (
        "VV",
        "Verwaltungsvorstand",
        None,
        "Bürgermeister Thomas Berger",
        False,
        2,
        ["Bürgermeister", "Büroleitung Bürgermeister"],
    ),
    (
        "STB",
        "Stabsstelle Bürgermeister",
        "VV",
        "Miriam Kowalski",
        False,
        5,
        [
            "Pressesprecherin",
            "Wirtschaftsförderung",
            "Gleichstellungsbeauftragte",
            "Sachbearbeitung Öffentlichkeitsarbeit",
        ],
    ),
    (
        "RPA",
        "Rechnungsprüfung",
        "VV",
        "Dieter Hahn",
        False,
        3,
        ["Leitung Rechnungsprüfung", "Prüferin", "Prüfer"],
    ),
    ("FB1", "Zentrale Dienste", "VV", "Sabine Krüger", False, 1, ["Fachbereichsleitung"]),
    (
        "1.1",
        "Personal und Organisation",
        "FB1",
        "Martin Vogel",
        False,
        9,
        [
            "Sachbearbeitung Personal",
            "Sachbearbeitung Besoldung und Entgelt",
            "Sachgebietsleitung Personal",
            "Organisationsberatung",
            "Ausbildungsleitung",
        ],
    ),
    (
        "1.2",
        "IT und Digitalisierung",
        "FB1",
        "Jana Neumann",
        False,
        7,
        [
            "IT-Administration",
            "IT-Koordination",
            "Digitalisierungslotse",
            "Informationssicherheitsbeauftragter",
        ],
    ),
    (
        "1.3",
        "Ratsbüro und Zentrale Vergabe",
        "FB1",
        "Uwe Peters",
        False,
        7,
        [
            "Sachbearbeitung Ratsangelegenheiten",
            "Vergabestelle",
            "Poststelle",
            "Hausmeister Rathaus",
        ],
    ),
    ("FB2", "Finanzen", "VV", "Dr. Heike Brandt", False, 1, ["Fachbereichsleitung (Kämmerin)"]),
    (
        "2.1",
        "Kämmerei",
        "FB2",
        "Heike Brandt",
        False,
        7,
        [
            "Sachbearbeitung Haushalt",
            "Anlagenbuchhaltung",
            "Controlling",
            "Sachgebietsleitung Haushalt",
        ],
    ),
    (
        "2.2",
        "Steuern und Abgaben",
        "FB2",
        "Frank Lorenz",
        True,
        8,
        ["Sachbearbeitung Grundsteuer", "Sachbearbeitung Gewerbesteuer", "Sachbearbeitung Abgaben"],
    ),
    (
        "2.3",
        "Stadtkasse",
        "FB2",
        "Monika Schulz",
        True,
        7,
        ["Kassenverwalterin", "Vollstreckung", "Buchhaltung"],
    ),
    ("FB3", "Bürgerdienste und Ordnung", "VV", "Petra Schmitz", False, 1, ["Fachbereichsleitung"]),
    (
        "3.1",
        "Bürgerbüro",
        "FB3",
        "Jens Weber",
        True,
        16,
        [
            "Sachbearbeitung Meldewesen",
            "Sachbearbeitung Pass- und Ausweiswesen",
            "Bürgerberatung",
            "Teamleitung Bürgerbüro",
        ],
    ),
    (
        "3.2",
        "Standesamt",
        "FB3",
        "Birgit Hoffmann",
        True,
        6,
        ["Standesbeamtin", "Standesbeamter", "Sachbearbeitung Personenstand"],
    ),
    (
        "3.3",
        "Ordnungsamt und Gewerbe",
        "FB3",
        "Ralf Zimmermann",
        True,
        18,
        [
            "Sachbearbeitung Gewerbe",
            "Kommunaler Ordnungsdienst",
            "Sachbearbeitung Bußgeld",
            "Sachbearbeitung Fundbüro",
            "Verkehrsüberwachung",
        ],
    ),
    (
        "3.4",
        "Feuerwehr und Bevölkerungsschutz",
        "FB3",
        "Stefan Richter",
        False,
        10,
        ["Gerätewart", "Sachbearbeitung Brandschutz", "Leitung Feuerwehrverwaltung"],
    ),
    ("FB4", "Jugend, Schule, Soziales", "VV", "Andreas Wolf", False, 1, ["Fachbereichsleitung"]),
    (
        "4.1",
        "Kindertagesbetreuung",
        "FB4",
        "Claudia Becker",
        True,
        32,
        ["Erzieherin", "Erzieher", "Kita-Leitung", "Sachbearbeitung Elternbeiträge"],
    ),
    (
        "4.2",
        "Schulverwaltung",
        "FB4",
        "Thomas Klein",
        True,
        9,
        ["Schulsekretärin", "Sachbearbeitung Schulen", "Hausmeister Schule"],
    ),
    (
        "4.3",
        "Soziales und Integration",
        "FB4",
        "Nadine Schröder",
        True,
        12,
        [
            "Sachbearbeitung Wohngeld",
            "Sachbearbeitung Asyl",
            "Sozialarbeit",
            "Integrationsbeauftragte",
        ],
    ),
    ("FB5", "Planen und Bauen", "VV", "Michael Braun", False, 1, ["Fachbereichsleitung"]),
    (
        "5.1",
        "Stadtplanung",
        "FB5",
        "Katrin Lange",
        False,
        8,
        ["Stadtplanerin", "Bauzeichner", "Sachbearbeitung Bauleitplanung"],
    ),
    (
        "5.2",
        "Bauordnung",
        "FB5",
        "Holger Krause",
        True,
        10,
        ["Bauingenieur", "Sachbearbeitung Baugenehmigung", "Bauaufsicht"],
    ),
    (
        "5.3",
        "Liegenschaften und Gebäudemanagement",
        "FB5",
        "Susanne Meyer",
        False,
        10,
        [
            "Gebäudemanagement",
            "Sachbearbeitung Liegenschaften",
            "Technikerin Hochbau",
            "Hausmeister",
        ],
    ),
    (
        "FB6",
        "Tiefbau, Umwelt, Betriebshof",
        "VV",
        "Jürgen Schäfer",
        False,
        1,
        ["Fachbereichsleitung"],
    ),
    (
        "6.1",
        "Tiefbau und Verkehr",
        "FB6",
        "Oliver Koch",
        False,
        9,
        ["Bauingenieurin Tiefbau", "Sachbearbeitung Straßenverkehr", "Straßenbaumeister"],
    ),
    (
        "6.2",
        "Umwelt und Klimaschutz",
        "FB6",
        "Laura Fischer",
        True,
        5,
        ["Klimaschutzmanagerin", "Sachbearbeitung Abfall", "Sachbearbeitung Umwelt"],
    ),
    (
        "6.3",
        "Betriebshof",
        "FB6",
        "Werner Bauer",
        False,
        38,
        [
            "Gärtner",
            "Straßenwärter",
            "Kfz-Mechaniker",
            "Vorarbeiter Betriebshof",
            "Friedhofsgärtner",
        ],
    ),
]

BEISPIELDORF_UNITS: list[tuple[str, str, str | None, str, bool, int, list[str]]] = [
    (
        "BM",
        "Bürgermeisterin",
        None,
        "Bürgermeisterin Ute Sander",
        False,
        2,
        ["Bürgermeisterin", "Vorzimmer"],
    ),
    (
        "10",
        "Hauptamt",
        "BM",
        "Klaus Ebert",
        False,
        6,
        ["Sachbearbeitung Personal", "IT-Betreuung", "Ratsbüro"],
    ),
    ("20", "Finanzen", "BM", "Ines Wagner", True, 5, ["Kämmerin", "Kasse", "Steuern"]),
    (
        "30",
        "Ordnung und Bürgerservice",
        "BM",
        "Rainer Otto",
        True,
        7,
        ["Meldewesen", "Standesamt", "Ordnungsamt", "Gewerbe"],
    ),
    ("40", "Bauen und Liegenschaften", "BM", "Tanja Pohl", True, 6, ["Bauverwaltung", "Bauhof"]),
]

# name, vendor, hosting, unit codes, months until end of support (None: open)
MUSTERSTADT_SYSTEMS: list[tuple[str, str, str, list[str], int | None]] = [
    ("Einwohnermeldeverfahren", "Kommunalsoftware GmbH", Hosting.DATA_CENTRE, ["3.1"], None),
    ("Personenstandsverfahren", "Standesamt Software AG", Hosting.DATA_CENTRE, ["3.2"], 30),
    (
        "Finanzwesen (Doppik)",
        "Kommunalfinanz GmbH",
        Hosting.DATA_CENTRE,
        ["2.1", "2.2", "2.3"],
        None,
    ),
    ("Gewerbeverfahren", "Kommunalsoftware GmbH", Hosting.DATA_CENTRE, ["3.3"], 8),
    (
        "Ordnungswidrigkeiten und Verwarngelder",
        "Ordnung Digital GmbH",
        Hosting.DATA_CENTRE,
        ["3.3"],
        None,
    ),
    ("Bauantragsverfahren", "BauPortal Systeme GmbH", Hosting.DATA_CENTRE, ["5.2"], 14),
    (
        "Dokumentenmanagement (E-Akte)",
        "Akte Digital GmbH",
        Hosting.DATA_CENTRE,
        ["1.1", "1.3", "2.1"],
        None,
    ),
    ("Ratsinformationssystem", "Gremien Software GmbH", Hosting.CLOUD, ["1.3"], None),
    ("Personalwesen und Besoldung", "Personal Kommunal GmbH", Hosting.DATA_CENTRE, ["1.1"], None),
    ("Kita-Verwaltung", "Kita Software GmbH", Hosting.LOCAL, ["4.1"], 6),
    ("Friedhofsverwaltung", "Friedhof Digital GmbH", Hosting.LOCAL, ["6.3"], None),
    ("Wohngeldverfahren", "Sozialsoftware AG", Hosting.DATA_CENTRE, ["4.3"], None),
    ("Asylbewerberleistungen", "Sozialsoftware AG", Hosting.DATA_CENTRE, ["4.3"], 20),
    ("Geoinformationssystem", "Geo Kommunal GmbH", Hosting.DATA_CENTRE, ["5.1", "6.1"], None),
    ("Liegenschaftsverwaltung", "Immobilien Kommunal GmbH", Hosting.LOCAL, ["5.3"], 10),
    ("Feuerwehrverwaltung", "Feuerwehr Software GmbH", Hosting.LOCAL, ["3.4"], None),
    ("Schulverwaltung", "Schule Digital GmbH", Hosting.DATA_CENTRE, ["4.2"], None),
    ("Fundsachenverwaltung", "Kommunalsoftware GmbH", Hosting.DATA_CENTRE, ["3.3"], None),
]

BEISPIELDORF_SYSTEMS: list[tuple[str, str, str, list[str], int | None]] = [
    ("Einwohnermeldeverfahren", "Kommunalsoftware GmbH", Hosting.DATA_CENTRE, ["30"], None),
    ("Finanzwesen (Doppik)", "Kommunalfinanz GmbH", Hosting.DATA_CENTRE, ["20"], None),
    ("Personenstandsverfahren", "Standesamt Software AG", Hosting.DATA_CENTRE, ["30"], 30),
    ("Gewerbeverfahren", "Kommunalsoftware GmbH", Hosting.DATA_CENTRE, ["30"], 8),
    ("Bauverwaltung", "BauPortal Systeme GmbH", Hosting.LOCAL, ["40"], None),
]

# Birth-year bands of a German municipal administration: a large cohort born 1960–1970.
BIRTH_BANDS = [
    ((1959, 1962), 14),
    ((1963, 1967), 22),
    ((1968, 1972), 15),
    ((1973, 1982), 17),
    ((1983, 1992), 20),
    ((1993, 2004), 12),
]


def _birth_year(rng: random.Random) -> int:
    ((low, high),) = rng.choices(
        [band for band, _ in BIRTH_BANDS], weights=[w for _, w in BIRTH_BANDS]
    )
    return rng.randint(low, high)


def _ensure_users(stdout: Any) -> None:
    user_model = get_user_model()
    for username, display, slug, role, personal in USERS:
        user = user_model.objects.filter(username=username).first()
        if user is None:
            user = user_model.objects.create_user(
                username=username, password=DEMO_PASSWORD, display_name=display
            )
        municipality = Municipality.objects.get(slug=slug) if slug else None
        if not Membership.objects.filter(user=user, municipality=municipality).exists():
            grant_membership(
                actor=None,
                user=user,
                municipality=municipality,
                role=role,
                can_view_personal_data=personal,
            )


def _ensure_units(
    municipality: Municipality, units: list[tuple[str, str, str | None, str, bool, int, list[str]]]
) -> dict[str, OrgUnit]:
    existing = {u.code: u for u in OrgUnit.objects.all()}
    for code, name, parent, head, contact, _staff, _positions in units:
        if code not in existing:
            existing[code] = OrgUnit.objects.create(
                municipality=municipality,
                code=code,
                name=name,
                head=head,
                citizen_contact=contact,
                parent=existing[parent] if parent else None,
            )
    return existing


def _ensure_employees(
    municipality: Municipality,
    units: list[tuple[str, str, str | None, str, bool, int, list[str]]],
    by_code: dict[str, OrgUnit],
    seed: int,
    first_number: int,
) -> None:
    rng = random.Random(seed)
    existing = set(Employee.objects.values_list("personnel_number", flat=True))
    number = first_number
    new = []
    today = dt.date.today()
    for code, _name, _parent, _head, _contact, staff, positions in units:
        for i in range(staff):
            number += 7
            personnel_number = str(number)
            year = _birth_year(rng)
            month = rng.randint(1, 12)
            first = rng.random() < 0.03
            kind = (
                EmploymentType.CIVIL_SERVANT
                if rng.random() < 0.22 and code not in {"6.3", "4.1"}
                else EmploymentType.EMPLOYEE
            )
            fte = (
                Decimal("1")
                if rng.random() > 0.25
                else rng.choice([Decimal("0.5"), Decimal("0.6"), Decimal("0.75"), Decimal("0.8")])
            )
            planned = None
            if 1959 <= year <= 1963 and rng.random() < 0.15:  # partial retirement (Altersteilzeit)
                planned = dt.date(
                    today.year + rng.randint(0, 2), rng.choice([3, 6, 9, 12]), 1
                ) - dt.timedelta(days=1)
            position = (
                positions[0]
                if i == 0 and "leitung" in positions[0].lower()
                else rng.choice(positions)
            )
            if personnel_number not in existing:
                new.append(
                    Employee(
                        municipality=municipality,
                        personnel_number=personnel_number,
                        org_unit=by_code[code],
                        position=position,
                        employment_type=kind,
                        fte=fte,
                        birth_year=year,
                        birth_month=month,
                        born_on_first=first,
                        planned_exit_date=planned,
                    )
                )
    Employee.objects.bulk_create(new)


def _ensure_systems(
    municipality: Municipality,
    systems: list[tuple[str, str, str, list[str], int | None]],
    by_code: dict[str, OrgUnit],
) -> None:
    existing = set(ITSystem.objects.values_list("name", flat=True))
    today = dt.date.today()
    for name, vendor, hosting, codes, months in systems:
        if name in existing:
            continue
        end = None
        if months is not None:
            year, month = divmod(today.month - 1 + months, 12)
            end = dt.date(today.year + year, month + 1, 1) - dt.timedelta(days=1)
        system = ITSystem.objects.create(
            municipality=municipality, name=name, vendor=vendor, hosting=hosting, end_of_support=end
        )
        system.org_units.set([by_code[c] for c in codes])


@transaction.atomic
def build_demo(stdout: Any) -> None:
    for data in MUNICIPALITIES:
        if not Municipality.objects.filter(slug=data["slug"]).exists():
            create_municipality(actor=None, **data)
    _ensure_users(stdout)
    plans = [
        ("musterstadt", MUSTERSTADT_UNITS, MUSTERSTADT_SYSTEMS, 11, 100_000),
        ("beispieldorf", BEISPIELDORF_UNITS, BEISPIELDORF_SYSTEMS, 23, 500_000),
    ]
    for slug, units, systems, seed, first_number in plans:
        municipality = Municipality.objects.get(slug=slug)
        with tenancy.activate(municipality):
            by_code = _ensure_units(municipality, units)
            _ensure_employees(municipality, units, by_code, seed, first_number)
            _ensure_systems(municipality, systems, by_code)
            stdout.write(
                f"  {municipality.name}: {OrgUnit.objects.count()} Organisationseinheiten, "
                f"{Employee.objects.count()} Beschäftigte, {ITSystem.objects.count()} IT-Verfahren\n"
            )
