"""Fill the households' copies of their reached visits (tenants 0007) from the visits."""

from django.db import migrations
from django.db.models import OuterRef, Subquery


def fill(apps, schema_editor):
    Household = apps.get_model("tenants", "Household")
    Visit = apps.get_model("visits", "Visit")
    reached = Visit.objects.filter(
        household=OuterRef("pk"), status="logged", outcome="visited"
    ).values("visited_on")
    Household.objects.update(
        first_reached_on=Subquery(reached.order_by("visited_on")[:1]),
        last_reached_on=Subquery(reached.order_by("-visited_on")[:1]),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("tenants", "0007_household_reached_copies"),
        ("visits", "0006_latest_visits_index"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
