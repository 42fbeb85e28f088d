"""The retirement wave page: expected exits per year and org unit for the next ten years."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wandelwerk.core.charts.bars import bar_chart
from wandelwerk.core.forms import KernForm
from wandelwerk.organisation import queries
from wandelwerk.organisation.models import OrgUnit
from wandelwerk.tenants.views import MunicipalityMixin

MINE = "meine"


class WaveFilterForm(KernForm):
    mark_optional = False
    unit = forms.ChoiceField(label=_("Organisationseinheit"), required=False)
    ebene = forms.ChoiceField(
        label=_("Zeilen"),
        required=False,
        choices=[
            ("bereiche", _("Fachbereiche (Einheiten zusammengefasst)")),
            ("einheiten", _("jede Einheit")),
        ],
    )

    def __init__(self, *args: Any, heads: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices: list[tuple[str, Any]] = [("", _("alle Einheiten"))]
        if heads:
            choices.append((MINE, _("meine Einheiten (die ich leite, mit ihren Untereinheiten)")))
        choices += [(str(u.pk), str(u)) for u in OrgUnit.objects.order_by("code")]
        field: Any = self.fields["unit"]
        field.choices = choices


class WaveView(MunicipalityMixin, TemplateView):
    """For everyone in the municipality; exact figures for those with the personal-data right,
    the rest through the disclosure control (``organisation.disclosure``)."""

    permission_required = "organisation.view"
    page_title = _("Ruhestandswelle")
    template_name = "organisation/wave.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        headed = queries.headed_units(self.request.user)
        form = WaveFilterForm(self.request.GET or None, heads=bool(headed))
        data = form.cleaned_data if form.is_valid() else {}
        chosen = data.get("unit", "")
        units = headed if chosen == MINE else ({int(chosen)} if chosen else None)
        wave = queries.retirement_wave(
            self.municipality,
            timezone.localdate(),
            exact=self.can("organisation.view_personal_data"),
            units=units,
            by_department=data.get("ebene") != "einheiten",
        )
        cells = wave.total.cells
        context |= {
            "filter_form": form,
            "wave": wave,
            "chart": bar_chart(
                [(str(y), c.people or 0) for y, c in zip(wave.years, cells, strict=True)],
                title=str(_("Voraussichtliche Austritte je Jahr (Personen)")),
                ident="ruhestandswelle",
                label_width=60,
                notes=["< 5" if c.people is None else str(c.people) for c in cells],
            ),
            "notice": queries.retirement_notice(self.municipality),
        }
        return context
