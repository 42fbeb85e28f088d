"""Selects are written in Python, not through Django's per-option templates: the HTML must be
the one Django's templates write (whitespace aside), escaped the same way."""

from __future__ import annotations

import re

from django import forms
from django.forms.renderers import TemplatesSetting

from wandelwerk.core.forms import KernForm


class Filters(KernForm):
    unit = forms.ChoiceField(
        required=False,
        choices=[
            ("", "– alle –"),
            ('x"<', "Amt & <b>Recht</b>"),
            ("Dezernat II", [("1", "Bauamt"), ("2", "Ordnungsamt")]),
        ],
    )
    areas = forms.MultipleChoiceField(
        required=False,
        choices=[("digital", "Digitalmanagement"), ("change", "Change-Management")],
        widget=forms.SelectMultiple(attrs={"data-filter": True, "hidden": False}),
    )


def _plain(html: str) -> str:
    return re.sub(r">\s+<", "><", html.strip())


def test_a_select_is_the_html_django_writes_escaped_and_with_its_choices_marked():
    form = Filters({"unit": "1", "areas": ["digital", "change"]})
    for name in ("unit", "areas"):
        bound = form[name]
        ours = bound.as_widget()
        django = bound.field.widget.render(
            bound.html_name, bound.value(), bound.build_widget_attrs({"id": bound.auto_id}),
            renderer=TemplatesSetting(),
        )  # fmt: skip
        assert _plain(ours) == _plain(django)
    html = form["unit"].as_widget()
    assert '<option value="x&quot;&lt;">Amt &amp; &lt;b&gt;Recht&lt;/b&gt;</option>' in html
    assert '<optgroup label="Dezernat II">' in html and '<option value="1" selected>' in html
    assert "data-filter" in form["areas"].as_widget() and "hidden" not in form["areas"].as_widget()


def test_the_options_filter_escapes_names_and_marks_the_chosen_one():
    from types import SimpleNamespace

    from wandelwerk.core.templatetags.ww import options

    class Unit(SimpleNamespace):
        def __str__(self) -> str:
            return self.name

    html = options([Unit(pk=1, name="Amt <b>1</b>"), Unit(pk=2, name="Amt 2")], "2")
    assert html == (
        '<option value="1">Amt &lt;b&gt;1&lt;/b&gt;</option><option value="2" selected>Amt 2</option>'
    )


class Inputs(KernForm):
    name = forms.CharField(widget=forms.TextInput(attrs={"autocomplete": "off", "data-x": True}))
    count = forms.IntegerField(required=False)
    mail = forms.EmailField(required=False)
    day = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    secret = forms.CharField(required=False, widget=forms.PasswordInput(render_value=True))
    stand = forms.CharField(required=False, widget=forms.HiddenInput)
    agree = forms.BooleanField(required=False)
    other = forms.BooleanField(required=False)


def test_inputs_are_the_html_django_writes_escaped():
    data = {"name": 'Amt "Recht" & <Ordnung>', "count": "3", "mail": "a@b.de",
            "day": "2026-12-08", "secret": "x<y", "stand": "ab&c", "agree": "on"}  # fmt: skip
    form, djangos = Inputs(data), Inputs(data, renderer=TemplatesSetting())
    for bound in form:
        assert bound.as_widget() == djangos[bound.name].as_widget(), bound.name
    assert 'value="Amt &quot;Recht&quot; &amp; &lt;Ordnung&gt;"' in form["name"].as_widget()
    assert " checked" in form["agree"].as_widget() and " checked" not in form["other"].as_widget()
