"""Forms of the knowledge base."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from wandelwerk.core.forms import DateInput, KernForm, KernModelForm
from wandelwerk.knowledge.models import Article, ArticleStatus, Expertise, KnowledgeSettings
from wandelwerk.measures.models import Measure
from wandelwerk.organisation.forms import members
from wandelwerk.organisation.models import Employee, ITSystem, OrgUnit
from wandelwerk.ozg.models import AdministrativeService


class ArticleForm(KernModelForm):
    note = forms.CharField(
        label=_("Änderungsnotiz"),
        max_length=300,
        required=False,
        help_text=_("Was sich geändert hat, für die Versionsgeschichte (optional)."),
    )

    class Meta:
        model = Article
        fields = [
            "title",
            "template",
            "body",
            "owner",
            "deputy",
            "review_interval_months",
            "next_review",
            "org_units",
            "services",
            "it_systems",
            "measures",
        ]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 22, "class": "ww-markdown-editor"}),
            "next_review": DateInput(),
            "org_units": forms.SelectMultiple(attrs={"size": 6}),
            "services": forms.SelectMultiple(attrs={"size": 6}),
            "it_systems": forms.SelectMultiple(attrs={"size": 6}),
            "measures": forms.SelectMultiple(attrs={"size": 6}),
        }
        help_texts = {
            "next_review": _("Leer lassen: heute plus Prüfintervall."),
            "org_units": _("Mehrere mit Strg bzw. ⌘ auswählen."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = members()
        self.fields["owner"].queryset = people  # type: ignore[attr-defined]
        self.fields["deputy"].queryset = people  # type: ignore[attr-defined]
        self.fields["next_review"].required = False
        choices = {
            "org_units": OrgUnit.objects.order_by("code"),
            "services": AdministrativeService.objects.order_by("name"),
            "it_systems": ITSystem.objects.order_by("name"),
            "measures": Measure.objects.order_by("title").select_related("org_unit"),
        }
        for name, queryset in choices.items():
            self.fields[name].queryset = queryset  # type: ignore[attr-defined]
        if self.instance.pk:
            self.fields["template"].help_text = _(
                "Die Vorlage gibt beim Anlegen die Gliederung vor; ändern ändert den Text nicht."
            )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("deputy") and data.get("deputy") == data.get("owner"):
            self.add_error("deputy", _("Die Vertretung muss eine andere Person sein."))
        return data

    def links(self) -> dict[str, Any]:
        return {
            name: self.cleaned_data[name]
            for name in ("org_units", "services", "it_systems", "measures")
        }


class SettingsForm(KernModelForm):
    class Meta:
        model = KnowledgeSettings
        fields = [
            "four_eyes",
            "attrition_months",
            "risk_high",
            "risk_medium",
            "handover_lead_months",
            "retention_months",
        ]


class SearchForm(KernForm):
    """Search and filters of the article list; everything stays in the URL."""

    mark_optional = False
    q = forms.CharField(label=_("Suchbegriffe"), required=False, max_length=200)
    unit = forms.ModelChoiceField(
        label=_("Organisationseinheit"), queryset=OrgUnit.objects.none(), required=False
    )
    service = forms.ModelChoiceField(
        label=_("Leistung"), queryset=AdministrativeService.objects.none(), required=False
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("alle")), *ArticleStatus.choices], required=False
    )

    def __init__(self, *args: Any, editor: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = OrgUnit.objects.order_by("code")  # type: ignore[attr-defined]
        services = AdministrativeService.objects.filter(articles__isnull=False).distinct()
        service_field: Any = self.fields["service"]
        service_field.queryset = services.order_by("name")
        if not editor:
            del self.fields["status"]

    def filter(self, queryset: QuerySet[Article]) -> QuerySet[Article]:
        """The list without search words: the filters alone."""
        data = self.cleaned_data
        if data.get("unit"):
            queryset = queryset.filter(org_units=data["unit"])
        if data.get("service"):
            queryset = queryset.filter(services=data["service"])
        if data.get("status"):
            queryset = queryset.filter(status=data["status"])
        return queryset


class HandOverForm(KernForm):
    successor = forms.ModelChoiceField(
        label=_("Nachfolge"),
        queryset=OrgUnit.objects.none(),
        help_text=_("Übernimmt die Artikel als verantwortliche Person bzw. als Vertretung."),
    )

    def __init__(self, *args: Any, leaver: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["successor"].queryset = members().exclude(pk=leaver.pk)  # type: ignore[attr-defined]


class OverdueFilterForm(KernForm):
    mark_optional = False
    owner = forms.ModelChoiceField(
        label=_("Verantwortlich"), queryset=OrgUnit.objects.none(), required=False
    )
    unit = forms.ModelChoiceField(
        label=_("Organisationseinheit"), queryset=OrgUnit.objects.none(), required=False
    )
    gruppierung = forms.ChoiceField(
        label=_("Gruppiert nach"),
        choices=[("person", _("verantwortlicher Person")), ("einheit", _("Organisationseinheit"))],
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = members()  # type: ignore[attr-defined]
        self.fields["unit"].queryset = OrgUnit.objects.order_by("code")  # type: ignore[attr-defined]

    def filter(self, queryset: QuerySet[Article]) -> QuerySet[Article]:
        data = self.cleaned_data
        if data.get("owner"):
            queryset = queryset.filter(owner=data["owner"])
        if data.get("unit"):
            queryset = queryset.filter(org_units=data["unit"])
        return queryset


class ExpertiseForm(KernModelForm):
    """One entry of the Wissenslandkarte: the subject is a topic (typed), a service or an IT
    system."""

    topic_name = forms.CharField(
        label=_("Thema"),
        max_length=200,
        required=False,
        help_text=_(
            "Ein Wissensgebiet in Worten, z. B. „Vergaberecht“ – oder unten eine Leistung bzw. ein IT-Verfahren wählen."
        ),
    )

    class Meta:
        model = Expertise
        fields = ["employee", "service", "it_system", "level", "documented", "successor"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = Employee.objects.select_related("org_unit", "user").order_by(
            "org_unit__code", "personnel_number"
        )
        employee: Any = self.fields["employee"]
        employee.queryset = people
        employee.label_from_instance = person
        successor: Any = self.fields["successor"]
        successor.queryset = people
        successor.label_from_instance = person
        service: Any = self.fields["service"]
        service.queryset = AdministrativeService.objects.order_by("name")
        system: Any = self.fields["it_system"]
        system.queryset = ITSystem.objects.order_by("name")
        if self.instance.pk and self.instance.topic_id:
            self.initial["topic_name"] = self.instance.topic.name
        self.order_fields(
            ["employee", "topic_name", "service", "it_system", "level", "documented", "successor"]
        )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        given = [
            bool(data.get("topic_name", "").strip()),
            bool(data.get("service")),
            bool(data.get("it_system")),
        ]
        if sum(given) != 1:
            self.add_error(
                None,
                _("Bitte genau eines angeben: ein Thema, eine Leistung oder ein IT-Verfahren."),
            )
        if data.get("successor") and data.get("successor") == data.get("employee"):
            self.add_error("successor", _("Die Nachfolge muss eine andere Person sein."))
        return data

    def validate_unique(self) -> None:
        """Checked by the use case, which knows the topic only after resolving its name."""


def person(employee: Any) -> str:
    """An employee as colleagues know them: the account's name, else function and number."""
    unit = employee.org_unit.code
    if employee.user_id:
        return f"{employee.user} ({unit})"
    return f"{employee.position or _('ohne Funktion')}, {employee.personnel_number} ({unit})"


class ExpertiseFilterForm(KernForm):
    mark_optional = False
    q = forms.CharField(label=_("Wer weiß etwas über …?"), required=False, max_length=200)
    unit = forms.ModelChoiceField(
        label=_("Organisationseinheit"), queryset=OrgUnit.objects.none(), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        unit: Any = self.fields["unit"]
        unit.queryset = OrgUnit.objects.order_by("code")
