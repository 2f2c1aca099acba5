"""Everything the portal holds about one person, as one JSON document (AVG article 15 and 20).

The same document for the resident's own download and for an administrator answering a
request. A fixed number of queries, however much the person did: one per kind of record.

Visit notes are not in it: they are the employee's notes about a household, often about other
people in it too, so they are given only on request, after a person has checked them (see
"Privacy" in README.md). The visits themselves are in it, with whether notes are still kept.
"""

import json

from allauth.account.models import EmailAddress
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from rewards.models import Grant
from roles.models import Application, Contribution, Invitation
from school.models import Attendance, Certificate, Enrollment
from tenants.models import Resident, Talent
from visits.models import FollowUp, Visit, VisitRequest

FORMAT_VERSION = 1


def _resident_of(user):
    return (
        Resident.objects.select_related("household__dwelling__complex__neighbourhood")
        .filter(user=user)
        .first()
    )


def _profile(user, resident, talents, emails):
    profile = {
        "email": user.email,
        "email_addresses": [
            {"email": e.email, "verified": e.verified, "primary": e.primary} for e in emails
        ],
        "full_name": user.full_name,
        "language": user.language,
        "joined": user.date_joined,
        "last_login": user.last_login,
    }
    if resident is not None:
        profile["resident"] = {
            "kind": resident.kind,
            "registration_number": resident.registration_number,
            "birth_date": resident.birth_date,
            "phone": resident.phone,
            "languages": resident.languages,
            "talents": talents,
            "availability": resident.availability,
            "wants_to_help_with": resident.wants_to_help_with,
            "vog_valid_until": resident.vog_valid_until,
            "created": resident.created_at,
        }
    return profile


def _household(resident):
    household = resident.household if resident is not None else None
    if household is None:
        return None
    dwelling = household.dwelling
    return {
        "contract_number": household.contract_number,
        "address": dwelling.address,
        "postcode": dwelling.postcode,
        "city": dwelling.city,
        "neighbourhood": dwelling.complex.neighbourhood.name,
        "tenancy_start": household.tenancy_start,
        "tenancy_end": household.tenancy_end,
    }


def _applications(user):
    rows = Application.objects.filter(resident__user=user).select_related(
        "opening__role", "opening__complex", "opening__neighbourhood"
    )
    return [
        {
            "role": a.opening.role.name,
            "where": str(a.opening.scope_label),
            "status": a.status,
            "motivation": a.motivation,
            "availability": a.availability,
            "applied": a.created_at,
            "waitlisted": a.waitlisted_at,
            "offered": a.offered_at,
            "decided": a.decided_at,
            "reason": a.decline_reason,
            "started": a.started_on,
            "ended": a.ended_on,
        }
        for a in rows
    ]


def _contributions(user):
    rows = Contribution.objects.filter(application__resident__user=user).select_related(
        "application__opening__role"
    )
    return [
        {
            "role": c.application.opening.role.name,
            "date": c.date,
            "hours": c.hours,
            "what_you_did": c.description,
            "status": c.status,
            "decided": c.decided_at,
            "note": c.decision_note,
        }
        for c in rows
    ]


def _grants(user):
    rows = Grant.objects.filter(resident__user=user).select_related("arrangement")
    return [
        {
            "arrangement": g.arrangement.name,
            "kind": g.kind,
            "month": g.month,
            "work_date": g.work_date,
            "amount": g.amount,
            "hours": g.hours,
            "description": g.description,
            "reason": g.reason,
            "status": g.status,
            "decided": g.decided_at,
            "note": g.decision_note,
            "paid": g.paid_at,
        }
        for g in rows
    ]


def _invitations(user):
    rows = Invitation.objects.filter(resident__user=user).select_related("opening__role")
    return [
        {
            "role": i.opening.role.name,
            "message": i.message,
            "status": i.status,
            "sent": i.created_at,
            "answered": i.answered_at,
        }
        for i in rows
    ]


def _enrolments(user):
    rows = Enrollment.objects.filter(learner=user).select_related("run__course")
    attended = {}
    sessions = Attendance.objects.filter(enrollment__learner=user).select_related("session")
    for attendance in sessions:
        attended.setdefault(attendance.enrollment_id, []).append(
            {"session": attendance.session.start, "present": attendance.present}
        )
    return [
        {
            "course": e.run.course.title,
            "run": e.run.name,
            "status": e.status,
            "enrolled": e.created_at,
            "withdrawn": e.withdrawn_at,
            "completed": e.completed_at,
            "attendance": attended.get(e.pk, []),
        }
        for e in rows
    ]


def _certificates(user):
    rows = Certificate.objects.filter(enrollment__learner=user)
    return [
        {
            "name": c.learner_name,
            "course": c.course_title,
            "hours": c.hours,
            "completed_on": c.completed_on,
            "issued": c.issued_at,
            "verification_code": c.code,
            "revoked": c.revoked_at,
            "revoked_reason": c.revoked_reason,
        }
        for c in rows
    ]


def _visit_requests(user):
    return [
        {
            "topic": r.topic,
            "status": r.status,
            "asked": r.created_at,
            "done": r.done_at,
            "feedback": r.feedback,
            "score": r.feedback_score,
            "feedback_given": r.feedback_at,
        }
        for r in VisitRequest.objects.filter(resident__user=user)
    ]


def _household_visits(resident):
    # Visits to the household since this person had an account. Without a household the same
    # two queries run and find nothing, so the count stays fixed.
    household_id = resident.household_id if resident is not None else None
    since = resident.created_at.date() if resident is not None else timezone.localdate()
    visits = Visit.objects.filter(household_id=household_id, planned_for__gte=since)
    follow_ups = {}
    for visit_id, kind in FollowUp.objects.filter(visit__in=visits).values_list("visit", "kind"):
        follow_ups.setdefault(visit_id, []).append(kind)
    return [
        {
            "kind": v.kind,
            "status": v.status,
            "planned_for": v.planned_for,
            "visited_on": v.visited_on,
            "outcome": v.outcome,
            "satisfaction": v.satisfaction,
            "follow_ups": follow_ups.get(v.pk, []),
            "notes_kept": bool(v.notes) and v.notes_erased_at is None,
        }
        for v in visits
    ]


def personal_data(user) -> dict:
    """Thirteen queries, for anyone: the resident with their household, talents, email
    addresses, applications, contributions, grants, invitations, enrolments, attendance,
    certificates, visit requests, visits to the household and their follow-ups."""
    resident = _resident_of(user)
    talents = list(Talent.objects.filter(residents__user=user).values_list("name", flat=True))
    emails = list(EmailAddress.objects.filter(user=user).order_by("-primary", "email"))
    return {
        "format_version": FORMAT_VERSION,
        "exported_at": timezone.now(),
        "profile": _profile(user, resident, talents, emails),
        "household": _household(resident),
        "applications": _applications(user),
        "contributions": _contributions(user),
        "grants": _grants(user),
        "invitations": _invitations(user),
        "enrolments": _enrolments(user),
        "certificates": _certificates(user),
        "visit_requests": _visit_requests(user),
        "household_visits": _household_visits(resident),
    }


def personal_data_json(user) -> str:
    return json.dumps(personal_data(user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
