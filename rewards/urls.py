from django.urls import path

from . import views

app_name = "rewards"

urlpatterns = [
    path("", views.my_rewards, name="my-rewards"),
    path("<int:pk>/", views.grant_detail, name="grant-detail"),
    path("goedkeuren/", views.grant_approve_list, name="grant-approve-list"),
    path("goedkeuren/besluit/", views.grant_bulk_decide, name="grant-bulk-decide"),
    path("uitbetalingen/", views.payout_list, name="payout-list"),
    path("uitbetalingen/nieuw/", views.payout_export, name="payout-export"),
    path("uitbetalingen/<int:pk>/", views.payout_download, name="payout-download"),
]
