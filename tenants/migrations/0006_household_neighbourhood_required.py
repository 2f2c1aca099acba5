import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("tenants", "0005_fill_household_neighbourhood")]

    operations = [
        migrations.AlterField(
            model_name="household",
            name="neighbourhood",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="households",
                to="tenants.neighbourhood",
                verbose_name="neighbourhood",
            ),
        ),
    ]
