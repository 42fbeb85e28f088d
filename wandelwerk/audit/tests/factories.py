"""Factories of audit events: a change of some object by a named person; traits for the other
actions (``created``, ``deleted``, ``personal_data_read``)."""

from __future__ import annotations

import factory

from wandelwerk.audit.models import Action, AuditEvent
from wandelwerk.tenants.tests.factories import MunicipalityFactory


class AuditEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AuditEvent

    municipality = factory.SubFactory(MunicipalityFactory)
    actor_name = "tester"
    action = Action.UPDATE
    object_type = "organisation.OrgUnit"
    object_id = factory.Sequence(str)
    object_repr = factory.Sequence(lambda n: f"Objekt {n}")

    class Params:
        created = factory.Trait(action=Action.CREATE)
        deleted = factory.Trait(action=Action.DELETE)
        personal_data_read = factory.Trait(action=Action.VIEW_PERSONAL)
