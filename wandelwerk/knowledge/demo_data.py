"""Generated articles of the Musterstadt demo: a process description for each service the town
carries out, and per org unit its FAQ, the checklists for onboarding and absence, and the
hand-over document of its head; per IT system a page on use and access.

The texts are assembled from what the demo knows of each service and unit (case volume, time per
case, IT system, online maturity, target group, positions), so that they differ in substance, not
only in their title."""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple


class Spec(NamedTuple):
    key: str  # natural key of the demo article, kept in its first version's note
    unit: str
    template: str
    title: str
    body: str
    systems: tuple[str, ...] = ()
    service: int | None = None  # AdministrativeService id


# Heads of these units leave soon (months from today; HR's planned exit), so the demo shows
# articles to hand over. Beyond 12 months: not yet on the list.
LEAVING = {"2.3": 4, "3.2": 7, "6.3": 10, "1.3": 15}
# The mayor is an elected official (Wahlbeamter): he leaves when his term ends.
MAYOR_UNIT = "VV"
MAYOR_TERM_END = dt.date(2030, 10, 31)


# Fields of knowledge beside services and IT systems, per org unit code.
TOPICS = {
    "STB": ["Pressearbeit und Krisenkommunikation", "Fördermittelakquise"],
    "RPA": ["Prüfung von Vergaben", "Kassenprüfung"],
    "1.1": ["Tarifrecht TVöD", "Beihilfe", "Stellenbewertung"],
    "1.2": [
        "Netzwerk und Firewall",
        "Berechtigungskonzept",
        "Informationssicherheit (BSI-Grundschutz)",
    ],
    "1.3": ["Sitzungsdienst", "Vergaberecht unterhalb der Schwellenwerte"],
    "2.1": ["Haushaltsaufstellung", "Jahresabschluss", "Anlagenbuchhaltung"],
    "2.2": ["Grundsteuerreform", "Gewerbesteuer-Vorauszahlungen"],
    "2.3": ["Tagesabschluss der Stadtkasse", "Vollstreckung", "Zahlungsverkehr SEPA"],
    "3.1": ["Wahlorganisation", "Meldewesen Sonderfälle"],
    "3.2": ["Auslandsberührung im Personenstandsrecht", "Trauungen außerhalb des Rathauses"],
    "3.3": ["Gaststättenrecht", "Marktwesen", "Veranstaltungsgenehmigungen"],
    "3.4": ["Brandschutzbedarfsplan", "Einsatzplanung Großschadenslagen"],
    "4.1": ["Platzvergabe Kita", "Elternbeitragssatzung"],
    "4.2": ["Schulentwicklungsplanung", "Schülerbeförderung"],
    "4.3": ["Unterbringung Geflüchteter", "Wohngeld Sonderfälle"],
    "5.1": ["Bauleitplanung", "Städtebauförderung"],
    "5.2": ["Brandschutz im Baugenehmigungsverfahren", "Denkmalschutz"],
    "5.3": ["Energiemanagement", "Mietverträge städtischer Gebäude"],
    "6.1": ["Verkehrsrechtliche Anordnungen", "Straßenbaubeiträge"],
    "6.2": ["Abfallwirtschaftskonzept", "Klimaschutzkonzept"],
    "6.3": ["Winterdienst", "Friedhofsverwaltung", "Fuhrpark"],
}


def _number(n: int) -> str:
    """``n`` with German thousands separators."""
    return f"{n:,}".replace(",", ".")


def _volume(cases: int) -> str:
    if cases >= 2000:
        return (
            f"ein Massengeschäft mit rund {_number(cases)} Fällen im Jahr; Standardfälle gehen "
            "ohne Rückfrage durch"
        )
    if cases >= 200:
        return f"ein regelmäßiges Geschäft mit rund {_number(cases)} Fällen im Jahr"
    return f"selten: etwa {cases} Fälle im Jahr, jeder Fall braucht Erfahrung"


def _channel(level: int, group: str) -> str:
    who = "Unternehmen" if group == "businesses" else "Bürgerinnen und Bürger"
    if level >= 3:
        return (
            f"{who} stellen den Antrag meist online über das Serviceportal; Nachweise kommen "
            "als Upload, bezahlt wird online."
        )
    if level == 2:
        return (
            f"Das Formular steht online zum Herunterladen; {who} reichen es per Post, E-Mail "
            "oder am Schalter ein."
        )
    return f"{who} kommen persönlich oder schreiben; online gibt es bisher nur Informationen."


def process(service: Any, unit: Any, system: str) -> Spec:
    minutes, cases = service.minutes_per_case or 10, service.cases_per_year or 0
    hours = round(minutes * cases / 60)
    tool = f"im Fachverfahren „{system}“" if system else "in der Vorgangsliste (Excel)"
    steps = [
        "Eingang prüfen: Zuständigkeit, Identität, Vollständigkeit der Nachweise.",
        f"Vorgang {tool} anlegen; Altvorgänge zur Person oder zum Unternehmen ansehen.",
        "Voraussetzungen prüfen; bei Zweifeln Rücksprache mit der Sachgebietsleitung.",
        "Gebühr nach der Verwaltungsgebührensatzung festsetzen und Kassenzeichen vergeben.",
        "Bescheid, Bescheinigung oder Auskunft erstellen, zeichnen und zustellen.",
        "Ablage in der E-Akte unter dem Aktenplan-Kennzeichen der Einheit; Wiedervorlage setzen.",
    ]
    if service.maturity_level >= 3:
        steps.insert(0, "Online-Anträge im Postfach des Serviceportals täglich abrufen.")
    breaks = (
        "Online-Anträge werden noch von Hand ins Fachverfahren übertragen."
        if service.maturity_level >= 3 and system
        else "Nachweise kommen auf Papier und werden eingescannt."
        if service.maturity_level < 3
        else "Ohne Fachverfahren gibt es keine Fristenkontrolle; Wiedervorlagen stehen im Kalender."
    )
    body = f"""\
## Auslöser und Ergebnis

{_channel(service.maturity_level, service.target_group)} Ergebnis ist die Entscheidung über
„{service.name}“ mit Bescheid oder Bescheinigung.

## Beteiligte

{unit.name} ({unit.code}); Stadtkasse für die Gebühr; bei Rückfragen die Fachbereichsleitung.

## Ablauf

{chr(10).join(f"{n}. {step}" for n, step in enumerate(steps, 1))}

## Aufwand

Das ist {_volume(cases)}. Ein Fall dauert im Schnitt {minutes} Minuten, zusammen etwa
{_number(hours)} Stunden im Jahr.

## Medienbrüche und Verbesserungsideen

{breaks}
"""
    return Spec(
        f"process:{service.pk}",
        unit.code,
        "process",
        f"Ablauf: {service.name}"[:200],
        body,
        (system,) if system else (),
        service.pk,
    )


def faq(unit: Any, positions: list[str], systems: list[str]) -> Spec:
    roles = ", ".join(dict.fromkeys(positions)) or "die Leitung"
    tools = ", ".join(systems) or "keine eigenen Fachverfahren; Ablage in der E-Akte"
    body = f"""\
## Wer macht was in {unit.name}?

Zur Einheit gehören: {roles}. Die Geschäftsverteilung hängt im Laufwerk der Einheit; sie
wird jedes Jahr zum 1. Januar aktualisiert.

## Mit welchen Programmen arbeiten wir?

{tools}.

## Wo finde ich Vorlagen und Textbausteine?

In der E-Akte unter „Vorlagen {unit.code}“. Neue Vorlagen stimmt die Leitung ab, damit
Bescheide einheitlich bleiben.

## Wer vertritt wen?

Die Vertretungsregel steht im Vertretungsplan der Einheit; bei Abwesenheit über drei Tage
wird das Funktionspostfach umgeleitet.

## Wohin mit Beschwerden?

Sachlich beantworten, Kopie an die Leitung; Dienstaufsichtsbeschwerden gehen an den
Bürgermeister.
"""
    return Spec(
        f"faq:{unit.code}", unit.code, "faq", f"Häufige Fragen: {unit.name}", body, tuple(systems)
    )


def onboarding(unit: Any, systems: list[str]) -> Spec:
    accesses = "\n".join(f"- [ ] Zugang zu „{s}“ beantragt" for s in systems) or (
        "- [ ] Zugang zur E-Akte der Einheit beantragt"
    )
    body = f"""\
## Vorher

- [ ] Arbeitsplatz, Telefon und Konto bei der IT angefordert (zwei Wochen vorher)
{accesses}
- [ ] Patin oder Pate aus {unit.name} benannt

## Erste Woche

- [ ] Begrüßung durch die Leitung, Vorstellung im Team und in den Nachbareinheiten
- [ ] Belehrung Datenschutz und Informationssicherheit unterschrieben
- [ ] Geschäftsverteilung und Vertretungsplan erklärt
- [ ] Die wichtigsten Wissensartikel der Einheit gelesen

## Nach drei Monaten

- [ ] Gespräch zur Einarbeitung mit der Leitung
- [ ] Fortbildungsbedarf an das Personalamt gemeldet
"""
    return Spec(
        f"onboarding:{unit.code}",
        unit.code,
        "checklist",
        f"Checkliste: Einarbeitung in {unit.name}",
        body,
        tuple(systems),
    )


def absence(unit: Any) -> Spec:
    body = f"""\
## Vor der Abwesenheit

- [ ] Abwesenheitsnotiz im Postfach und am Telefon
- [ ] Vertretung über laufende Fristen informiert (Wiedervorlagen durchgehen)
- [ ] Unterschriftsbefugnisse geklärt

## Während der Abwesenheit

- [ ] Funktionspostfach von {unit.code} täglich geleert
- [ ] Eilige Vorgänge an die Leitung

## Nach der Rückkehr

- [ ] Übergabe der Vertretung: was ist erledigt, was offen?
"""
    return Spec(
        f"absence:{unit.code}",
        unit.code,
        "checklist",
        f"Checkliste: Vertretung in {unit.name}",
        body,
    )


def handover(unit: Any, positions: list[str], systems: list[str]) -> Spec:
    tools = ", ".join(systems) or "keine eigenen Fachverfahren"
    body = f"""\
## Aufgabe und Zweck

Leitung von {unit.name} ({unit.code}): Personal der Einheit ({len(positions)} Funktionen:
{", ".join(dict.fromkeys(positions)) or "–"}), Fachaufsicht, Haushaltsmittel der Einheit,
Zusammenarbeit mit den anderen Einheiten des Fachbereichs.

## Regelmäßige Abläufe

- Wöchentlich: Teambesprechung, Fristenliste durchgehen.
- Monatlich: Bericht an die Fachbereichsleitung, Zeiterfassung abzeichnen.
- Jährlich: Mitarbeitergespräche, Haushaltsanmeldung bis 30. September, Geschäftsverteilung.

## Ablage und IT-Verfahren

{tools}. Zugänge der Leitung (Freigaben, Auswertungen) bei der IT beantragen.

## Ungeschriebene Regeln und Erfahrungen

Wer was weiß, steht in der Wissenslandkarte; vor einem Wechsel die Einträge der Einheit prüfen.

## Offene Vorgänge bei der Übergabe
"""
    return Spec(
        f"handover:{unit.code}",
        unit.code,
        "handover",
        f"Übergabe: Leitung {unit.name}",
        body,
        tuple(systems),
    )


def system_page(name: str, vendor: str, units: list[Any]) -> Spec:
    body = f"""\
## Wofür

„{name}“ von {vendor} wird genutzt in: {", ".join(u.name for u in units)}.

## Zugang

Konten beantragt die Leitung der Einheit bei der IT (Formular „Berechtigung Fachverfahren“);
Rollen nach dem Berechtigungskonzept, Rezertifizierung einmal im Jahr.

## Störungen

Zuerst die IT-Hotline (Durchwahl 200); Tickets beim Hersteller legt nur die IT an. Wartungsfenster
sind dienstags ab 17 Uhr.

## Updates und Schulungen

Neue Versionen werden in der Testumgebung geprüft; die Keyuser der Einheiten melden Fehler
innerhalb einer Woche.
"""
    return Spec(
        f"system:{name}",
        units[0].code if units else "1.2",
        "faq",
        f"{name}: Zugang, Störungen, Updates",
        body,
        (name,),
    )
