"""Every tenant model's ``get_<field>_display()`` answers as Django's own does: for each
choice, for a value outside the choices, in German and in another language."""

from __future__ import annotations

from django.apps import apps
from django.db import models
from django.utils import translation

from wandelwerk.tenants.tenancy import TenantModel


def test_choice_labels_match_djangos_for_every_field_and_value():
    checked = 0
    for model in apps.get_models():
        if not issubclass(model, TenantModel):
            continue
        for field in model._meta.concrete_fields:
            if not field.choices:
                continue
            record = model()
            for value in [key for key, _label in field.flatchoices] + ["keine Auswahl", None]:
                setattr(record, field.attname, value)
                for language in ("de", "en"):
                    with translation.override(language):
                        ours = getattr(record, f"get_{field.name}_display")()
                        djangos = models.Model._get_FIELD_display(record, field)
                    assert ours == djangos and type(ours) is type(djangos), (field, value)
                    checked += 1
    assert checked > 100  # statuses, areas, levels, target groups, …
