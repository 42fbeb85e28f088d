"""Names of uploaded files as they are stored and offered for download, and removing them."""

from __future__ import annotations

from typing import Any

from django.db import transaction


def short_name(name: str, limit: int = 255) -> str:
    """The file name cut to ``limit`` characters, keeping its suffix."""
    if len(name) <= limit:
        return name
    stem, dot, suffix = name.rpartition(".")
    if not dot or len(suffix) > 10:
        return name[:limit]
    return f"{stem[: limit - len(suffix) - 1]}.{suffix}"


def discard_after_commit(sender: Any, instance: Any, **kwargs: Any) -> None:
    """``post_delete`` handler for a model with a ``file`` field, also when the row goes with
    its parent: the stored file is removed after the commit, never when the deletion is rolled
    back."""
    name = instance.file.name
    if not name:
        return
    storage = instance.file.storage
    transaction.on_commit(lambda: storage.delete(name), robust=True)
