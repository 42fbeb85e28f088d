from wandelwerk.core.testing.access_rows import ADMIN, ALL, no_kwargs

ROWS = {
    "tenants:overview": (no_kwargs, ALL, None),
    "tenants:members": (no_kwargs, ADMIN, {"provider_admin"}),
}
