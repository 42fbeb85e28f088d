"""Factories of articles and their versions.

``ArticleFactory`` builds a draft with one version, owned by a member of the municipality;
traits: ``published`` (the first version visible to readers), ``overdue`` (its review date
passed a month ago)."""

from __future__ import annotations

import datetime as dt

import factory

from wandelwerk.knowledge.models import Article, ArticleStatus, ArticleVersion
from wandelwerk.tenants.tests.factories import MembershipFactory, MunicipalityFactory


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    municipality = factory.SubFactory(MunicipalityFactory)
    title = factory.Sequence(lambda n: f"Artikel {n}")
    body = "## Ablauf\n\nDer Antrag wird geprüft und beschieden."
    owner = factory.LazyAttribute(
        lambda o: MembershipFactory(municipality=o.municipality, editor=True).user
    )
    next_review = factory.LazyFunction(lambda: dt.date.today() + dt.timedelta(days=365))

    class Params:
        published = factory.Trait(status=ArticleStatus.PUBLISHED)
        overdue = factory.Trait(
            next_review=factory.LazyFunction(lambda: dt.date.today() - dt.timedelta(days=30))
        )

    @factory.post_generation
    def first_version(self, create: bool, extracted: object, **kwargs: object) -> None:
        if not create:
            return
        version = ArticleVersion.objects.unscoped().create(
            municipality=self.municipality,
            article=self,
            number=1,
            title=self.title,
            body=self.body,
            author=self.owner,
        )
        if self.status == ArticleStatus.PUBLISHED:
            self.published_version = version
            self.save(update_fields=["published_version"])
