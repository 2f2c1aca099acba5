from django.db import migrations


def grant(apps, schema_editor):
    from roles.permissions import sync_roles_permissions

    sync_roles_permissions(apps)


class Migration(migrations.Migration):
    dependencies = [("roles", "0005_rewards_links"), ("porous", "0002_staff_groups")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
