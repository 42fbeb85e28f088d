import pytest

from wandelwerk.organisation.models import OrgUnit
from wandelwerk.organisation.tests.factories import OrgUnitFactory
from wandelwerk.tenants import tenancy


@pytest.mark.django_db
def test_tenant_manager_refuses_without_current_municipality(home):
    OrgUnitFactory(municipality=home)
    with pytest.raises(tenancy.NoCurrentMunicipality):
        list(OrgUnit.objects.all())


@pytest.mark.django_db
def test_tenant_manager_sees_only_the_current_municipality(home, other):
    mine = OrgUnitFactory(municipality=home, code="A")
    OrgUnitFactory(municipality=other, code="A")
    with tenancy.activate(home):
        assert list(OrgUnit.objects.all()) == [mine]
    with tenancy.activate(other):
        assert OrgUnit.objects.get().municipality == other


@pytest.mark.django_db
def test_queryset_built_outside_is_scoped_when_it_runs(home, other):
    OrgUnitFactory(municipality=home, code="A")
    OrgUnitFactory(municipality=other, code="B")
    queryset = OrgUnit.objects.filter(code__in=["A", "B"])  # built without a tenant: no error yet
    with tenancy.activate(home):
        assert [u.code for u in queryset] == ["A"]


@pytest.mark.django_db
def test_subquery_is_scoped_too(home, other):
    OrgUnitFactory(municipality=home, code="A")
    theirs = OrgUnitFactory(municipality=other, code="B")
    with tenancy.activate(home):
        inner = OrgUnit.objects.values("pk")
        assert not OrgUnit.unscoped_manager.filter(pk=theirs.pk, pk__in=inner).exists()


@pytest.mark.django_db
def test_unscoped_crosses_tenants_explicitly(home, other):
    OrgUnitFactory(municipality=home)
    OrgUnitFactory(municipality=other)
    assert OrgUnit.objects.unscoped().count() == 2


@pytest.mark.django_db
def test_new_objects_take_the_current_municipality(home):
    with tenancy.activate(home):
        unit = OrgUnit.objects.create(code="X", name="X")
    assert unit.municipality == home
