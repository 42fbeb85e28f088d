"""The questions a DigiCheck asks of its unit, from the unit's traits (see ``applicability``)."""

from __future__ import annotations

from wandelwerk.assessments.applicability import UnitTraits, not_applicable_because
from wandelwerk.assessments.models import Framework
from wandelwerk.organisation.models import Employee, ITSystem, OrgUnit
from wandelwerk.organisation.queries import descendants_of


def unit_traits(org_unit: OrgUnit | None) -> UnitTraits:
    """The traits of a unit with the units below it; ``None`` is the whole administration."""
    units = OrgUnit.objects.all()
    if org_unit is not None:
        units = units.filter(pk__in=descendants_of(org_unit))
    return UnitTraits(
        whole_administration=org_unit is None,
        citizen_contact=units.filter(citizen_contact=True).exists(),
        it_systems=ITSystem.objects.filter(org_units__in=units).exists(),
        staff=Employee.objects.filter(org_unit__in=units).count(),
    )


def questions_not_asked(framework: Framework, org_unit: OrgUnit | None) -> dict[str, str]:
    """Question key → why the framework's question is not asked of this unit."""
    traits = unit_traits(org_unit)
    found = {}
    for question in framework.questions_in_order():
        why = not_applicable_because(
            traits,
            asked_of=question.asked_of,
            applies_to=question.applies_to,
            min_staff=question.min_staff,
        )
        if why:
            found[question.key] = why
    return found
