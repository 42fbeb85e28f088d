"""Loading the measure catalogue (YAML) with its schema checked; errors name file, path and problem."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

from wandelwerk.assessments.applicability import APPLIES_TO
from wandelwerk.measures.models import Area, MeasureTemplate, Scope
from wandelwerk.measures.recommend import CONDITION_KEYS, CONDITION_KINDS
from wandelwerk.tenants.models import Land

CATALOG_FILE = (
    Path(__file__).resolve().parent.parent / "catalogs" / "measures" / "massnahmenkatalog.yaml"
)


# Criterion keys of the questionnaire start with their area's letter (C1, K2, P3, D4).
AREA_LETTERS = {"change": "C", "knowledge": "K", "process": "P", "digital": "D"}


class CatalogError(ValueError):
    """The catalogue file breaks its schema."""

    def __init__(self, path: Path, where: str, problem: str) -> None:
        super().__init__(f"{path.name}: {where}: {problem}")
        self.file, self.where, self.problem = path, where, problem


def _need(
    data: dict[str, Any], key: str, kind: type | tuple[type, ...], file: Path, where: str
) -> Any:
    if key not in data:
        raise CatalogError(file, where, f"„{key}“ fehlt")
    value = data[key]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
        raise CatalogError(
            file,
            f"{where}.{key}",
            f"erwartet {getattr(kind, '__name__', kind)}, gefunden {type(value).__name__}",
        )
    return value


def read_catalog(file: Path = CATALOG_FILE) -> list[dict[str, Any]]:
    """Parse and check the file; returns the templates as plain dicts."""
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise CatalogError(file, "Datei", f"kein gültiges YAML ({exc})") from exc
    if not isinstance(data, dict) or data.get("schema") != 1:
        raise CatalogError(file, "schema", "erwartet schema: 1")
    templates = _need(data, "templates", list, file, "Datei")
    keys: set[str] = set()
    for i, item in enumerate(templates):
        where = f"templates[{i}]"
        if not isinstance(item, dict):
            raise CatalogError(file, where, "erwartet einen Eintrag mit Schlüsseln")
        key = _need(item, "key", str, file, where)
        if key in keys:
            raise CatalogError(file, f"{where}.key", f"„{key}“ kommt doppelt vor")
        keys.add(key)
        for name in ("title", "description", "area", "scope"):
            _need(item, name, str, file, where)
        if item["area"] not in Area.values:
            raise CatalogError(
                file,
                f"{where}.area",
                f"unbekannt: „{item['area']}“ (erlaubt: {', '.join(Area.values)})",
            )
        if item["scope"] not in Scope.values:
            raise CatalogError(file, f"{where}.scope", f"unbekannt: „{item['scope']}“")
        if item.get("applies_to", "all") not in APPLIES_TO:
            raise CatalogError(
                file, f"{where}.applies_to", f"erlaubt: {', '.join(sorted(APPLIES_TO))}"
            )
        min_staff = item.get("min_staff", 0)
        if not isinstance(min_staff, int) or isinstance(min_staff, bool) or min_staff < 0:
            raise CatalogError(file, f"{where}.min_staff", "ganze Zahl ab 0 erwartet")
        for land, variant in (item.get("by_land") or {}).items():
            if land not in Land.values or not isinstance(variant, dict):
                raise CatalogError(file, f"{where}.by_land", f"unbekanntes Bundesland „{land}“")
            if not variant or set(variant) - {"title", "description"}:
                raise CatalogError(
                    file, f"{where}.by_land.{land}", "erwartet title und/oder description"
                )
        duration = _need(item, "duration", int, file, where)
        if not 1 <= duration <= 10:
            raise CatalogError(file, f"{where}.duration", "Dauer in Halbjahren von 1 bis 10")
        benefit = _need(item, "benefit", int, file, where)
        if not 1 <= benefit <= 10:
            raise CatalogError(file, f"{where}.benefit", "Nutzen von 1 bis 10")
        effort = _need(item, "effort", dict, file, where)
        for name in ("internal_days", "provider_days", "budget_eur"):
            value = _need(effort, name, int, file, f"{where}.effort")
            if value < 0:
                raise CatalogError(file, f"{where}.effort.{name}", "darf nicht negativ sein")
        split = effort.get("split") or {}
        if not isinstance(split, dict) or set(split) - {"engineering", "training"}:
            raise CatalogError(
                file, f"{where}.effort.split", "erwartet engineering und/oder training"
            )
        if (
            any(not isinstance(v, int) or v < 0 for v in split.values())
            or sum(split.values()) > effort["provider_days"]
        ):
            raise CatalogError(
                file, f"{where}.effort.split", "Tage je Fähigkeit, zusammen höchstens provider_days"
            )
        raises = _need(item, "raises", dict, file, where)
        level = _need(raises, "level", int, file, f"{where}.raises")
        if not 1 <= level <= 4:
            raise CatalogError(file, f"{where}.raises.level", "Stufe 1 bis 4")
        letter = AREA_LETTERS[item["area"]]
        for criterion in raises.get("criteria") or []:
            if not isinstance(criterion, str) or not criterion.startswith(letter):
                raise CatalogError(
                    file,
                    f"{where}.raises.criteria",
                    f"„{criterion}“ ist kein Kriterium des Handlungsfelds (beginnt mit {letter})",
                )
        prerequisites = _need(item, "prerequisites", dict, file, where)
        _need(prerequisites, "measures", list, file, f"{where}.prerequisites")
        for area, level in (prerequisites.get("min_level") or {}).items():
            if area not in Area.values or not isinstance(level, int) or not 0 <= level <= 4:
                raise CatalogError(
                    file,
                    f"{where}.prerequisites.min_level.{area}",
                    "Handlungsfeld mit Stufe 0 bis 4 erwartet",
                )
        recommend = _need(item, "recommend", dict, file, where)
        conditions = _need(recommend, "when", list, file, f"{where}.recommend")
        for j, condition in enumerate(conditions):
            if not isinstance(condition, dict) or len(condition) != 1:
                raise CatalogError(
                    file, f"{where}.recommend.when[{j}]", "genau eine Bedingung je Eintrag"
                )
            (kind,) = condition
            if kind not in CONDITION_KINDS:
                raise CatalogError(
                    file,
                    f"{where}.recommend.when[{j}]",
                    f"unbekannte Bedingung „{kind}“ (erlaubt: {', '.join(sorted(CONDITION_KINDS))})",
                )
            _check_condition(kind, condition[kind], file, f"{where}.recommend.when[{j}].{kind}")
        _need(recommend, "reason", str, file, f"{where}.recommend")
    for i, item in enumerate(templates):
        for key in item["prerequisites"]["measures"]:
            if key not in keys:
                raise CatalogError(
                    file, f"templates[{i}].prerequisites.measures", f"unbekannte Maßnahme „{key}“"
                )
    _check_acyclic(templates, file)
    return templates


def _check_condition(kind: str, spec: Any, file: Path, where: str) -> None:
    if kind not in CONDITION_KEYS:  # takes a plain number
        if not isinstance(spec, int) or isinstance(spec, bool):
            raise CatalogError(file, where, "ganze Zahl erwartet")
        return
    required, allowed = CONDITION_KEYS[kind]
    if not isinstance(spec, dict):
        raise CatalogError(file, where, f"Angaben erwartet ({', '.join(sorted(allowed))})")
    if missing := required - spec.keys():
        raise CatalogError(file, where, f"es fehlt: {', '.join(sorted(missing))}")
    if unknown := spec.keys() - allowed:
        raise CatalogError(
            file,
            where,
            f"unbekannte Angabe {', '.join(sorted(unknown))} (erlaubt: {', '.join(sorted(allowed))})",
        )


def _check_acyclic(templates: list[dict[str, Any]], file: Path) -> None:
    graph = {t["key"]: list(t["prerequisites"]["measures"]) for t in templates}
    state: dict[str, int] = {}

    def visit(key: str, trail: list[str]) -> None:
        if state.get(key) == 2:
            return
        if state.get(key) == 1:
            cycle = " → ".join([*trail[trail.index(key) :], key])
            raise CatalogError(file, "prerequisites", f"Zirkelbezug: {cycle}")
        state[key] = 1
        for nxt in graph[key]:
            visit(nxt, [*trail, key])
        state[key] = 2

    for key in graph:
        visit(key, [])


@transaction.atomic
def load_catalog(file: Path = CATALOG_FILE) -> int:
    """Create or update every template from the file (idempotent); returns the number of templates."""
    templates = read_catalog(file)
    rows = [
        MeasureTemplate(
            key=t["key"],
            title=t["title"],
            area=t["area"],
            description=" ".join(t["description"].split()),
            scope=t["scope"],
            duration=t["duration"],
            internal_days=t["effort"]["internal_days"],
            provider_days=t["effort"]["provider_days"],
            engineering_days=(t["effort"].get("split") or {}).get("engineering", 0),
            training_days=(t["effort"].get("split") or {}).get("training", 0),
            budget_eur=t["effort"]["budget_eur"],
            benefit=t["benefit"],
            prerequisite_keys=list(t["prerequisites"]["measures"]),
            min_levels=dict(t["prerequisites"].get("min_level") or {}),
            raises_level=t["raises"]["level"],
            raises_criteria=list(t["raises"].get("criteria") or []),
            by_land={
                land: {k: " ".join(v.split()) for k, v in variant.items()}
                for land, variant in (t.get("by_land") or {}).items()
            },
            applies_to=t.get("applies_to", "all"),
            min_staff=t.get("min_staff", 0),
            rule=list(t["recommend"]["when"]),
            reason=t["recommend"]["reason"],
        )
        for t in templates
    ]
    fields = [
        "title",
        "area",
        "description",
        "scope",
        "duration",
        "internal_days",
        "provider_days",
        "engineering_days",
        "training_days",
        "budget_eur",
        "benefit",
        "prerequisite_keys",
        "min_levels",
        "raises_level",
        "raises_criteria",
        "by_land",
        "applies_to",
        "min_staff",
        "rule",
        "reason",
    ]
    MeasureTemplate.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["key"], update_fields=fields
    )
    return len(rows)
