"""What the visit reminders say. Registered in VisitsConfig.ready().

porous' sweep calls each renderer in the recipient's language. A renderer looks at the data as
it is now and returns None when the reminder is no longer needed (the visit was logged in the
meantime). The week a reminder is about is the week of its due time, never "today", so a sweep
that runs late still judges the right week.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from porous import reminders
from porous.reminders import Message

from .models import FollowUp, Visit
from .services import reminders as sweeps
from .weeks import local_today, week_key, weeks_back

MAX_LISTED = 10


def _url(name, *args):
    return settings.SITE_URL.rstrip("/") + reverse(name, args=args)


def _date(day):
    return date_format(day, "l j F")


def _signature():
    return _("Kind regards,\nMijn woningbouw")


def _own_planned_visit(reminder):
    return (
        Visit.objects.select_related("household__dwelling")
        .filter(pk=reminder.object_id, employee=reminder.recipient, status=Visit.Status.PLANNED)
        .first()
    )


@reminders.register(sweeps.NOTHING_PLANNED)
def nothing_planned(reminder):
    user = reminder.recipient
    day = local_today(reminder.due_at)
    if not (user.is_active and user.has_visit_duty):
        return None
    if Visit.objects.filter(sweeps.busy_q(day), employee=user).exists():
        return None
    return Message(
        subject=_("Plan your home visit for this week"),
        body=_(
            "Hello %(name)s,\n\n"
            "You have not planned a home visit yet for this week (%(week)s).\n"
            "Choose a household and plan your visit here:\n%(url)s\n\n%(signature)s"
        )
        % {
            "name": user.get_short_name(),
            "week": week_key(day),
            "url": _url("visits:my-week"),
            "signature": _signature(),
        },
    )


@reminders.register(sweeps.DAY_BEFORE)
def day_before(reminder):
    visit = _own_planned_visit(reminder)
    if visit is None:
        return None
    return Message(
        subject=_("Tomorrow: home visit at %(address)s") % {"address": visit.household.dwelling},
        body=_(
            "Hello %(name)s,\n\n"
            "Tomorrow, %(date)s, you visit %(address)s.\n"
            "After the visit, log it on your phone in a minute:\n%(url)s\n\n%(signature)s"
        )
        % {
            "name": reminder.recipient.get_short_name(),
            "date": _date(visit.planned_for),
            "address": visit.household.dwelling,
            "url": _url("visits:visit-log", visit.pk),
            "signature": _signature(),
        },
    )


@reminders.register(sweeps.NOT_LOGGED)
def not_logged(reminder):
    visit = _own_planned_visit(reminder)
    if visit is None:
        return None
    return Message(
        subject=_("Your home visit is not logged yet"),
        body=_(
            "Hello %(name)s,\n\n"
            "Your visit to %(address)s, planned for %(date)s, is not logged yet.\n"
            "Log it here: what happened, and any follow-ups. "
            "If the visit did not happen, choose “cancelled”.\n%(url)s\n\n%(signature)s"
        )
        % {
            "name": reminder.recipient.get_short_name(),
            "address": visit.household.dwelling,
            "date": _date(visit.planned_for),
            "url": _url("visits:visit-log", visit.pk),
            "signature": _signature(),
        },
    )


@reminders.register(sweeps.MANAGER_MISSED)
def manager_missed_two_weeks(reminder):
    day = local_today(reminder.due_at)
    employee = (
        sweeps.employees_missing_two_weeks(day)
        .filter(pk=reminder.object_id, team__manager=reminder.recipient)
        .first()
    )
    if employee is None:
        return None  # a late log filled the gap, or the employee moved team
    return Message(
        subject=_("%(employee)s made no home visit for two weeks") % {"employee": employee},
        body=_(
            "Hello %(name)s,\n\n"
            "%(employee)s has not made a home visit in the weeks %(week_2)s and %(week_1)s.\n"
            "Maybe a short talk helps. See your team's visits here:\n%(url)s\n\n%(signature)s"
        )
        % {
            "name": reminder.recipient.get_short_name(),
            "employee": employee,
            "week_1": week_key(weeks_back(day, 1)),
            "week_2": week_key(weeks_back(day, 2)),
            "url": _url("visits:team-overview"),
            "signature": _signature(),
        },
    )


@reminders.register(sweeps.FOLLOW_UP_OVERDUE)
def follow_ups_overdue(reminder):
    day = local_today(reminder.due_at)
    overdue = list(
        FollowUp.objects.overdue(day)
        .filter(owner=reminder.recipient)
        .select_related("visit__household__dwelling")
        .order_by("due_on", "pk")[: MAX_LISTED + 1]
    )
    if not overdue:
        return None
    lines = [
        f"- {item.get_kind_display()}, {item.visit.household.dwelling} "
        + _("(due %(date)s)") % {"date": _date(item.due_on)}
        for item in overdue[:MAX_LISTED]
    ]
    if len(overdue) > MAX_LISTED:
        lines.append(_("- and more"))
    return Message(
        subject=_("Follow-ups from home visits are overdue"),
        body=_(
            "Hello %(name)s,\n\n"
            "These follow-ups from home visits are past their date:\n%(list)s\n\n"
            "Close them with a short note when they are done:\n%(url)s\n\n%(signature)s"
        )
        % {
            "name": reminder.recipient.get_short_name(),
            "list": "\n".join(lines),
            "url": _url("visits:followup-list"),
            "signature": _signature(),
        },
    )
