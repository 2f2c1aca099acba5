from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Grant


class GrantDecisionForm(forms.Form):
    """The approval list's one form: tick grants, then approve or reject them all."""

    APPROVE, REJECT = "approve", "reject"

    grants = forms.ModelMultipleChoiceField(
        label=_("Rewards"),
        # Any grant, not only proposed ones: a second click on the same form must not fail
        # validation; the view skips the grants that were decided in the meantime.
        queryset=Grant.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick at least one reward.")},
    )
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[(APPROVE, _("Approve")), (REJECT, _("Reject"))]
    )
    reason = forms.CharField(
        label=_("Reason for rejecting"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed when you reject. The resident reads it."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == self.REJECT and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Say why, so the resident understands."))
        return cleaned
