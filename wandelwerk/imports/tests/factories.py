"""Factories of uploaded import files: pending by default; traits ``applied`` and ``discarded``."""

from __future__ import annotations

import factory

from wandelwerk.imports.models import ImportUpload
from wandelwerk.tenants.tests.factories import MunicipalityFactory, UserFactory


class ImportUploadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImportUpload

    municipality = factory.SubFactory(MunicipalityFactory)
    kind = "org_units"
    filename = "einheiten.csv"
    content = "Kürzel;Bezeichnung\r\nX;Test\r\n".encode()
    uploaded_by = factory.SubFactory(UserFactory)

    class Params:
        applied = factory.Trait(
            status=ImportUpload.Status.APPLIED,
            content=b"",
            result={"created": 1, "updated": 0, "unchanged": 0},
        )
        discarded = factory.Trait(status=ImportUpload.Status.DISCARDED, content=b"")
