from django.db import migrations


def grant_dashboard(apps, schema_editor):
    from porous.groups import sync_groups

    sync_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("porous", "0004_reminder_sweep_schedule"),
        ("tenants", "0001_initial"),
        ("roles", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="team",
            options={
                "ordering": ["name"],
                "permissions": [("view_dashboard", "Can see the managers' dashboard")],
                "verbose_name": "team",
                "verbose_name_plural": "teams",
            },
        ),
        migrations.RunPython(grant_dashboard, migrations.RunPython.noop),
    ]
