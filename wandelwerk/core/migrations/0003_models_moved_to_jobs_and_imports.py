from django.db import migrations


class Migration(migrations.Migration):
    """Job and ImportUpload now belong to the apps ``jobs`` and ``imports``, which took over
    their tables; here they only leave ``core``'s state."""

    dependencies = [
        ('core', '0002_job'),
        ('jobs', '0001_initial'),
        ('imports', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='Job'),
                migrations.DeleteModel(name='ImportUpload'),
            ],
        ),
    ]
