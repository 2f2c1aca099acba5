"""Admin for the visits app.

Visit notes are not shown in the admin at all: reading them goes through the visit page,
where every read by someone other than the author is recorded. The admin links there.
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from porous.admin_tables import LargeTable

from .models import FollowUp, NeighbourhoodCoordinator, NoteAccess, Visit, VisitRequest
from .services.reach import refresh_household


class FollowUpInline(admin.TabularInline):
    model = FollowUp
    extra = 0
    fields = ["kind", "description", "owner", "due_on", "closed_at", "invitations_sent"]
    raw_id_fields = ["owner"]
    readonly_fields = ["invitations_sent"]
    show_change_link = True


@admin.register(Visit)
class VisitAdmin(LargeTable, admin.ModelAdmin):
    list_display = [
        "pk",
        "planned_for",
        "visited_on",
        "employee",
        "household",
        "kind",
        "status",
        "outcome",
        "satisfaction",
        "notes_erased_at",
    ]
    # A date filter, not date_hierarchy: the hierarchy's list of years read every visit on each
    # page (a full scan of 140,000 rows, 50 ms); the filter's choices ask the database nothing.
    list_filter = [
        "planned_for",
        "status",
        "outcome",
        "kind",
        ("notes_erased_at", admin.EmptyFieldListFilter),
    ]
    list_select_related = ["employee", "household"]
    search_fields = ["=pk", "household__contract_number", "employee__email", "employee__full_name"]
    raw_id_fields = ["household", "employee", "request"]
    exclude = ["notes"]
    readonly_fields = ["notes_link", "created_at", "logged_at", "notes_erased_at"]
    inlines = [FollowUpInline]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)  # save() refreshes the new household
        if change and "household" in form.changed_data:
            # The household it was moved from may have lost its only reached visit.
            refresh_household(form.initial["household"])

    @admin.display(description=_("notes"))
    def notes_link(self, obj):
        if obj.pk is None:
            return "–"
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>',
            reverse("visits:visit-detail", args=[obj.pk]),
            _("Read on the visit page (the read is recorded)"),
            reverse("admin:visits_noteaccess_changelist") + f"?visit__id__exact={obj.pk}",
            _("who read them"),
        )


@admin.register(FollowUp)
class FollowUpAdmin(LargeTable, admin.ModelAdmin):
    list_display = ["pk", "kind", "owner", "due_on", "closed_at", "visit", "invitations_sent"]
    list_filter = ["kind", ("closed_at", admin.EmptyFieldListFilter), "due_on"]
    list_select_related = ["owner", "visit"]
    search_fields = ["=visit__pk", "owner__email", "owner__full_name", "description"]
    raw_id_fields = ["visit", "owner", "talent"]


@admin.register(VisitRequest)
class VisitRequestAdmin(LargeTable, admin.ModelAdmin):
    list_display = ["pk", "household", "resident", "status", "created_at", "feedback_score"]
    list_filter = ["status", "created_at"]
    list_select_related = ["household", "resident__user"]
    search_fields = ["household__contract_number", "resident__user__email", "topic"]
    raw_id_fields = ["household", "resident"]
    date_hierarchy = "created_at"


@admin.register(NoteAccess)
class NoteAccessAdmin(LargeTable, admin.ModelAdmin):
    """The read log: who read which visit's notes, when. Nobody can change or delete it."""

    list_display = ["at", "user", "visit"]
    list_filter = [
        ("user", admin.RelatedOnlyFieldListFilter),
        "at",
        ("visit__employee", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["user", "visit"]
    search_fields = ["=visit__id", "user__email", "user__full_name"]

    def lookup_allowed(self, lookup, value, request=None):
        # The visit page links here with ?visit__id__exact=<pk>.
        return lookup == "visit__id__exact" or super().lookup_allowed(lookup, value, request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(NeighbourhoodCoordinator)
class NeighbourhoodCoordinatorAdmin(admin.ModelAdmin):
    list_display = ["neighbourhood", "coordinator"]
    list_select_related = ["neighbourhood", "coordinator"]
    search_fields = ["neighbourhood__name", "coordinator__email", "coordinator__full_name"]
    raw_id_fields = ["coordinator"]
