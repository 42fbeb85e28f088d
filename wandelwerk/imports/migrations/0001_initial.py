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
                    name='ImportUpload',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(max_length=40, verbose_name='Art')),
                        ('filename', models.CharField(max_length=255, verbose_name='Datei')),
                        ('content', models.BinaryField(verbose_name='Inhalt')),
                        ('status', models.CharField(choices=[('pending', 'zur Prüfung'), ('applied', 'übernommen'), ('discarded', 'verworfen')], default='pending', max_length=20, verbose_name='Status')),
                        ('result', models.JSONField(blank=True, null=True, verbose_name='Ergebnis')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('municipality', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='tenants.municipality')),
                        ('uploaded_by', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                'db_table': 'core_importupload',
                        'verbose_name': 'Import',
                        'verbose_name_plural': 'Importe',
                        'ordering': ['-created_at'],
                    },
                    managers=[
                        ('objects', django.db.models.manager.Manager()),
                        ('unscoped_manager', django.db.models.manager.Manager()),
                    ],
                ),
            ],
        ),
        migrations.AlterModelTable(name='importupload', table=None),
    ]
