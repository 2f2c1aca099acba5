"""Staff reach no page before their login has a second step (an authenticator app)."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .mfa import lacks_required_totp

# Pages a member of staff without an authenticator app may still open: the account pages
# (log out, password, setting up the app itself) and the language switch. Static files never
# get here: WhiteNoise (and runserver's own handler) answer them before any view.
ALLOWED_URL_NAME_PREFIXES = ("account_", "mfa_")
ALLOWED_URL_NAMES = {"set_language"}


class StaffMFAMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.STAFF_MFA_REQUIRED or not request.user.is_authenticated:
            return None
        name = request.resolver_match.url_name or ""
        if name in ALLOWED_URL_NAMES or name.startswith(ALLOWED_URL_NAME_PREFIXES):
            return None
        if not lacks_required_totp(request.user):
            return None
        messages.warning(
            request,
            _(
                "Your account can open staff pages. That is why you log in with two steps: "
                "your password and a code from an app on your phone. Set up the app first."
            ),
        )
        return redirect("mfa_activate_totp")
