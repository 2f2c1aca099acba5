"""Two-step login for staff: who must have an authenticator app, and the codes it shows.

Staff see personal data of residents, so a stolen password alone must not open their pages.
Residents may turn the second step on themselves but are never forced.
"""

import time

from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.db.models import Exists, OuterRef

from .models import GroupName, User

# The groups of people on salary. The tenants' organisation is left out: its members are
# residents.
STAFF_GROUPS = frozenset(
    {GroupName.EMPLOYEE, GroupName.COORDINATOR, GroupName.MANAGER, GroupName.ADMINISTRATOR}
)


def must_use_totp(user):
    """Employees, managers and administrators: anyone in a staff group, staff or superuser."""
    if user.is_staff or user.is_superuser:
        return True
    # Covers user.is_employee too (the employee group, or a superuser, checked above).
    return any(group.name in STAFF_GROUPS for group in user.groups.all())


def lacks_required_totp(user):
    """must_use_totp(user) and no authenticator app yet, in one query (it runs on every
    request, so it reads the database afresh: a new member of staff is caught at once)."""
    staff_group = User.groups.through.objects.filter(
        user_id=OuterRef("pk"), group__name__in=STAFF_GROUPS
    )
    totp = Authenticator.objects.filter(user_id=OuterRef("pk"), type=Authenticator.Type.TOTP)
    in_staff_group, has_totp = (
        User.objects.filter(pk=user.pk)
        .annotate(in_staff_group=Exists(staff_group), has_totp=Exists(totp))
        .values_list("in_staff_group", "has_totp")
        .get()
    )
    return (user.is_staff or user.is_superuser or in_staff_group) and not has_totp


def totp_code(user, *, at=None, step=0):
    """The code the user's authenticator app shows now (or at `at`, seconds since the epoch);
    `step` moves one period forward or back. For demo logins and browser tests."""
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    secret = decrypt(authenticator.data["secret"])
    return code_for_secret(secret, at=at, step=step)


def code_for_secret(secret, *, at=None, step=0):
    counter = int(time.time() if at is None else at) // mfa_settings.TOTP_PERIOD + step
    return format_hotp_value(hotp_value(secret, counter))
