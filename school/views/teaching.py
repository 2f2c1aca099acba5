"""Pages for teachers (employees or residents) and coordinators: sessions, attendance on a
phone, the learners of a run, completion."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from .. import selectors, services
from ..access import (
    get_enrollment_for_teacher,
    get_run_for_teacher,
    get_session_for_teacher,
    school_viewer,
)
from ..forms import AttendanceForm
from ..models import CalendarToken


@login_required
@require_safe
def teacher_sessions(request):
    """ "My lessons": the sessions you teach; a coordinator can also see everyone's."""
    viewer = school_viewer(request.user)
    everyone = viewer.is_coordinator and request.GET.get("scope") == "all"
    sessions = selectors.teacher_sessions(user=request.user, everyone=everyone)
    now = timezone.now()
    return render(
        request,
        "school/session_list.html",
        {
            "coming": [s for s in sessions if s.end > now],
            "earlier": [s for s in reversed(sessions) if s.end <= now],
            "everyone": everyone,
            "viewer": viewer,
            "now": now,
            "calendar_token": CalendarToken.objects.filter(user=request.user).first(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def session_attendance(request, pk):
    session = get_session_for_teacher(request, pk)
    roll = selectors.session_roll(session=session)
    form = AttendanceForm(request.POST if request.method == "POST" else None, roll=roll)
    if form.is_bound and form.is_valid():
        try:
            present = services.attendance_register(
                session=session, present=form.present_enrollments(), by=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Attendance saved: %(present)s of %(total)s were there.")
                % {"present": present, "total": len(roll)},
            )
            return redirect("school:session-attendance", session.pk)
    return render(
        request,
        "school/session_attendance.html",
        {"session": session, "form": form, "started": session.has_started()},
    )


@login_required
@require_safe
def run_detail(request, pk):
    run = get_run_for_teacher(request, pk)
    run, sessions, enrollments, required = selectors.run_roster(run=run)
    return render(
        request,
        "school/run_detail.html",
        {
            "run": run,
            "sessions": sessions,
            "learners": [e for e in enrollments if e.holds_place],
            "waiting": [e for e in enrollments if not e.holds_place],
            "required": required,
            "now": timezone.now(),
        },
    )


@login_required
@require_POST
def enrollment_complete(request, pk):
    enrollment = get_enrollment_for_teacher(request, pk)
    try:
        services.enrollment_complete(enrollment=enrollment, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(name)s has completed the course. The certificate is ready to download.")
            % {"name": enrollment.learner.full_name},
        )
    return redirect("school:run-detail", enrollment.run_id)
