"""The server process's garbage collector, set once the application is loaded."""

from __future__ import annotations

import gc

# A request builds tens of thousands of short-lived objects (records, template nodes); with
# the default threshold (700) the young generation is collected dozens of times per request and
# the older ones every few requests. 50,000 lets most requests end before a collection.
YOUNG_THRESHOLD = 50_000


def settle() -> None:
    """Everything loaded so far (Django, the apps, the URL and template machinery) lives as
    long as the process: kept out of the collector's full passes, which otherwise walk it again
    and again and add tens of milliseconds to a request now and then; and collect less often
    (benchmarks/pages.py measures both)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, 20, 100)
