"""Form helpers: KERN UX classes on every widget and accessible error wiring."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting
from django.utils.crypto import salted_hmac

from wandelwerk.core.params import LARGEST


class KernFormRenderer(TemplatesSetting):
    """Renders forms and fields with the KERN UX templates in ``core/forms/``."""

    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"


def _widget_class(widget: forms.Widget) -> str:
    if isinstance(widget, forms.CheckboxInput | forms.CheckboxSelectMultiple):
        return "kern-form-check__checkbox"
    if isinstance(widget, forms.RadioSelect):
        return "kern-form-check__radio"
    if isinstance(widget, forms.Select):
        return "kern-form-input__select"
    return "kern-form-input__input"


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Refuses an id beyond what the database stores as an invalid choice; Django's own field
    passes it to the database, which fails on it."""

    def _check_values(self, value: Any) -> Any:
        if self.to_field_name is None:
            for pk in value:
                if str(pk).isdigit() and int(pk) > LARGEST:
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": pk},
                    )
        return super()._check_values(value)  # type: ignore[misc]


class KernFormMixin:
    """Adds KERN classes to widgets and links errors to their fields for screen readers."""

    fields: dict[str, forms.Field]
    errors: Any
    # Filter forms set this to False: every filter is optional, saying so is noise.
    mark_optional = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if type(field) is forms.ModelMultipleChoiceField:
                # Each form holds its own copies of its fields, so this changes this form only.
                field.__class__ = BoundedModelMultipleChoiceField
            css = _widget_class(field.widget)
            if css:
                existing = field.widget.attrs.get("class", "")
                field.widget.attrs["class"] = f"{existing} {css}".strip()

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["class"] = (
                    f"{widget.attrs.get('class', '')} kern-form-input__input--error".strip()
                )


class KernForm(KernFormMixin, forms.Form):
    pass


class KernModelForm(KernFormMixin, forms.ModelForm):
    pass


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def fingerprint(instance: Any) -> str:
    """A signed digest of a record's stored values (its many-to-many links included), to tell
    whether it changed since a form showed it. Keyed with the secret key, so the digest gives
    nothing of the values away."""
    meta = instance._meta
    values = {f.attname: getattr(instance, f.attname) for f in meta.concrete_fields}
    if instance.pk is not None:
        for field in meta.many_to_many:
            values[field.name] = sorted(getattr(instance, field.name).values_list("pk", flat=True))
    payload = json.dumps(values, sort_keys=True, default=str)
    return salted_hmac("wandelwerk.fingerprint", payload).hexdigest()
