from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("roadmap", "0003_plans_as_records_data")]

    operations = [
        migrations.RemoveField(model_name="placement", name="reason"),
        migrations.RenameField(model_name="placement", old_name="why", new_name="reason"),
    ]
