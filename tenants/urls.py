from django.urls import path

from . import views

app_name = "tenants"

urlpatterns = [
    path("", views.profile_detail, name="profile-detail"),
    path("wijzigen/", views.profile_edit, name="profile-edit"),
]
