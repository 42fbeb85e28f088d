from typing import Any

from wandelwerk.core.models import Job
from wandelwerk.core.testing.access_rows import ALL


def job(m: Any, user: Any) -> dict[str, Any]:
    return {
        "pk": Job.objects.unscoped()
        .create(municipality=m, kind="test", title="Testauftrag", created_by=user)
        .pk
    }


ROWS = {"core:job": (job, ALL, None)}
