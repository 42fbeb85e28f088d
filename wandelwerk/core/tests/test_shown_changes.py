import datetime as dt

from django import forms

from wandelwerk.core.forms import FieldChange, KernForm, changes_since, shown


class Form(KernForm):
    hosting = forms.ChoiceField(label="Betrieb", choices=[("local", "Vor Ort"), ("cloud", "Cloud")])
    channels = forms.MultipleChoiceField(
        label="Zugangswege", choices=[("web", "Online"), ("desk", "Schalter")]
    )
    since = forms.DateField(label="Online seit", required=False)
    own = forms.BooleanField(label="Eigene Leistung", required=False)


def test_changes_are_named_as_the_form_names_them():
    before = shown(Form(initial={"hosting": "local", "channels": ["desk"], "own": False}))
    now = Form(
        initial={
            "hosting": "cloud",
            "channels": ["web", "desk"],
            "since": dt.date(2026, 3, 1),
            "own": False,
        }
    )
    assert changes_since(before, now) == [
        FieldChange("Betrieb", "Vor Ort", "Cloud"),
        FieldChange("Zugangswege", "Schalter", "Schalter, Online"),
        FieldChange("Online seit", "–", "1. März 2026"),
    ]


def test_a_forged_or_missing_token_shows_no_changes():
    assert changes_since("", Form()) is None
    assert changes_since(shown(Form()) + "x", Form()) is None
