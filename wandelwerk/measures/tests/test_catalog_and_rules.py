from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from wandelwerk.measures.catalog import CatalogError, load_catalog, read_catalog
from wandelwerk.measures.models import MeasureTemplate
from wandelwerk.measures.recommend import ServiceFacts, UnitFacts, evaluate, reason_text


def test_the_shipped_catalogue_is_valid_and_rich():
    templates = read_catalog()
    assert len(templates) >= 60
    assert {t["area"] for t in templates} == {"change", "knowledge", "process", "digital"}
    keys = {t["key"] for t in templates}
    for expected in ("prozesslandkarte", "e-akte-pilot", "xrechnung-eingang"):
        assert any(k.startswith(expected.split("-")[0]) for k in keys), expected


@pytest.mark.django_db
def test_loading_twice_changes_nothing():
    assert load_catalog() == MeasureTemplate.objects.count()
    before = list(MeasureTemplate.objects.values_list("key", "title", "duration").order_by("key"))
    load_catalog()
    assert (
        list(MeasureTemplate.objects.values_list("key", "title", "duration").order_by("key"))
        == before
    )


def _write(tmp_path: Path, data) -> Path:
    file = tmp_path / "katalog.yaml"
    file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return file


def _template(key="a", **changes):
    template = {
        "key": key,
        "title": "T",
        "area": "process",
        "description": "D",
        "scope": "unit",
        "duration": 1,
        "effort": {"internal_days": 1, "provider_days": 1, "budget_eur": 0},
        "benefit": 5,
        "raises": {"level": 2, "criteria": ["P1"]},
        "prerequisites": {"measures": [], "min_level": {}},
        "recommend": {"when": [{"area_below": {"area": "process", "level": 2}}], "reason": "R"},
    }
    template.update(changes)
    return template


@pytest.mark.parametrize(
    ("templates", "where", "problem"),
    [
        ([_template(area="finance")], "templates[0].area", "unbekannt"),
        ([_template(duration=0)], "templates[0].duration", "1 bis 10"),
        ([_template(), _template()], "templates[1].key", "doppelt"),
        ([_template(raises={"level": 5})], "templates[0].raises.level", "Stufe 1 bis 4"),
        (
            [_template(raises={"level": 2, "criteria": ["C1"]})],
            "templates[0].raises.criteria",
            "kein Kriterium des Handlungsfelds",
        ),
        (
            [_template(by_land={"XX": {"title": "T"}})],
            "templates[0].by_land",
            "unbekanntes Bundesland",
        ),
        ([_template(applies_to="rathaus")], "templates[0].applies_to", "erlaubt"),
        (
            [_template(prerequisites={"measures": ["b"]})],
            "templates[0].prerequisites.measures",
            "unbekannte Maßnahme",
        ),
        (
            [_template(recommend={"when": [{"moon_phase": 3}], "reason": "R"})],
            "templates[0].recommend.when[0]",
            "unbekannte Bedingung",
        ),
        (
            [
                _template(
                    recommend={
                        "when": [{"service_below_level": {"level": 3, "first": 5}}],
                        "reason": "R",
                    }
                )
            ],
            "templates[0].recommend.when[0].service_below_level",
            "unbekannte Angabe first",
        ),
        (
            [_template(recommend={"when": [{"area_below": {"area": "process"}}], "reason": "R"})],
            "templates[0].recommend.when[0].area_below",
            "es fehlt: level",
        ),
        (
            [_template(recommend={"when": [{"cases_at_least": "viele"}], "reason": "R"})],
            "templates[0].recommend.when[0].cases_at_least",
            "ganze Zahl",
        ),
        (
            [
                _template("a", prerequisites={"measures": ["b"]}),
                _template("b", prerequisites={"measures": ["a"]}),
            ],
            "prerequisites",
            "Zirkelbezug",
        ),
    ],
)
def test_schema_errors_name_file_path_and_problem(tmp_path, templates, where, problem):
    file = _write(tmp_path, {"schema": 1, "templates": templates})
    with pytest.raises(CatalogError) as error:
        read_catalog(file)
    assert error.value.where == where and problem in error.value.problem
    assert str(error.value).startswith("katalog.yaml: ")


UNIT = UnitFacts(
    name="Bürgerbüro",
    area_scores={"process": 1.0, "digital": 2.4},
    area_targets={"process": 3.0, "digital": 3.0},
    answers={"P-2": 1, "P-3": None, "D-1": 3},
    services=(
        ServiceFacts("Meldebescheinigung", "citizens", 1, 4000),
        ServiceFacts("Intern", "internal", 0, 2000),
    ),
)


def test_area_rule_gives_the_reason():
    [match] = evaluate([{"area_below": {"area": "process", "level": 2}}], UNIT)
    text = reason_text("{area} im {unit} auf Stufe {score}, Ziel {target}: …", match.values)
    assert text == "Prozessmanagement im Bürgerbüro auf Stufe 1, Ziel 3: …"


def test_question_rule_and_not_applicable():
    assert evaluate([{"question_below": {"question": "P-2", "level": 2}}], UNIT)
    assert not evaluate(
        [{"question_below": {"question": "P-3", "level": 2}}], UNIT
    )  # n/a never triggers
    assert not evaluate([{"question_below": {"question": "D-1", "level": 2}}], UNIT)


def test_all_conditions_must_hold():
    rule = [{"question_below": {"question": "P-2", "level": 2}}, {"cases_at_least": 5000}]
    [match] = evaluate(rule, UNIT)
    assert match.values["cases"] == "6.000"
    assert not evaluate([*rule, {"cases_at_least": 7000}], UNIT)


def test_service_rule_matches_each_service():
    matches = evaluate(
        [{"service_below_level": {"level": 3, "target_groups": ["citizens", "businesses"]}}], UNIT
    )
    assert [m.service.name for m in matches] == ["Meldebescheinigung"]


REGISTER = UnitFacts(
    name="Bürgerbüro",
    services=(
        ServiceFacts("Meldebescheinigung", "citizens", 1, 40000, target_level=3, rank=2),
        ServiceFacts("Wohnsitzanmeldung", "citizens", 1, 9000, target_level=3, rank=1),
        ServiceFacts("Führungszeugnis", "citizens", 1, 300, target_level=3, rank=7),
        ServiceFacts("Gewerbeanmeldung", "businesses", 2, 1500, efa_reuse=True, rank=3),
        ServiceFacts("Fischereischein", "citizens", 2, 80, target_level=2, rank=None),
    ),
)


def _services(spec):
    return [m.service.name for m in evaluate([{"service_below_level": spec}], REGISTER)]


def test_service_rule_leaves_out_services_at_their_own_target():
    assert "Fischereischein" not in _services({"level": 3})


def test_service_rule_takes_the_highest_ranked_first():
    assert _services({"level": 3, "top": 2}) == ["Wohnsitzanmeldung", "Meldebescheinigung"]


def test_service_rule_filters_by_efa_reuse_and_cases():
    assert "Gewerbeanmeldung" not in _services({"level": 3, "efa_reuse": False})
    assert _services({"level": 3, "efa_reuse": True}) == ["Gewerbeanmeldung"]
    assert sorted(_services({"level": 3, "cases_at_least": 1000})) == [
        "Gewerbeanmeldung",
        "Meldebescheinigung",
        "Wohnsitzanmeldung",
    ]


def test_service_reason_names_the_rank_and_the_cases():
    [match] = evaluate([{"service_below_level": {"level": 3, "top": 1}}], REGISTER)
    text = reason_text("{service} (Platz {rank}, {service_cases} Fälle)", match.values)
    assert text == "Wohnsitzanmeldung (Platz 1, 9.000 Fälle)"


def test_count_rule_counts_only_what_the_filters_leave():
    rule = [{"services_below_level": {"level": 3, "efa_reuse": False, "count": 3}}]
    [match] = evaluate(rule, REGISTER)
    assert match.values["count"] == 3


def test_unknown_placeholders_stay_visible():
    assert reason_text("{unit} {nope}", {"unit": "A"}) == "A {nope}"


@given(st.floats(0, 4), st.floats(0, 4))
def test_area_below_fires_exactly_below_the_level(score, level):
    unit = UnitFacts(name="U", area_scores={"change": score})
    assert bool(evaluate([{"area_below": {"area": "change", "level": level}}], unit)) == (
        score < level
    )
