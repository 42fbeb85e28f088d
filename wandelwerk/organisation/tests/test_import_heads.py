"""Importing unit heads: an e-mail address links the unit to that person's account."""

from __future__ import annotations

import pytest


@pytest.mark.django_db
def test_a_heads_email_links_the_unit_to_that_persons_account(users, home):
    from wandelwerk.imports.logic import run_import
    from wandelwerk.organisation.models import OrgUnit
    from wandelwerk.tenants import tenancy

    head = users["municipality_admin"]
    head.email = "leitung@heimstadt.de"
    head.save()
    text = (
        "Kürzel;Bezeichnung;Übergeordnete Einheit;Leitung\n"
        "FB1;Zentrale Dienste;;Leitung@Heimstadt.de\n"
        "FB2;Finanzen;;Petra Schmitz\n"
    )
    result = run_import(
        actor=None,
        kind="org_units",
        data=text.encode(),
        filename="e.csv",
        municipality=home,
        allow_personal=False,
    )
    assert result.ok, result.report()
    with tenancy.activate(home):
        fb1, fb2 = OrgUnit.objects.order_by("code")
    assert (fb1.head_user, fb1.head) == (head, "")
    assert (fb2.head_user, fb2.head) == (None, "Petra Schmitz")
    unknown = run_import(
        actor=None,
        kind="org_units",
        data=(text.replace("Leitung@Heimstadt.de", "wer@nirgends.de")).encode(),
        filename="e.csv",
        municipality=home,
        allow_personal=False,
    )
    assert "Niemand mit der Adresse „wer@nirgends.de“" in unknown.report()
