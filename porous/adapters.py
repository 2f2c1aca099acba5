from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user.full_name = form.cleaned_data.get("full_name", "").strip()
        # Emails are later sent in the language the person signed up in.
        user.language = (translation.get_language() or "nl")[:2]
        return super().save_user(request, user, form, commit=commit)

    def get_login_redirect_url(self, request):
        # Employees with the weekly visit duty start on "Mijn week"; everyone else on the
        # matrix (or where they were going, which allauth handles before calling this).
        user = request.user
        if user.has_visit_duty and user.has_perm("visits.add_visit"):
            return reverse("visits:my-week")
        return super().get_login_redirect_url(request)
