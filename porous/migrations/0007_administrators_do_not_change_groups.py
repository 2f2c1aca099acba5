from django.db import migrations


def withhold_group_changes(apps, schema_editor):
    from porous.groups import sync_groups

    sync_groups(apps)


class Migration(migrations.Migration):
    dependencies = [("porous", "0006_administrators_read_audit_log")]

    operations = [migrations.RunPython(withhold_group_changes, migrations.RunPython.noop)]
