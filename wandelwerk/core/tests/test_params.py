import pytest
from django import forms
from django.contrib.auth.models import Group
from django.core.exceptions import BadRequest

from wandelwerk.core.forms import KernForm
from wandelwerk.core.params import LARGEST, ids, whole_number


@pytest.mark.parametrize("raw", ["abc", "-1", "1.5", "1e5", "NaN", "٣", str(LARGEST + 1)])
def test_a_number_no_form_sends_is_a_bad_request(raw):
    with pytest.raises(BadRequest):
        whole_number(raw)


def test_missing_numbers_take_the_default_and_good_ones_are_read():
    assert whole_number(None, 3) == 3
    assert whole_number("", 3) == 3
    assert whole_number("0") == 0
    assert whole_number(str(LARGEST)) == LARGEST


def test_ids_keep_only_what_can_be_a_record():
    assert ids(["4", "x", "0", "-2", "٣", str(LARGEST + 1), "7"]) == [4, 7]


class Chooser(KernForm):
    groups = forms.ModelMultipleChoiceField(queryset=Group.objects.all())


@pytest.mark.django_db
def test_a_huge_id_in_a_multiple_choice_is_a_form_error():
    form = Chooser(data={"groups": [str(LARGEST + 1)]})
    assert not form.is_valid()
    assert "groups" in form.errors
