"""Give each visit its household's neighbourhood (0008), in one UPDATE."""

from django.db import migrations
from django.db.models import OuterRef, Subquery


def fill(apps, schema_editor):
    Household = apps.get_model("tenants", "Household")
    Visit = apps.get_model("visits", "Visit")
    neighbourhood = Household.objects.filter(pk=OuterRef("household")).values("neighbourhood")
    Visit.objects.update(neighbourhood=Subquery(neighbourhood[:1]))


class Migration(migrations.Migration):
    dependencies = [("visits", "0008_visit_neighbourhood")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
