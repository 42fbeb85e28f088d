"""Column specs and parsers. A parser takes a cell (text from CSV, typed from XLSX) and returns
the value or raises ``CellError`` with a German message."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

Parser = Callable[[Any], Any]


class CellError(ValueError):
    pass


@dataclass(frozen=True)
class Column:
    header: str  # German header as in the file
    key: str  # field name used by the importer
    parse: Parser
    required: bool = False
    help: str = ""  # shown on the import page and in docs/import.md

    @property
    def number_format(self) -> str:
        """How the XLSX template formats the column (``@`` = text), from the parser."""
        return str(getattr(self.parse, "xlsx_format", ""))


def with_format(parser: Parser, number_format: str) -> Parser:
    """Tell the XLSX template how to format a column that uses ``parser``."""
    setattr(parser, "xlsx_format", number_format)  # noqa: B010
    return parser


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def text(max_length: int) -> Parser:
    def parse(value: Any) -> str:
        result = str(value).strip() if value is not None else ""
        if isinstance(value, float) and value.is_integer():
            result = str(int(value))
        if any(ord(char) < 32 and char not in "\t\n\r" for char in result):
            raise CellError("Der Text enthält unzulässige Steuerzeichen.")
        if len(result) > max_length:
            raise CellError(f"Höchstens {max_length} Zeichen erlaubt, sind {len(result)}.")
        return result

    return with_format(parse, "@")


def integer(minimum: int | None = None, maximum: int | None = None) -> Parser:
    def parse(value: Any) -> int:
        if isinstance(value, bool):
            raise CellError("Eine ganze Zahl wird erwartet.")
        if isinstance(value, int):
            number = value
        elif isinstance(value, float):
            if not value.is_integer():
                raise CellError(f"„{_german_number(value)}“ ist keine ganze Zahl.")
            number = int(value)
        else:
            raw = str(value).strip().replace(" ", "").replace("\u00a0", "")
            if re.fullmatch(r"-?\d{1,3}(\.\d{3})+", raw):  # thousands separated by dots
                raw = raw.replace(".", "")
            if not re.fullmatch(r"-?\d+", raw):
                raise CellError(f"„{value}“ ist keine ganze Zahl.")
            number = int(raw)
        if minimum is not None and number < minimum:
            raise CellError(f"{number} ist zu klein (mindestens {minimum}).")
        if maximum is not None and number > maximum:
            raise CellError(f"{number} ist zu groß (höchstens {maximum}).")
        return number

    return parse


def _german_number(value: float) -> str:
    return str(value).replace(".", ",")


def fraction(value: Any) -> Decimal:
    """A share of a full-time post: ``0,5``, ``50 %``, ``1`` or ``0.75`` → Decimal in (0, 1],
    rounded to three places (at least 0,01)."""
    if _is_number(value):
        number = Decimal(str(value))
    else:
        raw = str(value).strip().replace(" ", "").replace("\u00a0", "")
        percent = raw.endswith("%")
        raw = raw.rstrip("%").replace(",", ".")
        try:
            number = Decimal(raw)
        except InvalidOperation as exc:
            raise CellError(f"„{value}“ ist kein Stellenanteil (z. B. 0,5 oder 50 %).") from exc
        if percent and number.is_finite():
            number = number / 100
    if not number.is_finite():
        raise CellError(f"„{value}“ ist kein Stellenanteil (z. B. 0,5 oder 50 %).")
    if number > 1 and number <= 100 and number == number.to_integral_value():
        raise CellError(
            f"„{value}“: Stellenanteil als Bruch (0,5) oder mit Prozentzeichen (50 %) angeben."
        )
    if not Decimal("0") < number <= Decimal("1"):
        raise CellError(f"„{value}“: der Stellenanteil liegt zwischen 0 und 1 (bzw. 100 %).")
    number = number.quantize(Decimal("0.001"))
    if number < Decimal("0.01"):
        raise CellError(f"„{value}“: der Stellenanteil beträgt mindestens 0,01 (1 %).")
    return number


def _german_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raw = str(value).strip()
    match = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", raw)
    if not match:
        raise CellError(f"„{raw}“ ist kein Datum im Format TT.MM.JJJJ.")
    day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise CellError(f"„{raw}“ gibt es nicht als Datum.") from exc


german_date = with_format(_german_date, "DD.MM.YYYY")


def yes_no(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if _is_number(value) and value in (0, 1):
        return bool(value)
    raw = str(value).strip().lower()
    if raw in {"ja", "j", "x", "1", "wahr"}:
        return True
    if raw in {"nein", "n", "0", "falsch"}:
        return False
    raise CellError(f"„{value}“: bitte „ja“ oder „nein“ angeben.")


def choice(mapping: dict[str, str]) -> Parser:
    lookup = {k.lower(): v for k, v in mapping.items()}

    def parse(value: Any) -> str:
        raw = str(value).strip().lower()
        if raw not in lookup:
            allowed = ", ".join(f"„{k}“" for k in mapping)
            raise CellError(f"„{value}“ ist nicht erlaubt; möglich sind {allowed}.")
        return lookup[raw]

    return parse


def _code_list(value: Any) -> list[str]:
    return [part.strip() for part in str(value).split(",") if part.strip()]


code_list = with_format(_code_list, "@")
