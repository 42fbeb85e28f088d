"""Which questions, and which catalogue measures, fit a unit: pure rules over the unit's traits.

A question is asked of the whole administration, of units, or of both (``asked_of``); within a
unit it may apply only where the unit has citizen contact or specialist IT systems
(``applies_to``) or at least so many staff (``min_staff``). A question that does not fit is not
asked at all, and a measure that does not fit is not proposed.
"""

from __future__ import annotations

from dataclasses import dataclass

APPLIES_TO = {
    "all": "alle Einheiten",
    "citizen_contact": "Einheiten mit Bürgerkontakt",
    "it_systems": "Einheiten mit Fachverfahren",
}


@dataclass(frozen=True)
class UnitTraits:
    """What a unit is like, counted with the units below it."""

    whole_administration: bool
    citizen_contact: bool
    it_systems: bool
    staff: int


def not_applicable_because(
    traits: UnitTraits, *, asked_of: str = "all", applies_to: str = "all", min_staff: int = 0
) -> str | None:
    """Why a question (or measure) does not fit the unit, in words; None when it fits."""
    if asked_of == "administration" and not traits.whole_administration:
        return "wird nur für die ganze Verwaltung gefragt"
    if asked_of == "units" and traits.whole_administration:
        return "wird nur je Organisationseinheit gefragt"
    if applies_to == "citizen_contact" and not traits.citizen_contact:
        return "die Einheit hat keinen Bürgerkontakt"
    if applies_to == "it_systems" and not traits.it_systems:
        return "die Einheit nutzt keine Fachverfahren"
    if traits.staff < min_staff:
        return f"gilt ab {min_staff} Beschäftigten, die Einheit hat {traits.staff}"
    return None
