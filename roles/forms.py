from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Application, Contribution, Opening


class ApplicationForm(forms.ModelForm):
    class Meta:
        model = Application
        fields = ["motivation", "availability"]
        widgets = {"motivation": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "motivation": _("A few sentences are enough. What would you like to do?"),
            "availability": _("For example: Tuesday evening and Saturday morning."),
        }


class DecisionForm(forms.Form):
    ACTIONS = [
        ("accept", _("Accept")),
        ("waitlist", _("Waiting list")),
        ("decline", _("Decline")),
    ]
    action = forms.ChoiceField(choices=ACTIONS, widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Reason (sent to the resident when you decline)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ContributionForm(forms.ModelForm):
    class Meta:
        model = Contribution
        fields = ["date", "hours", "description"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "hours": forms.NumberInput(attrs={"step": "0.25", "min": "0.25", "max": "24"}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].initial = timezone.localdate()


class ContributionDecisionForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("reject", _("Reject"))], widget=forms.HiddenInput
    )
    note = forms.CharField(
        label=_("Reason (when you reject)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class InvitationForm(forms.Form):
    opening = forms.ModelChoiceField(
        label=_("Opening"),
        queryset=Opening.objects.none(),
    )
    email = forms.EmailField(
        label=_("Email address of the resident"),
        help_text=_("The resident must have an account."),
    )
    message = forms.CharField(
        label=_("Personal message"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opening"].queryset = Opening.objects.open().select_related(
            "role", "complex", "neighbourhood"
        )
