"""The private calendar feed (no login: calendar apps cannot log in; the token is the key)
and the button that makes a new link, which stops the old one."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from .. import selectors, services
from ..ics import Event, calendar
from ..models import CalendarToken
from ..reminders import portal_url


def _events(user, sessions):
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    for session in sessions:
        course = session.run.course
        teaching = session.teacher_id == user.pk
        if teaching:
            summary = _("Teaching: %(course)s") % {"course": course.display_title}
            url = portal_url(reverse("school:session-attendance", args=[session.pk]))
        else:
            summary = _("Course: %(course)s") % {"course": course.display_title}
            url = portal_url(reverse("school:course-detail", args=[course.pk]))
        teacher = session.teacher.full_name if session.teacher else _("to be announced")
        description = _("Huurdersschool, teacher: %(teacher)s") % {"teacher": teacher}
        yield Event(
            uid=f"school-session-{session.pk}@{host}",
            start=session.start,
            end=session.end,
            summary=summary,
            location=session.place,
            description=f"{description}\n{url}",
            url=url,
        )


@require_safe
def calendar_feed(request, token):
    calendar_token = (
        CalendarToken.objects.select_related("user")
        .filter(token=token, user__is_active=True)
        .first()
    )
    if calendar_token is None:
        raise Http404(_("This calendar link does not work (any more)."))
    user = calendar_token.user
    with translation.override(user.language or settings.LANGUAGE_CODE):
        sessions = selectors.calendar_sessions(user=user)
        body = calendar(_events(user, sessions), name=_("Mijn woningbouw"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="mijn-woningbouw.ics"'
    response["Cache-Control"] = "private, max-age=0"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@login_required
@require_POST
def calendar_token_reset(request):
    had_link = CalendarToken.objects.filter(user=request.user).exists()
    services.calendar_token_reset(user=request.user)
    if had_link:
        messages.success(request, _("You have a new calendar link. The old link no longer works."))
    else:
        messages.success(request, _("Your calendar link is ready."))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("school:my-courses")
    return redirect(target)
