"""The tax-free limits of the volunteer allowance for 2025. Administrators enter later years
in the admin when the tax authority publishes them."""

from decimal import Decimal

from django.db import migrations

LIMITS_2025 = {
    "hourly_21_and_over": Decimal("5.60"),
    "hourly_under_21": Decimal("3.30"),
    "monthly": Decimal("210.00"),
    "yearly": Decimal("2100.00"),
}


def add_2025(apps, schema_editor):
    AllowanceLimit = apps.get_model("rewards", "AllowanceLimit")
    AllowanceLimit.objects.get_or_create(year=2025, defaults=LIMITS_2025)


def remove_2025(apps, schema_editor):
    AllowanceLimit = apps.get_model("rewards", "AllowanceLimit")
    AllowanceLimit.objects.filter(year=2025, **LIMITS_2025).delete()


class Migration(migrations.Migration):
    dependencies = [("rewards", "0001_arrangements_limits_grants")]

    operations = [migrations.RunPython(add_2025, remove_2025)]
