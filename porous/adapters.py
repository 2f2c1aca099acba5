from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user.full_name = form.cleaned_data.get("full_name", "").strip()
        # Emails are later sent in the language the person signed up in.
        user.language = (translation.get_language() or "nl")[:2]
        return super().save_user(request, user, form, commit=commit)
