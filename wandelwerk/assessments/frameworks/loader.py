"""Frameworks as versioned YAML files, checked on load: an error names the file, the path inside
it and the problem. A loaded version never changes; a changed file needs a new version."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

from wandelwerk.assessments.applicability import APPLIES_TO
from wandelwerk.assessments.models import (
    AREA_KEYS,
    Area,
    AskedOf,
    Criterion,
    Framework,
    FrameworkStatus,
    Question,
)

FRAMEWORK_DIR = Path(__file__).resolve().parents[2] / "catalogs" / "frameworks"


class FrameworkError(ValueError):
    def __init__(self, file: Path, where: str, problem: str) -> None:
        super().__init__(f"{file.name}: {where}: {problem}")
        self.file, self.where, self.problem = file, where, problem


def _need(data: Any, key: str, kind: type | tuple[type, ...], file: Path, where: str) -> Any:
    if not isinstance(data, dict) or key not in data:
        raise FrameworkError(file, where, f"„{key}“ fehlt")
    value = data[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise FrameworkError(
            file, f"{where}.{key}" if where else key, f"falscher Typ ({type(value).__name__})"
        )
    return value


def read_framework(file: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise FrameworkError(file, "Datei", f"kein gültiges YAML ({exc})") from exc
    return check_framework(data, file)


def check_framework(data: Any, file: Path) -> dict[str, Any]:
    """The schema check of a framework as read from YAML (also used before publishing a draft
    edited in the browser, with its would-be file name)."""
    if not isinstance(data, dict) or data.get("schema") != 1:
        raise FrameworkError(file, "schema", "erwartet schema: 1")
    for key in ("key", "name", "version"):
        _need(data, key, str, file, "")
    scale = _need(data, "scale", list, file, "")
    if [s.get("level") for s in scale if isinstance(s, dict)] != [0, 1, 2, 3, 4]:
        raise FrameworkError(file, "scale", "erwartet die Stufen 0 bis 4 in dieser Reihenfolge")
    areas = _need(data, "areas", list, file, "")
    if [a.get("key") for a in areas if isinstance(a, dict)] != AREA_KEYS:
        raise FrameworkError(
            file,
            "areas",
            f"erwartet die Handlungsfelder {', '.join(AREA_KEYS)} in dieser Reihenfolge",
        )
    seen: set[str] = set()
    for i, area in enumerate(areas):
        where = f"areas[{i}]"
        _need(area, "name", str, file, where)
        _need(area, "weight", int, file, where)
        for j, criterion in enumerate(_need(area, "criteria", list, file, where)):
            cwhere = f"{where}.criteria[{j}]"
            _need(criterion, "key", str, file, cwhere)
            _need(criterion, "name", str, file, cwhere)
            _need(criterion, "weight", int, file, cwhere)
            questions = _need(criterion, "questions", list, file, cwhere)
            if not questions:
                raise FrameworkError(file, f"{cwhere}.questions", "mindestens eine Frage")
            for k, question in enumerate(questions):
                qwhere = f"{cwhere}.questions[{k}]"
                key = _need(question, "key", str, file, qwhere)
                if key in seen:
                    raise FrameworkError(file, f"{qwhere}.key", f"„{key}“ kommt doppelt vor")
                seen.add(key)
                _need(question, "text", str, file, qwhere)
                weight = _need(question, "weight", int, file, qwhere)
                if not 1 <= weight <= 3:
                    raise FrameworkError(file, f"{qwhere}.weight", "Gewicht 1 bis 3")
                if question.get("applies_to", "all") not in APPLIES_TO:
                    raise FrameworkError(
                        file, f"{qwhere}.applies_to", f"erlaubt: {', '.join(sorted(APPLIES_TO))}"
                    )
                if question.get("asked_of", "all") not in AskedOf.values:
                    raise FrameworkError(
                        file, f"{qwhere}.asked_of", f"erlaubt: {', '.join(AskedOf.values)}"
                    )
                min_staff = question.get("min_staff", 0)
                if not isinstance(min_staff, int) or isinstance(min_staff, bool) or min_staff < 0:
                    raise FrameworkError(file, f"{qwhere}.min_staff", "ganze Zahl ab 0 erwartet")
                levels = _need(question, "levels", dict, file, qwhere)
                if sorted(levels) != [0, 1, 2, 3, 4] or not all(
                    isinstance(v, str) and v.strip() for v in levels.values()
                ):
                    raise FrameworkError(
                        file, f"{qwhere}.levels", "je Stufe 0 bis 4 ein beschreibender Text"
                    )
    return data


@transaction.atomic
def load_framework(file: Path) -> Framework:
    data = read_framework(file)
    checksum = hashlib.sha256(file.read_bytes()).hexdigest()
    existing = Framework.objects.filter(key=data["key"], version=str(data["version"])).first()
    if existing is not None:
        if existing.checksum != checksum:
            raise FrameworkError(
                file,
                "version",
                f"Version {data['version']} ist schon mit anderem Inhalt geladen; geänderte Fragebögen brauchen eine neue Version",
            )
        return existing
    framework = Framework.objects.create(
        key=data["key"],
        name=data["name"],
        version=str(data["version"]),
        description=" ".join(str(data.get("description", "")).split()),
        scale=data["scale"],
        source=file.name,
        checksum=checksum,
    )
    order = 0
    for i, a in enumerate(data["areas"]):
        area = Area.objects.create(
            framework=framework,
            key=a["key"],
            name=a["name"],
            description=" ".join(str(a.get("description", "")).split()),
            weight=a["weight"],
            order=i,
        )
        for j, c in enumerate(a["criteria"]):
            criterion = Criterion.objects.create(
                area=area, key=c["key"], name=c["name"], weight=c["weight"], order=j
            )
            for q in c["questions"]:
                order += 1
                Question.objects.create(
                    criterion=criterion,
                    key=q["key"],
                    text=" ".join(q["text"].split()),
                    help=" ".join(str(q.get("help", "")).split()),
                    weight=q["weight"],
                    asked_of=q.get("asked_of", "all"),
                    applies_to=q.get("applies_to", "all"),
                    min_staff=q.get("min_staff", 0),
                    levels={str(k): v for k, v in q["levels"].items()},
                    order=order,
                )
    return framework


def load_all(directory: Path = FRAMEWORK_DIR) -> list[Framework]:
    return [load_framework(file) for file in sorted(directory.glob("*.yaml"))]


def default_framework() -> Framework | None:
    return (
        Framework.objects.filter(key="digicheck-kommune", status=FrameworkStatus.PUBLISHED)
        .order_by("-version")
        .first()
    )


def file_name(framework: Framework) -> str:
    return f"{framework.key}-{framework.version}.yaml"


def framework_as_dict(framework: Framework) -> dict[str, Any]:
    """A framework in exactly the structure of its YAML file."""
    areas = []
    for area in framework.areas.prefetch_related("criteria__questions"):
        criteria = []
        for criterion in area.criteria.all():
            questions = []
            for q in criterion.questions.all():
                question: dict[str, Any] = {"key": q.key, "text": q.text}
                if q.help:
                    question["help"] = q.help
                question["weight"] = q.weight
                if q.asked_of != "all":
                    question["asked_of"] = q.asked_of
                if q.applies_to != "all":
                    question["applies_to"] = q.applies_to
                if q.min_staff:
                    question["min_staff"] = q.min_staff
                question["levels"] = {int(k): v for k, v in sorted(q.levels.items())}
                questions.append(question)
            criteria.append(
                {
                    "key": criterion.key,
                    "name": criterion.name,
                    "weight": criterion.weight,
                    "questions": questions,
                }
            )
        entry: dict[str, Any] = {"key": area.key, "name": area.name}
        if area.description:
            entry["description"] = area.description
        entry["weight"] = area.weight
        entry["criteria"] = criteria
        areas.append(entry)
    data: dict[str, Any] = {
        "schema": 1,
        "key": framework.key,
        "name": framework.name,
        "version": framework.version,
    }
    if framework.description:
        data["description"] = framework.description
    data["scale"] = framework.scale
    data["areas"] = areas
    return data


def framework_yaml(framework: Framework) -> str:
    return yaml.safe_dump(
        framework_as_dict(framework), allow_unicode=True, sort_keys=False, width=100
    )


def problems(framework: Framework) -> list[str]:
    """What stops a draft from being published: every question's gaps by name, then the loader's
    own check on the draft's YAML form (the same check a file gets)."""
    found = []
    for area in framework.areas.prefetch_related("criteria__questions"):
        for criterion in area.criteria.all():
            questions = list(criterion.questions.all())
            if not questions:
                found.append(f"{area.name} › {criterion.name}: mindestens eine Frage")
            for q in questions:
                where = f"{area.name} › {criterion.name} › {q.key}"
                if not q.text.strip():
                    found.append(f"{where}: der Fragetext fehlt")
                missing = [
                    str(level)
                    for level in range(5)
                    if not str(q.levels.get(str(level), "")).strip()
                ]
                if missing:
                    found.append(f"{where}: Beschreibung fehlt für Stufe {', '.join(missing)}")
    if found:
        return found
    try:
        check_framework(framework_as_dict(framework), Path(file_name(framework)))
    except FrameworkError as exc:
        return [f"{exc.where}: {exc.problem}"]
    return []
