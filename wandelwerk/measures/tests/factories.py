"""Factories of catalogue templates and a municipality's measures.

``MeasureFactory`` builds an accepted process measure of one half-year for the whole
administration; traits name the other statuses (``proposed``, ``planned``, ``in_progress``,
``done``, ``delayed``, ``rejected``) and ``costly`` (staff days, provider days and budget).
"""

from __future__ import annotations

import factory

from wandelwerk.measures.models import Area, Measure, MeasureTemplate, Scope, Status
from wandelwerk.tenants import tenancy
from wandelwerk.tenants.tests.factories import MunicipalityFactory


class MeasureTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeasureTemplate
        django_get_or_create = ("key",)

    key = factory.Sequence(lambda n: f"vorlage-{n}")
    title = factory.Sequence(lambda n: f"Vorlage {n}")
    area = Area.CHANGE
    description = "Beschreibung der Vorlage."
    scope = Scope.ADMINISTRATION
    duration = 1
    internal_days = 10
    provider_days = 5
    budget_eur = 0
    benefit = 5


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure
        skip_postgeneration_save = True

    municipality = factory.SubFactory(MunicipalityFactory)
    title = factory.Sequence(lambda n: f"Maßnahme {n}")
    area = Area.PROCESS
    status = Status.ACCEPTED

    class Params:
        proposed = factory.Trait(status=Status.PROPOSED)
        rejected = factory.Trait(status=Status.REJECTED)
        planned = factory.Trait(status=Status.PLANNED)
        in_progress = factory.Trait(status=Status.IN_PROGRESS)
        delayed = factory.Trait(status=Status.DELAYED)
        done = factory.Trait(status=Status.DONE)
        costly = factory.Trait(internal_days=80, provider_days=20, budget_eur=40_000)

    @factory.post_generation
    def prerequisites(obj, create, extracted, **kwargs):
        if create and extracted:
            with tenancy.activate(obj.municipality):  # the related manager is scoped
                obj.prerequisites.set(extracted)
