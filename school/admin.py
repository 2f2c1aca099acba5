"""Admin for the school. Changes that have rules (places, the waiting list, completion,
certificates) go through the services, also here."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from porous.admin_tables import LargeTable

from . import services
from .forms import RevokeForm
from .models import (
    Attendance,
    CalendarToken,
    Certificate,
    Course,
    CourseRun,
    CourseSession,
    Enrollment,
)
from .reminders import session_reminders_schedule


class CourseRunInline(admin.TabularInline):
    model = CourseRun
    fields = ["name", "places", "required_sessions", "cancelled"]
    extra = 0
    show_change_link = True


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["title", "track", "audience", "intensity", "hours", "is_published"]
    list_filter = ["track", "audience", "intensity", "is_published"]
    search_fields = ["title", "title_en"]
    raw_id_fields = ["teachers"]
    inlines = [CourseRunInline]


class CourseSessionInline(admin.TabularInline):
    model = CourseSession
    fields = ["start", "end", "place", "teacher", "cancelled"]
    raw_id_fields = ["teacher"]
    extra = 1


class CourseRunForm(forms.ModelForm):
    class Meta:
        model = CourseRun
        fields = ["course", "name", "places", "required_sessions", "cancelled"]

    def clean_places(self):
        places = self.cleaned_data["places"]
        if self.instance.pk:
            taken = Enrollment.objects.filter(run=self.instance).holding_place().count()
            if places is not None and places < taken:
                raise ValidationError(
                    _("%(taken)s people already hold a place. Places cannot be fewer.")
                    % {"taken": taken}
                )
        return places


@admin.register(CourseRun)
class CourseRunAdmin(LargeTable, admin.ModelAdmin):
    form = CourseRunForm
    list_display = ["__str__", "course", "name", "places", "taken", "starts_at", "cancelled"]
    list_filter = ["cancelled", "course__track"]
    list_select_related = ["course"]
    search_fields = ["name", "course__title"]
    raw_id_fields = ["course"]
    inlines = [CourseSessionInline]

    def get_queryset(self, request):
        return super().get_queryset(request).with_schedule()

    @admin.display(description=gettext_lazy("places taken"))
    def taken(self, run):
        return run.taken

    @admin.display(description=gettext_lazy("starts"), ordering="starts_at")
    def starts_at(self, run):
        return run.starts_at

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # New or moved sessions get their reminders; more places go to the waiting list.
        for session in form.instance.sessions.filter(cancelled=False):
            session_reminders_schedule(session=session)
        services.waitlist_promote(run=form.instance)


@admin.register(CourseSession)
class CourseSessionAdmin(LargeTable, admin.ModelAdmin):
    list_display = ["__str__", "start", "end", "place", "teacher", "cancelled"]
    list_filter = ["cancelled", "run__course__track"]
    list_select_related = ["run__course", "teacher"]
    search_fields = ["place", "run__course__title", "teacher__full_name"]
    raw_id_fields = ["run", "teacher"]
    date_hierarchy = "start"

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        session_reminders_schedule(session=obj)


class EnrollmentAddForm(forms.ModelForm):
    """A coordinator may place someone by hand, but not beyond the places of the run."""

    status = forms.ChoiceField(
        label=gettext_lazy("status"),
        choices=[
            (Enrollment.Status.ENROLLED, Enrollment.Status.ENROLLED.label),
            (Enrollment.Status.WAITLISTED, Enrollment.Status.WAITLISTED.label),
        ],
    )

    class Meta:
        model = Enrollment
        fields = ["learner", "run", "status"]

    def clean(self):
        cleaned = super().clean()
        run, learner = cleaned.get("run"), cleaned.get("learner")
        if run and learner:
            if Enrollment.objects.active().filter(run=run, learner=learner).exists():
                raise ValidationError(_("This person is already in this course run."))
            taken = Enrollment.objects.filter(run=run).holding_place().count()
            if cleaned.get("status") == Enrollment.Status.ENROLLED and taken >= run.places:
                raise ValidationError(
                    _("This group is full. Put the person on the waiting list instead.")
                )
        return cleaned


@admin.register(Enrollment)
class EnrollmentAdmin(LargeTable, admin.ModelAdmin):
    list_display = ["learner", "run", "status", "created_at", "completed_at"]
    list_filter = ["status", "run__course__track", "run__course"]
    list_select_related = ["learner", "run__course"]
    search_fields = ["learner__full_name", "learner__email", "run__course__title"]
    raw_id_fields = ["learner", "run", "completed_by"]
    date_hierarchy = "created_at"
    actions = ["withdraw_selected", "complete_selected"]

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = EnrollmentAddForm
        return super().get_form(request, obj, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["learner", "run", "status"]
        return super().get_fields(request, obj)

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        # The status changes through the actions, which keep the rules of places.
        return ["learner", "run", "status", "withdrawn_at", "completed_at", "completed_by"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change and obj.holds_place:
            from .reminders import learner_reminders_schedule

            learner_reminders_schedule(enrollment=obj)

    def _apply(self, request, queryset, action, done):
        count = 0
        for enrollment in queryset.select_related("learner"):
            try:
                action(enrollment)
            except ValidationError as error:
                self.message_user(
                    request, f"{enrollment.learner}: {' '.join(error.messages)}", messages.ERROR
                )
            else:
                count += 1
        if count:
            self.message_user(request, done % {"count": count}, messages.SUCCESS)

    @admin.action(description=gettext_lazy("Withdraw (the waiting list moves up)"))
    def withdraw_selected(self, request, queryset):
        self._apply(
            request,
            queryset,
            lambda e: services.enrollment_withdraw(enrollment=e),
            _("%(count)s enrolments withdrawn."),
        )

    @admin.action(description=gettext_lazy("Mark as completed and issue the certificate"))
    def complete_selected(self, request, queryset):
        self._apply(
            request,
            queryset,
            lambda e: services.enrollment_complete(enrollment=e, by=request.user),
            _("%(count)s enrolments completed."),
        )


@admin.register(Attendance)
class AttendanceAdmin(LargeTable, admin.ModelAdmin):
    list_display = ["enrollment", "session", "present", "registered_by", "registered_at"]
    list_filter = ["present"]
    list_select_related = ["enrollment__learner", "enrollment__run__course", "session__run__course"]
    search_fields = ["enrollment__learner__full_name", "session__run__course__title"]
    raw_id_fields = ["enrollment", "session", "registered_by"]


class CertificateAddForm(forms.ModelForm):
    """Issue a certificate by hand, for a completed enrolment that has none."""

    class Meta:
        model = Certificate
        fields = ["enrollment"]

    def clean_enrollment(self):
        enrollment = self.cleaned_data["enrollment"]
        if enrollment.status != Enrollment.Status.COMPLETED:
            raise ValidationError(
                _("A certificate is only for a completed course. This enrolment is not completed.")
            )
        if Certificate.objects.filter(enrollment=enrollment).exists():
            raise ValidationError(_("This enrolment already has a certificate."))
        return enrollment


@admin.register(Certificate)
class CertificateAdmin(LargeTable, admin.ModelAdmin):
    list_display = ["learner_name", "course_title", "completed_on", "code", "is_revoked"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter), "completed_on"]
    list_select_related = ["enrollment"]
    search_fields = ["learner_name", "course_title", "code"]
    raw_id_fields = ["enrollment", "issued_by", "revoked_by"]
    date_hierarchy = "issued_at"
    actions = ["revoke_selected"]
    readonly_fields = [
        "enrollment",
        "code",
        "learner_name",
        "course_title",
        "hours",
        "completed_on",
        "issued_at",
        "issued_by",
        "revoked_at",
        "revoked_reason",
        "revoked_by",
    ]

    @admin.display(boolean=True, description=gettext_lazy("revoked"))
    def is_revoked(self, certificate):
        return certificate.is_revoked

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = CertificateAddForm
        return super().get_form(request, obj, **kwargs)

    def get_fields(self, request, obj=None):
        return ["enrollment"] if obj is None else self.readonly_fields

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else self.readonly_fields

    def save_model(self, request, obj, form, change):
        if change:
            return
        issued = services.certificate_issue(enrollment=obj.enrollment, by=request.user)
        for field in Certificate._meta.concrete_fields:
            setattr(obj, field.attname, getattr(issued, field.attname))
        obj._state.adding = False

    @admin.action(description=gettext_lazy("Revoke the selected certificates"))
    def revoke_selected(self, request, queryset):
        form = RevokeForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            revoked = 0
            for certificate in queryset.filter(revoked_at__isnull=True):
                services.certificate_revoke(
                    certificate=certificate, reason=form.cleaned_data["reason"], by=request.user
                )
                revoked += 1
            self.message_user(
                request, _("%(count)s certificates revoked.") % {"count": revoked}, messages.SUCCESS
            )
            return None
        return TemplateResponse(
            request,
            "school/admin/certificate_revoke.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Revoke certificates"),
                "certificates": queryset,
                "form": form,
                "opts": self.model._meta,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )


@admin.register(CalendarToken)
class CalendarTokenAdmin(admin.ModelAdmin):
    list_display = ["user", "created_at"]
    list_select_related = ["user"]
    search_fields = ["user__full_name", "user__email"]
    raw_id_fields = ["user"]
    readonly_fields = ["token", "created_at"]
