from typing import Any

from wandelwerk.core.testing.access_rows import ALL, EDIT, no_kwargs
from wandelwerk.roadmap.models import Scenario


def scenario(m: Any) -> dict[str, Any]:
    return {
        "pk": Scenario.objects.unscoped().create(municipality=m, name="Basis", start_year=2027).pk
    }


ROWS = {
    "roadmap:index": (no_kwargs, ALL, None),
    "roadmap:compare": (no_kwargs, ALL, None),
    "roadmap:scenario_create": (no_kwargs, EDIT, EDIT),
    "roadmap:scenario_detail": (scenario, ALL, None),
    "roadmap:scenario_update": (scenario, EDIT, EDIT),
    "roadmap:scenario_delete": (scenario, EDIT, EDIT),
    "roadmap:scenario_action": (scenario, None, EDIT),
}
