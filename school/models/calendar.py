import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def calendar_token_new():
    return secrets.token_urlsafe(32)


class CalendarToken(models.Model):
    """The secret in a person's private calendar feed URL. Calendar apps cannot log in, so
    whoever has the URL sees the feed: a new token makes the old URL stop working.

    Generic on purpose: every app with dates for a person (school sessions, planned visits)
    adds its events to the same feed.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="calendar_token",
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=calendar_token_new)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("calendar link")
        verbose_name_plural = _("calendar links")
        ordering = ["-created_at"]

    def __str__(self):
        return str(self.user)
