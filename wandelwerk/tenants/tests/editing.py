"""Posting an edit form as a browser does: with the fingerprint of the record it was shown."""

from __future__ import annotations

from typing import Any

from wandelwerk.core.forms import fingerprint
from wandelwerk.tenants import tenancy


def stand(record: Any) -> dict[str, str]:
    """The hidden field of an edit form for ``record`` as it is stored now."""
    record.refresh_from_db()
    if not hasattr(record, "municipality"):  # shared records: frameworks and their parts
        return {"_stand": fingerprint(record)}
    with tenancy.activate(record.municipality):
        return {"_stand": fingerprint(record)}
