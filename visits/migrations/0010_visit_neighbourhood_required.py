"""Every visit has its neighbourhood now (0009): required from here on."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("tenants", "0007_household_reached_copies"),
        ("visits", "0009_fill_visit_neighbourhood"),
    ]

    operations = [
        migrations.AlterField(
            model_name="visit",
            name="neighbourhood",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="tenants.neighbourhood",
                verbose_name="neighbourhood",
            ),
        ),
    ]
