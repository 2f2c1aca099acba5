from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("", views.privacy, name="privacy"),
    path("mijn-gegevens/", views.my_data, name="my-data"),
    path("mijn-gegevens/download/", views.my_data_download, name="my-data-download"),
    path("account-verwijderen/", views.account_delete, name="account-delete"),
]
