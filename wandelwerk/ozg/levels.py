"""The levels of the OZG maturity models as their sources name them.

Reifegradmodell 1.1 (Stufen 0–4) names each level. Reifegradmodell 2.0 (Stufen 0–7, from July
2025) groups them and does not publish names for single levels: level 0 is offline only, 1–3
are frontend digitalisation (the online application service), 4–6 process orientation, data
centricity and continuous processing inside the administration, 7 end to end. Its levels are
therefore shown as "Stufe N" with the group, nothing invented.
"""

from __future__ import annotations

NAMES_1_1 = {
    0: "Offline",
    1: "Information",
    2: "Formular-Assistent",
    3: "Online-Leistung",
    4: "Online-Transaktion",
}

GROUPS_2_0 = [
    (range(0, 1), "nur offline verfügbar"),
    (range(1, 4), "Frontend-Digitalisierung, Online-Antragsdienst"),
    (
        range(4, 7),
        "Prozessorientierung, Datenzentrierung und durchgängige Umsetzung in der Verwaltung",
    ),
    (range(7, 8), "vollständig Ende-zu-Ende"),
]


def group_2_0(level: int) -> str:
    return next((name for levels, name in GROUPS_2_0 if level in levels), "")


def level_name(level: int | None, version: str) -> str:
    """``1 – Information`` (1.1) or ``Stufe 5 (Prozessorientierung, …)`` (2.0)."""
    if level is None:
        return "–"
    if version == "2.0":
        group = group_2_0(level)
        return f"Stufe {level} ({group})" if group else f"Stufe {level}"
    return f"{level} – {NAMES_1_1.get(level, '?')}"


def short_name(level: int, version: str) -> str:
    """For chart legends: ``3 Online-Leistung`` (1.1) or ``Stufe 3`` (2.0)."""
    return f"Stufe {level}" if version == "2.0" else f"{level} {NAMES_1_1.get(level, '?')}"
