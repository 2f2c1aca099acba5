"""Fill the new copy of each household's neighbourhood from its dwelling's complex.

Its own migration: on PostgreSQL, rows updated in the transaction that then alters the column
would block the ALTER (pending trigger events)."""

from django.db import migrations
from django.db.models import OuterRef, Subquery


def fill(apps, schema_editor):
    Dwelling = apps.get_model("tenants", "Dwelling")
    Household = apps.get_model("tenants", "Household")
    source = Dwelling.objects.filter(pk=OuterRef("dwelling")).values("complex__neighbourhood")
    Household.objects.update(neighbourhood=Subquery(source[:1]))


class Migration(migrations.Migration):
    dependencies = [("tenants", "0004_household_neighbourhood")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
