"""Names of uploaded files as they are stored and offered for download."""

from __future__ import annotations


def short_name(name: str, limit: int = 255) -> str:
    """The file name cut to ``limit`` characters, keeping its suffix."""
    if len(name) <= limit:
        return name
    stem, dot, suffix = name.rpartition(".")
    if not dot or len(suffix) > 10:
        return name[:limit]
    return f"{stem[: limit - len(suffix) - 1]}.{suffix}"
