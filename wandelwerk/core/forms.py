"""Form helpers: KERN UX classes on every widget and accessible error wiring."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting
from django.utils.crypto import salted_hmac
from django.utils.formats import localize

from wandelwerk.core.params import LARGEST

SELECT_TEMPLATE = "django/forms/widgets/select.html"
# Widgets whose Django template is only ``input.html``: written in Python like the selects.
INPUT_TEMPLATES = {
    f"django/forms/widgets/{kind}.html"
    for kind in (
        "input", "text", "number", "email", "url", "password", "hidden", "search", "tel",
        "color", "date", "datetime", "time", "checkbox",
    )
}  # fmt: skip


def _escape(value: Any) -> str:
    """What ``{{ value }}`` writes: marked-safe text as it is, any other escaped."""
    return str(value.__html__()) if hasattr(value, "__html__") else html.escape(str(value))


def _attributes(attrs: dict[str, Any]) -> str:
    """HTML attributes as Django's ``attrs.html`` writes them: True bare, False left out."""
    return "".join(
        f" {name}" if value is True else f' {name}="{html.escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


def _select(widget: dict[str, Any]) -> str:
    """A select as Django's templates write it, in Python: a unit or person filter has hundreds
    of options, and one template include per option took most of a list page's time."""
    parts = [f'<select name="{html.escape(widget["name"])}"{_attributes(widget["attrs"])}>']
    for group, options, _index in widget["optgroups"]:
        if group:
            parts.append(f'<optgroup label="{_escape(group)}">')
        parts.extend(
            f'<option value="{html.escape(str(option["value"]))}"{_attributes(option["attrs"])}>'
            f"{_escape(option['label'])}</option>"
            for option in options
        )
        if group:
            parts.append("</optgroup>")
    parts.append("</select>")
    return "\n".join(parts)


def _input(widget: dict[str, Any]) -> str:
    """An input as Django's ``input.html`` writes it."""
    value = "" if widget["value"] is None else f' value="{_escape(widget["value"])}"'
    return (
        f'<input type="{html.escape(str(widget["type"]))}" name="{html.escape(widget["name"])}"'
        f"{value}{_attributes(widget['attrs'])}>"
    )


class KernFormRenderer(TemplatesSetting):
    """Renders forms and fields with the KERN UX templates in ``core/forms/``; selects and
    inputs are written in Python (the same HTML as Django's templates)."""

    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"

    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        if template_name == SELECT_TEMPLATE:
            return _select(context["widget"])
        if template_name in INPUT_TEMPLATES:
            return _input(context["widget"])
        return str(super().render(template_name, context, request))


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


# What a form showed, to tell the user on a stale save what someone else changed meanwhile.
# Only the form's own fields are kept: what the user saw, nothing more.

_SHOWN_SALT = "wandelwerk.shown"


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str
    after: str


def _has_choices(field: forms.Field) -> bool:
    return isinstance(field, forms.ChoiceField | forms.ModelChoiceField)


def _as_text(field: forms.Field, value: Any) -> str | list[str]:
    if isinstance(value, list | tuple):
        return sorted(str(v) for v in value)
    if value is None:
        return ""
    if _has_choices(field):
        return str(value)
    if isinstance(value, bool):
        return "ja" if value else "nein"
    return str(localize(value))


def shown(form: forms.BaseForm) -> str:
    """The values an unbound ``form`` shows, signed, for a hidden field."""
    values = {name: _as_text(field, form[name].value()) for name, field in form.fields.items()}
    return signing.dumps(values, salt=_SHOWN_SALT, compress=True)


def _display(field: forms.Field, value: str | list[str]) -> str:
    if value in ("", []):
        return "–"
    if _has_choices(field):
        labels = {}
        for key, label in field.choices:  # type: ignore[attr-defined]
            if isinstance(label, list | tuple):  # a group of choices
                labels.update({str(k): str(v) for k, v in label})
            else:
                labels[str(getattr(key, "value", key))] = str(label)
        items = value if isinstance(value, list) else [value]
        return ", ".join(labels.get(item, item) for item in items)
    return str(value)


def changes_since(token: str, current: forms.BaseForm) -> list[FieldChange] | None:
    """Fields whose value differs between what a form showed (``token``) and what an unbound
    form of the stored record shows now; None when the token is missing or forged."""
    try:
        before = signing.loads(token, salt=_SHOWN_SALT)
    except signing.BadSignature:
        return None
    changes = []
    for name, field in current.fields.items():
        now = _as_text(field, current[name].value())
        if name in before and before[name] != now:
            label = str(field.label or name)
            changes.append(FieldChange(label, _display(field, before[name]), _display(field, now)))
    return changes
