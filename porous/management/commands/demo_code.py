import time

from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import decrypt
from django.core.management.base import BaseCommand, CommandError

from porous.demo.logins import DEMO_EMPLOYEE, DEMO_TOTP_SECRET
from porous.mfa import code_for_secret


class Command(BaseCommand):
    help = (
        "Print the code the demo authenticator app shows now: the second login step of the "
        "demo staff. Works only for accounts with the published demo secret."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "email",
            nargs="?",
            default=DEMO_EMPLOYEE.email,
            help=f"A demo staff login (default {DEMO_EMPLOYEE.email}).",
        )

    def handle(self, *args, email, **options):
        totp = Authenticator.objects.filter(
            user__email=email.strip().lower(), type=Authenticator.Type.TOTP
        ).first()
        # Real accounts keep their secret: only the published demo secret is ever shown.
        if not totp or decrypt(totp.data["secret"]) != DEMO_TOTP_SECRET:
            raise CommandError(f"{email} is not a demo login with the demo authenticator app.")
        now = time.time()
        period = mfa_settings.TOTP_PERIOD
        left = period - int(now) % period
        self.stdout.write(
            f"{code_for_secret(DEMO_TOTP_SECRET, at=now)}  "
            f"(for {email}; valid {left} more seconds, then "
            f"{code_for_secret(DEMO_TOTP_SECRET, at=now + period)})"
        )
