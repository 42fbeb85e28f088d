"""Scenarios, called directly: saved and copied with their audit rows, and a baseline the
council adopted that no use case changes again."""

from __future__ import annotations

import pytest

from wandelwerk.audit.models import Action, AuditEvent
from wandelwerk.roadmap import logic
from wandelwerk.roadmap.models import Scenario
from wandelwerk.roadmap.tests.factories import PlanFactory, ScenarioFactory

pytestmark = pytest.mark.django_db


def test_save_and_copy_a_scenario(in_home, users):
    scenario = logic.save_scenario(
        actor=users["editor"], values={"name": "Basis", "start_year": 2027, "budget_per_year": 9}
    )
    copy = logic.copy_scenario(actor=users["editor"], scenario=scenario, name="Basis (Kopie)")
    assert (copy.name, copy.start_year, copy.budget_per_year) == ("Basis (Kopie)", 2027, 9)
    assert not copy.is_baseline and copy.pk != scenario.pk
    assert AuditEvent.objects.filter(action=Action.CREATE).count() == 2


def test_freezing_needs_a_plan_and_moves_the_baseline(in_home, users):
    earlier = PlanFactory(scenario__municipality=in_home, scenario__baseline=True).scenario
    scenario = ScenarioFactory(municipality=in_home)
    with pytest.raises(ValueError, match="zuerst planen"):
        logic.freeze_as_baseline(actor=users["consultant"], scenario=scenario)
    PlanFactory(scenario=scenario)
    logic.freeze_as_baseline(actor=users["consultant"], scenario=scenario)
    earlier.refresh_from_db()
    assert list(Scenario.objects.filter(is_baseline=True)) == [scenario]
    assert earlier.frozen  # an earlier baseline stays a record of its moment
    assert AuditEvent.objects.get(action=Action.TRANSITION).actor == users["consultant"]


def test_a_frozen_scenario_is_neither_saved_nor_deleted_nor_frozen_again(in_home):
    frozen = PlanFactory(scenario__municipality=in_home, scenario__baseline=True).scenario
    for attempt in (
        lambda: logic.save_scenario(actor=None, scenario=frozen, values={"name": "Neu"}),
        lambda: logic.delete_scenario(actor=None, scenario=frozen),
        lambda: logic.freeze_as_baseline(actor=None, scenario=frozen),
    ):
        with pytest.raises(logic.ScenarioFrozen):
            attempt()
    frozen.refresh_from_db()
    assert frozen.name != "Neu" and not AuditEvent.objects.exists()
    copy = logic.copy_scenario(actor=None, scenario=frozen, name="Weiter")
    logic.delete_scenario(actor=None, scenario=copy)
    assert list(Scenario.objects.all()) == [frozen]
