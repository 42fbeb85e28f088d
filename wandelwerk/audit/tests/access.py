from wandelwerk.core.testing.access_rows import ADMIN, no_kwargs

ROWS = {"audit:log": (no_kwargs, ADMIN, None)}
