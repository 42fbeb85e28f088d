"""A provider copies a framework, adapts the draft, publishes it; published versions never change."""

from __future__ import annotations

import pytest
import yaml
from django.urls import reverse

from wandelwerk.assessments.checks.forms import AssessmentForm
from wandelwerk.assessments.frameworks.loader import check_framework, framework_as_dict, load_all
from wandelwerk.assessments.models import Framework, FrameworkStatus, Question
from wandelwerk.audit.models import AuditEvent
from wandelwerk.core.testing.urls import iter_routes
from wandelwerk.tenants.tests.editing import stand


@pytest.fixture
def published(framework):
    """The shipped framework, published."""
    return framework


@pytest.fixture
def admin(client, users):
    client.force_login(users["provider_admin"])
    return client


def copy(client, source, key="digicheck-kreis", version="1.0"):
    return client.post(
        reverse("frameworks:copy", args=[source.pk]),
        {"name": "DigiCheck Kreis", "key": key, "version": version},
    )


def level_data(question, **changes):
    data = {
        "text": question.text,
        "help": question.help,
        "weight": question.weight,
        "asked_of": question.asked_of,
        "applies_to": question.applies_to,
        "min_staff": question.min_staff,
    }
    data.update({f"level_{i}": question.levels[str(i)] for i in range(5)})
    data.update(changes)
    return data


def test_a_copy_is_an_identical_draft_that_names_its_source(admin, published):
    response = copy(admin, published)
    draft = Framework.objects.get(key="digicheck-kreis")
    assert response.status_code == 302 and response.url.endswith(f"/{draft.pk}/bearbeiten/")
    assert draft.is_draft and draft.based_on == published and draft.created_by is not None
    original, copied = framework_as_dict(published), framework_as_dict(draft)
    assert copied["areas"] == original["areas"] and copied["scale"] == original["scale"]
    assert AuditEvent.unscoped_manager.filter(
        object_type="assessments.Framework", action="create"
    ).exists()


def test_a_copy_needs_a_new_key_or_version(admin, published):
    response = copy(admin, published, key=published.key, version=published.version)
    assert response.status_code == 200
    assert "gibt es schon" in response.content.decode()
    assert Framework.objects.count() == 1


def test_editing_a_draft_changes_only_the_draft(admin, published):
    copy(admin, published)
    draft = Framework.objects.get(key="digicheck-kreis")
    question = Question.objects.filter(criterion__area__framework=draft).first()
    original = Question.objects.get(criterion__area__framework=published, key=question.key)
    form_page = admin.get(reverse("frameworks:question", args=[draft.pk, question.pk]))
    assert "Stufe 2 – Teilweise umgesetzt" in form_page.content.decode()
    response = admin.post(
        reverse("frameworks:question", args=[draft.pk, question.pk]),
        level_data(question, text="Gibt es eine Dienstvereinbarung?", level_2="Im Entwurf.")
        | stand(question),
    )
    assert response.status_code == 302
    question.refresh_from_db()
    original.refresh_from_db()
    assert (
        question.text == "Gibt es eine Dienstvereinbarung?"
        and question.levels["2"] == "Im Entwurf."
    )
    assert original.text != question.text


def test_questions_can_be_added_and_removed_and_weights_changed(admin, published):
    copy(admin, published)
    draft = Framework.objects.get(key="digicheck-kreis")
    area = draft.areas.get(key="change")
    criterion = area.criteria.first()
    before = criterion.questions.count()
    new = {
        "text": "Neue Frage?",
        "help": "",
        "weight": 2,
        "asked_of": "units",
        "applies_to": "citizen_contact",
        "min_staff": 10,
    }
    new.update({f"level_{i}": f"Stufe {i} beschrieben" for i in range(5)})
    admin.post(reverse("frameworks:question_add", args=[draft.pk, criterion.pk]), new)
    assert criterion.questions.count() == before + 1
    added = criterion.questions.get(text="Neue Frage?")
    assert added.applies_to == "citizen_contact" and added.weight == 2
    assert added.asked_of == "units" and added.min_staff == 10
    admin.post(reverse("frameworks:question_delete", args=[draft.pk, added.pk]))
    assert criterion.questions.count() == before
    admin.post(
        reverse("frameworks:area", args=[draft.pk, area.pk]),
        {"name": area.name, "weight": 3} | stand(area),
    )
    admin.post(
        reverse("frameworks:criterion", args=[draft.pk, criterion.pk]),
        {"name": "Umbenannt", "weight": 2} | stand(criterion),
    )
    area.refresh_from_db()
    criterion.refresh_from_db()
    assert area.weight == 3 and criterion.name == "Umbenannt" and criterion.weight == 2


def test_a_published_framework_refuses_every_change(admin, published):
    question = Question.objects.filter(criterion__area__framework=published).first()
    text = question.text
    response = admin.post(
        reverse("frameworks:question", args=[published.pk, question.pk]),
        level_data(question, text="geändert"),
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.text == text
    admin.post(reverse("frameworks:question_delete", args=[published.pk, question.pk]))
    admin.post(reverse("frameworks:delete", args=[published.pk]))
    assert Question.objects.filter(pk=question.pk).exists() and Framework.objects.count() == 1


def test_publishing_an_incomplete_draft_names_every_problem_and_keeps_it_a_draft(admin, published):
    copy(admin, published)
    draft = Framework.objects.get(key="digicheck-kreis")
    questions = list(Question.objects.filter(criterion__area__framework=draft)[:2])
    for q in questions:
        q.levels["3"] = ""
        q.save()
    response = admin.post(reverse("frameworks:publish", args=[draft.pk]))
    assert response.status_code == 400
    page = response.content.decode()
    for q in questions:
        assert f"{q.key}: Beschreibung fehlt für Stufe 3" in page
    draft.refresh_from_db()
    assert draft.is_draft


def test_a_criterion_without_questions_stops_publishing(admin, published):
    copy(admin, published)
    draft = Framework.objects.get(key="digicheck-kreis")
    criterion = draft.areas.get(key="process").criteria.first()
    criterion.questions.all().delete()
    response = admin.post(reverse("frameworks:publish", args=[draft.pk]))
    assert response.status_code == 400 and "mindestens eine Frage" in response.content.decode()


def test_only_published_frameworks_can_be_chosen_for_a_digicheck(admin, published):
    copy(admin, published)
    draft = Framework.objects.get(key="digicheck-kreis")
    assert set(AssessmentForm().fields["framework"].queryset) == {published}
    asked = admin.get(reverse("frameworks:publish", args=[draft.pk])).content.decode()
    assert "nicht mehr ändern" in asked  # publishing asks first; asking changes nothing
    draft.refresh_from_db()
    assert draft.is_draft
    response = admin.post(reverse("frameworks:publish", args=[draft.pk]))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == FrameworkStatus.PUBLISHED
    assert set(AssessmentForm().fields["framework"].queryset) == {published, draft}


def test_the_yaml_export_is_the_loader_s_file_format(admin, published, tmp_path):
    response = admin.get(reverse("frameworks:export", args=[published.pk]))
    assert response["Content-Disposition"] == 'attachment; filename="digicheck-kommune-1.1.yaml"'
    data = yaml.safe_load(response.content.decode())
    file = tmp_path / "digicheck-kommune-1.1.yaml"
    assert check_framework(data, file) == data
    # Loaded again under a new version, it is the same framework.
    data["version"] = "9.9"
    (tmp_path / "again.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    [again] = load_all(tmp_path)
    assert again.version == "9.9"
    assert framework_as_dict(again)["areas"] == framework_as_dict(published)["areas"]


@pytest.mark.parametrize(
    "role",
    ["consultant", "municipality_admin", "editor", "viewer", "hr", "other_admin", "nobody", None],
)
def test_only_provider_admins_reach_the_framework_pages(client, users, published, role):
    if role:
        client.force_login(users[role])
    question = Question.objects.filter(criterion__area__framework=published).first()
    criterion = question.criterion
    params = {"pk": published.pk, "part": question.pk}
    routes = [r for r in iter_routes() if r.name.startswith("frameworks:")]
    assert len(routes) >= 10
    for route in routes:
        kwargs = {k: v for k, v in params.items() if k in route.params}
        if route.name == "frameworks:area":
            kwargs["part"] = criterion.area.pk
        if route.name in ("frameworks:criterion", "frameworks:question_add"):
            kwargs["part"] = criterion.pk
        target = reverse(route.name, kwargs=kwargs)
        for method in (client.get, client.post):
            response = method(target)
            if role is None:
                assert response.status_code == 302 and "/anmelden/" in response.url, target
            else:
                assert response.status_code == 403, (route.name, method)
    assert Framework.objects.count() == 1 and Question.objects.filter(pk=question.pk).exists()


def test_the_start_page_links_the_frameworks_for_provider_admins_only(client, users):
    client.force_login(users["provider_admin"])
    assert reverse("frameworks:list") in client.get("/").content.decode()
    client.force_login(users["municipality_admin"])
    assert reverse("frameworks:list") not in client.get("/").content.decode()


def test_the_list_shows_status_source_and_use(admin, published):
    copy(admin, published)
    page = admin.get(reverse("frameworks:list")).content.decode()
    assert "digicheck-kreis" in page and "Entwurf" in page and "veröffentlicht" in page


def test_a_stale_edit_of_a_draft_is_refused_and_shows_the_other_change(admin, published):
    copy(admin, published)
    draft = Framework.objects.get(key="digicheck-kreis")
    area = draft.areas.get(key="change")
    url = reverse("frameworks:area", args=[draft.pk, area.pk])
    context = admin.get(url).context
    hidden = {"_stand": context["stand"], "_gezeigt": context["shown"]}
    type(area).objects.filter(pk=area.pk).update(weight=4)  # a colleague saved meanwhile
    page = admin.post(url, {"name": area.name, "weight": 2} | hidden)
    html = page.content.decode()
    assert page.status_code == 200 and "inzwischen an anderer Stelle geändert" in html
    assert "Gewicht: 1 → <strong>4</strong>" in html
    area.refresh_from_db()
    assert area.weight == 4
    edit = reverse("frameworks:edit", args=[draft.pk])
    response = admin.post(edit, {"name": "Neu", "description": ""} | {"_stand": "alt"})
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.name != "Neu"
