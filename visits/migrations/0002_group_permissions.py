from django.db import migrations


def grant(apps, schema_editor):
    from visits.permissions import sync_visits_permissions

    sync_visits_permissions(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("visits", "0001_initial"),
        ("porous", "0002_staff_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
