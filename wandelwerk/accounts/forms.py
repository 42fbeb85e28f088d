"""Forms of signing in and of the administration (municipalities, consultants)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)
from django.utils.translation import gettext_lazy as _

from wandelwerk.accounts.queries import consultant_candidates
from wandelwerk.core.forms import KernForm, KernFormMixin, KernModelForm
from wandelwerk.tenants.models import Land, Municipality, Tier
from wandelwerk.tenants.roles import Role


class LoginForm(KernFormMixin, AuthenticationForm):
    pass


class KernPasswordChangeForm(KernFormMixin, PasswordChangeForm):
    pass


class KernPasswordResetForm(KernFormMixin, PasswordResetForm):
    pass


class KernSetPasswordForm(KernFormMixin, SetPasswordForm):
    pass


class MunicipalityForm(KernForm):
    name = forms.CharField(label=_("Name"), max_length=200)
    slug = forms.SlugField(
        label=_("Kurzname"),
        max_length=60,
        help_text=_(
            "Erscheint in der Adresse, z. B. „musterstadt“. Nur Kleinbuchstaben, Ziffern und Bindestriche."
        ),
    )
    ags = forms.RegexField(
        label=_("Amtlicher Gemeindeschlüssel"),
        regex=r"^\d{8}$",
        required=False,
        help_text=_("8 Ziffern, z. B. 05958004."),
        error_messages={"invalid": _("Der AGS hat genau 8 Ziffern.")},
    )
    land = forms.ChoiceField(label=_("Bundesland"), choices=Land.choices, initial=Land.NW)
    population = forms.IntegerField(label=_("Einwohnerzahl"), min_value=0, initial=0)
    tier = forms.ChoiceField(
        label=_("Stellung im Aufgabenmodell"),
        choices=Tier.choices,
        initial=Tier.GEMEINDE,
        help_text=_("Nach § 4 GO NRW; bestimmt, welche Leistungen die Kommune selbst erbringt."),
    )
    kreis = forms.CharField(
        label=_("Kreis"),
        max_length=120,
        required=False,
        help_text=_("Leer bei kreisfreien Städten."),
    )
    consultants = forms.ModelMultipleChoiceField(
        label=_("Beraterinnen und Berater"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Sie sehen diese Kommune auf ihrer Startseite."),
    )
    admin_email = forms.EmailField(
        label=_("E-Mail-Adresse der ersten Administration"),
        required=False,
        help_text=_(
            "Diese Person wird als Administration der Kommune eingeladen und lädt dann ihre "
            "Kolleginnen und Kollegen ein."
        ),
    )
    admin_name = forms.CharField(label=_("Name der ersten Administration"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["consultants"].queryset = consultant_candidates()  # type: ignore[attr-defined]

    def clean_slug(self) -> str:
        slug: str = self.cleaned_data["slug"]
        if Municipality.objects.filter(slug=slug).exists():
            raise forms.ValidationError(_("Dieser Kurzname ist bereits vergeben."))
        return slug


class MunicipalityDataForm(KernModelForm):
    """A municipality's master data, as the provider keeps it."""

    class Meta:
        model = Municipality
        fields = ["name", "ags", "land", "population", "tier", "kreis"]


class ConsultantsForm(KernForm):
    consultants = forms.ModelMultipleChoiceField(
        label=_("Beraterinnen und Berater"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["consultants"].queryset = consultant_candidates()  # type: ignore[attr-defined]


class _RoleForm(KernForm):
    """A role to give, from the ``roles`` the asking admin may give; the personal-data right
    only when ``personal`` (the admin holds it)."""

    role = forms.ChoiceField(
        label=_("Rolle"),
        widget=forms.RadioSelect,
        help_text=_(
            "Administration: verwaltet Mitglieder und liest das Protokoll. Beratung: begleitet "
            "die Kommune für den IT-Dienstleister. Bearbeitung: erfasst und ändert Daten. "
            "Lesezugriff: sieht alles, ändert nichts."
        ),
    )
    can_view_personal_data = forms.BooleanField(
        label=_("darf Personaldaten sehen"),
        required=False,
        help_text=_(
            "Nur für das Personalamt: Geburtsjahr, -monat und geplantes Austrittsdatum der "
            "Beschäftigten."
        ),
    )

    def __init__(self, *args: Any, roles: tuple[Role, ...], personal: bool, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(role.value, role.label) for role in roles]  # type: ignore[attr-defined]
        if not personal:
            del self.fields["can_view_personal_data"]


class InviteForm(_RoleForm):
    email = forms.EmailField(label=_("E-Mail-Adresse"))
    name = forms.CharField(label=_("Name"), max_length=150, required=False)
    field_order = ["email", "name", "role", "can_view_personal_data"]


class MembershipForm(_RoleForm):
    pass


class CodeForm(KernForm):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=_(
            "Die sechs Ziffern aus der Authenticator-App, oder ein Wiederherstellungscode."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "spellcheck": "false"}),
    )
