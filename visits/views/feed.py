"""The private calendar feed of one's visits. No login: calendar apps cannot log in, so the
secret token in the URL (shared with the school's feed) is the key."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from school.models import CalendarToken

from ..ics import feed_visits, visits_calendar
from ..weeks import local_today


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
        body = visits_calendar(
            feed_visits(user, local_today()), name=_("Home visits – Mijn woningbouw")
        )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="huisbezoeken.ics"'
    response["Cache-Control"] = "private, max-age=0"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
