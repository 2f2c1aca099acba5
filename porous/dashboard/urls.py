from django.urls import path

from . import views

app_name = "dashboard"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("csv/<slug:block>/", views.block_csv, name="block-csv"),
    path("mijn-overzicht/", views.my_record, name="my-record"),
]
