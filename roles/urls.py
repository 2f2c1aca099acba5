from django.urls import path

from . import views

app_name = "roles"

urlpatterns = [
    path("<slug:slug>/", views.role_detail, name="role-detail"),
]
