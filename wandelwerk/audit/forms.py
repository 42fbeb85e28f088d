from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from wandelwerk.audit.models import Action, AuditEvent
from wandelwerk.audit.presentation import type_label
from wandelwerk.audit.queries import object_types
from wandelwerk.core.forms import DateInput, KernForm


class AuditFilterForm(KernForm):
    mark_optional = False
    q = forms.CharField(label=_("Person oder Objekt"), required=False)
    action = forms.ChoiceField(
        label=_("Aktion"), choices=[("", _("alle")), *Action.choices], required=False
    )
    object_type = forms.ChoiceField(label=_("Objektart"), required=False)
    start = forms.DateField(label=_("von"), required=False, widget=DateInput())
    end = forms.DateField(label=_("bis"), required=False, widget=DateInput())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        types = sorted(((t, type_label(t)) for t in object_types()), key=lambda c: c[1])
        self.fields["object_type"].choices = [("", _("alle")), *types]  # type: ignore[attr-defined]

    def filter(self, queryset: QuerySet[AuditEvent]) -> QuerySet[AuditEvent]:
        data = self.cleaned_data
        if data.get("q"):
            queryset = queryset.filter(
                Q(actor_name__icontains=data["q"]) | Q(object_repr__icontains=data["q"])
            )
        if data.get("action"):
            queryset = queryset.filter(action=data["action"])
        if data.get("object_type"):
            queryset = queryset.filter(object_type=data["object_type"])
        if data.get("start"):
            queryset = queryset.filter(created_at__date__gte=data["start"])
        if data.get("end"):
            queryset = queryset.filter(created_at__date__lte=data["end"])
        return queryset

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start: dt.date | None = data.get("start")
        end: dt.date | None = data.get("end")
        if start and end and start > end:
            self.add_error("end", _("Das Ende liegt vor dem Anfang."))
        return data
