"""Hand-written articles of the Musterstadt demo: the knowledge a town of 25,000 keeps about its
own work. Fictitious like the rest of the demo (names, numbers, addresses); the legal references
are real. Each entry: org unit code, template, title, Markdown text, IT systems by name."""

from __future__ import annotations

from typing import NamedTuple


class Text(NamedTuple):
    unit: str
    template: str
    title: str
    body: str
    systems: tuple[str, ...] = ()


TEXTS = [
    Text(
        "2.3",
        "handover",
        "Übergabe: Tagesabschluss und Jahresabschluss der Stadtkasse",
        """\
## Aufgabe und Zweck

Die Stadtkasse wickelt alle Ein- und Auszahlungen der Stadt ab (§ 93 GO NRW). Der
Tagesabschluss stellt sicher, dass Kassenbestand, Bankkonten und Buchungen übereinstimmen;
der Jahresabschluss liefert die Finanzrechnung für den Jahresabschluss der Kämmerei.

## Regelmäßige Abläufe

- **Täglich bis 12 Uhr:** Kontoauszüge der vier Bankkonten abrufen und im Finanzverfahren
  einlesen. Nicht zuordenbare Zahlungen (meist fehlendes Kassenzeichen) auf das Verwahrkonto
  buchen und am selben Tag beim Fachbereich nachfragen.
- **Täglich 15:30 Uhr:** Barkasse im Bürgerbüro zählen (Zählprotokoll, zwei Personen),
  Tagesabschluss im Finanzverfahren erstellen und ausdrucken, vom Kassenverwalter abzeichnen.
- **Monatlich am 3. Arbeitstag:** Abstimmung der Verwahr- und Vorschusskonten; offene Posten
  älter als 30 Tage an die Fachbereiche melden.
- **Jährlich:** Kassenbestandsaufnahme zum 31.12. mit der Rechnungsprüfung (Termin bis Mitte
  November vereinbaren), unvermutete Kassenprüfung einmal im Jahr durch die Rechnungsprüfung.

## Ansprechpartner

| Stelle | Wofür | Erreichbarkeit |
| --- | --- | --- |
| Sparkasse, Firmenkundenbetreuung | Kontoauszüge, Lastschriftrückgaben | Durchwahl in der Telefonliste |
| Kommunalfinanz GmbH, Hotline | Fehler im Finanzverfahren | Ticket über das Service-Portal |
| Rechnungsprüfung | Kassenprüfung, Jahresabschluss | Herr Hahn |

## Ungeschriebene Regeln und Erfahrungen

- Rücklastschriften der Grundsteuer häufen sich nach dem 15.02. und 15.08.: Vorher die
  Mahnläufe im Finanzverfahren anhalten, sonst gehen doppelte Mahnungen raus.
- Der Tresorschlüssel liegt nie über Nacht im Büro; Zweitschlüssel bei der Fachbereichsleitung.
- Die Schnittstelle zum Einwohnermeldeverfahren (Hundesteuer) liefert Umzüge erst am Folgetag.

## Offene Vorgänge bei der Übergabe

Ablösung der Barkasse im Bürgerbüro durch Kartenzahlung (Maßnahme im Fahrplan).
""",
        ("Finanzwesen (Doppik)",),
    ),
    Text(
        "3.3",
        "process",
        "Gewerbeanmeldung: Ablauf im Gewerbeamt",
        """\
## Auslöser und Ergebnis

Eine Person oder ein Unternehmen zeigt den Beginn eines Gewerbes an (§ 14 GewO). Ergebnis
ist die Empfangsbestätigung (Gewerbeschein) und die Weitergabe der Daten an die beteiligten
Stellen.

## Beteiligte

Gewerbeamt (Sachbearbeitung Gewerbe), Finanzamt, IHK oder Handwerkskammer, Berufsgenossenschaft,
Statistisches Landesamt (IT.NRW), bei erlaubnispflichtigen Gewerben das Ordnungsamt.

## Ablauf

1. Die Anmeldung geht über den Onlinedienst (EfA-Leistung) oder am Schalter ein.
2. Vollständigkeit prüfen: Personalausweis, bei juristischen Personen Handelsregisterauszug,
   bei erlaubnispflichtigen Tätigkeiten die Erlaubnis.
3. Im Gewerbeverfahren erfassen; das Verfahren prüft Dubletten.
4. Empfangsbestätigung erstellen und elektronisch oder per Post versenden.
5. Die Datenübermittlung an die beteiligten Stellen läuft automatisch über XGewerbeanzeige.
6. Gebühr nach der Verwaltungsgebührensatzung (derzeit 26 €) über das Kassenzeichen anfordern.

## Fristen und Rechtsgrundlagen

Anzeige gleichzeitig mit dem Beginn (§ 14 GewO). Die Bestätigung soll binnen drei Tagen
erfolgen. Datenweitergabe nach § 14 Abs. 8 GewO.

## Medienbrüche und Verbesserungsideen

Online-Anmeldungen mit Bezahlung per Kreditkarte landen noch als PDF im Postfach; die
Übernahme ins Gewerbeverfahren ist Handarbeit. Der Anschluss des Onlinedienstes an das
Fachverfahren ist als Maßnahme geplant.
""",
        ("Gewerbeverfahren",),
    ),
    Text(
        "3.2",
        "process",
        "Anmeldung der Eheschließung",
        """\
## Auslöser und Ergebnis

Ein Paar möchte heiraten und meldet die Eheschließung an (§ 12 PStG). Ergebnis: die geprüfte
Anmeldung und ein Trautermin.

## Ablauf

1. Termin zur Anmeldung vergeben (Online-Terminvergabe, 45 Minuten).
2. Unterlagen prüfen: Ausweise, beglaubigte Abschriften aus dem Geburtenregister, bei
   Vorehen die Eheurkunde mit Auflösungsvermerk, bei ausländischen Verlobten ggf. das
   Ehefähigkeitszeugnis (Befreiung durch das OLG Hamm, Vorlauf bis zu drei Monate).
3. Anmeldung im Personenstandsverfahren erfassen, Niederschrift unterschreiben lassen.
4. Gebühren kassieren (Anmeldung 60 €, Trauung außerhalb der Dienstzeit nach Satzung).
5. Trautermin im Kalender des Standesamts eintragen; Trauzimmer im Rathaus oder im
   Schloss (Schlüssel beim Hausmeister, 48 Stunden vorher anmelden).

## Fristen und Rechtsgrundlagen

Die Anmeldung gilt sechs Monate (§ 13 Abs. 4 PStG). Personenstandsgesetz, PStV.

## Medienbrüche und Verbesserungsideen

Urkunden anderer Standesämter kommen noch per Post; elektronischer Abruf ist möglich,
wird aber selten genutzt.
""",
        ("Personenstandsverfahren",),
    ),
    Text(
        "2.2",
        "faq",
        "Hundesteuer: häufige Fragen",
        """\
## Wie hoch ist die Hundesteuer?

Nach der Hundesteuersatzung 108 € für den ersten Hund, 144 € für jeden weiteren und 600 € für
gefährliche Hunde im Sinne des Landeshundegesetzes NRW.

## Wann ist die Steuer fällig?

Vierteljährlich zum 15.02., 15.05., 15.08. und 15.11.; auf Antrag jährlich zum 01.07.

## Wer wird befreit?

Blindenführhunde, Assistenzhunde und Hunde aus dem Tierheim im ersten Jahr. Der Antrag
geht formlos an die Steuerabteilung; Nachweise als Kopie genügen.

## Woher weiß die Stadt von einem Umzug?

Die Meldebehörde übermittelt Zu- und Wegzüge. Die Abmeldung des Hundes ersetzt das nicht:
Sie muss der Halter selbst anzeigen.

## Was passiert mit den Steuermarken?

Jede Marke wird einmal vergeben; verlorene Marken ersetzt die Steuerabteilung gegen 5 €.
""",
        ("Finanzwesen (Doppik)",),
    ),
    Text(
        "5.2",
        "process",
        "Bauantrag: Eingang und Vollständigkeitsprüfung",
        """\
## Auslöser und Ergebnis

Ein Bauantrag geht über das Bauportal NRW oder in Papier ein. Ergebnis: die Eingangsbestätigung
mit der Mitteilung, ob der Antrag vollständig ist (§ 71 BauO NRW).

## Ablauf

1. Eingang im Bauantragsverfahren registrieren, Aktenzeichen vergeben.
2. Innerhalb von zwei Wochen die Vollständigkeit prüfen (Bauvorlagenverordnung).
3. Fehlende Unterlagen mit Frist nachfordern; ohne Nachreichung gilt der Antrag als
   zurückgenommen.
4. Beteiligungen anstoßen: Stadtplanung (Bebauungsplan), Tiefbau (Erschließung),
   Brandschutzdienststelle, ggf. Denkmalbehörde.
5. Bei vollständigem Antrag: Fristbeginn für die Genehmigungsfiktion beachten.

## Fristen und Rechtsgrundlagen

BauO NRW 2018, §§ 64, 71, 72; BauPrüfVO.

## Medienbrüche und Verbesserungsideen

Beteiligungen laufen noch per E-Mail mit PDF-Anhängen. Die Stellungnahmen sollten im
Verfahren selbst erfasst werden.
""",
        ("Bauantragsverfahren", "Geoinformationssystem"),
    ),
    Text(
        "1.3",
        "checklist",
        "Checkliste: Sitzung des Rates vorbereiten",
        """\
## Vorher

- [ ] Termin im Sitzungskalender bestätigt, Raum gebucht
- [ ] Vorlagen der Fachbereiche bis 14 Tage vor der Sitzung im Ratsinformationssystem
- [ ] Tagesordnung mit dem Bürgermeister abgestimmt
- [ ] Einladung spätestens 7 Tage vorher (§ 47 Abs. 2 GO NRW), öffentliche Bekanntmachung

## Durchführung

- [ ] Anwesenheitsliste, Befangenheiten notiert
- [ ] Technik für Livestream geprüft (nur mit Zustimmung der Ratsmitglieder)

## Abschluss

- [ ] Niederschrift binnen 14 Tagen, Unterschriften einholen
- [ ] Beschlüsse an die Fachbereiche zur Umsetzung
- [ ] Beschlusskontrolle im Ratsinformationssystem aktualisieren
""",
        ("Ratsinformationssystem",),
    ),
    Text(
        "1.2",
        "process",
        "Neue Beschäftigte: Konto, Geräte und Berechtigungen",
        """\
## Auslöser und Ergebnis

Das Personalamt meldet eine Einstellung. Ergebnis: Am ersten Arbeitstag sind Konto,
Arbeitsplatz und die nötigen Fachverfahren eingerichtet.

## Ablauf

1. Meldung des Personalamts spätestens zwei Wochen vor Dienstbeginn (Formular
   „IT-Neueinrichtung“).
2. Benutzerkonto im Verzeichnisdienst nach Namensschema anlegen, Gruppen nach der
   Rollenmatrix der Organisationseinheit.
3. Berechtigungen für Fachverfahren nur mit schriftlicher Freigabe der Sachgebietsleitung.
4. Gerät vorbereiten, Bildschirmarbeitsplatz prüfen, Telefonnummer vergeben.
5. Am ersten Tag: Belehrung zu Datenschutz und Informationssicherheit, Unterschrift.

## Medienbrüche und Verbesserungsideen

Die Freigaben kommen als Papierformular; ein Antragsworkflow in der E-Akte ist geplant.
""",
        ("Dokumentenmanagement (E-Akte)",),
    ),
    Text(
        "4.3",
        "faq",
        "Wohngeld: was Antragstellende oft fragen",
        """\
## Wie lange dauert die Bearbeitung?

Im Schnitt acht Wochen ab vollständigem Antrag. Online-Anträge über den Onlinedienst sind
meist schneller vollständig.

## Welche Unterlagen werden gebraucht?

Mietvertrag oder Mietbescheinigung, Einkommensnachweise der letzten zwölf Monate aller
Haushaltsmitglieder, Kontoauszug mit der letzten Mietzahlung.

## Was ist mit Weiterleistungsanträgen?

Zwei Monate vor Ablauf des Bewilligungszeitraums stellen; das Verfahren erinnert die
Antragstellenden automatisch nicht – darum im Bescheid darauf hinweisen.

## Wohngeld und Bürgergeld?

Wer Bürgergeld bezieht, erhält kein Wohngeld; die Kosten der Unterkunft trägt das Jobcenter.
""",
        ("Wohngeldverfahren",),
    ),
    Text(
        "6.3",
        "checklist",
        "Checkliste: Winterdienst-Saison",
        """\
## Vorher (bis 31. Oktober)

- [ ] Streusalzlager gefüllt (mindestens 300 t), Lieferung abgerufen
- [ ] Fahrzeuge und Streuer gewartet, Probelauf
- [ ] Rufbereitschaftsplan November bis März mit dem Personalrat abgestimmt
- [ ] Räum- und Streuplan nach Prioritäten (Stufe 1: Hauptverkehrsstraßen, Busrouten, Schulwege)

## Durchführung

- [ ] Glättewarnungen des DWD abonnieren
- [ ] Einsatzzeiten und Streumengen täglich dokumentieren (Haftung!)

## Abschluss

- [ ] Restbestand melden, Schäden an Fahrzeugen und Straßen aufnehmen
- [ ] Auswertung der Einsatzstunden an die Kämmerei
""",
        (),
    ),
    Text(
        "1.1",
        "process",
        "Ausscheiden von Beschäftigten: Ablauf im Personalamt",
        """\
## Auslöser und Ergebnis

Eine Kündigung, ein Renteneintritt oder der Eintritt in den Ruhestand. Ergebnis: ein geordnetes
Ausscheiden mit gesicherter Übergabe.

## Ablauf

1. Mit der Renten- bzw. Pensionsprognose spätestens 24 Monate vorher das Gespräch mit der
   Führungskraft suchen: Wer übernimmt die Aufgaben, welches Wissen ist kritisch?
2. Übergabeplan in Wandelwerk anlegen (Tandem, Übergabegespräch, Dokumentation).
3. Drei Monate vorher: Stellenbesetzung prüfen, Übergabedokumente anfordern.
4. Letzter Monat: Zugänge, Schlüssel und Geräte zurück, Verantwortung für Wissensartikel
   an die Nachfolge übergeben.
5. Nach dem Ausscheiden: Personalakte nach Aufbewahrungsfrist löschen bzw. archivieren.

## Fristen und Rechtsgrundlagen

§ 235 SGB VI, LBG NRW; TVöD § 33; Aufbewahrung nach Personalaktenrecht.
""",
        ("Personalwesen und Besoldung",),
    ),
]
