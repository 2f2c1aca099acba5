"""The beat schedules of the visit reminders and the notes retention, in Amsterdam time (so
they keep their wall-clock time across the change to and from summer time). Administrators can
change them under "Periodic tasks"; running this migration again keeps their changes."""

from django.db import migrations

TIME_ZONE = "Europe/Amsterdam"

# name: (task, minute, hour, day of week (cron: 1 = Monday, 5 = Friday, * = every day))
SCHEDULES = {
    "Visits: nothing planned this week (Monday 08:00)": (
        "visits.tasks.remind_nothing_planned",
        "0",
        "8",
        "1",
    ),
    "Visits: missed two weeks, to the manager (Monday 09:00)": (
        "visits.tasks.remind_managers_missed_weeks",
        "0",
        "9",
        "1",
    ),
    "Visits: not logged yet (Friday 12:00)": ("visits.tasks.remind_not_logged", "0", "12", "5"),
    "Visits: visit tomorrow (daily 07:00)": ("visits.tasks.remind_day_before", "0", "7", "*"),
    "Visits: overdue follow-ups (daily 07:00)": (
        "visits.tasks.remind_follow_ups_overdue",
        "0",
        "7",
        "*",
    ),
    "Visits: erase old notes (daily 03:00)": ("visits.tasks.erase_expired_notes", "0", "3", "*"),
}


def create_schedules(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    for name, (task, minute, hour, day_of_week) in SCHEDULES.items():
        crontab, _ = CrontabSchedule.objects.get_or_create(
            minute=minute,
            hour=hour,
            day_of_week=day_of_week,
            day_of_month="*",
            month_of_year="*",
            timezone=TIME_ZONE,
        )
        PeriodicTask.objects.get_or_create(
            name=name, defaults={"task": task, "crontab": crontab}
        )


def remove_schedules(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(
        name__in=list(SCHEDULES)
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("visits", "0002_group_permissions"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_schedules, remove_schedules)]
