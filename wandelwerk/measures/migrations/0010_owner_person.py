"""Owners of measures become people: the free text moves to ``owner_name``; where it names a
person with access to the municipality (display name, full name or user name), that person
becomes the owner and the text is cleared."""

from django.conf import settings
from django.db import migrations, models
from django.db.models import Q


def match_owners(apps, schema_editor):
    Measure = apps.get_model("measures", "Measure")
    User = apps.get_model("accounts", "User")
    for measure in Measure.objects.exclude(owner_name="").iterator():
        name = measure.owner_name.strip().lower()
        people = User.objects.filter(is_active=True).filter(
            Q(memberships__municipality_id=measure.municipality_id)
            | Q(memberships__municipality__isnull=True)
        ).distinct()
        found = [
            u
            for u in people
            if name
            in {
                (u.display_name or "").strip().lower(),
                f"{u.first_name} {u.last_name}".strip().lower(),
                u.username.lower(),
            }
        ]
        if len(found) == 1:
            measure.owner_id, measure.owner_name = found[0].pk, ""
            measure.save(update_fields=["owner", "owner_name"])


def back(apps, schema_editor):
    Measure = apps.get_model("measures", "Measure")
    for measure in Measure.objects.filter(owner__isnull=False).select_related("owner"):
        user = measure.owner
        measure.owner_name = user.display_name or user.username
        measure.save(update_fields=["owner_name"])


class Migration(migrations.Migration):
    dependencies = [
        ("measures", "0009_provider_split"),
        ("tenants", "0005_municipality_tier"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField("measure", "owner", "owner_name"),
        migrations.AlterField(
            model_name="measure",
            name="owner_name",
            field=models.CharField(
                blank=True, max_length=200, verbose_name="Verantwortlich (bisherige Angabe)"
            ),
        ),
        migrations.AddField(
            model_name="measure",
            name="owner",
            field=models.ForeignKey(
                blank=True,
                help_text="Eine Person mit Zugang zu dieser Kommune; sie sieht die Maßnahme unter „Meine Aufgaben“.",
                null=True,
                on_delete=models.deletion.SET_NULL,
                related_name="owned_measures",
                to=settings.AUTH_USER_MODEL,
                verbose_name="Verantwortlich",
            ),
        ),
        migrations.RunPython(match_owners, back),
    ]
