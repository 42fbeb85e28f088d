"""Fixtures for every app: two municipalities and one user per role.

``home`` is the municipality under test; ``other`` is a second one whose admin must never see
anything of ``home``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from wandelwerk.tenants import tenancy
from wandelwerk.tenants.tests.factories import MembershipFactory, MunicipalityFactory, UserFactory

# Property tests judge results, not speed: how long generating an example takes depends on how
# busy the machine is, so neither a deadline nor the "too slow" health check may fail a run.
settings.register_profile(
    "wandelwerk", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.load_profile("wandelwerk")

ROLES = ["provider_admin", "consultant", "municipality_admin", "editor", "viewer"]


@pytest.fixture
def home(db: Any) -> Any:
    return MunicipalityFactory(slug="heimstadt", name="Heimstadt")


@pytest.fixture
def other(db: Any) -> Any:
    return MunicipalityFactory(slug="anderdorf", name="Anderdorf", population=4000)


@pytest.fixture
def users(home: Any, other: Any) -> dict[str, Any]:
    """Users by role name in ``home``; ``hr`` is an editor with the personal-data permission,
    ``other_admin`` the municipality admin of ``other``, ``nobody`` a user without membership."""
    result: dict[str, Any] = {}
    for role in ROLES:
        user = UserFactory(username=role)
        MembershipFactory(
            user=user, municipality=None if role == "provider_admin" else home, role=role
        )
        result[role] = user
    hr = UserFactory(username="hr")
    MembershipFactory(user=hr, municipality=home, role="editor", can_view_personal_data=True)
    result["hr"] = hr
    other_admin = UserFactory(username="other_admin")
    MembershipFactory(user=other_admin, municipality=other, role="municipality_admin")
    result["other_admin"] = other_admin
    result["nobody"] = UserFactory(username="nobody")
    return result


@pytest.fixture
def in_home(home: Any) -> Iterator[Any]:
    """Run the test body with ``home`` as the current municipality."""
    with tenancy.activate(home):
        yield home


# Browser tests ------------------------------------------------------------------------------

_BROWSER_SKIP_REASON = (
    "BROWSER-TESTS ÜBERSPRUNGEN: kein Chromium unter /usr/bin/chromium (oder $CHROMIUM_PATH). "
    "Installieren mit `apt-get install chromium`; CI installiert es selbst."
)


def _skip_pdf_without_pango(config: Any, items: list[Any]) -> None:
    """PDF tests need Pango and Cairo from the system; without them they are skipped (loudly),
    except where the browser is required (CI): there they fail."""
    import os

    try:
        import cairosvg  # noqa: F401
        import weasyprint  # noqa: F401
    except OSError:
        if os.environ.get("WANDELWERK_REQUIRE_BROWSER") == "1":
            return
        pdf_items = [item for item in items if item.get_closest_marker("pdf")]
        for item in pdf_items:
            item.add_marker(pytest.mark.skip(reason=_PDF_SKIP_REASON))
        config._wandelwerk_pdf_skipped = len(pdf_items)


def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    from wandelwerk.core.testing.browser import chromium_path

    _skip_pdf_without_pango(config, items)
    if chromium_path() is not None:
        return
    import os

    if os.environ.get("WANDELWERK_REQUIRE_BROWSER") == "1":
        return  # the browser fixture fails loudly instead
    browser_items = [item for item in items if item.get_closest_marker("browser")]
    for item in browser_items:
        item.add_marker(pytest.mark.skip(reason=_BROWSER_SKIP_REASON))
    if browser_items:
        config._wandelwerk_browser_skipped = len(browser_items)


_PDF_SKIP_REASON = (
    "PDF- und Word-Tests übersprungen: Pango oder Cairo fehlen "
    "(`apt-get install libpango-1.0-0 libpangoft2-1.0-0 libcairo2`; CI installiert sie selbst)."
)


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: Any) -> None:
    pdf_skipped = getattr(config, "_wandelwerk_pdf_skipped", 0)
    if pdf_skipped:
        terminalreporter.write_sep(
            "!", f"{pdf_skipped} PDF-Tests übersprungen", red=True, bold=True
        )
        terminalreporter.write_line(_PDF_SKIP_REASON, red=True)
    skipped = getattr(config, "_wandelwerk_browser_skipped", 0)
    if skipped:
        terminalreporter.write_sep(
            "!",
            f"{skipped} Browser-Tests übersprungen: kein Chromium gefunden",
            red=True,
            bold=True,
        )
        terminalreporter.write_line(_BROWSER_SKIP_REASON, red=True)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    import os

    from wandelwerk.core.testing.browser import CHROMIUM_ARGS, chromium_path

    path = chromium_path()
    if path is None:
        pytest.fail(_BROWSER_SKIP_REASON)
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=path, headless=True, args=CHROMIUM_ARGS
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    # The pages keep their strict Content-Security-Policy; what it refuses fails the test.
    context = browser.new_context(locale="de-DE", viewport={"width": 1366, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.base_url = live_server.url  # type: ignore[attr-defined]
    page.csp_violations = []  # type: ignore[attr-defined]
    page.on(
        "console",
        lambda message: (
            page.csp_violations.append(message.text)  # type: ignore[attr-defined]
            if "Content Security Policy" in message.text
            else None
        ),
    )
    yield page
    context.close()
