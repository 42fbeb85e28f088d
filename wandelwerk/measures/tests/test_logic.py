"""The measures' use cases, called directly: saving with prerequisites (never in a circle),
status changes with their dates, deleting only what nothing waits for, and proposals from an
approved DigiCheck with their reason."""

from __future__ import annotations

import datetime as dt

import pytest

from wandelwerk.assessments.tests.factories import (
    AnswerFactory,
    AssessmentFactory,
    FrameworkFactory,
)
from wandelwerk.audit.models import Action, AuditEvent
from wandelwerk.measures import logic, queries
from wandelwerk.measures.models import Measure, Source, Status
from wandelwerk.measures.tests.factories import MeasureFactory, MeasureTemplateFactory
from wandelwerk.organisation.tests.factories import OrgUnitFactory

pytestmark = pytest.mark.django_db


def test_an_own_measure_is_accepted_and_takes_its_prerequisites(in_home, users):
    first = MeasureFactory(municipality=in_home)
    measure = logic.save_measure(
        actor=users["editor"],
        values={"title": "Dienstvereinbarung E-Akte", "area": "change"},
        prerequisites=[first],
    )
    assert (measure.status, measure.source) == (Status.ACCEPTED, Source.OWN)
    assert list(measure.prerequisites.all()) == [first]
    assert AuditEvent.objects.filter(action=Action.CREATE, object_id=str(measure.pk)).exists()


def test_no_measure_depends_on_itself_through_others(in_home):
    a = MeasureFactory(municipality=in_home)
    b = MeasureFactory(municipality=in_home, prerequisites=[a])
    c = MeasureFactory(municipality=in_home, prerequisites=[b])
    for prerequisites in ([a], [c]):
        with pytest.raises(logic.MeasureError, match="von sich selbst abhängen"):
            logic.save_measure(actor=None, measure=a, values={}, prerequisites=prerequisites)
    assert not a.prerequisites.exists()


def test_status_changes_keep_the_first_start_and_date_the_finish(in_home):
    measure = MeasureFactory(municipality=in_home, started_on=dt.date(2026, 2, 1))
    logic.set_status(actor=None, measure=measure, status=Status.IN_PROGRESS)
    logic.set_status(actor=None, measure=measure, status=Status.DONE)
    measure.refresh_from_db()
    assert measure.started_on == dt.date(2026, 2, 1) and measure.finished_on is not None
    with pytest.raises(logic.MeasureError):
        logic.set_status(actor=None, measure=measure, status="vielleicht")
    assert AuditEvent.objects.filter(action=Action.TRANSITION).count() == 2


def test_a_measure_others_wait_for_is_not_deleted(in_home):
    needed = MeasureFactory(municipality=in_home)
    waiting = MeasureFactory(municipality=in_home, prerequisites=[needed])
    with pytest.raises(logic.MeasureError, match="setzen diese voraus"):
        logic.delete_measure(actor=None, measure=needed)
    logic.delete_measure(actor=None, measure=waiting)
    logic.delete_measure(actor=None, measure=needed)
    assert not Measure.objects.exists()


def test_templates_are_added_per_unit_with_their_prerequisites_once(in_home):
    base = MeasureTemplateFactory(key="prozesslandkarte", scope="unit")
    MeasureTemplateFactory(key="soll-prozesse", scope="unit", prerequisite_keys=[base.key])
    unit = OrgUnitFactory(municipality=in_home)
    from wandelwerk.measures.models import MeasureTemplate

    target = MeasureTemplate.objects.get(key="soll-prozesse")
    first = logic.add_from_template(actor=None, template=target, org_unit=unit)
    again = logic.add_from_template(actor=None, template=target, org_unit=unit)
    assert first == again and Measure.objects.count() == 2
    assert [m.template.key for m in first.prerequisites.all()] == ["prozesslandkarte"]


def test_an_approved_check_proposes_what_its_rules_find(in_home):
    framework = FrameworkFactory()
    question = framework.questions_in_order().get()
    MeasureTemplateFactory(
        key="leitbild",
        title="Leitbild Digitalisierung",
        rule=[{"question_below": {"question": question.key, "level": 2}}],
        reason="Frage {question} steht auf Stufe {answer}.",
    )
    MeasureTemplateFactory(
        key="e-akte", rule=[{"question_below": {"question": question.key, "level": 1}}]
    )
    check = AssessmentFactory(municipality=in_home, framework=framework)
    AnswerFactory(assessment=check, level=1)
    with pytest.raises(logic.MeasureError, match="freigegebenen"):
        logic.recommend(actor=None, assessment=check)
    check.status = "approved"
    check.save()
    [proposal] = logic.recommend(actor=None, assessment=check)
    assert (proposal.title, proposal.status, proposal.source) == (
        "Leitbild Digitalisierung",
        Status.PROPOSED,
        Source.RECOMMENDATION,
    )
    assert proposal.reason == f"Frage {question.key} steht auf Stufe 1."
    assert logic.recommend(actor=None, assessment=check) == []  # nothing twice


def test_reads_for_the_list_the_catalogue_and_the_graph(in_home, django_assert_num_queries):
    needed = MeasureFactory(municipality=in_home)
    MeasureFactory(municipality=in_home, prerequisites=[needed])
    MeasureFactory(municipality=in_home, proposed=True)
    assert sorted(m.prerequisite_count for m in queries.measures()) == [0, 0, 1]
    MeasureTemplateFactory(area="digital", title="B")
    MeasureTemplateFactory(area="change", title="A")
    assert [t.area for t in queries.templates()] == ["change", "digital"]
    with django_assert_num_queries(2):
        graph = queries.graph_measures()
        assert len(graph) == 2 and sum(len(n.needs) for n in graph) == 1
