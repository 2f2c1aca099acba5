from django.urls import path

from . import views, views_coordinator, views_invitations

app_name = "roles"

urlpatterns = [
    path("mijn-ladder/", views.my_ladder, name="my-ladder"),
    path("mijn-aanmeldingen/", views.my_applications, name="my-applications"),
    path("plek/<int:opening_pk>/aanmelden/", views.application_create, name="application-create"),
    path(
        "aanmelding/<int:pk>/intrekken/",
        views.application_withdraw,
        name="application-withdraw",
    ),
    path("aanmelding/<int:pk>/plek-aannemen/", views.offer_accept, name="offer-accept"),
    path("aanmelding/<int:pk>/stoppen/", views.assignment_end, name="assignment-end"),
    path("aanmelding/<int:pk>/uren/", views.contribution_create, name="contribution-create"),
    path("uitnodiging/<int:pk>/", views_invitations.invitation_detail, name="invitation-detail"),
    path(
        "coordinator/",
        views_coordinator.coordinator_applications,
        name="coordinator-applications",
    ),
    path(
        "coordinator/aanmelding/<int:pk>/besluit/",
        views_coordinator.application_decide,
        name="application-decide",
    ),
    path(
        "coordinator/aanmelding/<int:pk>/beeindigen/",
        views_coordinator.holder_end,
        name="holder-end",
    ),
    path(
        "coordinator/uren/<int:pk>/besluit/",
        views_coordinator.contribution_decide,
        name="contribution-decide",
    ),
    path("coordinator/uitnodigen/", views_coordinator.invitation_create, name="invitation-create"),
    path("<slug:slug>/", views.role_detail, name="role-detail"),
]
