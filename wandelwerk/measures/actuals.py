"""What a measure actually cost per fiscal year (euro and staff days): recording and correcting
it. The progress report sets these against the baseline."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from wandelwerk.audit.logic import save_audited, snapshot
from wandelwerk.core.forms import KernModelForm
from wandelwerk.measures.models import Measure, MeasureActual
from wandelwerk.tenants.views import ObjectFormView

FIELDS = ("fiscal_year", "euro", "internal_days", "provider_days", "note")


class ActualForm(KernModelForm):
    class Meta:
        model = MeasureActual
        fields = list(FIELDS)


@transaction.atomic
def save_actual(
    *, actor: Any, measure: Measure, actual: MeasureActual | None, values: dict[str, Any]
) -> MeasureActual:
    current = actual or MeasureActual(municipality=measure.municipality, measure=measure)
    before = snapshot(current) if actual is not None else None
    for name in FIELDS:
        setattr(current, name, values[name])
    try:
        with transaction.atomic():
            save_audited(actor=actor, instance=current, before=before)
    except (IntegrityError, ValidationError) as exc:
        raise ValidationError(
            {
                "fiscal_year": _(
                    "Für dieses Haushaltsjahr gibt es schon Ist-Werte; bitte dort ändern."
                )
            }
        ) from exc
    return current


class ActualFormView(ObjectFormView):
    """Record (no ``pk``) or correct the actuals of one fiscal year of a measure."""

    model = MeasureActual
    form_class = ActualForm
    list_url_name = "measures:index"
    permission_required = "measures.change"

    def measure(self) -> Measure:
        return get_object_or_404(Measure.objects.all(), pk=self.kwargs["measure_pk"])

    def load_object(self) -> MeasureActual | None:
        if "pk" in self.kwargs:
            return get_object_or_404(
                MeasureActual.objects.select_related("measure"),
                pk=self.kwargs["pk"],
                measure_id=self.kwargs["measure_pk"],
            )
        return None

    def get_heading(self) -> str:
        return _("Ist-Kosten und Personentage: %(measure)s") % {"measure": self.measure().title}

    def get_cancel_url(self) -> str:
        return self.measure().get_absolute_url()

    def save(self, form: ActualForm) -> MeasureActual:
        return save_actual(
            actor=self.request.user,
            measure=self.measure(),
            actual=self.object,
            values={name: form.cleaned_data[name] for name in FIELDS},
        )
