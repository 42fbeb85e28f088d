"""Who carries out a LeiKa service in NRW, and which services a municipality's tier carries out.

The LeiKa type decides where it can (type 1: Bund; type 5: the municipality); for types 2–4 the
curated rules of ``catalogs/ozg/traeger-nrw.yaml`` decide, by service object or words of the
name, else the default of the Themenfeld (DOMAIN: LeiKa type and the NRW tiers).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from django.db.models import Q

from wandelwerk.ozg.models import MUNICIPAL_TYPES, Carrier, is_municipal_type

RULES_FILE = Path(__file__).resolve().parent.parent / "catalogs" / "ozg" / "traeger-nrw.yaml"


# The carriers whose services a municipality of each tier carries out itself.
CARRIED_BY_TIER = {
    "gemeinde": {Carrier.GEMEINDE},
    "mittlere": {Carrier.GEMEINDE, Carrier.MITTLERE},
    "grosse": {Carrier.GEMEINDE, Carrier.MITTLERE, Carrier.GROSSE},
    "kreisfrei": {Carrier.GEMEINDE, Carrier.MITTLERE, Carrier.GROSSE, Carrier.KREIS},
}


def carried_by(tier: str) -> set[str]:
    return {str(c) for c in CARRIED_BY_TIER.get(tier, CARRIED_BY_TIER["gemeinde"])}


def carries(municipality: Any, carrier: str, leika_type: str) -> bool:
    """Whether ``municipality`` carries out a LeiKa service itself: in NRW by its tier,
    elsewhere (no assignment yet) by the LeiKa type alone (types 2–5)."""
    if municipality.land != "NW":
        return is_municipal_type(leika_type)
    return carrier in carried_by(municipality.tier)


def carried_filter(municipality: Any) -> Q:
    """The LeiKa entries ``municipality`` carries out, as a query filter (see ``carries``)."""
    if municipality.land != "NW":
        types = "|".join(sorted(MUNICIPAL_TYPES, key=len, reverse=True))  # 2/3 before 2 and 3
        return Q(leika_type__regex=rf"(^|, )({types})(,|$)")
    return Q(carrier__in=carried_by(municipality.tier))


class RulesError(ValueError):
    pass


@dataclass(frozen=True)
class Rule:
    carrier: str
    source: str
    names: re.Pattern[str] | None
    objects: tuple[str, ...]


@dataclass(frozen=True)
class Rules:
    sources: dict[str, str]
    rules: tuple[Rule, ...]
    topics: dict[int, tuple[str, str]]


def _check(data: Any) -> Rules:
    if not isinstance(data, dict) or data.get("schema") != 1:
        raise RulesError("traeger-nrw.yaml: erwartet schema: 1")
    sources = data.get("sources") or {}

    def known(carrier: Any, source: Any, where: str) -> None:
        if carrier not in Carrier.values:
            raise RulesError(f"traeger-nrw.yaml: {where}: unbekannter Träger „{carrier}“")
        if source not in sources:
            raise RulesError(f"traeger-nrw.yaml: {where}: unbekannte Quelle „{source}“")

    rules = []
    for i, rule in enumerate(data.get("rules") or []):
        known(rule.get("carrier"), rule.get("source"), f"rules[{i}]")
        names = [str(n) for n in rule.get("names") or []]
        objects = tuple(str(o) for o in rule.get("objects") or [])
        if not names and not objects:
            raise RulesError(f"traeger-nrw.yaml: rules[{i}]: names oder objects fehlen")
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + ")") if names else None
        rules.append(Rule(rule["carrier"], rule["source"], pattern, objects))
    topics = {}
    for topic, entry in (data.get("topics") or {}).items():
        known(entry.get("carrier"), entry.get("source"), f"topics.{topic}")
        topics[int(topic)] = (entry["carrier"], entry["source"])
    return Rules(dict(sources), tuple(rules), topics)


@functools.cache
def rules(file: Path = RULES_FILE) -> Rules:
    return _check(yaml.safe_load(file.read_text(encoding="utf-8")))


def carrier_of(
    leika_type: str, name: str, key: str | None, topic_id: int | None, given: Rules | None = None
) -> tuple[str, str]:
    """(carrier, source text); ("", "") when nothing decides (other LeiKa types)."""
    found = given or rules()
    types = {part.strip() for part in leika_type.split(",")}
    if "5" in types:
        return Carrier.GEMEINDE, found.sources.get("leika-typ", "")
    if types & {"2/3", "2", "3", "4"}:
        for rule in found.rules:
            if (key and key[:8] in rule.objects) or (rule.names and rule.names.search(name)):
                return rule.carrier, found.sources[rule.source]
        if topic_id in found.topics:
            carrier, source = found.topics[topic_id]
            return carrier, found.sources[source]
        return "", ""
    if "1" in types:
        return Carrier.BUND, found.sources.get("leika-typ", "")
    return "", ""
