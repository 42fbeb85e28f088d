"""Links to many objects of one kind at once.

A page listing a thousand measures reverses one URL pattern a thousand times; ``pk_link`` reverses
it once and puts each primary key into the result.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.urls import reverse

_MARK = 2147483647  # a primary key no row has: it stands for the one filled in


def pk_link(name: str, *args: Any) -> Callable[[Any], str]:
    """``pk_link("measures:measure_detail", slug)(pk)`` is
    ``reverse("measures:measure_detail", args=[slug, pk])``."""
    head, tail = reverse(name, args=[*args, _MARK]).rsplit(str(_MARK), 1)
    return lambda pk: f"{head}{int(pk)}{tail}"
