import django.db.models.deletion
import django.db.models.manager
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    """Takes over the table the model had in ``core``, then gives it this app's name."""

    initial = True

    dependencies = [
        ('core', '0002_job'),
        ('tenants', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Job',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(max_length=60, verbose_name='Art')),
                        ('title', models.CharField(max_length=200, verbose_name='Titel')),
                        ('params', models.JSONField(blank=True, default=dict, verbose_name='Parameter')),
                        ('status', models.CharField(choices=[('queued', 'wartet'), ('running', 'läuft'), ('done', 'fertig'), ('failed', 'fehlgeschlagen')], default='queued', max_length=20, verbose_name='Status')),
                        ('progress', models.PositiveSmallIntegerField(default=0, verbose_name='Fortschritt (%)')),
                        ('message', models.CharField(blank=True, max_length=300, verbose_name='Meldung')),
                        ('result', models.JSONField(blank=True, null=True, verbose_name='Ergebnis')),
                        ('result_url', models.CharField(blank=True, max_length=300, verbose_name='Ergebnis-Adresse')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('finished_at', models.DateTimeField(blank=True, null=True)),
                        ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('municipality', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='tenants.municipality')),
                    ],
                    options={
                'db_table': 'core_job',
                        'verbose_name': 'Hintergrundauftrag',
                        'verbose_name_plural': 'Hintergrundaufträge',
                        'ordering': ['-created_at'],
                    },
                    managers=[
                        ('objects', django.db.models.manager.Manager()),
                        ('unscoped_manager', django.db.models.manager.Manager()),
                    ],
                ),
            ],
        ),
        migrations.AlterModelTable(name='job', table=None),
    ]
