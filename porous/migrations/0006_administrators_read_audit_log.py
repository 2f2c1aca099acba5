from django.db import migrations


def grant_audit_log(apps, schema_editor):
    from porous.groups import sync_groups

    sync_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("porous", "0005_dashboard_permission"),
        ("auditlog", "0017_add_actor_email"),
    ]

    operations = [migrations.RunPython(grant_audit_log, migrations.RunPython.noop)]
