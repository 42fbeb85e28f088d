from __future__ import annotations

import pytest
from django.urls import reverse

from wandelwerk.assessments.frameworks.loader import FrameworkError, load_all, read_framework
from wandelwerk.assessments.models import Answer, Framework, Question
from wandelwerk.assessments.tests.factories import AssessmentFactory, answer_every_question
from wandelwerk.audit.models import Action, AuditEvent
from wandelwerk.tenants import tenancy


def url(name, municipality, *args):
    return reverse(f"assessments:{name}", args=[municipality.slug, *args])


def test_the_default_framework_has_substance():
    from wandelwerk.assessments.frameworks.loader import FRAMEWORK_DIR

    data = read_framework(FRAMEWORK_DIR / "digicheck-kommune.yaml")
    for area in data["areas"]:
        questions = [q for c in area["criteria"] for q in c["questions"]]
        assert len(questions) >= 12, area["key"]
        assert all(len(q["levels"]) == 5 for q in questions)


def test_schema_errors_name_file_path_and_problem(tmp_path):
    file = tmp_path / "kaputt.yaml"
    file.write_text(
        "schema: 1\nkey: x\nname: X\nversion: '1'\nscale: []\nareas: []\n", encoding="utf-8"
    )
    with pytest.raises(FrameworkError) as error:
        read_framework(file)
    assert error.value.where == "scale" and str(error.value).startswith("kaputt.yaml: scale:")


@pytest.mark.django_db
def test_loading_twice_is_idempotent(framework):
    assert load_all() == [framework]
    assert Framework.objects.count() == 1 and Question.objects.count() >= 48


@pytest.mark.django_db
def test_workshop_answers_one_question_after_the_other(client, users, home, assessment):
    client.force_login(users["editor"])
    response = client.post(
        url("workshop", home, assessment.pk),
        {"n": "0", "level": "2", "comment": "Leitbild fehlt", "version": "0"},
    )
    assert response.status_code == 302 and response["Location"].endswith("?n=1")
    client.post(
        url("workshop", home, assessment.pk),
        {"n": "1", "level": "n", "version": "0"},
        HTTP_HX_REQUEST="true",
    )
    with tenancy.activate(home):
        first, second = Answer.objects.order_by("question__order")
    assert (first.level, first.comment, second.not_applicable, second.level) == (
        2,
        "Leitbild fehlt",
        True,
        None,
    )
    with tenancy.activate(home):
        assert AuditEvent.objects.filter(object_type="assessments.Answer").count() == 2


@pytest.mark.django_db
def test_second_editor_is_told_and_sees_both_values(client, users, home, assessment):
    client.force_login(users["editor"])
    client.post(
        url("workshop", home, assessment.pk),
        {"n": "0", "level": "3", "version": "0", "comment": "Leitbild liegt vor"},
    )
    client.force_login(users["consultant"])
    page = client.post(
        url("workshop", home, assessment.pk),
        {"n": "0", "level": "1", "version": "0", "comment": "Nur ein Entwurf"},
    ).content.decode()
    assert (
        "Jemand anderes hat diese Frage inzwischen beantwortet" in page
        and "Gespeichert ist: 3" in page
        and "„Leitbild liegt vor“" in page
    )
    # What the second person typed stays in the field, to be saved with the next choice.
    assert ">Nur ein Entwurf</textarea>" in page
    with tenancy.activate(home):
        assert Answer.objects.get().level == 3  # nothing silently overwritten


@pytest.mark.django_db
def test_status_flow_lock_and_reopen(client, users, home, assessment):
    client.force_login(users["editor"])
    asked = client.post(url("transition", home, assessment.pk), {"to": "in_review"})
    assert "Noch nicht alle Fragen beantwortet" in asked.content.decode()  # it asks first
    client.post(url("transition", home, assessment.pk), {"to": "in_review", "trotzdem": "ja"})
    assert (
        client.post(url("transition", home, assessment.pk), {"to": "approved"}).status_code == 403
    )  # editors do not approve
    client.force_login(users["consultant"])
    client.post(url("transition", home, assessment.pk), {"to": "approved"})
    assessment.refresh_from_db()
    assert assessment.status == "approved"
    response = client.post(
        url("workshop", home, assessment.pk), {"n": "0", "level": "4", "version": "0"}
    )
    assert response.status_code == 302
    with tenancy.activate(home):
        assert not Answer.objects.exists()  # locked
    assert (
        client.post(url("transition", home, assessment.pk), {"to": "draft"}).status_code == 403
    )  # only admins re-open
    client.force_login(users["municipality_admin"])
    client.post(url("transition", home, assessment.pk), {"to": "draft"})
    assessment.refresh_from_db()
    assert assessment.status == "draft"
    with tenancy.activate(home):
        assert AuditEvent.objects.filter(action=Action.TRANSITION).count() == 3


@pytest.mark.django_db
def test_results_with_targets_radar_and_weakest_area(client, users, home, assessment):
    client.force_login(users["editor"])
    answer_every_question(assessment, 3, by_area={"knowledge": 1})
    client.post(
        url("detail", home, assessment.pk),
        {"change": "3", "knowledge": "3", "process": "3,5", "digital": "3"},
    )
    page = client.get(url("detail", home, assessment.pk)).content.decode()
    assert 'role="img"' in page and "Das schwächste Handlungsfeld ist Wissensmanagement" in page
    assert "2,0" in page  # gap knowledge: 3 − 1


@pytest.mark.django_db
def test_results_heatmap_and_anonymous_comparison_from_five_peers(client, users, home, framework):
    from wandelwerk.organisation.tests.factories import OrgUnitFactory
    from wandelwerk.tenants.tests.factories import MunicipalityFactory

    unit = OrgUnitFactory(municipality=home, code="FB3", name="Bürgerdienste")

    def approved(municipality, org_unit, level):
        a = AssessmentFactory(
            municipality=municipality, framework=framework, org_unit=org_unit, approved=True
        )
        answer_every_question(a, level)

    approved(home, unit, 2)
    client.force_login(users["viewer"])
    page = client.get(url("results", home)).content.decode()
    assert 'role="img"' in page and "Bürgerdienste" in page and "sobald mindestens 5" in page
    peers = [
        MunicipalityFactory(slug=f"peer-{i}", name=f"Geheimort {i}", population=home.population)
        for i in range(5)
    ]
    for i, peer in enumerate(peers):
        approved(peer, None, i % 5)
    page = client.get(url("results", home)).content.decode()
    assert "5 andere Kommunen" in page and "Geheimort" not in page
