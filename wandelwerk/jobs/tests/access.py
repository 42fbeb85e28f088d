from typing import Any

from wandelwerk.core.testing.access_rows import ALL
from wandelwerk.jobs.tests.factories import JobFactory


def job(m: Any, user: Any) -> dict[str, Any]:
    return {"pk": JobFactory(municipality=m, created_by=user).pk}


ROWS = {"jobs:detail": (job, ALL, None), "jobs:stop": (job, None, ALL)}
