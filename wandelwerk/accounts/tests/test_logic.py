"""The administration's use cases: municipalities, memberships and consultants, all audited."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from wandelwerk.accounts.logic import (
    MembershipError,
    create_municipality,
    grant_membership,
    set_consultants,
)
from wandelwerk.accounts.queries import consultant_candidates, consultants_of, members_of
from wandelwerk.audit.models import Action, AuditEvent
from wandelwerk.tenants.models import Membership, SizeClass
from wandelwerk.tenants.queries import get_access
from wandelwerk.tenants.roles import Role
from wandelwerk.tenants.tests.factories import (
    MembershipFactory,
    MunicipalityFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_create_municipality_cleans_the_short_name_and_audits(users):
    municipality = create_municipality(
        actor=users["provider_admin"], slug="Neu Stadt", name="Neustadt", population=31_000
    )
    assert municipality.slug == "neu-stadt" and municipality.size_class == SizeClass.M
    event = AuditEvent.unscoped_manager.get(object_type="tenants.Municipality")
    assert (event.action, event.municipality, event.actor) == (
        Action.CREATE,
        municipality,
        users["provider_admin"],
    )


@pytest.mark.parametrize(
    ("slug", "ags", "error"),
    [
        ("", "", MembershipError),
        ("heimstadt", "", MembershipError),
        ("neu", "123", ValidationError),
    ],
)
def test_create_municipality_refuses_empty_taken_and_invalid(home, slug, ags, error):
    with pytest.raises(error):
        create_municipality(actor=None, slug=slug, name="X", ags=ags)
    assert not AuditEvent.unscoped_manager.exists()


def test_grant_membership_changes_an_existing_one_and_forgets_cached_access(home):
    user = UserFactory()
    grant_membership(actor=None, user=user, municipality=home, role=Role.VIEWER)
    assert get_access(user, home).role == Role.VIEWER
    grant_membership(
        actor=None, user=user, municipality=home, role=Role.EDITOR, can_view_personal_data=True
    )
    assert get_access(user, home).can_view_personal_data  # not the cached viewer access
    assert Membership.objects.filter(user=user).count() == 1
    actions = list(AuditEvent.unscoped_manager.order_by("id").values_list("action", flat=True))
    assert actions == [Action.CREATE, Action.UPDATE]


def test_only_provider_admins_hold_a_membership_without_municipality(home):
    with pytest.raises(MembershipError):
        grant_membership(actor=None, user=UserFactory(), municipality=None, role=Role.EDITOR)
    with pytest.raises(MembershipError):
        grant_membership(
            actor=None, user=UserFactory(), municipality=home, role=Role.PROVIDER_ADMIN
        )


def test_set_consultants_adds_and_removes_exactly_and_refuses_other_roles(home, users):
    first, second = UserFactory(username="erste"), UserFactory(username="zweite")
    set_consultants(actor=None, municipality=home, users=[first, second])
    set_consultants(actor=None, municipality=home, users=[second])
    assert [m.user for m in consultants_of(home)] == [second]
    removed = AuditEvent.unscoped_manager.filter(action=Action.DELETE)
    assert {e.object_repr.split(" ")[0] for e in removed} == {"consultant", "erste"}
    with pytest.raises(MembershipError, match="bereits eine andere Rolle"):
        set_consultants(actor=None, municipality=home, users=[users["editor"]])


def test_members_in_role_order_and_who_may_consult(home, users):
    roles = [m.role for m in members_of(home)]
    assert roles == sorted(roles) and len(roles) == 5  # provider admins are no members
    other_consultant = MembershipFactory(municipality=MunicipalityFactory(), consultant=True).user
    candidates = set(consultant_candidates())
    assert {users["consultant"], other_consultant, users["nobody"]} <= candidates
    assert users["editor"] not in candidates and users["viewer"] not in candidates
