from django.contrib import admin

from .models import Role


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["name", "category", "grade", "eligibility", "vog_required", "is_active"]
    list_filter = ["category", "grade", "eligibility", "vog_required", "is_active"]
    list_select_related = ["eligible_complex"]
    search_fields = ["name", "name_en", "description"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["eligible_complex"]
