from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PorousConfig(AppConfig):
    name = "porous"
    verbose_name = _("Corporation")

    def ready(self):
        from .audit import register_audited_models

        register_audited_models()
