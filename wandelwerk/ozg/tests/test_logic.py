"""The register's use cases, called directly: adopting catalogue entries, saving a service with
its level history, milestones and priority weights, each with its audit rows."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from wandelwerk.audit.models import Action, AuditEvent
from wandelwerk.ozg import logic
from wandelwerk.ozg.models import AdministrativeService, MaturityChange, Milestone
from wandelwerk.ozg.tests.factories import AdministrativeServiceFactory, LeikaEntryFactory

pytestmark = pytest.mark.django_db


def test_a_catalogue_entry_becomes_a_service_of_its_themenfeld(home):
    entry = LeikaEntryFactory(name="Wohnsitz anmelden")
    service = logic.service_from_entry(entry, home)
    assert (service.name, service.leika_key, service.municipality) == (
        "Wohnsitz anmelden",
        entry.leika_key,
        home,
    )
    assert service.topic_id == entry.ozg_service.topic_id and service.pk is None


def test_adopting_skips_what_the_register_holds_and_audits_the_rest(in_home, users):
    first, second = LeikaEntryFactory(), LeikaEntryFactory()
    assert len(logic.adopt_entries(actor=users["editor"], entries=[first])) == 1
    created = logic.adopt_entries(actor=users["editor"], entries=[first, second, second])
    assert [s.leika_entry for s in created] == [second]
    assert AdministrativeService.objects.count() == 2
    assert AuditEvent.objects.filter(action=Action.CREATE).count() == 2


def test_the_standard_set_holds_the_entries_the_municipality_s_tier_carries_out(in_home):
    def entry(name, key, leika_type, carrier):
        LeikaEntryFactory(name=name, leika_key=key, leika_type=leika_type, carrier=carrier)

    entry("Gemeindlich", "99000000000001", "2/3", "gemeinde")
    entry("Objekt", "99000000000000", "4", "gemeinde")
    entry("Bauaufsicht", "99000000000002", "4", "mittlere")
    entry("Gesundheitsamt", "99000000000003", "2/3", "kreis")
    entry("Kammer", "99000000000004", "2/3", "andere")
    entry("Bund", "99000000000005", "1", "bund")
    names = lambda **kw: [e.name for e in logic.standard_entries(**kw)]  # noqa: E731
    assert names() == ["Gemeindlich", "Objekt"]  # a kreisangehörige Gemeinde
    assert names(object_level_only=True) == ["Objekt"]
    in_home.tier = "mittlere"
    assert names() == ["Bauaufsicht", "Gemeindlich", "Objekt"]
    in_home.tier = "kreisfrei"
    assert names() == ["Bauaufsicht", "Gemeindlich", "Gesundheitsamt", "Objekt"]
    in_home.land = "BY"  # no assignment outside NRW: the LeiKa type decides
    assert "Kammer" in names() and "Bund" not in names()


def test_saving_a_new_level_keeps_the_history(in_home, users):
    service = logic.save_service(actor=users["editor"], values={"name": "Sperrmüll"})
    logic.save_service(actor=users["editor"], service=service, values={"cases_per_year": 9})
    logic.save_service(actor=users["editor"], service=service, values={"maturity_level": 3})
    history = list(MaturityChange.objects.order_by("id").values_list("previous_level", "level"))
    assert history == [(None, 0), (0, 3)]  # the change of the case count is no level change
    assert MaturityChange.objects.last().actor == users["editor"]
    logic.delete_service(actor=None, service=service)
    assert not AdministrativeService.objects.exists()


def test_milestones_are_set_changed_and_removed_in_one_audit_row(in_home):
    service = AdministrativeServiceFactory(municipality=in_home)
    june = dt.date(2027, 6, 30)
    logic.save_milestones(
        actor=None, service=service, dates={"concept": (june, None), "go_live": (june, june)}
    )
    logic.save_milestones(actor=None, service=service, dates={"concept": (None, None)})
    logic.save_milestones(actor=None, service=service, dates={"concept": (None, None)})
    assert list(Milestone.objects.values_list("kind", flat=True)) == ["go_live"]
    assert AuditEvent.objects.filter(object_repr__startswith="Meilensteine").count() == 2


def test_priority_weights_default_until_saved(in_home):
    assert logic.weights_for(in_home).pk is None
    logic.save_weights(actor=None, values={"workload": Decimal("2"), "internal": Decimal("0")})
    stored = logic.weights_for(in_home)
    assert (stored.workload, stored.internal, stored.citizens) == (2, 0, 1)
