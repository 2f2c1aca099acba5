from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from porous.notify import absolute_url, notify_user

from ..ladder import application_blockers, role_status
from ..models import Application, Invitation, Opening
from ..selectors import resident_history
from .applications import application_submit

# A talent signal invites to at most this many openings, so the email stays short.
MAX_INVITATIONS_PER_SIGNAL = 3


@transaction.atomic
def invitation_create(*, opening, resident, invited_by, message=""):
    if not opening.is_open:
        raise ValidationError(_("This opening is closed."), code="closed")
    if Application.objects.filter(
        resident=resident, opening=opening, status__in=Application.OPEN_STATUSES
    ).exists():
        raise ValidationError(
            _("%(name)s has already applied for this opening.") % {"name": resident},
            code="duplicate",
        )
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(
                opening=opening, resident=resident, invited_by=invited_by, message=message
            )
    except IntegrityError as exc:
        raise ValidationError(
            _("%(name)s already has an open invitation for this opening.") % {"name": resident},
            code="duplicate",
        ) from exc
    role = opening.role
    notify_user(
        resident.user,
        lambda: (
            _("Would you like to be %(role)s?") % {"role": role.display_name},
            _(
                "%(inviter)s invites you to help as %(role)s (%(scope)s).\n\n%(message)s\n\n"
                "Say yes or no with one click: %(url)s"
            )
            % {
                "inviter": invited_by,
                "role": role.display_name,
                "scope": opening.scope_label,
                "message": message,
                "url": absolute_url(reverse("roles:invitation-detail", args=[invitation.pk])),
            },
        ),
    )
    return invitation


def matching_openings(*, resident, talent_text="", talent=None):
    """Open openings whose role fits the talent and that the resident may apply for."""
    words = [w for w in talent_text.lower().split() if len(w) > 3]
    match = Q(role__talents=talent) if talent else Q(pk__in=[])
    for word in words:
        match |= Q(role__name__icontains=word) | Q(role__talents__name__icontains=word)
    candidates = (
        Opening.objects.open()
        .filter(match)
        .select_related("role", "role__eligible_complex")
        .prefetch_related("role__required_courses")
        .distinct()
        .order_by("role__grade", "pk")
    )
    history = resident_history(resident)
    today = timezone.localdate()
    return [
        opening
        for opening in candidates
        if not application_blockers(role_status(opening.role, history, today=today))
    ]


def invitation_create_for_talent(
    *, resident, talent_text="", talent=None, invited_by, source_visit=None
):
    """A talent signal from a home visit: invite the resident to fitting openings."""
    invitations = []
    for opening in matching_openings(resident=resident, talent_text=talent_text, talent=talent):
        if len(invitations) == MAX_INVITATIONS_PER_SIGNAL:
            break
        message = _("At your home you said you would like to help with: %(talent)s.") % {
            "talent": talent_text or talent
        }
        try:
            invitations.append(
                invitation_create(
                    opening=opening, resident=resident, invited_by=invited_by, message=message
                )
            )
        except ValidationError:
            continue  # already applied or invited: nothing to add
    return invitations


@transaction.atomic
def invitation_accept(*, invitation, motivation=""):
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status != Invitation.Status.SENT:
        raise ValidationError(_("You have already answered this invitation."), code="answered")
    application = application_submit(
        resident=invitation.resident,
        opening=invitation.opening,
        motivation=motivation or _("Invited by %(name)s.") % {"name": invitation.invited_by},
    )
    invitation.status = Invitation.Status.ACCEPTED
    invitation.answered_at = timezone.now()
    invitation.application = application
    invitation.save()
    return invitation


@transaction.atomic
def invitation_decline(*, invitation):
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status != Invitation.Status.SENT:
        raise ValidationError(_("You have already answered this invitation."), code="answered")
    invitation.status = Invitation.Status.DECLINED
    invitation.answered_at = timezone.now()
    invitation.save()
    return invitation
