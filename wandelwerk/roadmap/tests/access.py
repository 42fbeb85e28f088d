from typing import Any

from wandelwerk.core.testing.access_rows import ALL, CONSULT, EDIT, no_kwargs
from wandelwerk.measures.tests.factories import MeasureFactory
from wandelwerk.roadmap.tests.factories import ScenarioFactory


def scenario(m: Any) -> dict[str, Any]:
    return {"pk": ScenarioFactory(municipality=m).pk}


ROWS = {
    "roadmap:index": (no_kwargs, ALL, None),
    "roadmap:compare": (no_kwargs, ALL, None),
    "roadmap:scenario_create": (no_kwargs, EDIT, EDIT),
    "roadmap:scenario_detail": (scenario, ALL, None),
    "roadmap:scenario_update": (scenario, EDIT, EDIT),
    "roadmap:scenario_delete": (scenario, EDIT, EDIT),
    "roadmap:scenario_action": (scenario, None, EDIT),
    "roadmap:scenario_freeze": (scenario, CONSULT, CONSULT),
    "roadmap:whatif": (scenario, None, ALL),
    "roadmap:measure_standings": (lambda m: {"pk": MeasureFactory(municipality=m).pk}, ALL, None),
}
