"""Content of the demo's organisation: org units, IT systems and the staff's age structure.

Everything here is fictitious (names, vendors). Natural keys are what makes the demo idempotent,
so they must not change once published: org unit code, IT system name. Personnel numbers are
derived from each municipality's ``first_number`` and the running count of staff (see
``demo.py``).
"""

from __future__ import annotations

from typing import NamedTuple

from wandelwerk.organisation.models import Hosting


class Unit(NamedTuple):
    code: str
    name: str
    parent: str | None
    head: str
    citizen_contact: bool
    staff: int
    lead: str  # position of the unit's first employee (its head)
    positions: list[str]  # positions of everybody else; repeat one to make it more frequent
    civil_servants: float = 0.25  # share of Beamte; the head is twice as likely to be one
    part_time: float = 0.3  # share with a part-time contract


# fmt: off
MUSTERSTADT_UNITS = [
    Unit("VV", "Verwaltungsvorstand", None, "Bürgermeister Thomas Berger", False, 2,
         "Bürgermeister", ["Büroleitung Bürgermeister"], 0.5, 0.0),
    Unit("STB", "Stabsstelle Bürgermeister", "VV", "Miriam Kowalski", False, 5,
         "Leitung Stabsstelle", ["Pressesprecherin", "Wirtschaftsförderung",
                                 "Gleichstellungsbeauftragte", "Sachbearbeitung Öffentlichkeitsarbeit"], 0.2),
    Unit("RPA", "Rechnungsprüfung", "VV", "Dieter Hahn", False, 3,
         "Leitung Rechnungsprüfung", ["Prüferin", "Prüfer"], 0.6),
    Unit("FB1", "Zentrale Dienste", "VV", "Sabine Krüger", False, 1,
         "Fachbereichsleitung Zentrale Dienste", [], 0.5, 0.0),
    Unit("1.1", "Personal und Organisation", "FB1", "Martin Vogel", False, 9,
         "Sachgebietsleitung Personal", ["Sachbearbeitung Personal", "Sachbearbeitung Personal",
                                         "Sachbearbeitung Besoldung und Entgelt", "Organisationsberatung",
                                         "Ausbildungsleitung"], 0.35),
    Unit("1.2", "IT und Digitalisierung", "FB1", "Jana Neumann", False, 7,
         "Sachgebietsleitung IT", ["IT-Administration", "IT-Administration", "IT-Koordination",
                                   "Digitalisierungslotse", "Informationssicherheitsbeauftragter"], 0.1, 0.1),
    Unit("1.3", "Ratsbüro und Zentrale Vergabe", "FB1", "Uwe Peters", False, 7,
         "Sachgebietsleitung Ratsbüro", ["Sachbearbeitung Ratsangelegenheiten", "Vergabestelle",
                                         "Poststelle", "Hausmeister Rathaus"], 0.3),
    Unit("FB2", "Finanzen", "VV", "Dr. Heike Brandt", False, 1,
         "Fachbereichsleitung Finanzen (Kämmerin)", [], 0.5, 0.0),
    Unit("2.1", "Kämmerei", "FB2", "Markus Jansen", False, 7,
         "Sachgebietsleitung Haushalt", ["Sachbearbeitung Haushalt", "Sachbearbeitung Haushalt",
                                         "Anlagenbuchhaltung", "Controlling"], 0.4),
    Unit("2.2", "Steuern und Abgaben", "FB2", "Frank Lorenz", True, 8,
         "Sachgebietsleitung Steuern", ["Sachbearbeitung Grundsteuer", "Sachbearbeitung Gewerbesteuer",
                                        "Sachbearbeitung Abgaben"], 0.45),
    Unit("2.3", "Stadtkasse", "FB2", "Monika Schulz", True, 7,
         "Kassenverwalterin", ["Buchhaltung", "Buchhaltung", "Vollziehungsbeamter",
                               "Sachbearbeitung Zahlungsverkehr"], 0.35),
    Unit("FB3", "Bürgerdienste und Ordnung", "VV", "Petra Schmitz", False, 1,
         "Fachbereichsleitung Bürgerdienste und Ordnung", [], 0.5, 0.0),
    Unit("3.1", "Bürgerbüro", "FB3", "Jens Weber", True, 16,
         "Teamleitung Bürgerbüro", ["Sachbearbeitung Meldewesen", "Sachbearbeitung Meldewesen",
                                    "Sachbearbeitung Pass- und Ausweiswesen", "Bürgerberatung"], 0.2, 0.35),
    Unit("3.2", "Standesamt", "FB3", "Birgit Hoffmann", True, 6,
         "Leitung Standesamt", ["Standesbeamtin", "Standesbeamter", "Sachbearbeitung Personenstand"], 0.35),
    Unit("3.3", "Ordnungsamt und Gewerbe", "FB3", "Ralf Zimmermann", True, 18,
         "Sachgebietsleitung Ordnung", ["Sachbearbeitung Gewerbe", "Kommunaler Ordnungsdienst",
                                        "Kommunaler Ordnungsdienst", "Sachbearbeitung Bußgeld",
                                        "Sachbearbeitung Fundbüro", "Verkehrsüberwachung"], 0.35),
    Unit("3.4", "Feuerwehr und Bevölkerungsschutz", "FB3", "Stefan Richter", False, 10,
         "Leitung Feuerwehrverwaltung", ["Gerätewart", "Gerätewart", "Sachbearbeitung Brandschutz",
                                         "Sachbearbeitung Bevölkerungsschutz"], 0.3, 0.1),
    Unit("FB4", "Jugend, Schule, Soziales", "VV", "Andreas Wolf", False, 1,
         "Fachbereichsleitung Jugend, Schule, Soziales", [], 0.5, 0.0),
    Unit("4.1", "Kindertagesbetreuung", "FB4", "Claudia Becker", True, 32,
         "Sachgebietsleitung Kindertagesbetreuung", ["Erzieherin", "Erzieherin", "Erzieherin", "Erzieher",
                                                     "Kinderpflegerin", "Kita-Leitung",
                                                     "Sachbearbeitung Elternbeiträge"], 0.0, 0.45),
    Unit("4.2", "Schulverwaltung", "FB4", "Thomas Klein", True, 9,
         "Sachgebietsleitung Schulen", ["Schulsekretärin", "Schulsekretärin", "Sachbearbeitung Schulen",
                                        "Hausmeister Schule"], 0.1, 0.4),
    Unit("4.3", "Soziales und Integration", "FB4", "Nadine Schröder", True, 12,
         "Sachgebietsleitung Soziales", ["Sachbearbeitung Wohngeld", "Sachbearbeitung Asyl",
                                         "Sozialarbeit", "Integrationsbeauftragte"], 0.3, 0.35),
    Unit("FB5", "Planen und Bauen", "VV", "Michael Braun", False, 1,
         "Fachbereichsleitung Planen und Bauen", [], 0.5, 0.0),
    Unit("5.1", "Stadtplanung", "FB5", "Katrin Lange", False, 8,
         "Sachgebietsleitung Stadtplanung", ["Stadtplanerin", "Stadtplaner", "Bauzeichnerin",
                                             "Sachbearbeitung Bauleitplanung"], 0.2),
    Unit("5.2", "Bauordnung", "FB5", "Holger Krause", True, 10,
         "Sachgebietsleitung Bauordnung", ["Bauingenieur", "Bauingenieurin", "Sachbearbeitung Baugenehmigung",
                                           "Bauaufsicht"], 0.35),
    Unit("5.3", "Liegenschaften und Gebäudemanagement", "FB5", "Susanne Meyer", False, 10,
         "Sachgebietsleitung Gebäudemanagement", ["Sachbearbeitung Liegenschaften", "Technikerin Hochbau",
                                                  "Energiemanagement", "Hausmeister"], 0.15),
    Unit("FB6", "Tiefbau, Umwelt, Betriebshof", "VV", "Jürgen Schäfer", False, 1,
         "Fachbereichsleitung Tiefbau, Umwelt, Betriebshof", [], 0.5, 0.0),
    Unit("6.1", "Tiefbau und Verkehr", "FB6", "Oliver Koch", False, 9,
         "Sachgebietsleitung Tiefbau", ["Bauingenieurin Tiefbau", "Bauingenieur Tiefbau",
                                        "Sachbearbeitung Straßenverkehr", "Straßenbaumeister"], 0.2),
    Unit("6.2", "Umwelt und Klimaschutz", "FB6", "Laura Fischer", True, 5,
         "Sachgebietsleitung Umwelt", ["Klimaschutzmanagerin", "Sachbearbeitung Abfall",
                                       "Sachbearbeitung Umwelt"], 0.15),
    Unit("6.3", "Betriebshof", "FB6", "Werner Bauer", False, 38,
         "Betriebshofleitung", ["Gärtner", "Gärtner", "Straßenwärter", "Straßenwärter", "Kfz-Mechaniker",
                                "Vorarbeiter Betriebshof", "Friedhofsgärtner"], 0.0, 0.08),
]

BEISPIELDORF_UNITS = [
    Unit("BM", "Bürgermeisterin", None, "Bürgermeisterin Ute Sander", False, 2,
         "Bürgermeisterin", ["Vorzimmer Bürgermeisterin"], 0.5, 0.0),
    Unit("10", "Hauptamt", "BM", "Klaus Ebert", False, 6,
         "Leitung Hauptamt", ["Sachbearbeitung Personal", "IT-Betreuung", "Ratsbüro",
                              "Sachbearbeitung Schulen und Kitas"], 0.3),
    Unit("20", "Finanzen", "BM", "Ines Wagner", True, 5,
         "Kämmerin", ["Gemeindekasse", "Sachbearbeitung Steuern", "Buchhaltung"], 0.4),
    Unit("30", "Ordnung und Bürgerservice", "BM", "Rainer Otto", True, 7,
         "Leitung Ordnungsamt", ["Sachbearbeitung Meldewesen", "Sachbearbeitung Meldewesen", "Standesbeamtin",
                                 "Sachbearbeitung Ordnung und Gewerbe"], 0.3),
    Unit("40", "Bauen und Liegenschaften", "BM", "Tanja Pohl", True, 6,
         "Leitung Bauamt", ["Sachbearbeitung Bauverwaltung", "Bauhofmitarbeiter", "Bauhofmitarbeiter"], 0.1),
]
# fmt: on


class System(NamedTuple):
    name: str
    vendor: str
    hosting: str
    units: list[str]  # org unit codes
    support_months: int | None = None  # end of support this many months from today; None: open


# Vendors are generic names, not real products.
MUSTERSTADT_SYSTEMS = [
    System("Einwohnermeldeverfahren", "Kommunalsoftware GmbH", Hosting.DATA_CENTRE, ["3.1"]),
    System("Personenstandsverfahren", "Standesamt Software AG", Hosting.DATA_CENTRE, ["3.2"], 30),
    System(
        "Finanzwesen (Doppik)", "Kommunalfinanz GmbH", Hosting.DATA_CENTRE, ["2.1", "2.2", "2.3"]
    ),
    System("Gewerbeverfahren", "Kommunalsoftware GmbH", Hosting.DATA_CENTRE, ["3.3"], 8),
    System(
        "Ordnungswidrigkeiten und Verwarngelder",
        "Ordnung Digital GmbH",
        Hosting.DATA_CENTRE,
        ["3.3"],
    ),
    System("Bauantragsverfahren", "BauPortal Systeme GmbH", Hosting.DATA_CENTRE, ["5.2"], 14),
    System(
        "Dokumentenmanagement (E-Akte)",
        "Akte Digital GmbH",
        Hosting.DATA_CENTRE,
        ["1.1", "1.3", "2.1"],
    ),
    System("Ratsinformationssystem", "Gremien Software GmbH", Hosting.CLOUD, ["1.3"]),
    System("Personalwesen und Besoldung", "Personal Kommunal GmbH", Hosting.DATA_CENTRE, ["1.1"]),
    System("Kita-Verwaltung", "Kita Software GmbH", Hosting.LOCAL, ["4.1"], 6),
    System("Friedhofsverwaltung", "Friedhof Digital GmbH", Hosting.LOCAL, ["6.3"]),
    System("Wohngeldverfahren", "Sozialsoftware AG", Hosting.DATA_CENTRE, ["4.3"]),
    System("Asylbewerberleistungen", "Sozialsoftware AG", Hosting.DATA_CENTRE, ["4.3"], 20),
    System("Geoinformationssystem", "Geo Kommunal GmbH", Hosting.DATA_CENTRE, ["5.1", "6.1"]),
    System("Liegenschaftsverwaltung", "Immobilien Kommunal GmbH", Hosting.LOCAL, ["5.3"], 10),
    System("Feuerwehrverwaltung", "Feuerwehr Software GmbH", Hosting.LOCAL, ["3.4"]),
    System("Schulverwaltung", "Schule Digital GmbH", Hosting.DATA_CENTRE, ["4.2"]),
    System("Fundsachenverwaltung", "Kommunalsoftware GmbH", Hosting.DATA_CENTRE, ["3.3"]),
]

BEISPIELDORF_SYSTEMS = [
    System("Einwohnermeldeverfahren", "Kommunalsoftware GmbH", Hosting.DATA_CENTRE, ["30"]),
    System("Finanzwesen (Doppik)", "Kommunalfinanz GmbH", Hosting.DATA_CENTRE, ["20"]),
    System("Personenstandsverfahren", "Standesamt Software AG", Hosting.DATA_CENTRE, ["30"], 30),
    System("Gewerbeverfahren", "Kommunalsoftware GmbH", Hosting.DATA_CENTRE, ["30"], 8),
    System("Bauverwaltung", "BauPortal Systeme GmbH", Hosting.LOCAL, ["40"]),
]


class Plan(NamedTuple):
    slug: str
    units: list[Unit]
    systems: list[System]
    seed: int
    first_number: int  # personnel numbers count up from here


PLANS = [
    Plan("musterstadt", MUSTERSTADT_UNITS, MUSTERSTADT_SYSTEMS, 5, 100_000),
    Plan("beispieldorf", BEISPIELDORF_UNITS, BEISPIELDORF_SYSTEMS, 23, 500_000),
]

# Age bands (age reached in the current year) with weights: the age structure of a German
# municipal administration, with the large cohort born in the 1960s close to retirement (in 2026:
# born 1960–1971). Ages are relative to today so the wave stays ahead of the demo, whenever it is
# loaded; people whose statutory exit has already passed are drawn again.
AGE_BANDS = [
    ((60, 66), 20),
    ((55, 59), 22),
    ((50, 54), 14),
    ((40, 49), 17),
    ((30, 39), 16),
    ((19, 29), 11),
]
HEAD_MIN_AGE = 32
BORN_ON_FIRST_SHARE = 0.03
# Some of those within five years of retirement leave earlier (Altersteilzeit, early retirement).
EARLY_EXIT_SHARE = 0.2
PART_TIME_FTE = ["0.5", "0.6", "0.75", "0.8"]
