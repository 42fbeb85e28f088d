from typing import Any

from wandelwerk.core.testing.access_rows import ALL
from wandelwerk.jobs.models import Job


def job(m: Any, user: Any) -> dict[str, Any]:
    return {
        "pk": Job.objects.unscoped()
        .create(municipality=m, kind="test", title="Testauftrag", created_by=user)
        .pk
    }


ROWS = {"jobs:detail": (job, ALL, None)}
