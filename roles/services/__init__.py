"""Services of the roles app; see each module. Imported from here by views and other apps."""

from .applications import (
    application_accept,
    application_decline,
    application_submit,
    application_waitlist,
    application_withdraw,
    assignment_end,
    can_decide,
    offer_accept,
    waitlist_position,
)
from .contributions import contribution_approve, contribution_log, contribution_reject
from .invitations import (
    invitation_accept,
    invitation_create,
    invitation_create_for_talent,
    invitation_decline,
    matching_openings,
)

__all__ = [
    "application_accept",
    "application_decline",
    "application_submit",
    "application_waitlist",
    "application_withdraw",
    "assignment_end",
    "can_decide",
    "contribution_approve",
    "contribution_log",
    "contribution_reject",
    "invitation_accept",
    "invitation_create",
    "invitation_create_for_talent",
    "invitation_decline",
    "matching_openings",
    "offer_accept",
    "waitlist_position",
]
