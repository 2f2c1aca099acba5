from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from . import (
    converters,  # noqa: F401 - registers <token:>
    views,
)

# The admin logs in through allauth, so its rate limits and MFA apply there too; a logged-in
# user who is not staff gets a 403 instead of the admin's own password form.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = "Mijn woningbouw"
admin.site.site_title = "Mijn woningbouw"

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("", views.home, name="home"),
    path("kader/", views.floor, name="floor"),
    path("rollen/", include("roles.urls")),
    path("profiel/", include("tenants.urls")),
    path("school/", include("school.urls")),
    path("certificaat/", include("school.urls_certificates")),
    path("beloningen/", include("rewards.urls")),
    path("bezoeken/", include("visits.urls")),
    path("dashboard/", include("porous.dashboard.urls")),
    path("privacy/", include("porous.privacy.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
