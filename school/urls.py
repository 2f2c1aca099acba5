from django.urls import path

from porous import converters  # noqa: F401 - registers <token:>

from . import views

app_name = "school"

urlpatterns = [
    path("", views.course_list, name="course-list"),
    path("cursus/<int:pk>/", views.course_detail, name="course-detail"),
    path("groep/<int:pk>/inschrijven/", views.run_enroll, name="run-enroll"),
    path("groep/<int:pk>/", views.run_detail, name="run-detail"),
    path("mijn-cursussen/", views.my_courses, name="my-courses"),
    path(
        "inschrijving/<int:pk>/uitschrijven/",
        views.enrollment_withdraw,
        name="enrollment-withdraw",
    ),
    path("inschrijving/<int:pk>/afronden/", views.enrollment_complete, name="enrollment-complete"),
    path("mijn-lessen/", views.teacher_sessions, name="teacher-sessions"),
    path("les/<int:pk>/aanwezigheid/", views.session_attendance, name="session-attendance"),
    path(
        "certificaat/<int:pk>/download/",
        views.certificate_pdf_download,
        name="certificate-pdf",
    ),
    path("agenda/<token:token>.ics", views.calendar_feed, name="calendar-feed"),
    path("agenda/nieuwe-link/", views.calendar_token_reset, name="calendar-token-reset"),
]
