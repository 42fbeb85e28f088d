"""Factories of background jobs: queued by default; traits ``running``, ``done``, ``failed``."""

from __future__ import annotations

import factory
from django.utils import timezone

from wandelwerk.jobs.models import Job
from wandelwerk.tenants.tests.factories import MunicipalityFactory


class JobFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Job

    municipality = factory.SubFactory(MunicipalityFactory)
    kind = "test"
    title = "Testauftrag"

    class Params:
        running = factory.Trait(status=Job.Status.RUNNING, progress=40, message="läuft …")
        done = factory.Trait(
            status=Job.Status.DONE,
            progress=100,
            message="fertig",
            finished_at=factory.LazyFunction(timezone.now),
        )
        failed = factory.Trait(
            status=Job.Status.FAILED,
            message="Fehler: kaputt",
            finished_at=factory.LazyFunction(timezone.now),
        )
