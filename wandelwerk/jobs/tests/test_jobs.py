"""Background jobs: queued after commit, run with their municipality, progress visible on the page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wandelwerk.jobs.logic import start_job
from wandelwerk.jobs.models import Job
from wandelwerk.jobs.registry import RUNNERS, runner
from wandelwerk.jobs.tests.factories import JobFactory
from wandelwerk.tenants import tenancy


@pytest.fixture
def counting_runner():
    seen = []

    @runner("test-count")
    def count_jobs(job, progress):
        progress(50, "zähle")
        seen.append(job.params)
        return {"jobs": Job.objects.count()}  # runs scoped to the job's municipality

    yield seen
    RUNNERS.pop("test-count")


@pytest.mark.django_db
def test_job_runs_after_commit_with_its_municipality(
    home, other, counting_runner, django_capture_on_commit_callbacks
):
    JobFactory(municipality=other)
    with tenancy.activate(home), django_capture_on_commit_callbacks(execute=True):
        job = start_job(actor=None, kind="test-count", title="Zählen", params={"x": 1})
        assert Job.objects.get(pk=job.pk).status == "queued"
    job.refresh_from_db()
    assert (job.status, job.progress, job.result) == ("done", 100, {"jobs": 1})
    assert counting_runner == [{"x": 1}]


@pytest.mark.django_db
def test_failure_is_shown(home, django_capture_on_commit_callbacks):
    @runner("test-fail")
    def fail(job, progress):
        raise ValueError("kaputt")

    try:
        with tenancy.activate(home), django_capture_on_commit_callbacks(execute=True):
            job = start_job(actor=None, kind="test-fail", title="Scheitern")
    except ValueError:
        pass
    finally:
        RUNNERS.pop("test-fail")
    job.refresh_from_db()
    assert job.status == "failed" and "kaputt" in job.message


@pytest.mark.django_db
def test_job_page_polls_until_done(client, users, home):
    job = JobFactory(municipality=home, running=True, created_by=users["editor"])
    client.force_login(users["editor"])
    page = client.get(reverse("jobs:detail", args=[home.slug, job.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in page and 'value="40"' in page
    partial = client.get(
        reverse("jobs:detail", args=[home.slug, job.pk]), HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "<html" not in partial and 'id="job-progress"' in partial
    Job.objects.unscoped().filter(pk=job.pk).update(status="done", progress=100)
    assert (
        "every 1s"
        not in client.get(reverse("jobs:detail", args=[home.slug, job.pk])).content.decode()
    )


@pytest.mark.django_db
def test_someone_elses_job_is_hidden_from_non_admins(client, users, home):
    job = JobFactory(municipality=home, created_by=users["editor"])
    client.force_login(users["viewer"])
    assert client.get(reverse("jobs:detail", args=[home.slug, job.pk])).status_code == 404
