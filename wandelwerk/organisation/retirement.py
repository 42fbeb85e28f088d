"""Statutory retirement: the age limit by birth year and the resulting exit date.

Rules (§ 235 SGB VI for employees; § 31 LBG NRW for NRW civil servants, which follows the same
steps): 65 for those born before 1947; +1 month per birth year 1947–1958 (65y1m … 66y);
+2 months per birth year 1959–1963 (66y2m … 66y10m); 67 from 1964. An age is reached at the end
of the day before the birthday (§ 187 Abs. 2, § 188 Abs. 2 BGB), and employment ends at the end
of the month in which the limit is reached. So a person born on the 1st of a month reaches it on
the last day of the previous month and leaves a month earlier.

Other Länder differ for civil servants; :data:`CIVIL_SERVANT_RULES` maps a Land to its rule, and
a Land without one raises :class:`UnsupportedLand` instead of borrowing another Land's table.
Groups with a special age limit by Land law (Justizvollzug 62, § 118 LBG NRW; Feuerwehr-
Einsatzdienst; Polizeivollzug) carry that limit themselves; elected officials (Wahlbeamte) leave
at the end of their term. Only birth year, month and "born on the 1st" are needed: no full
birth date is ever stored.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable

AgeRule = Callable[[int], tuple[int, int]]


def standard_age_limit(birth_year: int) -> tuple[int, int]:
    """(years, months) of the regular age limit for a birth year (§ 235 SGB VI)."""
    if birth_year < 1947:
        return 65, 0
    if birth_year <= 1958:
        months = birth_year - 1946  # 1947 → 1 … 1958 → 12
        return 65 + months // 12, months % 12
    if birth_year <= 1963:
        months = 12 + 2 * (birth_year - 1958)  # 1959 → 14 … 1963 → 22
        return 65 + months // 12, months % 12
    return 67, 0


# Civil servants' age limit per Land. NRW (§ 31 LBG NRW) follows the federal steps; a further
# Land is supported by adding its rule here (with its source), never by falling back to NRW.
CIVIL_SERVANT_RULES: dict[str, AgeRule] = {"NW": standard_age_limit}


class UnsupportedLand(ValueError):
    """No civil servants' age limit is known for this Land."""

    def __init__(self, land: str) -> None:
        self.land = land
        known = ", ".join(sorted(CIVIL_SERVANT_RULES))
        super().__init__(
            f"Für Beamtinnen und Beamte im Land „{land}“ ist keine Altersgrenze hinterlegt "
            f"(hinterlegt: {known}); ihr Austrittsdatum wird nicht berechnet. Ein geplantes "
            "Austrittsdatum gilt weiter."
        )


def age_limit(
    birth_year: int,
    *,
    civil_servant: bool = False,
    land: str = "NW",
    special: tuple[int, int] | None = None,
) -> tuple[int, int]:
    """(years, months): a group's ``special`` limit, else the Land's rule for civil servants,
    else § 235 SGB VI (salaried staff everywhere)."""
    if special is not None:
        return special
    if civil_servant:
        rule = CIVIL_SERVANT_RULES.get(land)
        if rule is None:
            raise UnsupportedLand(land)
        return rule(birth_year)
    return standard_age_limit(birth_year)


def _end_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def retirement_date(
    birth_year: int,
    birth_month: int,
    *,
    born_on_first: bool = False,
    civil_servant: bool = False,
    land: str = "NW",
    special: tuple[int, int] | None = None,
) -> dt.date:
    """Last day of employment at the age limit."""
    if not 1 <= birth_month <= 12:
        raise ValueError("birth_month must be 1..12")
    years, months = age_limit(birth_year, civil_servant=civil_servant, land=land, special=special)
    # Month index (0-based) of the month in which the limit birthday falls.
    index = (birth_year + years) * 12 + (birth_month - 1) + months
    if born_on_first:
        # The age is reached at the end of the last day of the previous month.
        index -= 1
    year, month0 = divmod(index, 12)
    return _end_of_month(year, month0 + 1)


def exit_date(
    *,
    birth_year: int | None,
    birth_month: int | None,
    born_on_first: bool = False,
    civil_servant: bool = False,
    land: str = "NW",
    planned_exit_date: dt.date | None = None,
    term_end: dt.date | None = None,
    special: tuple[int, int] | None = None,
) -> dt.date | None:
    """The planned exit date from HR if known; for an elected official the end of the term;
    else the date the age limit is reached (a group's special limit where one applies)."""
    if planned_exit_date is not None:
        return planned_exit_date
    if term_end is not None:
        return term_end
    if birth_year is None or birth_month is None:
        return None
    return retirement_date(
        birth_year,
        birth_month,
        born_on_first=born_on_first,
        civil_servant=civil_servant,
        land=land,
        special=special,
    )
