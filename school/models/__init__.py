from .calendar import CalendarToken
from .courses import Course, CourseRun, CourseSession
from .enrollments import Attendance, Certificate, Enrollment

__all__ = [
    "Attendance",
    "CalendarToken",
    "Certificate",
    "Course",
    "CourseRun",
    "CourseSession",
    "Enrollment",
]
