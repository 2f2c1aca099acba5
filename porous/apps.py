from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PorousConfig(AppConfig):
    name = "porous"
    verbose_name = _("Corporation")

    def ready(self):
        from . import lookups  # noqa: F401 - registers the safe `in` for integer columns
        from .audit import register_audited_models

        register_audited_models()
