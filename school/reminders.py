"""The day-before reminder for course sessions, through porous.reminders: each person gets it
once per session (the row is unique), and the renderer sends nothing when it no longer fits."""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from porous import reminders

from .models import CourseSession, Enrollment

SESSION_TOMORROW = "school.session_tomorrow"
REMINDER_TIME = datetime.time(9, 0)  # local time, the day before the session


def portal_url(path):
    return settings.SITE_URL.rstrip("/") + path


def reminder_due_at(session_start):
    """09:00 (Europe/Amsterdam) on the day before the session."""
    day_before = timezone.localtime(session_start).date() - datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day_before, REMINDER_TIME))


def _worth_reminding(session, now):
    # A reminder for a session today or earlier would say "tomorrow" and be wrong.
    return not session.cancelled and timezone.localtime(session.start).date() > timezone.localdate(
        now
    )


def _schedule(recipient, session):
    reminder, created = reminders.reminder_schedule(
        recipient=recipient,
        kind=SESSION_TOMORROW,
        key=f"session:{session.pk}",
        due_at=reminder_due_at(session.start),
        object_id=session.pk,
    )
    if (
        not created
        and reminder.sent_at is None
        and reminder.due_at != reminder_due_at(session.start)
    ):
        # The session moved: move the unsent reminder with it.
        reminder.due_at = reminder_due_at(session.start)
        reminder.save(update_fields=["due_at"])


def learner_reminders_schedule(*, enrollment, now=None):
    """One reminder per coming session of the run, for a learner who holds a place."""
    now = now or timezone.now()
    sessions = CourseSession.objects.filter(run_id=enrollment.run_id, cancelled=False)
    for session in sessions:
        if _worth_reminding(session, now):
            _schedule(enrollment.learner, session)


def session_reminders_schedule(*, session, now=None):
    """Reminders for the session's teacher and everyone holding a place in the run."""
    now = now or timezone.now()
    if not _worth_reminding(session, now):
        return
    if session.teacher_id:
        _schedule(session.teacher, session)
    learners = Enrollment.objects.filter(run_id=session.run_id).holding_place()
    for enrollment in learners.select_related("learner"):
        _schedule(enrollment.learner, session)


def _when(session):
    start = timezone.localtime(session.start)
    end = timezone.localtime(session.end)
    return _("%(day)s, %(start)s to %(end)s") % {
        "day": formats.date_format(start, "l j F Y"),
        "start": formats.time_format(start, "H:i"),
        "end": formats.time_format(end, "H:i"),
    }


@reminders.register(SESSION_TOMORROW)
def render_session_tomorrow(reminder):
    """The message for one recipient, or None when it no longer applies."""
    session = (
        CourseSession.objects.select_related("run__course", "teacher")
        .filter(pk=reminder.object_id)
        .first()
    )
    if session is None or session.cancelled or session.run.cancelled:
        return None
    session_day = timezone.localtime(session.start).date()
    due_day = timezone.localtime(reminder.due_at).date()
    if session_day != due_day + datetime.timedelta(days=1) or session_day <= timezone.localdate():
        return None  # the session moved, or the sweep is too late to say "tomorrow"

    recipient = reminder.recipient
    course = session.run.course.display_title
    facts = {
        "name": recipient.get_short_name(),
        "course": course,
        "when": _when(session),
        "place": session.place,
    }
    if session.teacher_id == recipient.pk:
        facts["url"] = portal_url(reverse("school:session-attendance", args=[session.pk]))
        body = _(
            "Hello %(name)s,\n\n"
            "Tomorrow you teach a session of the course %(course)s.\n\n"
            "When: %(when)s\nWhere: %(place)s\n\n"
            "You can register who was there on your phone:\n%(url)s\n"
        )
        return reminders.Message(
            subject=_("Tomorrow you teach: %(course)s") % facts, body=body % facts
        )

    holds_place = (
        Enrollment.objects.filter(run_id=session.run_id, learner=recipient).holding_place().exists()
    )
    if not holds_place:
        return None  # withdrawn (or still on the waiting list)
    facts["teacher"] = session.teacher.full_name if session.teacher else _("to be announced")
    facts["url"] = portal_url(reverse("school:my-courses"))
    body = _(
        "Hello %(name)s,\n\n"
        "Tomorrow you have a session of the course %(course)s.\n\n"
        "When: %(when)s\nWhere: %(place)s\nTeacher: %(teacher)s\n\n"
        "Can you not come? Let your teacher know.\n"
        "Your courses: %(url)s\n"
    )
    return reminders.Message(subject=_("Tomorrow: %(course)s") % facts, body=body % facts)
