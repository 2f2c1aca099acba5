from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from porous.admin_tables import LargeTable

from . import services
from .models import AllowanceLimit, Arrangement, Grant, Payout, first_of_month
from .money import format_euro

ADD_FIELDS = [
    "resident",
    "arrangement",
    "month",
    "work_date",
    "amount",
    "hours",
    "description",
    "reason",
]


@admin.register(Arrangement)
class ArrangementAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "kind",
        "unit",
        "amount_display",
        "budget_display",
        "spent_display",
        "active_from",
        "active_until",
    ]
    list_filter = ["kind", "unit"]
    search_fields = ["name", "description"]
    date_hierarchy = "active_from"

    def get_queryset(self, request):
        # What each arrangement spent this year, for the budget column: one query.
        year = timezone.localdate().year
        counted = ~Q(grants__status=Grant.Status.REJECTED) & Q(grants__month__year=year)
        return super().get_queryset(request).annotate(spent=Sum("grants__amount", filter=counted))

    @admin.display(description=_("default amount"), ordering="default_amount")
    def amount_display(self, obj):
        return format_euro(obj.default_amount) or "–"

    @admin.display(description=_("yearly budget"), ordering="yearly_budget")
    def budget_display(self, obj):
        return format_euro(obj.yearly_budget) or "–"

    @admin.display(description=_("spent this year"), ordering="spent")
    def spent_display(self, obj):
        return format_euro(obj.spent) or "–"


@admin.register(AllowanceLimit)
class AllowanceLimitAdmin(admin.ModelAdmin):
    """Administrators enter each new year here when the tax authority publishes it."""

    list_display = ["year", "hourly_21_and_over", "hourly_under_21", "monthly", "yearly"]
    search_fields = ["year"]
    list_filter = ["year"]


class GrantAddForm(forms.ModelForm):
    """Adding a grant in the admin goes through the service, so the tax rules and budgets
    hold here too; a refusal shows at the top of the form."""

    class Meta:
        model = Grant
        fields = ADD_FIELDS

    def clean_month(self):
        return first_of_month(self.cleaned_data["month"])

    def service_arguments(self):
        data = self.cleaned_data
        return {name: data.get(name) for name in ADD_FIELDS} | {
            "description": data.get("description") or "",
            "reason": data.get("reason") or "",
        }

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            try:
                services.grant_check(**self.service_arguments())
            except ValidationError as error:
                raise forms.ValidationError(error.messages) from error
        return cleaned


@admin.register(Grant)
class GrantAdmin(LargeTable, admin.ModelAdmin):
    """Grants are made and decided through the services, which keep the tax rules and
    budgets. Once made, only the texts can be corrected here; deciding happens in the portal."""

    list_display = ["resident", "arrangement", "month", "amount", "status", "decided_at"]
    list_filter = ["status", "kind", "arrangement"]
    list_select_related = ["resident__user", "arrangement"]
    search_fields = ["resident__user__full_name", "resident__user__email", "arrangement__name"]
    raw_id_fields = ["resident", "proposed_by", "decided_by", "payout"]
    date_hierarchy = "month"
    add_form = GrantAddForm
    readonly_fields = [
        "resident",
        "arrangement",
        "kind",
        "month",
        "work_date",
        "amount",
        "hours",
        "status",
        "proposed_by",
        "created_at",
        "decided_by",
        "decided_at",
        "payout",
        "paid_at",
    ]

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = self.add_form
        return super().get_form(request, obj, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is None:
            return ADD_FIELDS
        return [*self.readonly_fields, "description", "reason", "decision_note"]

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else self.readonly_fields

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        grant = services.grant_create(proposed_by=request.user, **form.service_arguments())
        # The admin carries on with `obj` (the message, the redirect): make it the new grant.
        obj.pk, obj.kind, obj._state.adding = grant.pk, grant.kind, False

    def has_delete_permission(self, request, obj=None):
        return False


class GrantInline(admin.TabularInline):
    model = Grant
    fields = ["resident", "arrangement", "month", "amount"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("resident__user", "arrangement")


@admin.register(Payout)
class PayoutAdmin(LargeTable, admin.ModelAdmin):
    list_display = ["__str__", "created_at", "created_by"]
    list_select_related = ["created_by"]
    search_fields = ["created_by__full_name", "created_by__email"]
    raw_id_fields = ["created_by"]
    readonly_fields = ["created_at", "created_by"]
    date_hierarchy = "created_at"
    inlines = [GrantInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
