"""Factories of the OZG catalogue and a municipality's service register.

``AdministrativeServiceFactory`` builds an offline citizens' service of 100 cases a year at 10
minutes each; traits: ``online`` (level 3), ``transactional`` (level 4), ``businesses``,
``internal``, ``own`` (not in the LeiKa).
"""

from __future__ import annotations

import datetime as dt

import factory

from wandelwerk.ozg.models import (
    AdministrativeService,
    LeikaEntry,
    LifeSituation,
    MaturityChange,
    Milestone,
    MilestoneKind,
    OzgService,
    TargetGroup,
    Topic,
)
from wandelwerk.tenants.tests.factories import MunicipalityFactory


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("id",)

    id = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Themenfeld {n}")


class LifeSituationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LifeSituation
        django_get_or_create = ("id",)

    id = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Lebenslage {n}")
    topic = factory.SubFactory(TopicFactory)


class OzgServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OzgService
        django_get_or_create = ("ozg_id",)

    ozg_id = factory.Sequence(lambda n: 10_000 + n)
    name = factory.Sequence(lambda n: f"OZG-Leistung {n}")
    life_situation = factory.SubFactory(LifeSituationFactory)
    topic = factory.LazyAttribute(lambda o: o.life_situation.topic)


class LeikaEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LeikaEntry
        django_get_or_create = ("leika_key",)

    leika_key = factory.Sequence(lambda n: f"{99_000_000_000_000 + n:014d}")
    name = factory.Sequence(lambda n: f"LeiKa-Leistung {n}")
    ozg_service = factory.SubFactory(OzgServiceFactory)
    leika_type = "5"
    carrier = "gemeinde"  # every municipality carries it out


class AdministrativeServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdministrativeService

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Leistung {n}")
    target_group = TargetGroup.CITIZENS
    cases_per_year = 100
    minutes_per_case = 10
    maturity_level = 0

    class Params:
        online = factory.Trait(maturity_level=3)
        transactional = factory.Trait(maturity_level=4)
        businesses = factory.Trait(target_group=TargetGroup.BUSINESSES)
        internal = factory.Trait(target_group=TargetGroup.INTERNAL)
        own = factory.Trait(is_own=True)


class MaturityChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MaturityChange

    municipality = factory.LazyAttribute(lambda o: o.service.municipality)
    service = factory.SubFactory(AdministrativeServiceFactory)
    date = factory.LazyFunction(dt.date.today)
    rgm_version = factory.LazyAttribute(lambda o: o.service.rgm_version)
    level = 1


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    municipality = factory.LazyAttribute(lambda o: o.service.municipality)
    service = factory.SubFactory(AdministrativeServiceFactory)
    kind = MilestoneKind.choices[0][0]
    planned = factory.LazyFunction(lambda: dt.date.today() + dt.timedelta(days=90))
