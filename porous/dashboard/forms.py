"""The dashboard's filter form: a plain GET form, so every view of the numbers has a link."""

import datetime
import html

from django import forms
from django.forms.utils import flatatt
from django.utils.choices import BaseChoiceIterator
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from porous.models import Team
from porous.text import natural_key
from roles.models import Category, Grade
from tenants.models import Neighbourhood

from .filters import Filters, default_period

# Longer periods make little sense on one page and make the school and visit counts slow.
MAX_PERIOD_DAYS = 5 * 366


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class QuickSelect(forms.Select):
    """A select whose options are written here in one go. Django's Select renders a template
    for every option: for the 167 teams of a large corporation that took longer than most
    blocks' SQL. Same markup, without option groups (these lists have none)."""

    def render(self, name, value, attrs=None, renderer=None):
        final = {**self.build_attrs(self.attrs, attrs), "name": name}
        chosen = set(self.format_value(value))
        options = []
        for option, label in self.choices:
            option = str(option)
            selected = " selected" if option in chosen else ""
            # The standard library's escape, as format_html's but without its handling of
            # lazy text: str() has done that (a hundred-odd options, per page).
            options.append(
                f'<option value="{html.escape(option)}"{selected}>{html.escape(str(label))}'
                "</option>"
            )
        markup = SafeString("".join(options))  # nosec B703: each option escaped above
        return format_html("<select{}>{}</select>", flatatt(final), markup)


class NamedOptions(BaseChoiceIterator):
    """A model choice field's options read as (pk, name) rows when the select is drawn. The
    field's own choices make a model of every team, fetched in chunks, for its options.
    In the order people read names ("Team 2" before "Team 10"), as in the dashboard's tables.
    (A BaseChoiceIterator, so that Django takes it as it is and does not read it early.)"""

    def __init__(self, field):
        self.field = field

    def __iter__(self):
        yield "", self.field.empty_label
        rows = self.field.queryset.order_by().values_list("pk", "name")
        yield from sorted(rows, key=lambda row: (natural_key(row[1]), row[0]))


class DashboardFilterForm(forms.Form):
    start = forms.DateField(label=_("From"), required=False, widget=DateInput())
    end = forms.DateField(label=_("Up to and including"), required=False, widget=DateInput())
    neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood"),
        queryset=Neighbourhood.objects.order_by("name"),
        required=False,
        empty_label=_("All neighbourhoods"),
        widget=QuickSelect,
    )
    team = forms.ModelChoiceField(
        label=_("Team"),
        queryset=Team.objects.order_by("name"),
        required=False,
        empty_label=_("All teams"),
        widget=QuickSelect,
    )
    category = forms.ChoiceField(
        label=_("Role category"),
        choices=[("", _("All categories")), *Category.choices],
        required=False,
        widget=QuickSelect,
    )
    grade = forms.TypedChoiceField(
        label=_("Grade"),
        choices=[("", _("All grades")), *Grade.choices],
        coerce=int,
        empty_value=None,
        required=False,
        widget=QuickSelect,
    )

    def __init__(self, data, *, today: datetime.date, **kwargs):
        self.today = today
        start, end = default_period(today)
        # Missing dates mean the default period; the form shows it filled in.
        data = data.copy()
        for name, value in (("start", start), ("end", end)):
            if not data.get(name):
                data[name] = value.isoformat()
        super().__init__(data, **kwargs)
        for name in ("neighbourhood", "team"):
            self.fields[name].widget.choices = NamedOptions(self.fields[name])

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if end > self.today:
                self.add_error(
                    "end",
                    _("The period cannot end after today (%(today)s).")
                    % {"today": date_format(self.today, "j F Y")},
                )
            if start > end:
                self.add_error("start", _("The start of the period must be before its end."))
            elif (end - start).days > MAX_PERIOD_DAYS:
                self.add_error("start", _("Choose a period of at most five years."))
        return cleaned

    def filters(self) -> Filters:
        """Only after is_valid()."""
        data = self.cleaned_data
        return Filters(
            start=data["start"],
            end=data["end"],
            neighbourhood=data["neighbourhood"],
            team=data["team"],
            category=data["category"] or "",
            grade=data["grade"],
            today=self.today,
        )
