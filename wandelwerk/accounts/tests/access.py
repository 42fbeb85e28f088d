from wandelwerk.core.testing.access_rows import ADMIN, no_kwargs

ROWS = {"accounts:members": (no_kwargs, ADMIN, {"provider_admin"})}
