from .calendar import calendar_feed, calendar_token_reset
from .catalogue import course_detail, course_list, enrollment_withdraw, my_courses, run_enroll
from .certificates import certificate_lookup, certificate_pdf_download, certificate_verify
from .teaching import enrollment_complete, run_detail, session_attendance, teacher_sessions

__all__ = [
    "calendar_feed",
    "calendar_token_reset",
    "certificate_lookup",
    "certificate_pdf_download",
    "certificate_verify",
    "course_detail",
    "course_list",
    "enrollment_complete",
    "enrollment_withdraw",
    "my_courses",
    "run_detail",
    "run_enroll",
    "session_attendance",
    "teacher_sessions",
]
