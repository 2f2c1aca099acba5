"""Which changes the audit log records: who changed a sensitive record, and when.

Registered here, in one place, so an administrator or auditor reads the whole list at once.
Foreign keys are logged as ids, never as names. Free texts stay out of the diffs: the row
itself holds them, and a copy in the log would outlive the retention of visit notes and an
account's erasure (porous/privacy/erase.py).
"""

from auditlog.diff import model_instance_diff
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.apps import apps
from django.contrib.auth.models import Group


def register_audited_models():
    Visit = apps.get_model("visits", "Visit")
    FollowUp = apps.get_model("visits", "FollowUp")
    Grant = apps.get_model("rewards", "Grant")
    Application = apps.get_model("roles", "Application")
    Opening = apps.get_model("roles", "Opening")
    User = apps.get_model("porous", "User")

    # Visit notes may be read only by their author, the author's manager and people with the
    # explicit permission, and each read is recorded (visits.NoteAccess). Administrators read
    # the audit log, so the notes must not be copied into it.
    auditlog.register(Visit, exclude_fields=["notes"])
    # What a follow-up says about a household is erased with the visit notes.
    auditlog.register(FollowUp, exclude_fields=["description", "close_note"])
    auditlog.register(Grant, exclude_fields=["reason", "description", "decision_note"])
    # Accepting, declining, the waiting list and ending a role are status changes here.
    auditlog.register(Application, exclude_fields=["motivation", "availability", "decline_reason"])
    auditlog.register(Opening)
    # Of a user only what gives access: the flags, the groups and the single permissions.
    # Logins (last_login) and the person's own details stay out.
    auditlog.register(
        User,
        include_fields=["is_active", "is_staff", "is_superuser"],
        m2m_fields={"groups", "user_permissions"},
    )
    auditlog.register(Group, include_fields=["name"], m2m_fields={"permissions"})


def audit_update(old, new):
    """Record a change made with a conditional QuerySet.update() (kept that way against races),
    which sends no signals. `old` and `new` are the instance before and after; the fields the
    registration above leaves out stay out here too."""
    changes = model_instance_diff(old, new)
    if changes:
        LogEntry.objects.log_create(new, action=LogEntry.Action.UPDATE, changes=changes)


def audit_created(instances):
    """Record rows made with bulk_create(), which sends no signals."""
    for instance in instances:
        changes = model_instance_diff(None, instance)
        LogEntry.objects.log_create(instance, action=LogEntry.Action.CREATE, changes=changes)
