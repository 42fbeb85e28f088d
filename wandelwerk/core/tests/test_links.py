"""One reversed pattern gives the same links as reversing each object's URL."""

from __future__ import annotations

from django.urls import reverse

from wandelwerk.core.links import pk_link


def test_a_link_per_primary_key_is_the_reversed_url():
    link = pk_link("measures:measure_detail", "musterstadt")
    for pk in (1, 7, 2147483646):
        assert link(pk) == reverse("measures:measure_detail", args=["musterstadt", pk])
