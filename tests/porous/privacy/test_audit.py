"""Changes to sensitive records are in the audit log with who made them, through the real
pages; visit notes never are."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from rewards.models import Grant
from roles.models import Application
from tests.factories_rewards import AllowanceLimitFactory, GrantFactory
from tests.factories_roles import ApplicationFactory, OpeningFactory
from tests.factories_visits import LoggedVisitFactory, NoteAccessFactory, VisitFactory
from visits.models import Visit

pytestmark = pytest.mark.django_db


def entries_for(obj):
    return LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_pk=str(obj.pk)
    )


def test_accepting_an_application_is_logged_with_the_coordinator(client, tenant, coordinator):
    application = ApplicationFactory(
        resident=tenant, opening=OpeningFactory(coordinator=coordinator)
    )
    client.force_login(coordinator)
    url = reverse("roles:application-decide", args=[application.pk])
    assert client.post(url, {"action": "accept"}).status_code == 302
    entry = entries_for(application).get(action=LogEntry.Action.UPDATE)
    assert entry.actor == coordinator
    assert entry.changes_dict["status"] == ["pending", "active"]
    assert entry.remote_addr == "127.0.0.1"


def test_declining_keeps_the_reason_out_of_the_log(client, tenant, coordinator):
    application = ApplicationFactory(
        resident=tenant, opening=OpeningFactory(coordinator=coordinator), motivation="Graag!"
    )
    client.force_login(coordinator)
    url = reverse("roles:application-decide", args=[application.pk])
    client.post(url, {"action": "decline", "reason": "Er was iemand met meer ervaring."})
    application.refresh_from_db()
    assert application.status == Application.Status.DECLINED
    entry = entries_for(application).get(action=LogEntry.Action.UPDATE)
    assert entry.actor == coordinator
    assert "status" in entry.changes_dict
    assert "decline_reason" not in entry.changes_dict


def test_approving_a_grant_is_logged_with_the_approver(client, tenant, coordinator):
    AllowanceLimitFactory(year=2026)
    AllowanceLimitFactory(year=timezone.localdate().year)
    grant = GrantFactory(resident=tenant)
    client.force_login(coordinator)
    client.post(reverse("rewards:grant-bulk-decide"), {"grants": [grant.pk], "decision": "approve"})
    grant.refresh_from_db()
    assert grant.status == Grant.Status.APPROVED
    entry = entries_for(grant).get(action=LogEntry.Action.UPDATE)
    assert entry.actor == coordinator
    assert entry.changes_dict["status"] == ["proposed", "approved"]


def test_paying_grants_through_a_payout_file_is_logged(client, tenant, coordinator):
    AllowanceLimitFactory(year=2026)
    grant = GrantFactory(
        resident=tenant,
        month=datetime.date(2026, 1, 1),
        status=Grant.Status.APPROVED,
        decided_by=coordinator,
    )
    client.force_login(coordinator)
    assert client.post(reverse("rewards:payout-export")).status_code == 200
    grant.refresh_from_db()
    assert grant.status == Grant.Status.PAID
    entry = entries_for(grant).get(action=LogEntry.Action.UPDATE)
    assert entry.actor == coordinator
    assert entry.changes_dict["status"] == ["approved", "paid"]
    assert entry.changes_dict["payout"] == ["None", str(grant.payout_id)]


def test_logging_a_visit_records_the_author_but_never_the_notes(client, employee):
    visit = VisitFactory(employee=employee)
    client.force_login(employee)
    secret = "Mevrouw vertelde over haar schulden."
    response = client.post(
        reverse("visits:visit-log", args=[visit.pk]),
        {
            "outcome": "visited",
            "satisfaction": "8",
            "notes": secret,
            "visited_on": timezone.localdate().isoformat(),
            "follow_up_maintenance": "Lekkende kraan in de keuken",
        },
    )
    assert response.status_code == 302
    assert Visit.objects.get().notes == secret
    entry = entries_for(visit).get(action=LogEntry.Action.UPDATE)
    assert entry.actor == employee
    assert entry.changes_dict["status"] == ["planned", "logged"]
    assert "notes" not in entry.changes_dict
    assert not LogEntry.objects.filter(changes__icontains="schulden").exists()
    assert not LogEntry.objects.filter(changes__icontains="Lekkende kraan").exists()
    follow_up = visit.follow_ups.get()
    assert entries_for(follow_up).get(action=LogEntry.Action.CREATE).actor == employee


def test_giving_groups_and_permissions_in_the_admin_is_logged(client, superuser, employee):
    client.force_login(superuser)
    coordinators = Group.objects.get(name="coordinator")
    permission = Permission.objects.get(codename="view_visit_notes")
    response = client.post(
        reverse("admin:porous_user_change", args=[employee.pk]),
        {
            "email": employee.email,
            "full_name": employee.full_name,
            "language": "nl",
            "has_visit_duty": "on",
            "is_active": "on",
            "groups": [g.pk for g in employee.groups.all()] + [coordinators.pk],
            "user_permissions": [permission.pk],
        },
    )
    assert response.status_code == 302
    changes = [e.changes_dict for e in entries_for(employee).filter(actor=superuser)]
    assert {"type": "m2m", "operation": "add", "objects": [str(coordinators)]} in [
        c.get("groups") for c in changes
    ]
    assert [str(permission)] in [
        c["user_permissions"]["objects"] for c in changes if "user_permissions" in c
    ]
    # The person's own details are not copied into the log.
    assert not LogEntry.objects.filter(changes__icontains=employee.email).exists()


def test_group_permissions_changed_in_the_admin_are_logged(client, superuser):
    client.force_login(superuser)
    group = Group.objects.get(name="employee")
    permission = Permission.objects.get(codename="view_dashboard")
    current = list(group.permissions.values_list("pk", flat=True))
    response = client.post(
        reverse("admin:auth_group_change", args=[group.pk]),
        {"name": group.name, "permissions": [*current, permission.pk]},
    )
    assert response.status_code == 302
    entry = entries_for(group).get(actor=superuser)
    assert entry.changes_dict["permissions"]["objects"] == [str(permission)]


def test_the_audit_log_admin_filters_by_actor_and_kind_of_record(client, superuser, coordinator):
    opening = OpeningFactory(coordinator=coordinator)
    LogEntry.objects.filter(actor__isnull=True).update(actor=coordinator)
    client.force_login(superuser)
    url = reverse("admin:auditlog_logentry_changelist")
    content_type = ContentType.objects.get_for_model(opening)
    response = client.get(
        url, {"actor__id__exact": coordinator.pk, "content_type__id__exact": content_type.pk}
    )
    assert response.status_code == 200
    shown = list(response.context["cl"].result_list)
    assert shown and all(e.actor_id == coordinator.pk for e in shown)
    assert all(e.content_type_id == content_type.pk for e in shown)
    assert client.get(url, {"q": coordinator.full_name}).status_code == 200


def test_note_reads_filter_by_visit_author(client, superuser):
    mine = NoteAccessFactory()
    other = NoteAccessFactory()
    client.force_login(superuser)
    response = client.get(
        reverse("admin:visits_noteaccess_changelist"),
        {"visit__employee__id__exact": mine.visit.employee_id},
    )
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [mine]
    assert other.visit.employee_id != mine.visit.employee_id


def test_administrators_may_read_the_audit_log_but_not_change_it(client, administrator):
    LoggedVisitFactory()
    client.force_login(administrator)
    assert administrator.has_perm("auditlog.view_logentry")
    assert not administrator.has_perm("auditlog.change_logentry")
    url = reverse("admin:auditlog_logentry_changelist")
    assert client.get(url).status_code == 200
    entry = LogEntry.objects.first()
    assert (
        client.post(
            reverse("admin:auditlog_logentry_delete", args=[entry.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
