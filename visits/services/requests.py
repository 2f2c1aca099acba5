""" "Kom binnen": residents ask for a visit, and say afterwards how it went."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import VisitRequest
from ..suggestions import forget_shared_suggestions
from ..weeks import local_today

TOPIC_MAX = 500
FEEDBACK_MAX = 1000


@transaction.atomic
def visit_request_create(*, resident, topic) -> VisitRequest:
    if resident.household_id is None:
        raise ValidationError(_("Only tenants can ask for a home visit."), code="no_household")
    topic = (topic or "").strip()
    if not topic:
        raise ValidationError(_("Write in a few words what you would like to talk about."))
    if len(topic) > TOPIC_MAX:
        raise ValidationError(
            _("Keep it short: at most %(max)s characters.") % {"max": TOPIC_MAX},
            code="topic_too_long",
        )
    try:
        with transaction.atomic():
            request = VisitRequest.objects.create(
                resident=resident, household_id=resident.household_id, topic=topic
            )
    except IntegrityError as exc:
        raise ValidationError(
            _(
                "Your household has already asked for a visit. We will come as soon as we "
                "can; you see here when it is planned."
            ),
            code="already_asked",
        ) from exc
    # Staff see the new request on their short list at once, not when the kept one expires.
    transaction.on_commit(lambda: forget_shared_suggestions(local_today()))
    return request


@transaction.atomic
def visit_request_feedback(*, request, resident, feedback="", score=None, now=None):
    """The resident's word after the visit: once, and only after it was done."""
    if request.resident_id != resident.pk:
        raise ValidationError(_("You can only react to your own request."), code="not_yours")
    feedback = (feedback or "").strip()
    if score is not None and not 1 <= score <= 10:
        raise ValidationError(_("Give a score from 1 to 10."), code="score")
    if not feedback and score is None:
        raise ValidationError(_("Give a score or write a few words."), code="empty")
    if len(feedback) > FEEDBACK_MAX:
        raise ValidationError(
            _("Keep it short: at most %(max)s characters.") % {"max": FEEDBACK_MAX},
            code="feedback_too_long",
        )
    if request.status != VisitRequest.Status.DONE:
        raise ValidationError(_("You can react once the visit has taken place."), code="not_done")
    updated = VisitRequest.objects.filter(
        pk=request.pk, status=VisitRequest.Status.DONE, feedback_at__isnull=True
    ).update(feedback=feedback, feedback_score=score, feedback_at=now or timezone.now())
    if not updated:
        raise ValidationError(_("You have already reacted to this visit. Thank you!"))
    request.refresh_from_db()
    return request
