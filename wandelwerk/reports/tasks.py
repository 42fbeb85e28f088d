"""Building a report file as a background job, with its progress on the job's page."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from wandelwerk.jobs.models import Job
from wandelwerk.jobs.registry import Progress, runner
from wandelwerk.reports import logic
from wandelwerk.reports.models import Format


@runner("reports.build")
def run_build(job: Job, progress: Progress) -> dict[str, Any]:
    fmt = job.params["format"]
    progress(10, f"Bericht als {Format(fmt).label} wird erstellt: Daten zusammenstellen, setzen")
    report = logic.build_file(actor=job.created_by, kind=job.params["kind"], fmt=fmt)
    job.result_url = reverse("reports:index", args=[job.municipality.slug]) + f"#datei-{report.pk}"
    return {"report": report.pk, "size": report.size, "sha256": report.sha256}
