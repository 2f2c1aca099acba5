from auditlog.admin import LogEntryAdmin as AuditlogLogEntryAdmin
from auditlog.models import LogEntry as AuditLogEntry
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .admin_tables import LargeTable
from .forms import AdminUserChangeForm, AdminUserCreationForm
from .models import GroupName, Reminder, Team, User
from .privacy.erase import account_erase
from .privacy.export import personal_data_json


class LimitedGroupsMixin:
    """For administrators who are not superusers: they put staff in the employee, coordinator
    and manager groups, but only a superuser gives or takes away the groups that hand out
    power over the admin or over board seats."""

    RESERVED = (GroupName.ADMINISTRATOR, GroupName.TENANTS_ORGANISATION)

    def clean_groups(self):
        chosen = self.cleaned_data["groups"]
        before = set()
        if self.instance.pk:
            before = set(self.instance.groups.values_list("name", flat=True))
        changed = (before ^ {group.name for group in chosen}) & set(self.RESERVED)
        if changed:
            raise ValidationError(
                _("Only a superuser can give or take away these groups: %(groups)s.")
                % {"groups": ", ".join(sorted(changed))},
                code="reserved_group",
            )
        return chosen


@admin.register(User)
class UserAdmin(LargeTable, DjangoUserAdmin):
    """Administrators create employees here; residents sign up themselves."""

    add_form = AdminUserCreationForm
    form = AdminUserChangeForm
    ordering = ["email"]
    list_display = ["email", "full_name", "team", "has_visit_duty", "is_staff", "is_active"]
    list_filter = ["is_staff", "is_active", "has_visit_duty", "groups", "team"]
    list_select_related = ["team"]
    search_fields = ["email", "full_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Person"), {"fields": ["full_name", "language"]}),
        (_("Work"), {"fields": ["team", "has_visit_duty"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["email", "full_name", "usable_password", "password1", "password2"],
            },
        )
    ]
    readonly_fields = ["last_login", "date_joined"]
    actions = ["export_personal_data", "erase_accounts"]

    def get_readonly_fields(self, request, obj=None):
        """Only superusers make superusers or hand out single permissions (such as reading
        every visit's notes): otherwise an administrator could give them to themselves."""
        fields = super().get_readonly_fields(request, obj)
        if request.user.is_superuser:
            return fields
        return [*fields, "is_superuser", "user_permissions"]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if request.user.is_superuser or "groups" not in form.base_fields:
            return form
        return type("LimitedUserChangeForm", (LimitedGroupsMixin, form), {})

    @admin.action(description=_("Download all their data (AVG request)"))
    def export_personal_data(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, _("Choose exactly one person."), messages.ERROR)
            return None
        user = queryset.get()
        self.log_change(request, user, "Downloaded all their data (AVG request)")
        response = HttpResponse(
            personal_data_json(user), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="gegevens-{user.pk}.json"'
        response["Cache-Control"] = "private, no-store"
        return response

    @admin.action(description=_("Erase their accounts (AVG request)"))
    def erase_accounts(self, request, queryset):
        """Asks for confirmation first, like Django's own delete action."""
        users = list(queryset.exclude(pk=request.user.pk))
        if request.POST.get("confirm") == "yes":
            for user in users:
                account_erase(user=user)
                user.refresh_from_db()  # the history keeps the erased name, not the old one
                self.log_change(request, user, "Erased on request (AVG)")
            self.message_user(
                request,
                ngettext("%(n)d account erased.", "%(n)d accounts erased.", len(users))
                % {"n": len(users)},
                messages.SUCCESS,
            )
            return None
        return TemplateResponse(
            request,
            "admin/porous/user/erase_confirmation.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Erase accounts"),
                "users": users,
                "opts": self.model._meta,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            },
        )


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "manager"]
    list_select_related = ["manager"]
    search_fields = ["name"]
    raw_id_fields = ["manager"]


@admin.register(Reminder)
class ReminderAdmin(LargeTable, admin.ModelAdmin):
    list_display = ["kind", "key", "recipient", "due_at", "sent_at", "skipped", "attempts"]
    # A date filter, not date_hierarchy, whose list of years reads every row (2,000 a week).
    list_filter = ["due_at", "kind", "skipped", ("sent_at", admin.EmptyFieldListFilter)]
    list_select_related = ["recipient"]
    search_fields = ["kind", "key", "recipient__email"]
    raw_id_fields = ["recipient"]
    # A mail's text (a decline reason, an invitation's message) is only for its recipient.
    exclude = ["subject", "body"]


# auditlog's own admin searches first_name and last_name, which our User does not have.
admin.site.unregister(AuditLogEntry)


@admin.register(AuditLogEntry)
class AuditLogEntryAdmin(LargeTable, AuditlogLogEntryAdmin):
    """Changes to visits, grants, role decisions, openings and permissions: who and when."""

    list_filter = [
        "action",
        ("content_type", admin.RelatedOnlyFieldListFilter),
        ("actor", admin.RelatedOnlyFieldListFilter),
        "timestamp",
    ]
    search_fields = ["object_repr", "actor__email", "actor__full_name"]
