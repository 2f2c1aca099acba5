"""The access matrix: every URL the resolver knows, asked by every kind of person, for
tenant A's things and for someone else's, with the expected answer in one table (MATRIX).

A URL without a row fails `test_every_url_has_a_row`, naming it. Besides the statuses, every
answer is checked for what it must not contain or do:
- visit notes appear only for the author, the author's team manager and holders of
  `visits.view_visit_notes`;
- a resident never sees another resident's name, email, contract number, request or hours;
- a refused request (login, 403, 404, 405, the admin's refusal) writes nothing and sends no
  email; an allowed one from a resident leaves the other residents' data as it was.

Cells: a status ("200", "403", "404", "405"), or L = 302 to the login page, A = 302 to the
admin's login page (how the admin refuses), R = 302 anywhere else. Requests are made with an
empty body; the Django test client does not check CSRF tokens.

Staff here hold an authenticator app, as the portal requires of them (the factories give
them one); that staff without one reach no staff page is tested in tests/porous/test_staff_mfa.py.
"""

import logging
import re

import pytest
from django.urls import reverse

from tests.security.matrix import (
    ACTORS,
    ADMIN_LOGIN,
    REFUSALS,
    RESIDENTS,
    all_patterns,
    ask,
    logged_in_client,
)
from tests.security.world import NOTES_A, NOTES_OTHER, build_world, footprint

pytestmark = pytest.mark.django_db

# How URLs with keyword arguments are filled: from one side of the world (tenant A's things,
# "a", or someone else's, "other"), or, where the argument belongs to nobody, fixed values.
OWNED = {
    "roles:application-create": lambda s: {"opening_pk": s.opening.pk},
    "roles:application-withdraw": lambda s: {"pk": s.application.pk},
    "roles:offer-accept": lambda s: {"pk": s.application.pk},
    "roles:assignment-end": lambda s: {"pk": s.application.pk},
    "roles:contribution-create": lambda s: {"pk": s.application.pk},
    "roles:invitation-detail": lambda s: {"pk": s.invitation.pk},
    "roles:application-decide": lambda s: {"pk": s.application.pk},
    "roles:holder-end": lambda s: {"pk": s.application.pk},
    "roles:contribution-decide": lambda s: {"pk": s.contribution.pk},
    "roles:role-detail": lambda s: {"slug": s.role.slug},
    "school:course-detail": lambda s: {"pk": s.course.pk},
    "school:run-enroll": lambda s: {"pk": s.run.pk},
    "school:run-detail": lambda s: {"pk": s.run.pk},
    "school:enrollment-withdraw": lambda s: {"pk": s.enrollment.pk},
    "school:enrollment-complete": lambda s: {"pk": s.enrollment.pk},
    "school:session-attendance": lambda s: {"pk": s.session.pk},
    "school:certificate-pdf": lambda s: {"pk": s.certificate.pk},
    "school:calendar-feed": lambda s: {"token": s.calendar_token.token},
    "certificates:certificate-verify": lambda s: {"code": s.certificate.code},
    "rewards:grant-detail": lambda s: {"pk": s.grant.pk},
    "rewards:payout-download": lambda s: {"pk": s.payout.pk},
    "visits:visit-plan": lambda s: {"household_pk": s.household.pk},
    "visits:visit-detail": lambda s: {"pk": s.visit.pk},
    "visits:visit-log": lambda s: {"pk": s.planned_visit.pk},
    "visits:followup-close": lambda s: {"pk": s.follow_up.pk},
    "visits:request-feedback": lambda s: {"pk": s.visit_request.pk},
    "visits:calendar-feed": lambda s: {"token": s.staff_calendar_token.token},
}
FIXED = {
    "dashboard:block-csv": {"block": "duty"},
    "account_confirm_email": {"key": "not-a-real-key"},
    "account_reset_password_from_key": {"uidb36": "1", "key": "not-a-real-key"},
}

# Who may read the notes of A's visit and of the other visit (made in another team).
NOTES_READERS = {
    NOTES_A: {"employee", "notes_reader", "manager"},
    NOTES_OTHER: {"notes_reader"},
}

# Pages that show a resident's details to whoever holds a secret link, by design.
SHOWN_TO_WHOEVER_HAS_THE_LINK = {
    "certificates:certificate-verify": "the name as printed, for whoever was given the code",
    "school:calendar-feed": "the token in the URL is the key; calendar apps cannot log in",
    "visits:calendar-feed": "the token in the URL is the key; calendar apps cannot log in",
}

# Named patterns with no row, and why.
SKIPPED = {
    # The admin's own pages besides its index, login and changelists all pass the same
    # admin_view check: test_admin_pages_refuse_everyone_but_administrators asks each of them.
    re.compile(r"^admin:(?!index$|login$|logout$)(?!.*_changelist$)"): "see the admin test",
}


def _unnamed_reason(pattern):
    """Unnamed patterns cannot have a row; these need none."""
    if pattern.route.startswith("admin/"):
        return "the admin's redirect from an object's URL to its change page, and its catch-all"
    if pattern.callback.__module__ == "django.views.static":
        return "media files, served by Django only with DEBUG on"
    return None


# fmt: off
PUBLIC = "200 200 200 200 200 200 200 200 200 200"
ADMIN_ONLY = "A   A   A   A   A   A   A   A   A   200"
# The administrators' group holds no permission of these apps (allauth, django-celery-beat).
ADMIN_WITHOUT_PERMISSION = "A   A   A   A   A   A   A   A   A   403"

# The columns (see tests/security/world.py): an = anonymous, A = tenant A, B = tenant B,
# hs = home seeker, emp = employee (author of A's visit, teacher of A's course session),
# oth = other employee (same team), rdr = notes reader (holds visits.view_visit_notes),
# crd = coordinator (of A's opening), mgr = manager (of the employee's team), adm = administrator.
# Rows with "a" and "other" ask for tenant A's thing and for tenant B's.
MATRIX = {
    #                                  an  A   B   hs  emp oth rdr crd mgr adm
    "home": {"GET": PUBLIC},
    # The benchmark's yardstick: the bare base template for anyone logged in.
    "floor": {
        "GET":                        "L   200 200 200 200 200 200 200 200 200"},
    "set_language": {
        "GET":                        "R   R   R   R   R   R   R   R   R   R",
        "POST":                       "R   R   R   R   R   R   R   R   R   R"},

    # allauth: signing up and logging in are for anonymous visitors, the rest for everyone
    # logged in. MFA pages: R is the way to reauthenticate or the TOTP page; 404 where the
    # user has no authenticator yet.
    #                                  an  A   B   hs  emp oth rdr crd mgr adm
    "account_login": {
        "GET":                        "200 R   R   R   R   R   R   R   R   R",
        "POST":                       "200 R   R   R   R   R   R   R   R   R"},
    "account_logout": {
        "GET":                        "R   200 200 200 200 200 200 200 200 200",
        "POST":                       "R   R   R   R   R   R   R   R   R   R"},
    "account_inactive": {"GET": PUBLIC},
    "account_signup": {
        "GET":                        "200 R   R   R   R   R   R   R   R   R",
        "POST":                       "200 R   R   R   R   R   R   R   R   R"},
    "account_reauthenticate": {
        "GET":                        "L   200 200 200 200 200 200 200 200 200",
        "POST":                       "L   200 200 200 200 200 200 200 200 200"},
    "account_request_reauthentication_code": {
        "GET":                        "L   200 200 200 200 200 200 200 200 200",
        "POST":                       "L   200 200 200 200 200 200 200 200 200"},
    # Confirming a code sent by mail: only after one was asked for in this session.
    "account_confirm_reauthentication_code": {
        "GET":                        "L   R   R   R   R   R   R   R   R   R",
        "POST":                       "L   R   R   R   R   R   R   R   R   R"},
    "account_email": {
        "GET":                        "L   200 200 200 200 200 200 200 200 200",
        "POST":                       "L   R   R   R   R   R   R   R   R   R"},
    "account_email_verification_sent": {"GET": PUBLIC},
    "account_change_password": {
        "GET":                        "L   200 200 200 200 200 200 200 200 200",
        "POST":                       "L   200 200 200 200 200 200 200 200 200"},
    "account_set_password": {
        "GET":                        "L   R   R   R   R   R   R   R   R   R",
        "POST":                       "L   R   R   R   R   R   R   R   R   R"},
    "account_reset_password": {"GET": PUBLIC, "POST": PUBLIC},
    "account_confirm_login_code": {
        "GET":                        "L   R   R   R   R   R   R   R   R   R",
        "POST":                       "L   R   R   R   R   R   R   R   R   R"},
    "account_confirm_email": {
        "GET":                        "200 200 200 200 200 200 200 200 200 200",
        "POST":                       "404 404 404 404 404 404 404 404 404 404"},
    "account_reset_password_from_key_done": {"GET": PUBLIC},
    "account_reset_password_from_key": {"GET": PUBLIC, "POST": PUBLIC},
    "account_reset_password_done": {"GET": PUBLIC},
    "mfa_index": {
        "GET":                        "L   200 200 200 200 200 200 200 200 200"},
    "mfa_authenticate": {
        "GET":                        "L   R   R   R   R   R   R   R   R   R",
        "POST":                       "L   R   R   R   R   R   R   R   R   R"},
    "mfa_reauthenticate": {
        "GET":                        "L   R   R   R   200 200 200 200 200 200",
        "POST":                       "L   R   R   R   200 200 200 200 200 200"},
    "mfa_activate_totp": {
        "GET":                        "L   R   R   R   R   R   R   R   R   R",
        "POST":                       "L   R   R   R   R   R   R   R   R   R"},
    "mfa_deactivate_totp": {
        "GET":                        "L   404 404 404 R   R   R   R   R   R",
        "POST":                       "L   404 404 404 R   R   R   R   R   R"},
    "mfa_view_recovery_codes": {
        "GET":                        "L   404 404 404 R   R   R   R   R   R"},
    "mfa_generate_recovery_codes": {
        "GET":                        "L   R   R   R   R   R   R   R   R   R",
        "POST":                       "L   R   R   R   R   R   R   R   R   R"},
    "mfa_download_recovery_codes": {
        "GET":                        "L   404 404 404 R   R   R   R   R   R",
        "POST":                       "L   404 404 404 R   R   R   R   R   R"},

    # The admin: administrators only. Everyone else is sent to its login page, which itself
    # sends anonymous visitors to the portal's login (porous/urls.py).
    #                                  an  A   B   hs  emp oth rdr crd mgr adm
    "admin:login": {
        "GET":                        "L   403 403 403 403 403 403 403 403 R",
        "POST":                       "L   403 403 403 403 403 403 403 403 200"},
    "admin:logout": {
        "GET":                        "R   R   R   R   R   R   R   R   R   405",
        "POST":                       "R   R   R   R   R   R   R   R   R   200"},
    "admin:index": {"GET": ADMIN_ONLY, "POST": ADMIN_ONLY},
    "admin:auth_group_changelist": {"GET": ADMIN_ONLY, "POST": ADMIN_ONLY},
    "admin:account_emailaddress_changelist": {
        "GET": ADMIN_WITHOUT_PERMISSION, "POST": ADMIN_WITHOUT_PERMISSION},
    "admin:mfa_authenticator_changelist": {
        "GET": ADMIN_WITHOUT_PERMISSION, "POST": ADMIN_WITHOUT_PERMISSION},
    "admin:django_celery_beat_periodictask_changelist": {
        "GET": ADMIN_WITHOUT_PERMISSION, "POST": ADMIN_WITHOUT_PERMISSION},
    "admin:django_celery_beat_clockedschedule_changelist": {
        "GET": ADMIN_WITHOUT_PERMISSION, "POST": ADMIN_WITHOUT_PERMISSION},
    "admin:django_celery_beat_crontabschedule_changelist": {
        "GET": ADMIN_WITHOUT_PERMISSION, "POST": ADMIN_WITHOUT_PERMISSION},
    "admin:django_celery_beat_solarschedule_changelist": {
        "GET": ADMIN_WITHOUT_PERMISSION, "POST": ADMIN_WITHOUT_PERMISSION},
    "admin:django_celery_beat_intervalschedule_changelist": {
        "GET": ADMIN_WITHOUT_PERMISSION, "POST": ADMIN_WITHOUT_PERMISSION},
    "admin:porous_user_changelist": {"GET": ADMIN_ONLY, "POST": ADMIN_ONLY},
    "admin:porous_team_changelist": {"GET": ADMIN_ONLY, "POST": ADMIN_ONLY},
    "admin:porous_reminder_changelist": {"GET": ADMIN_ONLY, "POST": ADMIN_ONLY},
    "admin:tenants_neighbourhood_changelist": {"GET": ADMIN_ONLY, "POST": ADMIN_ONLY},
    "admin:tenants_complex_changelist": {"GET": ADMIN_ONLY, "POST": ADMIN_ONLY},
    "admin:tenants_dwelling_changelist": {"GET": ADMIN_ONLY, "POST": ADMIN_ONLY},
    "admin:tenants_household_changelist": {"GET": ADMIN_ONLY, "POST": ADMIN_ONLY},
    "admin:tenants_talent_changelist": {"GET": ADMIN_ONLY, "POST": ADMIN_ONLY},
    "admin:tenants_resident_changelist": {"GET": ADMIN_ONLY, "POST": ADMIN_ONLY},
    "admin:school_course_changelist": {"GET": ADMIN_ONLY, "POST": ADMIN_ONLY},
    "admin:school_courserun_changelist": {"GET": ADMIN_ONLY, "POST": ADMIN_ONLY},
    "admin:school_coursesession_changelist": {"GET": ADMIN_ONLY, "POST": ADMIN_ONLY},
    "admin:school_enrollment_changelist": {"GET": ADMIN_ONLY, "POST": ADMIN_ONLY},
    "admin:school_attendance_changelist": {"GET": ADMIN_ONLY, "POST": ADMIN_ONLY},
    "admin:school_certificate_changelist": {"GET": ADMIN_ONLY, "POST": ADMIN_ONLY},
    "admin:school_calendartoken_changelist": {"GET": ADMIN_ONLY, "POST": ADMIN_ONLY},
    "admin:rewards_arrangement_changelist": {"GET": ADMIN_ONLY, "POST": ADMIN_ONLY},
    "admin:rewards_allowancelimit_changelist": {"GET": ADMIN_ONLY, "POST": ADMIN_ONLY},
    "admin:rewards_grant_changelist": {"GET": ADMIN_ONLY, "POST": ADMIN_ONLY},
    "admin:rewards_payout_changelist": {"GET": ADMIN_ONLY, "POST": ADMIN_ONLY},
    "admin:roles_role_changelist": {"GET": ADMIN_ONLY, "POST": ADMIN_ONLY},
    "admin:roles_opening_changelist": {"GET": ADMIN_ONLY, "POST": ADMIN_ONLY},
    "admin:roles_application_changelist": {"GET": ADMIN_ONLY, "POST": ADMIN_ONLY},
    "admin:roles_invitation_changelist": {"GET": ADMIN_ONLY, "POST": ADMIN_ONLY},
    "admin:roles_contribution_changelist": {"GET": ADMIN_ONLY, "POST": ADMIN_ONLY},
    "admin:visits_visit_changelist": {"GET": ADMIN_ONLY, "POST": ADMIN_ONLY},
    "admin:visits_followup_changelist": {"GET": ADMIN_ONLY, "POST": ADMIN_ONLY},
    "admin:visits_visitrequest_changelist": {"GET": ADMIN_ONLY, "POST": ADMIN_ONLY},
    "admin:visits_noteaccess_changelist": {"GET": ADMIN_ONLY, "POST": ADMIN_ONLY},
    "admin:visits_neighbourhoodcoordinator_changelist": {"GET": ADMIN_ONLY, "POST": ADMIN_ONLY},

    # Roles: a resident's own applications (404 for anyone else's, and for staff, who have
    # no resident profile); deciding: the opening's coordinator or any manager (403 else).
    #                                  an  A   B   hs  emp oth rdr crd mgr adm
    "roles:my-ladder": {
        "GET":                        "L   200 200 200 404 404 404 404 404 404"},
    "roles:my-applications": {
        "GET":                        "L   200 200 200 404 404 404 404 404 404"},
    "roles:application-create": {
        "GET a":                      "L   200 200 200 404 404 404 404 404 404",
        "GET other":                  "L   200 200 200 404 404 404 404 404 404",
        "POST a":                     "L   200 200 200 404 404 404 404 404 404",
        "POST other":                 "L   200 200 200 404 404 404 404 404 404"},
    "roles:application-withdraw": {
        "GET a":                      "L   405 405 405 405 405 405 405 405 405",
        "GET other":                  "L   405 405 405 405 405 405 405 405 405",
        "POST a":                     "L   R   404 404 404 404 404 404 404 404",
        "POST other":                 "L   404 R   404 404 404 404 404 404 404"},
    "roles:offer-accept": {
        "GET a":                      "L   405 405 405 405 405 405 405 405 405",
        "GET other":                  "L   405 405 405 405 405 405 405 405 405",
        "POST a":                     "L   R   404 404 404 404 404 404 404 404",
        "POST other":                 "L   404 R   404 404 404 404 404 404 404"},
    "roles:assignment-end": {
        "GET a":                      "L   405 405 405 405 405 405 405 405 405",
        "GET other":                  "L   405 405 405 405 405 405 405 405 405",
        "POST a":                     "L   R   404 404 404 404 404 404 404 404",
        "POST other":                 "L   404 R   404 404 404 404 404 404 404"},
    "roles:contribution-create": {
        "GET a":                      "L   200 404 404 404 404 404 404 404 404",
        "GET other":                  "L   404 200 404 404 404 404 404 404 404",
        "POST a":                     "L   200 404 404 404 404 404 404 404 404",
        "POST other":                 "L   404 200 404 404 404 404 404 404 404"},
    "roles:invitation-detail": {
        "GET a":                      "L   200 404 404 404 404 404 404 404 404",
        "GET other":                  "L   404 200 404 404 404 404 404 404 404",
        "POST a":                     "L   200 404 404 404 404 404 404 404 404",
        "POST other":                 "L   404 200 404 404 404 404 404 404 404"},
    "roles:coordinator-applications": {
        "GET":                        "L   403 403 403 200 200 200 200 200 403"},
    "roles:application-decide": {
        "GET a":                      "L   405 405 405 405 405 405 405 405 405",
        "GET other":                  "L   405 405 405 405 405 405 405 405 405",
        "POST a":                     "L   403 403 403 403 403 403 R   R   403",
        "POST other":                 "L   403 403 403 403 403 403 403 R   403"},
    "roles:holder-end": {
        "GET a":                      "L   403 403 403 403 403 403 200 200 403",
        "GET other":                  "L   403 403 403 403 403 403 403 200 403",
        "POST a":                     "L   403 403 403 403 403 403 R   R   403",
        "POST other":                 "L   403 403 403 403 403 403 403 R   403"},
    "roles:contribution-decide": {
        "GET a":                      "L   405 405 405 405 405 405 405 405 405",
        "GET other":                  "L   405 405 405 405 405 405 405 405 405",
        "POST a":                     "L   403 403 403 403 403 403 R   R   403",
        "POST other":                 "L   403 403 403 403 403 403 403 R   403"},
    "roles:invitation-create": {
        "GET":                        "L   403 403 403 200 200 200 200 200 403",
        "POST":                       "L   403 403 403 200 200 200 200 200 403"},
    "roles:role-detail": {"GET a": PUBLIC, "GET other": PUBLIC},

    # A resident's own profile.
    "tenants:profile-detail": {
        "GET":                        "L   200 200 200 404 404 404 404 404 404"},
    "tenants:profile-edit": {
        "GET":                        "L   200 200 200 404 404 404 404 404 404",
        "POST":                       "L   200 200 200 404 404 404 404 404 404"},

    # School: the catalogue is public; residents and staff learn; a session's teacher and the
    # coordinators see the roll and sign completion; certificates: the learner, coordinators.
    #                                  an  A   B   hs  emp oth rdr crd mgr adm
    "school:course-list": {"GET": PUBLIC},
    "school:course-detail": {"GET a": PUBLIC, "GET other": PUBLIC},
    "school:run-enroll": {
        "GET a":                      "L   405 405 405 405 405 405 405 405 405",
        "GET other":                  "L   405 405 405 405 405 405 405 405 405",
        "POST a":                     "L   R   R   R   R   R   R   R   R   R",
        "POST other":                 "L   R   R   R   R   R   R   R   R   R"},
    "school:run-detail": {
        "GET a":                      "L   404 404 404 200 404 404 200 404 404",
        "GET other":                  "L   404 404 404 404 404 404 200 404 404"},
    "school:my-courses": {
        "GET":                        "L   200 200 200 200 200 200 200 200 200"},
    "school:enrollment-withdraw": {
        "GET a":                      "L   200 404 404 404 404 404 404 404 404",
        "GET other":                  "L   404 200 404 404 404 404 404 404 404",
        "POST a":                     "L   R   404 404 404 404 404 404 404 404",
        "POST other":                 "L   404 R   404 404 404 404 404 404 404"},
    "school:enrollment-complete": {
        "GET a":                      "L   405 405 405 405 405 405 405 405 405",
        "GET other":                  "L   405 405 405 405 405 405 405 405 405",
        "POST a":                     "L   404 404 404 R   404 404 R   404 404",
        "POST other":                 "L   404 404 404 404 404 404 R   404 404"},
    "school:teacher-sessions": {
        "GET":                        "L   200 200 200 200 200 200 200 200 200"},
    "school:session-attendance": {
        "GET a":                      "L   404 404 404 200 404 404 200 404 404",
        "GET other":                  "L   404 404 404 404 404 404 200 404 404",
        "POST a":                     "L   404 404 404 200 404 404 200 404 404",
        "POST other":                 "L   404 404 404 404 404 404 200 404 404"},
    "school:certificate-pdf": {
        "GET a":                      "L   200 404 404 404 404 404 200 404 404",
        "GET other":                  "L   404 200 404 404 404 404 200 404 404"},
    "school:calendar-feed": {"GET a": PUBLIC, "GET other": PUBLIC},
    "school:calendar-token-reset": {
        "GET":                        "L   405 405 405 405 405 405 405 405 405",
        "POST":                       "L   R   R   R   R   R   R   R   R   R"},
    "certificates:certificate-lookup": {"GET": PUBLIC},
    "certificates:certificate-verify": {"GET a": PUBLIC, "GET other": PUBLIC},

    # Rewards: a resident's own; approving and payouts: holders of the rewards permissions
    # (coordinators, managers, administrators).
    #                                  an  A   B   hs  emp oth rdr crd mgr adm
    "rewards:my-rewards": {
        "GET":                        "L   200 200 200 404 404 404 404 404 404"},
    "rewards:grant-detail": {
        "GET a":                      "L   200 404 404 404 404 404 200 200 200",
        "GET other":                  "L   404 200 404 404 404 404 200 200 200"},
    "rewards:grant-approve-list": {
        "GET":                        "L   403 403 403 403 403 403 200 200 200"},
    "rewards:grant-bulk-decide": {
        "GET":                        "L   405 405 405 405 405 405 405 405 405",
        "POST":                       "L   403 403 403 403 403 403 200 200 200"},
    "rewards:payout-list": {
        "GET":                        "L   403 403 403 403 403 403 200 200 200"},
    "rewards:payout-export": {
        "GET":                        "L   405 405 405 405 405 405 405 405 405",
        "POST":                       "L   403 403 403 403 403 403 R   R   R"},
    "rewards:payout-download": {
        "GET a":                      "L   403 403 403 403 403 403 200 200 200",
        "GET other":                  "L   403 403 403 403 403 403 200 200 200"},

    # Visits: employees plan any household; a visit's page is for whoever may read its
    # notes (404 for other employees); only the author logs it (R: to the visit's page);
    # "kom binnen" is for tenants and their own requests.
    #                                  an  A   B   hs  emp oth rdr crd mgr adm
    "visits:my-week": {
        "GET":                        "L   403 403 403 200 200 200 200 200 403"},
    "visits:household-search": {
        "GET":                        "L   403 403 403 200 200 200 200 200 403"},
    "visits:visit-plan": {
        "GET a":                      "L   403 403 403 200 200 200 200 200 403",
        "GET other":                  "L   403 403 403 200 200 200 200 200 403",
        "POST a":                     "L   403 403 403 200 200 200 200 200 403",
        "POST other":                 "L   403 403 403 200 200 200 200 200 403"},
    "visits:visit-detail": {
        "GET a":                      "L   403 403 403 200 404 200 404 200 403",
        "GET other":                  "L   403 403 403 404 404 200 404 404 403"},
    "visits:visit-log": {
        "GET a":                      "L   403 403 403 200 404 R   404 R   403",
        "GET other":                  "L   403 403 403 404 404 R   404 404 403",
        "POST a":                     "L   403 403 403 200 404 R   404 R   403",
        "POST other":                 "L   403 403 403 404 404 R   404 404 403"},
    "visits:followup-list": {
        "GET":                        "L   403 403 403 200 200 200 200 200 403"},
    "visits:followup-close": {
        "GET a":                      "L   403 403 403 200 404 404 404 404 403",
        "GET other":                  "L   403 403 403 404 404 404 404 404 403",
        "POST a":                     "L   403 403 403 200 404 404 404 404 403",
        "POST other":                 "L   403 403 403 404 404 404 404 404 403"},
    "visits:team-overview": {
        "GET":                        "L   403 403 403 403 403 403 403 200 403"},
    "visits:request-list": {
        "GET":                        "L   200 200 403 403 403 403 403 403 403"},
    "visits:request-create": {
        "GET":                        "L   200 200 403 403 403 403 403 403 403",
        "POST":                       "L   200 200 403 403 403 403 403 403 403"},
    "visits:request-feedback": {
        "GET a":                      "L   200 404 403 403 403 403 403 403 403",
        "GET other":                  "L   404 200 403 403 403 403 403 403 403",
        "POST a":                     "L   200 404 403 403 403 403 403 403 403",
        "POST other":                 "L   404 200 403 403 403 403 403 403 403"},
    "visits:calendar-feed": {"GET a": PUBLIC, "GET other": PUBLIC},

    # The managers' dashboard (porous.view_dashboard); an employee's own record.
    #                                  an  A   B   hs  emp oth rdr crd mgr adm
    "dashboard:dashboard": {
        "GET":                        "L   403 403 403 403 403 403 403 200 200"},
    "dashboard:block-csv": {
        "GET":                        "L   403 403 403 403 403 403 403 200 200"},
    "dashboard:my-record": {
        "GET":                        "L   403 403 403 200 200 200 200 200 403"},

    # AVG rights: the privacy page is public; everyone logged in downloads their own data;
    # residents delete their own account (an empty form is shown again with its error),
    # staff accounts are erased by an administrator.
    #                                  an  A   B   hs  emp oth rdr crd mgr adm
    "privacy:privacy": {"GET": PUBLIC},
    "privacy:my-data": {
        "GET":                        "L   200 200 200 200 200 200 200 200 200"},
    "privacy:my-data-download": {
        "GET":                        "L   200 200 200 200 200 200 200 200 200"},
    "privacy:account-delete": {
        "GET":                        "L   200 200 200 403 403 403 403 403 403",
        "POST":                       "L   200 200 200 403 403 403 403 403 403"},
    "admin:auditlog_logentry_changelist": {"GET": ADMIN_ONLY, "POST": ADMIN_ONLY},
}
# fmt: on


def _skip_reason(name):
    for pattern, reason in SKIPPED.items():
        if pattern.search(name):
            return reason
    return None


def _cases(name, world):
    """(case, url) for each cell row the table should have for this URL name."""
    if name in OWNED:
        sides = {"a": world.a, "other": world.other} if world else {"a": None, "other": None}
        for method in ("GET", "POST"):
            for side_name, side in sides.items():
                url = reverse(name, kwargs=OWNED[name](side)) if side else None
                yield f"{method} {side_name}", url
    else:
        url = reverse(name, kwargs=FIXED.get(name)) if world else None
        for method in ("GET", "POST"):
            yield method, url


def test_every_url_has_a_row():
    """The table and the resolver list the same URL names; each row has its cells."""
    named = {p.name for p in all_patterns() if p.name and not _skip_reason(p.name)}
    missing = sorted(named - MATRIX.keys())
    stale = sorted(MATRIX.keys() - named)
    assert not missing, f"URLs without a row in MATRIX: {missing}"
    assert not stale, f"rows in MATRIX for URLs that no longer exist: {stale}"

    unexplained = [p.route for p in all_patterns() if not p.name and not _unnamed_reason(p)]
    assert not unexplained, f"unnamed URL patterns: name them, or explain them {unexplained}"

    for name, row in MATRIX.items():
        possible = [case for case, _url in _cases(name, None)]
        gets = {case for case in possible if case.startswith("GET")}
        posts = {case for case in possible if case.startswith("POST")}
        assert gets <= set(row), f"{name}: needs the cells {sorted(gets)}"
        assert set(row) in (gets, gets | posts), f"{name}: needs the cells {sorted(posts)}"
        for case, cells in row.items():
            assert len(cells.split()) == len(ACTORS), f"{name} {case}: not one cell per actor"


def _secrets_of_others(world):
    """For each resident: what identifies the other residents."""
    mine = {
        "tenant_a": world.a.secrets(),
        "tenant_b": world.other.secrets(),
        "home_seeker": [world.home_seeker.user.full_name, world.home_seeker.user.email],
    }
    return {
        actor: [text for other, texts in mine.items() if other != actor for text in texts]
        for actor in RESIDENTS
    }


@pytest.fixture
def quiet_refusals(caplog):
    # Each 403, 404 and 405 is logged with its traceback: thousands that would bury the
    # list of problems. Errors (500) are still logged.
    caplog.set_level(logging.ERROR, logger="django.request")


def test_access_matrix(quiet_refusals):
    """Every cell of MATRIX, and what no answer may contain or do (see the module's text)."""
    world = build_world()
    residents = {
        "tenant_a": world.a.resident,
        "tenant_b": world.other.resident,
        "home_seeker": world.home_seeker,
    }
    before = {actor: footprint(resident) for actor, resident in residents.items()}
    others_secrets = _secrets_of_others(world)
    clients = {actor: logged_in_client(world.actor(actor)) for actor in ACTORS}
    problems = []

    def check(name, case, actor, expected, answer):
        where = f"{name} {case} as {actor}"
        if answer.token != expected:
            problems.append(f"{where}: expected {expected}, got {answer.token}")
        refused = answer.token in REFUSALS or expected in REFUSALS
        if refused and answer.written:
            problems.append(f"{where}: refused, yet wrote to {answer.written}")
        if refused and answer.mails:
            problems.append(f"{where}: refused, yet sent {answer.mails} email(s)")
        for notes, readers in NOTES_READERS.items():
            if notes in answer.body and actor not in readers:
                problems.append(f"{where}: shows visit notes this person may not read")
        if actor in RESIDENTS and name not in SHOWN_TO_WHOEVER_HAS_THE_LINK:
            leaked = [text for text in others_secrets[actor] if text in answer.body]
            if leaked:
                problems.append(f"{where}: shows another resident's {leaked}")

    def others_left_alone(actor):
        def watch(answer):
            if answer.written and answer.token not in REFUSALS:
                for other, resident in residents.items():
                    if other != actor and footprint(resident) != before[other]:
                        problems.append(f"{actor} changed the data of {other}: {answer}")

        return watch if actor in RESIDENTS else None

    for name, row in MATRIX.items():
        for case, url in _cases(name, world):
            if case not in row:
                continue
            method = case.split()[0]
            for actor, expected in zip(ACTORS, row[case].split(), strict=True):
                answer = ask(clients[actor], method, url, watch=others_left_alone(actor))
                check(name, case, actor, expected, answer)

        if not any(case.startswith("POST") for case in row):
            # No POST cells: the view must refuse POST. Ask someone it lets GET the page.
            cells = next(cells for case, cells in row.items() if case.startswith("GET"))
            allowed = [a for a, cell in zip(ACTORS, cells.split(), strict=True) if cell == "200"]
            url = next(url for case, url in _cases(name, world))
            if allowed:
                answer = ask(clients[allowed[0]], "POST", url)
                check(name, "POST", allowed[0], "405", answer)

    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)


# Values for the admin's own keyword arguments: any object id will do, since the refusal
# comes before the object is looked up.
ADMIN_ARGUMENTS = {"app_label": "visits"}


def test_admin_pages_refuse_everyone_but_administrators(quiet_refusals):
    """The admin pages without a row (one object's pages, an app's list, the admin's own
    tools) all refuse anyone who is not staff: anonymous visitors, and the manager, who holds
    the most permissions of anyone who is not an administrator. Residents are never staff.
    What administrators may do on these pages is Django's per-model permission check."""
    world = build_world()
    pages = [p for p in all_patterns() if p.name.startswith("admin:") and _skip_reason(p.name)]
    assert len(pages) > 100, "expected every registered model's admin pages"
    problems = []
    for actor in ("anonymous", "manager"):
        client = logged_in_client(world.actor(actor))
        for page in pages:
            url = reverse(
                page.name, kwargs={a: ADMIN_ARGUMENTS.get(a, "1") for a in page.arguments}
            )
            for method in ("GET", "POST"):
                answer = ask(client, method, url)
                if answer.token != ADMIN_LOGIN or answer.written or answer.mails:
                    problems.append(f"{page.name} {method} as {actor}: {answer.token}")
    assert not problems, "\n".join(problems)
