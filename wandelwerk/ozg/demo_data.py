"""Content of the OZG demo: the services a town of 25,000 really carries out, and how to map the rest.

Case volumes are yearly figures for Musterstadt (25,300 inhabitants), estimated from typical
rates: about 8 % of the inhabitants move in every year, an identity card is valid for ten years,
about 1,900 dogs, 250 births in the town's hospital district, and so on. Beispieldorf (4,100)
takes the same rates scaled by population. Levels follow Reifegradmodell 1.1 and what mid-size
towns typically offered in 2026: EfA services (Gewerbe, Wohngeld, Baugenehmigung, Wohnsitz)
online, identity documents and anything needing a personal appearance at level 1 or 2.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from wandelwerk.ozg.models import TargetGroup

C, B, INT = TargetGroup.CITIZENS, TargetGroup.BUSINESSES, TargetGroup.INTERNAL

MUSTERSTADT_POPULATION = 25_300
BEISPIELDORF_POPULATION = 4_100


class CoreService(NamedTuple):
    """A service every town of this size has, with its figures for Musterstadt."""

    leika_key: str
    unit: str  # Musterstadt org unit code
    small_unit: str | None  # Beispieldorf org unit code; None: the Kreis does it there
    cases: int
    minutes: int
    group: str
    level: int
    target: int | None = None  # None: 4 for mass services, otherwise 3
    system: str = ""
    efa: bool = False


CORE = [
    # Bürgerbüro: Meldewesen, Ausweise, Wahlen
    CoreService("99115005104000", "3.1", "30", 2100, 15, C, 3, 4, "Einwohnermeldeverfahren", True),
    CoreService("99115005070000", "3.1", "30", 180, 10, C, 2, None, "Einwohnermeldeverfahren"),
    CoreService("99115005011000", "3.1", "30", 1400, 10, C, 2, 4, "Einwohnermeldeverfahren"),
    CoreService("99115003012000", "3.1", "30", 900, 5, C, 3, 4, "Einwohnermeldeverfahren"),
    CoreService("99115004001000", "3.1", "30", 1600, 8, B, 4, None, "Einwohnermeldeverfahren"),
    CoreService("99115002060000", "3.1", "30", 60, 20, C, 1, None, "Einwohnermeldeverfahren"),
    CoreService("99008001012000", "3.1", "30", 2600, 20, C, 1, 2, "Einwohnermeldeverfahren"),
    CoreService("99008001014002", "3.1", "30", 250, 10, C, 2, None, "Einwohnermeldeverfahren"),
    CoreService("99085001012000", "3.1", "30", 1100, 20, C, 1, 2, "Einwohnermeldeverfahren"),
    CoreService("99085003012000", "3.1", "30", 350, 15, C, 1, 2, "Einwohnermeldeverfahren"),
    CoreService("99049001001001", "3.1", "30", 800, 10, C, 1, None, "Einwohnermeldeverfahren"),
    CoreService("99049004000000", "3.1", "30", 60, 10, C, 1),
    CoreService("99089017000000", "3.1", "30", 320, 15, C, 2, None, "Fundsachenverwaltung"),
    CoreService("99014007035000", "3.1", "30", 400, 5, C, 0, 2),
    CoreService("99014003035000", "3.1", "30", 700, 5, C, 0, 2),
    CoreService("99114032012000", "3.1", "30", 150, 5, C, 0, 2),
    CoreService("99128001120001", "3.1", "10", 6000, 3, C, 3, 4, "Einwohnermeldeverfahren"),
    CoreService("99128008104000", "3.1", "10", 150, 10, C, 2),
    # Standesamt
    CoreService("99027002012000", "3.2", "30", 900, 10, C, 3, 4, "Personenstandsverfahren"),
    CoreService("99059001104000", "3.2", "30", 130, 60, C, 1, None, "Personenstandsverfahren"),
    CoreService("99059004012000", "3.2", "30", 400, 8, C, 3, 4, "Personenstandsverfahren"),
    CoreService("99101004012000", "3.2", "30", 700, 8, C, 3, 4, "Personenstandsverfahren"),
    CoreService("99101011000000", "3.2", "30", 290, 30, B, 1, None, "Personenstandsverfahren"),
    CoreService("99073001022000", "3.2", "30", 260, 15, C, 0, 2, "Personenstandsverfahren"),
    CoreService("99133001026000", "3.2", "30", 90, 45, C, 0, 2, "Personenstandsverfahren"),
    CoreService("99083001011003", "3.2", "30", 40, 30, C, 1, None, "Personenstandsverfahren"),
    # Ordnungsamt und Gewerbe
    CoreService("99050012104000", "3.3", "30", 260, 20, B, 3, 4, "Gewerbeverfahren", True),
    CoreService("99050012071000", "3.3", "30", 90, 15, B, 3, 4, "Gewerbeverfahren", True),
    CoreService("99050012070000", "3.3", "30", 210, 10, B, 3, 4, "Gewerbeverfahren", True),
    CoreService("99050012163000", "3.3", "30", 3, 600, B, 0, None, "Gewerbeverfahren"),
    CoreService("99025002005000", "3.3", "30", 12, 240, B, 2, None, "Gewerbeverfahren"),
    CoreService("99025002056000", "3.3", "30", 70, 45, B, 2, None, "Gewerbeverfahren"),
    CoreService("99025004020000", "3.3", "30", 25, 30, B, 1),
    CoreService("99050023005000", "3.3", "30", 15, 60, B, 1, None, "Gewerbeverfahren"),
    CoreService("99050028005000", "3.3", None, 2, 300, B, 0, None, "Gewerbeverfahren"),
    CoreService("99110009014000", "3.3", "30", 340, 10, C, 3),
    CoreService("99110009010001", "3.3", "30", 25, 30, C, 1),
    CoreService("99108001001000", "3.3", None, 450, 10, C, 3, 4),
    CoreService("99108001020000", "3.3", None, 380, 5, C, 3, 4),
    CoreService("99108009012000", "3.3", "30", 120, 20, C, 1),
    CoreService("99050032002000", "3.3", "30", 15, 120, B, 0),
    CoreService(
        "99108031002000", "3.3", "30", 9500, 4, C, 2, 4, "Ordnungswidrigkeiten und Verwarngelder"
    ),
    CoreService(
        "99089072017000", "3.3", None, 80, 15, C, 1, None, "Ordnungswidrigkeiten und Verwarngelder"
    ),
    # Steuern und Abgaben
    CoreService("99102012002002", "2.2", "20", 9800, 3, C, 1, 4, "Finanzwesen (Doppik)"),
    CoreService("99102013002000", "2.2", "20", 350, 15, C, 3, None, "Finanzwesen (Doppik)"),
    CoreService("99102013010000", "2.2", "20", 20, 20, C, 1, None, "Finanzwesen (Doppik)"),
    CoreService("99102010002000", "2.2", "20", 1300, 15, B, 1, 4, "Finanzwesen (Doppik)"),
    CoreService("99102017002000", "2.2", None, 140, 20, C, 1, None, "Finanzwesen (Doppik)"),
    CoreService("99001001002000", "2.2", "20", 8400, 2, C, 1, 4, "Finanzwesen (Doppik)"),
    CoreService("99012018111000", "2.2", "20", 40, 180, C, 0, None, "Finanzwesen (Doppik)"),
    # Kindertagesbetreuung (in Beispieldorf: Kreisjugendamt)
    CoreService("99041004034000", "4.1", None, 420, 30, C, 3, 4, "Kita-Verwaltung"),
    CoreService("99071007002000", "4.1", None, 1050, 15, C, 1, 4, "Kita-Verwaltung"),
    CoreService("99071007068000", "4.1", None, 160, 45, C, 1, None, "Kita-Verwaltung"),
    CoreService("99088033000000", "4.1", "10", 90, 30, C, 1),
    # Schulverwaltung, Bücherei, Musikschule
    CoreService("99088011039000", "4.2", "10", 480, 15, C, 2, None, "Schulverwaltung"),
    CoreService("99088012005000", "4.2", "10", 15, 30, C, 0, None, "Schulverwaltung"),
    CoreService("99088031000000", "4.2", None, 300, 20, C, 2),
    CoreService("99077020040000", "4.2", None, 900, 5, C, 2),
    CoreService("99098006000000", "4.2", "10", 60, 30, C, 1),
    # Soziales und Integration (Wohngeld and Grundsicherung: in Beispieldorf the Kreis)
    CoreService("99107023017000", "4.3", None, 420, 120, C, 3, 4, "Wohngeldverfahren", True),
    CoreService("99107023011000", "4.3", None, 150, 60, C, 3, 4, "Wohngeldverfahren", True),
    CoreService("99107029017000", "4.3", "30", 140, 180, C, 0, None, "Asylbewerberleistungen"),
    CoreService("99107009017000", "4.3", None, 220, 180, C, 1),
    CoreService("99107032148000", "4.3", None, 260, 30, C, 2),
    CoreService("99107046000000", "4.3", None, 180, 10, C, 1),
    CoreService("99107040000000", "4.3", "10", 120, 10, C, 1),
    CoreService("99030003027000", "4.3", "10", 80, 20, C, 1),
    # Stadtplanung, Bauordnung (in Beispieldorf: Bauaufsicht des Kreises)
    CoreService("99012008001000", "5.2", None, 160, 480, C, 3, None, "Bauantragsverfahren", True),
    CoreService("99012008001001", "5.2", None, 110, 300, C, 3, None, "Bauantragsverfahren", True),
    CoreService("99012010001000", "5.2", None, 35, 300, C, 3, None, "Bauantragsverfahren", True),
    CoreService("99012001001000", "5.2", None, 20, 120, C, 2, None, "Bauantragsverfahren"),
    CoreService("99012004023000", "5.2", None, 260, 20, B, 2, None, "Bauantragsverfahren"),
    CoreService("99033002001000", "5.2", None, 25, 180, C, 1, None, "Bauantragsverfahren"),
    CoreService("99012012023000", "5.1", "40", 60, 20, C, 3, None, "Geoinformationssystem"),
    # Liegenschaften: Vorkaufsrecht, Friedhöfe
    CoreService("99012038234000", "5.3", "40", 300, 15, B, 1, None, "Liegenschaftsverwaltung"),
    CoreService("99101001107000", "5.3", "40", 260, 45, C, 1, None, "Friedhofsverwaltung"),
    CoreService("99101001038000", "5.3", "40", 60, 30, C, 1, None, "Friedhofsverwaltung"),
    CoreService("99101008001000", "5.3", "40", 200, 15, B, 2, None, "Friedhofsverwaltung"),
    CoreService("99101002058000", "5.3", "40", 280, 60, B, 1, None, "Friedhofsverwaltung"),
    # Tiefbau und Verkehr
    CoreService("99108012005001", "6.1", "40", 180, 40, B, 2),
    CoreService("99108012134001", "6.1", "40", 140, 60, B, 1, None, "Geoinformationssystem"),
    CoreService("99108004001000", "6.1", None, 90, 30, B, 1),
    CoreService("99108003001000", "6.1", None, 180, 20, B, 2),
    CoreService("99108011000000", "6.1", "30", 220, 15, C, 3),
    CoreService("99108020224000", "6.1", "40", 150, 15, C, 3, 4),
    CoreService("99108021224000", "6.1", None, 80, 20, C, 3),
    CoreService("99012003012000", "6.1", "40", 150, 20, B, 1),
    # Umwelt und Betriebshof
    CoreService("99093003001002", "6.2", "40", 120, 45, C, 2, None, "Geoinformationssystem"),
    CoreService("99129005006000", "6.2", None, 40, 90, B, 1),
    CoreService("99001009004002", "6.3", "40", 3200, 5, C, 4, 4),
    CoreService("99001005004000", "6.3", None, 400, 5, C, 2),
    CoreService("99001004004000", "6.3", "40", 220, 30, C, 3),
    CoreService("99089067000000", "6.3", None, 60, 60, C, 3),
    # Ratsbüro
    CoreService("99030001037001", "1.3", "10", 1, 900, C, 0),
    CoreService("99030004037001", "1.3", "10", 1, 300, C, 0),
    CoreService("99064005000000", "1.3", "10", 25, 120, C, 2),
    CoreService("99030005058000", "1.3", "10", 6, 60, C, 1),
]


class OwnService(NamedTuple):
    """A service of the municipality itself, not in the catalogue."""

    name: str
    unit: str
    small_unit: str | None
    cases: int
    minutes: int
    group: str
    level: int
    target: int
    system: str = ""


OWN = [
    OwnService(
        "Urlaubsantrag und Zeiterfassung",
        "1.1",
        "10",
        4200,
        3,
        INT,
        3,
        4,
        "Personalwesen und Besoldung",
    ),
    OwnService(
        "Reisekostenabrechnung", "1.1", "10", 650, 20, INT, 1, 3, "Personalwesen und Besoldung"
    ),
    OwnService(
        "Bewerbung auf Stellenausschreibungen",
        "1.1",
        None,
        900,
        30,
        C,
        3,
        4,
        "Personalwesen und Besoldung",
    ),
    OwnService(
        "Eingangsrechnungen (XRechnung)", "2.3", "20", 14500, 6, B, 3, 4, "Finanzwesen (Doppik)"
    ),
    OwnService(
        "Vermietung von Bürgerhaus und Sälen",
        "5.3",
        "40",
        140,
        30,
        C,
        2,
        3,
        "Liegenschaftsverwaltung",
    ),
    OwnService("Vereinsförderung (Zuschüsse)", "STB", "BM", 45, 90, C, 1, 3),
    OwnService("Ferienspiele Anmeldung", "4.1", None, 650, 4, C, 4, 4),
    OwnService(
        "Brandsicherheitswache bei Veranstaltungen",
        "3.4",
        None,
        40,
        60,
        B,
        0,
        3,
        "Feuerwehrverwaltung",
    ),
    OwnService(
        "Kostenersatz für Feuerwehreinsätze", "3.4", "30", 70, 60, C, 0, 3, "Feuerwehrverwaltung"
    ),
    OwnService(
        "Sitzungsunterlagen für Rat und Ausschüsse",
        "1.3",
        "10",
        120,
        45,
        INT,
        3,
        4,
        "Ratsinformationssystem",
    ),
]

# Systems Beispieldorf has under another name.
SMALL_SYSTEM = {"Bauantragsverfahren": "Bauverwaltung"}

# Catalogue entries a town does not carry out (chambers, courts, Land and Kreis authorities).
NOT_MUNICIPAL = re.compile(
    r"[Kk]ammer|Versorgungswerk|Wertpapier|Kern|Schiff|Luft|Flug|Hochschul|Approbation|[Aa]rzt|ärzt|"
    r"Apothe|Arznei|Medizin|Röntgen|Strahl|Gentechn|Grundbuch|[Rr]egister|Richter|Insolvenz|Bodensee|"
    r"Kriegs|[Vv]ersicher|[Ss]achverständig|Prüfingenieur|Güterkraft|Eich|Ausbildungsförderung|"
    r"Aufenthalt|Visum|[Ee]inbürgerung|Führerschein|Fahrerlaubnis|Kraftfahr|[Ff]ahrzeug|Jagd|Waffe|"
    r"Munition|Spreng|Berufsqualifikation|Anerkennung|Studi|Promotion|Notar|[Aa]nwalt|Steuerberat|"
    r"Patent|Zoll|Bundes|Atom|Berg|Tierarzt|Tierseuche|Fischer|Forst|Wald|Soldat|Wehr|Lohnsteuer|"
    r"Einkommensteuer|Umsatzsteuer|Erbschaft|Schornsteinfeger|Handwerk|Meister|Ausbildung|Prüfung|"
    r"Gefahrgut|Eisenbahn|Bahn|Seil|Dolmetscher|Übersetzer|Heilpraktiker|Psycho|Pfleg|Hebamme|Lotsen|"
    r"Gericht|Straf|Justiz|Gefangen|Vollzug|Arbeitslosengeld|Bürgergeld|Elterngeld|Kindergeld|Asyl|"
    r"Bank|Börse|Kredit|Finanzanlage|Investment|Tabak|Alkohol|Branntwein|Pyrotechn|Ingenieur|"
    r"Architekt|Vermess|Kataster|Lotterie|Rundfunk|Schwerbehindert|Jugendlichen|Adoption|Vormund|"
    r"Beistand|[Ss]chule|Gymnasium|Kolleg|Rente|Drogen|Flurbereinigung|Lehrling|Fahrer|Stiftung|"
    r"Rechtsdienst|SÜG|Häftling|Archivgut|[Ww]eiterbildung|Fortbildung|Sterilisation|Impfung|BImSchG|"
    r"Immobiliardarlehen|Buchmacher|Störstrahler|Rohrfernleitung|Planfeststellung|akademisch|Wildtier|"
    r"Schädling|explosionsgef|Alleinerziehende|Berufsbezeichnung|Staatsexamen|[Rr]eferendariat|"
    r"Lehramt|[Ii]mmatrikulation|Stipendium|Notenverbesserung|Religionsunterricht|Spielbank|"
    r"Landeswappen|Landtag|Kreistag|Zwangsarbeiter|Wölfe|Krankentransport|Notfallrettung|"
    r"Patientenbeschwerde|Berufsvorbereitung|Vorqualifizierung|Auslandsmärkte|Wirtschaftsstruktur|"
    r"Prüflaboratorien|Typenprüfung|Tragwerksplaner|Entwurfsverfasser|Nachweisberechtigten|"
    r"Fachingenieure|Gesellschaftsverzeichnis|auswärtigen|Stadtplanerliste|Kardiotechn|Desinfektor|"
    r"Gesundheitsaufseher|Fachkräfte|Berufsausbildung|Landeserziehungsgeld|Schüleraustausch|"
    r"Schulzeugnis|Schulfremden|Schulische|Schulgeld|Schulart|Förderbedarf|Forschung|Deutschland|"
    r"Erbschein|Gnadenerweis|Patientenverfügung|Doppelbesteuerung|Statistische|Erhebung des|"
    r"Erhebung der|Ansässigkeit|Nachlass|Testament|Unterbringung|Zwangs"
)

# Where a catalogue service that is not in CORE belongs: (pattern, Musterstadt unit, Beispieldorf unit).
UNIT_RULES = [
    (r"[Ss]teuer|[Aa]bgabe|Gebühr|[Tt]axe|Beitrag", "2.2", "20"),
    (
        r"Hund|Gewerbe|Gaststätt|Sperrzeit|Spiel|Markt|Feilbiet|Sammlung|Feiertag|Standplatz|"
        r"Veranstaltung|Osterfeuer|Glücksspiel|Tierheim|Ordnungs",
        "3.3",
        "30",
    ),
    (r"[Bb]au|Abbruch|Denkmal|Gebäude|Genehmigungsfreistellung", "5.2", "40"),
    (
        r"Flurstück|Liegenschaft|Grundstück|Wohnraum|Vorkaufsrecht|Grab|Bestattung|Friedhof|Leichen|"
        r"Überführung",
        "5.3",
        "40",
    ),
    (r"Flächennutzung|Dorferneuerung|Bebauung|Erschließung", "5.1", "40"),
    (
        r"Wohnsitz|Melde|[Aa]usweis|[Pp]ass\b|Reisepass|Adressbuch|Wahl|Wähler|Beglaubigung|Fund",
        "3.1",
        "30",
    ),
    (r"Geburt|Ehe|Sterbe|Lebenspartner|Namen|Vaterschaft|Kirchenaustritt|Todes", "3.2", "30"),
    (r"Kindertages|Kita|Elternbeitrag|Hort|Tagespflege|Kinder|Familie|Mehrling", "4.1", "10"),
    (r"Schül|Einschulung|Bibliothek|Musik|Kultur|Sport|Schulpflicht|Schulbezirk", "4.2", "10"),
    (
        r"Wohngeld|Sozial|Grundsicherung|Senioren|Geringverdiener|Blinden|Sonderfahrdienst|"
        r"Begrüßungsgeld|Teilhabe|Nahverkehrsticket|Hilfe|Ehrenamt",
        "4.3",
        "10",
    ),
    (r"Straße|Verkehr|Park|Halteverbot|Gehweg|Sondernutzung|Wildunfall|Umzug", "6.1", "30"),
    (
        r"Abfall|Müll|[Ww]asser|Baum|Natur|Umwelt|Lärm|Immission|Heizöl|Zisterne|Graffiti|Tier|"
        r"Boden|Gewässer|Energie|Klima",
        "6.2",
        "40",
    ),
    (r"Feuer|Brand|Kampfmittel|Katastroph|Elementarschäden", "3.4", "30"),
    (
        r"Bürgerbegehren|Bürgerentscheid|Einwohner|Wappen|Amtsblatt|Information|Akteneinsicht",
        "1.3",
        "10",
    ),
    (r"Förder|Zuwendung|Wirtschaft|Tourismus", "STB", "BM"),
]

# Themenfeld → unit for whatever no rule matches.
UNIT_BY_TOPIC = {
    "Bauen & Wohnen": ("5.2", "40"),
    "Familie & Kind": ("4.1", "10"),
    "Bildung": ("4.2", "10"),
    "Gesundheit": ("4.3", "30"),
    "Mobilität & Reisen": ("6.1", "30"),
    "Steuern & Zoll": ("2.2", "20"),
    "Umwelt": ("6.2", "40"),
    "Arbeit & Ruhestand": ("4.3", "10"),
    "Engagement & Hobby": ("4.3", "10"),
    "Forschung & Förderung": ("STB", "BM"),
}

# The specialist system a unit's services usually run in (Musterstadt names).
SYSTEM_BY_UNIT = {
    "3.1": "Einwohnermeldeverfahren",
    "3.2": "Personenstandsverfahren",
    "5.2": "Bauantragsverfahren",
    "2.2": "Finanzwesen (Doppik)",
    "5.1": "Geoinformationssystem",
    "5.3": "Liegenschaftsverwaltung",
    "3.4": "Feuerwehrverwaltung",
    "20": "Finanzwesen (Doppik)",
    "40": "Bauverwaltung",
}

BUSINESS_WORDS = re.compile(r"Gewerbe|Unternehm|Betrieb|Gaststätt|Handel|Makler|Markt|Anlage")
