"""Who may do what at the school. Each view starts with one of these helpers:
404 for an object that is not yours, 403 when your role is too low."""

from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from porous.models import GroupName

from .models import Certificate, CourseRun, CourseSession, Enrollment


@dataclass(frozen=True)
class SchoolViewer:
    is_resident: bool = False
    is_staff: bool = False
    is_coordinator: bool = False

    @property
    def is_learner(self):
        return self.is_resident or self.is_staff


def school_viewer(user):
    """What the user is to the school; two queries, remembered on the user for the request."""
    if not user.is_authenticated:
        return SchoolViewer()
    cached = getattr(user, "_school_viewer", None)
    if cached is not None:
        return cached
    groups = set(user.groups.values_list("name", flat=True))
    try:
        # Loads the profile into the user's cache, so the menu's check costs nothing.
        is_resident = user.resident is not None
    except ObjectDoesNotExist:
        is_resident = False
    viewer = SchoolViewer(
        is_resident=is_resident,
        is_staff=user.is_superuser or bool(groups & set(GroupName.ALL)),
        is_coordinator=user.is_superuser or GroupName.COORDINATOR in groups,
    )
    user._school_viewer = viewer
    return viewer


def require_learner(request):
    """Residents (tenants, home seekers) and staff learn at the school; others get 403."""
    viewer = school_viewer(request.user)
    if not viewer.is_learner:
        raise PermissionDenied(_("Only residents and staff can take courses."))
    return viewer


def get_run_for_learner(request, pk):
    viewer = require_learner(request)
    run = get_object_or_404(
        CourseRun.objects.select_related("course").filter(course__is_published=True), pk=pk
    )
    return run, viewer


def get_own_enrollment(request, pk):
    return get_object_or_404(
        Enrollment.objects.select_related("run__course"), pk=pk, learner=request.user
    )


def teaches_run(user, run_id):
    return CourseSession.objects.filter(run_id=run_id, teacher=user).exists()


def teaching_runs(user):
    """An Exists() for querysets of runs: does the user teach a session in it?"""
    return Exists(CourseSession.objects.filter(run=OuterRef("pk"), teacher=user))


def get_session_for_teacher(request, pk):
    """The session's own teacher or a coordinator; anyone else gets 404."""
    session = get_object_or_404(
        CourseSession.objects.select_related("run__course", "teacher"), pk=pk
    )
    viewer = school_viewer(request.user)
    if not (viewer.is_coordinator or session.teacher_id == request.user.pk):
        raise Http404(_("This is not one of your sessions."))
    return session


def get_run_for_teacher(request, pk):
    """A teacher of any session of the run, or a coordinator; anyone else gets 404."""
    run = get_object_or_404(CourseRun.objects.select_related("course"), pk=pk)
    viewer = school_viewer(request.user)
    if not (viewer.is_coordinator or teaches_run(request.user, run.pk)):
        raise Http404(_("This is not one of your course runs."))
    return run


def get_enrollment_for_teacher(request, pk):
    enrollment = get_object_or_404(
        Enrollment.objects.select_related("run__course", "learner"), pk=pk
    )
    viewer = school_viewer(request.user)
    if not (viewer.is_coordinator or teaches_run(request.user, enrollment.run_id)):
        raise Http404(_("This is not one of your course runs."))
    return enrollment


def get_certificate_for_download(request, pk):
    """The learner's own certificate; a coordinator may fetch anyone's to send it on."""
    certificate = get_object_or_404(
        Certificate.objects.select_related("enrollment__run__course"), pk=pk
    )
    if certificate.enrollment.learner_id != request.user.pk:
        if not school_viewer(request.user).is_coordinator:
            raise Http404(_("This is not your certificate."))
    return certificate
