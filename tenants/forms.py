from allauth.account.forms import SignupForm as AllauthSignupForm
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Fieldset, Layout
from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Resident
from .selectors import household_for_signup
from .services import resident_register_home_seeker, resident_register_tenant


class SignupForm(AllauthSignupForm):
    """Sign-up for residents: a tenant proves the tenancy, a home seeker gives the number."""

    full_name = forms.CharField(label=_("Your name"), max_length=150)
    kind = forms.ChoiceField(
        label=_("I am"),
        choices=Resident.Kind.choices,
        widget=forms.RadioSelect,
        initial=Resident.Kind.TENANT,
    )
    contract_number = forms.CharField(
        label=_("Contract number"),
        max_length=30,
        required=False,
        help_text=_("You find it at the top of your rental contract."),
    )
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=8,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )
    house_number = forms.IntegerField(
        label=_("House number"), required=False, min_value=1, max_value=99999
    )
    registration_number = forms.CharField(
        label=_("Registration number"),
        max_length=30,
        required=False,
        help_text=_("The number you got when you registered as a home seeker."),
    )
    birth_date = forms.DateField(
        label=_("Date of birth"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "autocomplete": "bday"}, format="%Y-%m-%d"),
        help_text=_("Optional. Some roles and allowances depend on your age."),
    )

    field_order = [
        "full_name",
        "email",
        "password1",
        "password2",
        "kind",
        "contract_number",
        "postcode",
        "house_number",
        "registration_number",
        "birth_date",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The tenant and home-seeker questions sit in their own groups; signup.js shows
        # only the group that fits the choice (without JavaScript both stay visible).
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            "full_name",
            "email",
            "password1",
            "password2",
            "kind",
            Div(
                Fieldset(_("Your home"), "contract_number", "postcode", "house_number"),
                css_id="tenant-fields",
            ),
            Div(Fieldset(_("Your registration"), "registration_number"), css_id="seeker-fields"),
            "birth_date",
        )

    def clean_birth_date(self):
        value = self.cleaned_data.get("birth_date")
        if value and value > timezone.localdate():
            raise ValidationError(_("Your date of birth cannot be in the future."))
        return value

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == Resident.Kind.TENANT:
            missing = [
                name
                for name in ("contract_number", "postcode", "house_number")
                if not cleaned.get(name)
            ]
            for name in missing:
                self.add_error(name, _("Fill this in to link your account to your home."))
            if not missing and not household_for_signup(
                contract_number=cleaned["contract_number"],
                postcode=cleaned["postcode"],
                house_number=cleaned["house_number"],
            ):
                raise ValidationError(
                    _(
                        "We cannot find a tenancy with this contract number, postcode and "
                        "house number. Check the numbers on your rental contract."
                    )
                )
        elif cleaned.get("kind") == Resident.Kind.HOME_SEEKER:
            number = (cleaned.get("registration_number") or "").strip().upper()
            if not number:
                self.add_error("registration_number", _("Enter your registration number."))
            elif Resident.objects.filter(registration_number=number).exists():
                self.add_error(
                    "registration_number",
                    _("This registration number already has an account. Log in instead."),
                )
        return cleaned

    def save(self, request):
        # The user and the resident profile are saved together or not at all.
        with transaction.atomic():
            user = super().save(request)
            data = self.cleaned_data
            if data["kind"] == Resident.Kind.TENANT:
                resident_register_tenant(
                    user=user,
                    contract_number=data["contract_number"],
                    postcode=data["postcode"],
                    house_number=data["house_number"],
                    birth_date=data.get("birth_date"),
                )
            else:
                resident_register_home_seeker(
                    user=user,
                    registration_number=data["registration_number"],
                    birth_date=data.get("birth_date"),
                )
        return user


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Resident
        fields = ["phone", "languages", "talents", "availability", "wants_to_help_with"]
        widgets = {
            "talents": forms.CheckboxSelectMultiple,
            "wants_to_help_with": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "languages": _("Which languages do you speak? For example: Dutch, Arabic."),
            "availability": _("When do you have time? For example: Tuesday evening."),
        }
