from django.contrib import admin

from porous.admin_tables import LargeTable

from .models import Complex, Dwelling, Household, Neighbourhood, Resident, Talent


@admin.register(Neighbourhood)
class NeighbourhoodAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]


@admin.register(Complex)
class ComplexAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "neighbourhood"]
    list_filter = ["neighbourhood"]
    list_select_related = ["neighbourhood"]
    search_fields = ["code", "name"]


@admin.register(Dwelling)
class DwellingAdmin(LargeTable, admin.ModelAdmin):
    list_display = ["street", "house_number", "house_number_suffix", "postcode", "city", "complex"]
    list_filter = ["complex__neighbourhood"]
    list_select_related = ["complex"]
    search_fields = ["postcode", "street"]
    raw_id_fields = ["complex"]


@admin.register(Household)
class HouseholdAdmin(LargeTable, admin.ModelAdmin):
    list_display = [
        "contract_number",
        "dwelling",
        "tenancy_start",
        "tenancy_end",
        "main_tenant_birth_year",
        "persons",
    ]
    # A date filter, not date_hierarchy: the hierarchy's list of years read every household on
    # each page (a full scan of 100,000 rows); the filter's choices ask the database nothing.
    list_filter = ["tenancy_start", "neighbourhood"]
    list_select_related = ["dwelling"]
    search_fields = ["contract_number", "dwelling__postcode", "dwelling__street"]
    raw_id_fields = ["dwelling"]


@admin.register(Talent)
class TalentAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en"]
    search_fields = ["name", "name_en"]


@admin.register(Resident)
class ResidentAdmin(LargeTable, admin.ModelAdmin):
    list_display = ["user", "kind", "household", "registration_number", "birth_date"]
    list_filter = ["kind", "talents"]
    list_select_related = ["user", "household"]
    search_fields = ["user__full_name", "user__email", "registration_number"]
    raw_id_fields = ["user", "household"]
    filter_horizontal = ["talents"]
