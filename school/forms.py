from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Course


class CatalogueFilterForm(forms.Form):
    """The catalogue's filters, sent with GET; every field may stay empty."""

    track = forms.ChoiceField(
        label=_("Track"), choices=[("", _("All tracks")), *Course.Track.choices], required=False
    )
    audience = forms.ChoiceField(
        label=_("For whom"),
        choices=[
            ("", _("Everyone")),
            (Course.Audience.RESIDENTS, _("Residents")),
            (Course.Audience.STAFF, _("Staff")),
        ],
        required=False,
    )
    date_from = forms.DateField(
        label=_("Starts on or after"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = forms.DateField(
        label=_("Starts on or before"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    free_only = forms.BooleanField(label=_("Only groups with free places"), required=False)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("This date is before the first date."))
        return cleaned

    @property
    def is_filtering(self):
        return self.is_bound and any(self.data.get(name) for name in self.fields)


class AttendanceForm(forms.Form):
    """Tick who was there. The choices are the learners holding a place in the run."""

    present = forms.TypedMultipleChoiceField(
        label=_("Who was there?"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, roll, **kwargs):
        super().__init__(*args, **kwargs)
        self.roll = {enrollment.pk: enrollment for enrollment in roll}
        self.fields["present"].choices = [(e.pk, e.learner.full_name) for e in roll]
        if not self.is_bound:
            self.initial["present"] = [e.pk for e in roll if e.present]

    def present_enrollments(self):
        return [self.roll[pk] for pk in self.cleaned_data["present"]]


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the certificate revoked?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_("Only administrators see the reason. The public page only says: revoked."),
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise ValidationError(_("Give a reason for revoking the certificate."))
        return reason
