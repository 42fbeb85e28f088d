"""The outline each article template starts with (Markdown, German)."""

from __future__ import annotations

from wandelwerk.knowledge.models import ArticleTemplate

SKELETONS: dict[str, str] = {
    ArticleTemplate.HANDOVER: """\
## Aufgabe und Zweck

Worum geht es, für wen wird die Aufgabe erledigt, welche Rechtsgrundlage gilt?

## Regelmäßige Abläufe

- Täglich:
- Monatlich:
- Jährlich (Fristen, Stichtage):

## Ansprechpartner

| Stelle | Wofür | Erreichbarkeit |
| --- | --- | --- |
|  |  |  |

## Ablage und IT-Verfahren

Wo liegen Akten, Vorlagen und Zugänge? Welche Fachverfahren werden genutzt?

## Ungeschriebene Regeln und Erfahrungen

Was man nur durch Erfahrung weiß: Sonderfälle, typische Fehler, wen man fragt.

## Offene Vorgänge bei der Übergabe
""",
    ArticleTemplate.PROCESS: """\
## Auslöser und Ergebnis

Was stößt den Prozess an, was kommt am Ende heraus?

## Beteiligte

## Ablauf

1. …
2. …
3. …

## Fristen und Rechtsgrundlagen

## Medienbrüche und Verbesserungsideen
""",
    ArticleTemplate.FAQ: """\
## Frage

Antwort.

## Frage

Antwort.
""",
    ArticleTemplate.CHECKLIST: """\
## Vorher

- [ ] …

## Durchführung

- [ ] …

## Abschluss

- [ ] …
""",
    ArticleTemplate.FREE: "",
}


def skeleton(template: str) -> str:
    return SKELETONS.get(template, "")
