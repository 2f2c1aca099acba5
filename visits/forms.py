"""Forms of the visit pages. They check the input's shape; the services check the rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tenants.models import Talent

from .models import FollowUp, Visit
from .services import FollowUpInput
from .services.requests import FEEDBACK_MAX, TOPIC_MAX
from .services.visits import NOTES_MAX

SCORES = [(str(n), str(n)) for n in range(1, 11)]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class HouseholdSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Address or postcode"),
        max_length=100,
        help_text=_("For example: 3521 AB 12, or Kanaalweg 12."),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )


class VisitPlanForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of visit"), choices=Visit.Kind.choices)
    planned_for = forms.DateField(label=_("Date"), widget=DateInput)


def _score_field(label, *, empty_label, help_text=""):
    # Radio buttons, drawn as a row of big buttons: one tap on a phone.
    return forms.TypedChoiceField(
        label=label,
        choices=[*SCORES, ("", empty_label)],
        widget=forms.RadioSelect(attrs={"class": "btn-check"}),
        coerce=int,
        empty_value=None,
        required=False,
        help_text=help_text,
        error_messages={"invalid_choice": _("Choose a number from 1 to 10.")},
    )


class VisitLogForm(forms.Form):
    """At the door, on a phone: a few taps and, if needed, a few words."""

    outcome = forms.ChoiceField(
        label=_("What happened?"),
        choices=Visit.Outcome.choices,
        widget=forms.RadioSelect(attrs={"class": "btn-check"}),
        error_messages={"required": _("Choose what happened.")},
    )
    visited_on = forms.DateField(label=_("Date of the visit"), widget=DateInput)
    satisfaction = _score_field(
        _("How satisfied is the resident with their home and the corporation? (1–10)"),
        empty_label=_("Not asked"),
        help_text=_("Only when you spoke to someone. 10 is very satisfied."),
    )
    notes = forms.CharField(
        label=_("What came up?"),
        required=False,
        max_length=NOTES_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Short and factual. No medical or other sensitive details. "
            "Only you, your manager and a few colleagues with permission can read this."
        ),
    )
    # Follow-ups: one optional text per kind; a filled-in text makes a follow-up.
    follow_up_maintenance = forms.CharField(
        label=FollowUp.Kind.MAINTENANCE.label, required=False, max_length=1000
    )
    follow_up_referral = forms.CharField(
        label=FollowUp.Kind.REFERRAL.label, required=False, max_length=1000
    )
    follow_up_form_help = forms.CharField(
        label=FollowUp.Kind.FORM_HELP.label, required=False, max_length=1000
    )
    follow_up_gift = forms.CharField(
        label=FollowUp.Kind.GIFT.label, required=False, max_length=1000
    )
    follow_up_talent_signal = forms.CharField(
        label=_("Wants to help with …"),
        required=False,
        max_length=1000,
        help_text=_(
            "A talent signal. If someone here has an account, they get an invitation to "
            "matching roles; otherwise the neighbourhood coordinator gets a task."
        ),
    )
    talent = forms.ModelChoiceField(
        label=_("Talent (optional)"),
        queryset=Talent.objects.order_by("name"),
        required=False,
        empty_label=_("None of these"),
    )

    FOLLOW_UP_FIELDS = {
        FollowUp.Kind.MAINTENANCE: "follow_up_maintenance",
        FollowUp.Kind.REFERRAL: "follow_up_referral",
        FollowUp.Kind.FORM_HELP: "follow_up_form_help",
        FollowUp.Kind.GIFT: "follow_up_gift",
        FollowUp.Kind.TALENT_SIGNAL: "follow_up_talent_signal",
    }

    def follow_up_fields(self):
        return [self[name] for name in self.FOLLOW_UP_FIELDS.values()]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("talent") and not cleaned.get("follow_up_talent_signal"):
            cleaned["follow_up_talent_signal"] = str(cleaned["talent"])
        return cleaned

    def follow_ups(self):
        """The follow-ups filled in, for the visit_log service."""
        data = self.cleaned_data
        items = []
        for kind, name in self.FOLLOW_UP_FIELDS.items():
            text = (data.get(name) or "").strip()
            if text:
                talent = data.get("talent") if kind == FollowUp.Kind.TALENT_SIGNAL else None
                items.append(FollowUpInput(kind=kind, description=text, talent=talent))
        return items


class FollowUpCloseForm(forms.Form):
    note = forms.CharField(
        label=_("What was done?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write in a few words what was done.")},
    )


class VisitRequestForm(forms.Form):
    topic = forms.CharField(
        label=_("What would you like to talk about?"),
        max_length=TOPIC_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example: noise from the neighbours, damp in the bedroom, or an idea."),
        error_messages={"required": _("Write in a few words what you would like to talk about.")},
    )


class VisitFeedbackForm(forms.Form):
    score = _score_field(
        _("What score do you give the visit? (1–10)"),
        empty_label=_("I'd rather not say"),
        help_text=_("10 is very good."),
    )
    feedback = forms.CharField(
        label=_("Anything you want to tell us?"),
        required=False,
        max_length=FEEDBACK_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
