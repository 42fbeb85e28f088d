"""Browser tests: Playwright driving Debian's Chromium, with axe-core for WCAG checks.

Chromium is looked for at ``$CHROMIUM_PATH`` or ``/usr/bin/chromium``; no browser is ever
downloaded. Without it, browser tests are skipped with a loud message, unless
``WANDELWERK_REQUIRE_BROWSER=1`` (set by CI), where a missing browser is an error.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

AXE_JS = Path(__file__).parent / "axe" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str | None:
    candidate = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
    if Path(candidate).exists():
        return candidate
    return shutil.which("chromium")


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe-core on the page; return the violations of WCAG 2.x A/AA rules."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, which the page's CSP does not restrict: the
        # pages keep their strict policy during the tests.
        page.evaluate(AXE_JS.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return list(result["violations"])


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        targets = ", ".join(str(node["target"]) for node in violation["nodes"][:5])
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} — {targets}")
    return "\n".join(lines)


def login(page: Any, username: str, password: str | None = None) -> None:
    from wandelwerk.core.testing import PASSWORD

    page.goto(page.base_url + "/anmelden/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password or PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")


def assert_accessible(page: Any, label: str) -> None:
    violations = axe_violations(page)
    assert not violations, f"axe-core meldet auf {label} ({page.url}):\n{describe(violations)}"
    refused = getattr(page, "csp_violations", [])
    assert not refused, f"Content-Security-Policy verweigert auf {label}:\n" + "\n".join(refused)
