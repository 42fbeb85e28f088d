"""The server process's garbage collector, set once the application is loaded."""

from __future__ import annotations

import gc
from typing import Any

from django.core.signals import request_finished

# A request of a large page holds tens of thousands of objects at once (records, rows, template
# nodes). A collection in the middle of it walks all of them: 25-40 ms on the risk list of 5,000
# people. So the young generation is collected when a request has finished (after the response
# went out, while the live objects are few), and during a request only past this many new ones.
YOUNG_THRESHOLD = 200_000


def _tidy(**_kwargs: Any) -> None:
    gc.collect(0)


def settle() -> None:
    """Everything loaded so far (Django, the apps, the URL and template machinery) lives as
    long as the process: kept out of the collector's full passes, which otherwise walk it again
    and again; and collect between requests rather than within them (benchmarks/pages.py
    measures both)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, 10, 10)
    request_finished.connect(_tidy, dispatch_uid="wandelwerk.runtime.tidy")
