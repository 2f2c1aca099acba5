from django.db import migrations


def create_groups(apps, schema_editor):
    from porous.groups import sync_groups

    sync_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("porous", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("tenants", "0001_initial"),
        ("roles", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
