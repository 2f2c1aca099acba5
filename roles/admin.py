from django.contrib import admin

from porous.admin_tables import LargeTable

from .models import Application, Contribution, Invitation, Opening, Role


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["name", "category", "grade", "eligibility", "vog_required", "is_active"]
    list_filter = ["category", "grade", "eligibility", "vog_required", "is_active"]
    list_select_related = ["eligible_complex"]
    search_fields = ["name", "name_en", "description"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["eligible_complex"]
    filter_horizontal = ["talents"]


@admin.register(Opening)
class OpeningAdmin(admin.ModelAdmin):
    list_display = ["role", "complex", "neighbourhood", "places", "coordinator", "is_open"]
    list_filter = ["is_open", "role__category", "role__grade", "neighbourhood"]
    list_select_related = ["role", "complex", "neighbourhood", "coordinator"]
    search_fields = ["role__name", "complex__name", "neighbourhood__name"]
    raw_id_fields = ["coordinator", "complex"]


@admin.register(Application)
class ApplicationAdmin(LargeTable, admin.ModelAdmin):
    list_display = ["resident", "opening", "status", "created_at", "started_on", "ended_on"]
    list_filter = ["status", "opening__role"]
    list_select_related = ["resident__user", "opening__role"]
    search_fields = ["resident__user__full_name", "resident__user__email", "opening__role__name"]
    raw_id_fields = ["resident", "opening", "decided_by"]
    date_hierarchy = "created_at"


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["resident", "opening", "status", "invited_by", "created_at"]
    list_filter = ["status"]
    list_select_related = ["resident__user", "opening__role", "invited_by"]
    search_fields = ["resident__user__full_name", "opening__role__name"]
    raw_id_fields = ["resident", "opening", "invited_by", "application"]


@admin.register(Contribution)
class ContributionAdmin(LargeTable, admin.ModelAdmin):
    list_display = ["application", "date", "hours", "status", "decided_by"]
    list_filter = ["status"]
    list_select_related = ["application__resident__user", "application__opening__role"]
    search_fields = ["application__resident__user__full_name", "description"]
    raw_id_fields = ["application", "decided_by"]
    date_hierarchy = "date"
