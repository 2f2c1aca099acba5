from django.db import migrations

NAME = "Remind coordinators of waiting applications"


def create_schedule(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    morning, _ = CrontabSchedule.objects.get_or_create(
        minute="30",
        hour="8",
        day_of_week="1-5",
        day_of_month="*",
        month_of_year="*",
        timezone="Europe/Amsterdam",
    )
    PeriodicTask.objects.update_or_create(
        name=NAME,
        defaults={"task": "roles.tasks.remind_waiting_applications", "crontab": morning},
    )


def remove_schedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("roles", "0003_openings_applications"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_schedule, remove_schedule)]
