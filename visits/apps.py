from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "visits"
    verbose_name = _("Home visits")

    def ready(self):
        # Registers the reminder renderers with porous.reminders.
        from . import reminders  # noqa: F401

        # Keeps the households' copies of their reached visits in step with visits saved.
        from .services import reach  # noqa: F401
