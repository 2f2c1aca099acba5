from django.urls import path  # noqa: F401

# The public verification pages live at /certificaat/<code>/, outside the school's prefix.
app_name = "certificates"

urlpatterns = []
