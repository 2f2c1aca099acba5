from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .forms import AdminUserChangeForm, AdminUserCreationForm
from .models import Reminder, Team, User
from .paginators import EstimatedCountPaginator


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """Administrators create employees here; residents sign up themselves."""

    add_form = AdminUserCreationForm
    form = AdminUserChangeForm
    ordering = ["email"]
    list_display = ["email", "full_name", "team", "has_visit_duty", "is_staff", "is_active"]
    list_filter = ["is_staff", "is_active", "has_visit_duty", "groups", "team"]
    list_select_related = ["team"]
    search_fields = ["email", "full_name"]
    show_full_result_count = False
    paginator = EstimatedCountPaginator
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


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "manager"]
    list_select_related = ["manager"]
    search_fields = ["name"]
    raw_id_fields = ["manager"]


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["kind", "key", "recipient", "due_at", "sent_at", "skipped", "attempts"]
    list_filter = ["kind", "skipped", ("sent_at", admin.EmptyFieldListFilter)]
    list_select_related = ["recipient"]
    search_fields = ["kind", "key", "recipient__email"]
    raw_id_fields = ["recipient"]
    date_hierarchy = "due_at"
    show_full_result_count = False
    paginator = EstimatedCountPaginator
