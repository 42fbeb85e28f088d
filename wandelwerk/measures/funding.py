"""Funding programmes (Förderprogramme): the provider records them for every municipality, a
municipality for itself; measures are linked to one, and the plan keeps a funded measure within
the programme's period and counts the funding apart from the own funds."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from wandelwerk.audit.logic import delete_audited, save_audited, snapshot
from wandelwerk.core.forms import KernModelForm
from wandelwerk.measures.models import Area, FundingProgramme, MeasureTemplate
from wandelwerk.tenants.queries import works_for_provider
from wandelwerk.tenants.tenancy import require_municipality
from wandelwerk.tenants.views import MunicipalityMixin, ObjectDeleteView, ObjectFormView

FIELDS = (
    "name",
    "funder",
    "rate",
    "cap_eur",
    "areas",
    "template_keys",
    "apply_by",
    "spend_from",
    "spend_by",
    "note",
)


def programmes() -> QuerySet[FundingProgramme]:
    """The programmes open to the current municipality: the provider's and its own."""
    municipality = require_municipality()
    return FundingProgramme.objects.filter(
        Q(municipality__isnull=True) | Q(municipality=municipality)
    )


def may_edit(user: Any, municipality: Any, programme: FundingProgramme | None) -> bool:
    """Own programmes: whoever edits measures; the provider's: only the provider's people."""
    if programme is None or programme.municipality_id is not None:
        return bool(user.has_perm("measures.change", municipality))
    return works_for_provider(user, municipality)


class ProgrammeForm(KernModelForm):
    areas = forms.MultipleChoiceField(
        label=_("förderfähige Handlungsfelder"),
        choices=Area.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Keins gewählt: Maßnahmen aller Handlungsfelder."),
    )
    template_keys = forms.MultipleChoiceField(
        label=_("förderfähige Maßnahmen (Katalog)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Keine gewählt: jede Maßnahme der förderfähigen Handlungsfelder. Gewählt: nur "
            "Maßnahmen aus diesen Katalogeinträgen, keine eigenen."
        ),
    )
    for_all = forms.BooleanField(label=_("für alle Kommunen des IT-Dienstleisters"), required=False)

    class Meta:
        model = FundingProgramme
        fields = list(FIELDS)
        widgets = {
            "apply_by": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "spend_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "spend_by": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args: Any, provider: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        names = dict(Area.choices)
        grouped: dict[str, list[tuple[str, str]]] = {}
        for key, title, area in MeasureTemplate.objects.order_by("area", "title").values_list(
            "key", "title", "area"
        ):
            grouped.setdefault(str(names.get(area, area)), []).append((key, title))
        self.fields["template_keys"].choices = list(grouped.items())  # type: ignore[attr-defined]
        if not provider:
            del self.fields["for_all"]
        elif self.instance.pk:
            self.fields["for_all"].initial = self.instance.municipality_id is None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("spend_from"), data.get("spend_by")
        if start and end and start > end:
            self.add_error("spend_by", _("Das Ende liegt vor dem Beginn des Förderzeitraums."))
        return data


@transaction.atomic
def save_programme(
    *, actor: Any, programme: FundingProgramme | None, values: dict[str, Any], for_all: bool
) -> FundingProgramme:
    current = programme or FundingProgramme()
    before = snapshot(current) if programme is not None else None
    for name in FIELDS:
        setattr(current, name, values[name])
    current.municipality = None if for_all else require_municipality()
    save_audited(actor=actor, instance=current, before=before)
    return current


def delete_programme(*, actor: Any, programme: FundingProgramme) -> None:
    delete_audited(
        actor=actor,
        instance=programme,
        in_use_message=_("Maßnahmen sind mit diesem Programm verknüpft; erst dort lösen."),
    )


class ProgrammeListView(MunicipalityMixin, TemplateView):
    permission_required = "measures.view"
    template_name = "measures/funding_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        found = list(
            programmes()
            .annotate(used=Count("measures", filter=Q(measures__municipality=self.municipality)))
            .order_by("name", "id")
        )
        user = self.request.user
        context.update(
            programmes=[(p, may_edit(user, self.municipality, p)) for p in found],
            area_names=dict(Area.choices),
            breadcrumbs=self.crumbs({"label": _("Förderprogramme")}),
        )
        return context


def editable(view: Any, found: FundingProgramme | None) -> FundingProgramme | None:
    """The programme a form or delete page loaded, if the user may touch it."""
    if not may_edit(view.request.user, view.municipality, found):
        raise PermissionDenied
    return found


class ProgrammeFormView(ObjectFormView):
    model = FundingProgramme
    form_class = ProgrammeForm
    list_url_name = "measures:funding"
    permission_required = "measures.change"

    def get_queryset(self) -> Any:
        return programmes()

    def load_object(self) -> FundingProgramme | None:
        return editable(self, super().load_object())

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["provider"] = works_for_provider(self.request.user, self.municipality)
        return kwargs

    def get_success_url(self) -> str:
        return self.list_url()

    def get_cancel_url(self) -> str:
        return self.list_url()

    def save(self, form: ProgrammeForm) -> FundingProgramme:
        return save_programme(
            actor=self.request.user,
            programme=self.object,
            values={name: form.cleaned_data[name] for name in FIELDS},
            for_all=bool(form.cleaned_data.get("for_all")),
        )


class ProgrammeDeleteView(ObjectDeleteView):
    model = FundingProgramme
    list_url_name = "measures:funding"
    permission_required = "measures.change"

    def get_queryset(self) -> Any:
        return programmes()

    def load_object(self) -> FundingProgramme | None:
        return editable(self, super().load_object())

    def in_use_url(self) -> str:
        return self.list_url()

    def delete(self, obj: FundingProgramme) -> None:
        delete_programme(actor=self.request.user, programme=obj)
