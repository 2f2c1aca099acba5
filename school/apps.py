from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchoolConfig(AppConfig):
    name = "school"
    verbose_name = _("Tenants' school")

    def ready(self):
        from . import reminders  # noqa: F401 - registers the day-before reminder
