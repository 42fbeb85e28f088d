from typing import Any

from wandelwerk.core.testing.access_rows import ADMIN, no_kwargs
from wandelwerk.tenants.tests.factories import MembershipFactory, UserFactory


def member(m: Any) -> dict[str, Any]:
    """A fresh invited editor of ``m``, so that every try has one to act on."""
    user = UserFactory(password=None, email="eingeladen@example.org")  # no password yet
    return {"pk": MembershipFactory(user=user, municipality=m, role="editor").pk}


ROWS = {
    "accounts:members": (no_kwargs, ADMIN, {"provider_admin"}),
    "accounts:member_invite": (no_kwargs, ADMIN, ADMIN),
    "accounts:member_update": (member, ADMIN, ADMIN),
    "accounts:member_end": (member, ADMIN, ADMIN),
    "accounts:member_reinvite": (member, None, ADMIN),
    "accounts:member_second_factor": (no_kwargs, None, ADMIN),
}
