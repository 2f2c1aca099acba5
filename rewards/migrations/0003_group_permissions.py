"""Coordinators and managers approve grants and download payouts; administrators get every
rewards permission (the staff groups were made before this app had any)."""

from django.db import migrations


def grant_permissions(apps, schema_editor):
    from rewards.permissions import sync_rewards_permissions

    sync_rewards_permissions(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("rewards", "0002_allowance_limits_2025"),
        ("porous", "0002_staff_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant_permissions, migrations.RunPython.noop)]
