"""Pages for learners: the catalogue, a course with its runs, enrolling, "my courses"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from porous.paginators import page_of

from .. import selectors, services
from ..access import get_own_enrollment, get_run_for_learner, require_learner, school_viewer
from ..forms import CatalogueFilterForm
from ..models import CalendarToken, Course, Enrollment

COURSES_PER_PAGE = 20


@require_safe
def course_list(request):
    """The catalogue: open to everyone, so people can see what the school offers."""
    form = CatalogueFilterForm(request.GET or None)
    filters = {}
    if form.is_bound and form.is_valid():
        filters = form.cleaned_data
    courses = selectors.catalogue_courses(**filters)
    page = page_of(request, courses, COURSES_PER_PAGE)
    return render(
        request,
        "school/course_list.html",
        {"form": form, "page": page, "filtering": form.is_filtering},
    )


@require_safe
def course_detail(request, pk):
    viewer = school_viewer(request.user)
    try:
        course, runs, mine, past_runs = selectors.course_with_runs(
            course_pk=pk, user=request.user, coordinator=viewer.is_coordinator
        )
    except Course.DoesNotExist as exc:
        raise Http404(_("There is no such course.")) from exc
    now = timezone.now()
    open_to_viewer = course.is_open_to(is_resident=viewer.is_resident, is_staff=viewer.is_staff)
    for run in runs:
        run.mine = mine.get(run.pk)
        run.is_open = not run.cancelled and run.starts_at is not None and run.starts_at > now
        run.can_enrol = run.is_open and open_to_viewer and run.mine is None
        run.teaching = viewer.is_coordinator or any(
            s.teacher_id == request.user.pk for s in run.sessions.all()
        )
    return render(
        request,
        "school/course_detail.html",
        {
            "course": course,
            "runs": runs,
            "past_runs": past_runs,
            "viewer": viewer,
            "open_to_viewer": open_to_viewer,
        },
    )


@login_required
@require_POST
def run_enroll(request, pk):
    run, _viewer = get_run_for_learner(request, pk)
    try:
        enrollment = services.enrollment_create(learner=request.user, run=run)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("school:course-detail", run.course_id)
    course = run.course.display_title
    if enrollment.status == Enrollment.Status.ENROLLED:
        messages.success(
            request,
            _("You are enrolled in %(course)s. You get an email the day before each session.")
            % {"course": course},
        )
    else:
        position = selectors.waitlist_position(enrollment)
        messages.info(
            request,
            _(
                "This group is full. You are number %(position)s on the waiting list. "
                "When a place becomes free, you get it and we email you."
            )
            % {"position": position},
        )
    return redirect("school:my-courses")


@login_required
@require_safe
def my_courses(request):
    viewer = require_learner(request)
    enrollments = selectors.my_enrollments(user=request.user)
    by_status = {status: [] for status in Enrollment.Status.values}
    for enrollment in enrollments:
        by_status[enrollment.status].append(enrollment)
    return render(
        request,
        "school/enrollment_list.html",
        {
            "enrolled": by_status[Enrollment.Status.ENROLLED],
            "waiting": by_status[Enrollment.Status.WAITLISTED],
            "completed": by_status[Enrollment.Status.COMPLETED],
            "calendar_token": CalendarToken.objects.filter(user=request.user).first(),
            "teaches": viewer.is_coordinator or selectors.teaches_anything(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def enrollment_withdraw(request, pk):
    """Ask first (GET), then withdraw (POST): a place given up is given to someone else."""
    enrollment = get_own_enrollment(request, pk)
    if request.method == "POST":
        try:
            services.enrollment_withdraw(enrollment=enrollment)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("You have withdrawn from %(course)s.")
                % {"course": enrollment.run.course.display_title},
            )
        return redirect("school:my-courses")
    return render(request, "school/enrollment_withdraw.html", {"enrollment": enrollment})
