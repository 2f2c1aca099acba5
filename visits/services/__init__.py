"""Services of the visits app; see each module. Views, tasks and other apps import from here."""

from .followups import coordinator_for, follow_up_close, talent_signal_route
from .reach import repair_reached
from .reminders import (
    reminders_day_before,
    reminders_follow_ups_overdue,
    reminders_manager_missed_weeks,
    reminders_not_logged,
    reminders_nothing_planned,
)
from .requests import visit_request_create, visit_request_feedback
from .retention import visit_notes_erase_expired
from .visits import FollowUpInput, visit_log, visit_notes_read, visit_plan

__all__ = [
    "FollowUpInput",
    "coordinator_for",
    "follow_up_close",
    "reminders_day_before",
    "reminders_follow_ups_overdue",
    "reminders_manager_missed_weeks",
    "reminders_not_logged",
    "reminders_nothing_planned",
    "repair_reached",
    "talent_signal_route",
    "visit_log",
    "visit_notes_erase_expired",
    "visit_notes_read",
    "visit_plan",
    "visit_request_create",
    "visit_request_feedback",
]
