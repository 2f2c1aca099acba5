from django.urls import path

from porous import converters  # noqa: F401 - registers <token:>

from . import views

app_name = "visits"

urlpatterns = [
    path("", views.my_week, name="my-week"),
    path("huishoudens/", views.household_search, name="household-search"),
    path("huishoudens/<int:household_pk>/plannen/", views.visit_plan, name="visit-plan"),
    path("<int:pk>/", views.visit_detail, name="visit-detail"),
    path("<int:pk>/verslag/", views.visit_log, name="visit-log"),
    path("opvolgacties/", views.followup_list, name="followup-list"),
    path("opvolgacties/<int:pk>/afsluiten/", views.followup_close, name="followup-close"),
    path("team/", views.team_overview, name="team-overview"),
    path("kom-binnen/", views.request_list, name="request-list"),
    path("kom-binnen/vragen/", views.request_create, name="request-create"),
    path("kom-binnen/<int:pk>/reactie/", views.request_feedback, name="request-feedback"),
    path("agenda/<token:token>.ics", views.calendar_feed, name="calendar-feed"),
]
