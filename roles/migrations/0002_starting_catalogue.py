from django.db import migrations


def create_starting_roles(apps, schema_editor):
    from roles.catalogue import STARTING_ROLES

    Role = apps.get_model("roles", "Role")
    for position, data in enumerate(STARTING_ROLES):
        Role.objects.update_or_create(
            slug=data["slug"], defaults={**data, "position": position}
        )


def remove_starting_roles(apps, schema_editor):
    from roles.catalogue import STARTING_ROLES

    Role = apps.get_model("roles", "Role")
    Role.objects.filter(slug__in=[r["slug"] for r in STARTING_ROLES]).delete()


class Migration(migrations.Migration):
    dependencies = [("roles", "0001_initial")]

    operations = [migrations.RunPython(create_starting_roles, remove_starting_roles)]
