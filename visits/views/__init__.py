from .employee import (
    followup_close,
    followup_list,
    household_search,
    my_week,
    team_overview,
    visit_detail,
    visit_log,
    visit_plan,
)
from .feed import calendar_feed
from .resident import request_create, request_feedback, request_list

__all__ = [
    "calendar_feed",
    "followup_close",
    "followup_list",
    "household_search",
    "my_week",
    "request_create",
    "request_feedback",
    "request_list",
    "team_overview",
    "visit_detail",
    "visit_log",
    "visit_plan",
]
