"""Refusing a stale save: an edit form carries a fingerprint of the record as it was shown
(``_stand``) and the values it showed (``_gezeigt``). When someone else saved the record
meanwhile, nothing is saved; the form comes back with the user's input, a message and what the
other person changed, and saving again (after a look) goes through.

A form view that edits one record calls ``refuse_stale`` first in ``form_valid`` and adds
``stand_context`` to its context; its template includes ``core/includes/stale.html`` above the
form and ``core/includes/stand.html`` inside it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy

from wandelwerk.core.forms import FieldChange, changes_since, fingerprint, shown

STALE_MESSAGE = gettext_lazy(
    "Diese Angaben wurden inzwischen an anderer Stelle geändert. Ihre Eingaben sind "
    "unten erhalten; bitte prüfen Sie sie mit dem aktuellen Stand und speichern Sie erneut."
)

UnboundForm = Callable[[], Any]


def unbound(view: Any) -> UnboundForm:
    """A maker of ``view``'s form as it shows the stored record now (no data posted)."""

    def make() -> Any:
        kwargs = view.get_form_kwargs()
        kwargs.pop("data", None)
        kwargs.pop("files", None)
        return view.get_form_class()(**kwargs)

    return make


class Stale:
    """A refused save: ``changes`` as the form names them (None: not known)."""

    def __init__(self, changes: list[FieldChange] | None) -> None:
        self.changes = changes


def refuse_stale(
    request: HttpRequest, form: Any, record: Any, form_now: UnboundForm
) -> Stale | None:
    """None when ``record`` (None: a new one) is as the form showed it; otherwise the message
    is on ``form`` and the result says what changed."""
    if record is None or request.POST.get("_stand") == fingerprint(record):
        return None
    form.add_error(None, STALE_MESSAGE)
    return Stale(changes_since(request.POST.get("_gezeigt", ""), form_now()))


def stand_context(
    record: Any, form: Any, form_now: UnboundForm, stale: Stale | None
) -> dict[str, Any]:
    if record is None:
        return {}
    return {
        "stand": fingerprint(record),
        "shown": shown(form_now() if form.is_bound else form),
        "stale_changes": stale.changes if stale else None,
    }
