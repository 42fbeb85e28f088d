"""The engine on standard PSPLIB instances: known optima, schedules checked independently."""

from __future__ import annotations

from pathlib import Path

import pytest

from wandelwerk.roadmap.engine.psplib import check, main, read, serial_schedule, solve

FIXTURES = Path(__file__).parent / "fixtures" / "psplib"
OPTIMA = {"j301_1": 43, "j3010_1": 42, "j3013_2": 62, "j3029_3": 78}


@pytest.mark.parametrize("name", ["j301_1", "j3010_1"])
def test_easy_instances_are_solved_to_proven_optimum(name):
    instance = read(FIXTURES / f"{name}.sm")
    solution = solve(instance, time_limit=10, workers=2)
    assert solution.status == "OPTIMAL" and solution.makespan == OPTIMA[name]
    assert check(instance, solution.starts) == []


@pytest.mark.parametrize("name", ["j3013_2", "j3029_3"])
def test_hard_instances_reach_the_optimum(name):
    instance = read(FIXTURES / f"{name}.sm")
    solution = solve(instance, time_limit=5, workers=2)
    assert solution.makespan is not None and solution.makespan >= OPTIMA[name]
    assert solution.lower_bound <= OPTIMA[name]  # a correct solver never proves more
    assert check(instance, solution.starts) == []


def test_serial_schedule_is_feasible():
    instance = read(FIXTURES / "j3013_2.sm")
    assert check(instance, serial_schedule(instance)) == []


def test_command_line_prints_one_json_line_per_instance(capsys):
    main([str(FIXTURES / "j301_1.sm"), "--time-limit", "5"])
    lines = capsys.readouterr().out.strip().splitlines()
    assert (
        '"instance": "j301_1"' in lines[0] and '"makespan": 43' in lines[0] and '"1": 0' in lines[0]
    )
    assert '"summary": true' in lines[1]


def test_parser_rejects_other_files():
    from wandelwerk.roadmap.engine.psplib import parse

    with pytest.raises(ValueError):
        parse("keine Instanz", "x")
