"""The server process's garbage collector, set once the application is loaded."""

from __future__ import annotations

import gc


def settle() -> None:
    """Everything loaded so far (Django, the apps, the URL and template machinery) lives as
    long as the process: kept out of the collector's full passes, which otherwise walk it again
    and again and add tens of milliseconds to a request now and then (benchmarks/pages.py).

    The collector's thresholds stay as they are: a larger young generation (50,000 or 200,000,
    collected after the request) was measured with the risk list and the dependency graph and
    spent as much time collecting per request, in fewer and longer pauses (25-40 ms)."""
    gc.collect()
    gc.freeze()
