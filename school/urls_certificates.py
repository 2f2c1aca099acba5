from django.urls import path

from porous import converters  # noqa: F401 - registers <token:>

from . import views

# The public verification pages live at /certificaat/<code>/, outside the school's prefix.
app_name = "certificates"

urlpatterns = [
    path("", views.certificate_lookup, name="certificate-lookup"),
    path("<token:code>/", views.certificate_verify, name="certificate-verify"),
]
