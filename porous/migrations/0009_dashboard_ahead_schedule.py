from django.db import migrations

NAME = "Keep the dashboard ahead"


def create_schedule(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    # Shorter than DASHBOARD_KEEP_SECONDS (5 minutes): the new copies replace the old ones
    # before those run out.
    every_four, _ = IntervalSchedule.objects.get_or_create(every=4, period="minutes")
    PeriodicTask.objects.update_or_create(
        name=NAME,
        defaults={"task": "porous.tasks.keep_dashboard_ahead", "interval": every_four},
    )


def remove_schedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("porous", "0008_reminder_mail_text"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_schedule, remove_schedule)]
