from wandelwerk.core.testing.access_rows import ALL, no_kwargs

ROWS = {"overview:index": (no_kwargs, ALL, None)}
