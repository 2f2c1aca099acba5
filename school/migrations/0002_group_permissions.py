from django.db import migrations


def grant(apps, schema_editor):
    from school.permissions import sync_school_permissions

    sync_school_permissions(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("school", "0001_initial"),
        ("porous", "0002_staff_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
