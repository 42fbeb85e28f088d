from typing import Any

from wandelwerk.core.testing.access_rows import ALL, CONSULT, EDIT, no_kwargs
from wandelwerk.reports.models import Format, Kind, ReportFile


def draft(m: Any) -> dict[str, Any]:
    report = ReportFile.objects.create(
        municipality=m, kind=Kind.STRATEGY, format=Format.HTML, title="Bericht",
        filename="bericht.html", content=b"<p>Bericht</p>", size=14, sha256="0" * 64,
    )  # fmt: skip
    return {"pk": report.pk}


def paper(m: Any) -> dict[str, Any]:
    from wandelwerk.reports.models import CouncilPaper
    from wandelwerk.roadmap.tests.factories import ScenarioFactory

    found = CouncilPaper.objects.create(
        municipality=m, subject="Strategie", proposal="Beschließen.", facts="Gründe.",
        scenario=ScenarioFactory(municipality=m),
    )  # fmt: skip
    return {"pk": found.pk}


ROWS = {
    "reports:index": (no_kwargs, ALL, None),
    "reports:document": (no_kwargs, ALL, None),
    "reports:settings": (no_kwargs, EDIT, EDIT),
    "reports:build": (no_kwargs, None, EDIT),
    "reports:file": (draft, ALL, None),
    "reports:hand_over": (draft, CONSULT, CONSULT),
    "reports:file_delete": (draft, None, EDIT),
    "reports:paper_create": (no_kwargs, EDIT, EDIT),
    "reports:paper": (paper, ALL, CONSULT),
    "reports:paper_update": (paper, EDIT, EDIT),
    "reports:paper_pdf": (paper, ALL, None),
}
