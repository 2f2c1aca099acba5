"""Every form of ours, fed hostile input: validation errors only, never an exception or a 500,
and an invalid submission saves nothing.

A new form class must be added to TARGETS (the first test compares the list with the forms
found in the code), with how to build it and the page that uses it."""

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django import forms
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from hypothesis import given

from porous.dashboard.forms import DashboardFilterForm
from porous.forms import AdminUserChangeForm, AdminUserCreationForm
from porous.models import User
from porous.privacy.forms import AccountDeleteForm
from rewards.admin import GrantAddForm
from rewards.forms import GrantDecisionForm
from roles.forms import (
    ApplicationForm,
    ContributionDecisionForm,
    ContributionForm,
    DecisionForm,
    InvitationForm,
)
from school import selectors as school_selectors
from school.admin import CertificateAddForm, CourseRunForm, EnrollmentAddForm
from school.forms import AttendanceForm, CatalogueFilterForm, RevokeForm
from school.views.certificates import CodeForm
from tenants.forms import ProfileForm, SignupForm
from tenants.models import Resident
from visits.forms import (
    FollowUpCloseForm,
    HouseholdSearchForm,
    VisitFeedbackForm,
    VisitLogForm,
    VisitPlanForm,
    VisitRequestForm,
)

from .fuzz import (
    FUZZ,
    FUZZ_PAGES,
    as_query_dict,
    assert_errors_are_messages,
    form_data,
    our_form_classes,
    rolled_back,
    snapshot,
)
from .fuzz_world import World, build_world


@dataclass(frozen=True)
class Page:
    """Where a form is used: who may use it, how it is sent, and fixed extra fields."""

    user: Callable[[World], User | None]
    url: Callable[[World], str]
    method: str = "post"
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Target:
    form: type[forms.BaseForm]
    page: Page
    # Builds the form as its view does; the default is form(data).
    build: Callable[[World, QueryDict | None], forms.BaseForm] | None = None

    def make(self, world: World, data: QueryDict | None) -> forms.BaseForm:
        return self.build(world, data) if self.build else self.form(data)

    def __str__(self) -> str:
        return self.form.__name__


def admin_add(model: str) -> Callable[[World], str]:
    return lambda w: reverse(f"admin:{model.replace('.', '_')}_add")


def superuser(w):
    return w.superuser


TARGETS = [
    Target(
        AdminUserCreationForm,
        Page(superuser, admin_add("porous.user")),
    ),
    Target(
        AdminUserChangeForm,
        Page(superuser, lambda w: reverse("admin:porous_user_change", args=[w.tenant.user.pk])),
        build=lambda w, data: AdminUserChangeForm(
            data, instance=User.objects.get(pk=w.tenant.user.pk)
        ),
    ),
    Target(
        DashboardFilterForm,
        Page(lambda w: w.manager, lambda w: reverse("dashboard:dashboard"), method="get"),
        build=lambda w, data: DashboardFilterForm(
            data if data is not None else QueryDict(), today=timezone.localdate()
        ),
    ),
    Target(SignupForm, Page(lambda w: None, lambda w: reverse("account_signup"))),
    Target(
        AccountDeleteForm,
        Page(lambda w: w.tenant.user, lambda w: reverse("privacy:account-delete")),
        build=lambda w, data: AccountDeleteForm(data, user=w.tenant.user),
    ),
    Target(
        ProfileForm,
        Page(lambda w: w.tenant.user, lambda w: reverse("tenants:profile-edit")),
        build=lambda w, data: ProfileForm(data, instance=Resident.objects.get(pk=w.tenant.pk)),
    ),
    Target(
        CodeForm,
        Page(lambda w: None, lambda w: reverse("certificates:certificate-lookup"), method="get"),
    ),
    Target(
        CatalogueFilterForm,
        Page(lambda w: w.tenant.user, lambda w: reverse("school:course-list"), method="get"),
    ),
    Target(
        AttendanceForm,
        Page(
            lambda w: w.employee,
            lambda w: reverse("school:session-attendance", args=[w.session.pk]),
        ),
        build=lambda w, data: AttendanceForm(
            data, roll=school_selectors.session_roll(session=w.session)
        ),
    ),
    Target(
        RevokeForm,
        Page(
            superuser,
            lambda w: reverse("admin:school_certificate_changelist"),
            extra={"action": "revoke_selected", "apply": "1"},
        ),
    ),
    Target(
        GrantDecisionForm,
        Page(lambda w: w.coordinator, lambda w: reverse("rewards:grant-bulk-decide")),
    ),
    Target(
        ApplicationForm,
        Page(
            lambda w: w.newcomer.user,
            lambda w: reverse("roles:application-create", args=[w.opening.pk]),
        ),
    ),
    Target(
        DecisionForm,
        Page(
            lambda w: w.coordinator,
            lambda w: reverse("roles:application-decide", args=[w.pending.pk]),
        ),
    ),
    Target(
        ContributionForm,
        Page(
            lambda w: w.tenant.user,
            lambda w: reverse("roles:contribution-create", args=[w.holding.pk]),
        ),
    ),
    Target(
        ContributionDecisionForm,
        Page(
            lambda w: w.coordinator,
            lambda w: reverse("roles:contribution-decide", args=[w.contribution.pk]),
        ),
    ),
    Target(
        InvitationForm,
        Page(lambda w: w.coordinator, lambda w: reverse("roles:invitation-create")),
    ),
    Target(
        HouseholdSearchForm,
        Page(lambda w: w.employee, lambda w: reverse("visits:household-search"), method="get"),
    ),
    Target(
        VisitPlanForm,
        Page(
            lambda w: w.employee,
            lambda w: reverse("visits:visit-plan", args=[w.newcomer.household_id]),
        ),
    ),
    Target(
        VisitLogForm,
        Page(lambda w: w.employee, lambda w: reverse("visits:visit-log", args=[w.visit.pk])),
    ),
    Target(
        FollowUpCloseForm,
        Page(
            lambda w: w.employee,
            lambda w: reverse("visits:followup-close", args=[w.followup.pk]),
        ),
    ),
    Target(
        VisitRequestForm,
        Page(lambda w: w.newcomer.user, lambda w: reverse("visits:request-create")),
    ),
    Target(
        VisitFeedbackForm,
        Page(
            lambda w: w.tenant.user,
            lambda w: reverse("visits:request-feedback", args=[w.visit_request.pk]),
        ),
    ),
    Target(CourseRunForm, Page(superuser, admin_add("school.courserun"))),
    Target(EnrollmentAddForm, Page(superuser, admin_add("school.enrollment"))),
    Target(CertificateAddForm, Page(superuser, admin_add("school.certificate"))),
    Target(GrantAddForm, Page(superuser, admin_add("rewards.grant"))),
]


def test_every_form_is_fuzzed():
    assert {target.form for target in TARGETS} == our_form_classes()
    assert len({target.form for target in TARGETS}) == len(TARGETS)


@pytest.mark.django_db
@pytest.mark.parametrize("target", TARGETS, ids=str)
def test_a_form_answers_any_input_with_messages(target):
    world = build_world()
    fields = target.make(world, None)

    @FUZZ
    @given(data=form_data(fields))
    def check(data):
        with rolled_back():
            form = target.make(world, as_query_dict(data))
            if form.is_valid():
                assert not form.errors
            else:
                assert_errors_are_messages(form)

    check()


def _extra(target: Target, world: World) -> dict:
    extra = dict(target.page.extra)
    if target.form is RevokeForm:
        extra[ACTION_CHECKBOX_NAME] = str(world.certificate.pk)
    return extra


@pytest.mark.django_db
@pytest.mark.parametrize("target", TARGETS, ids=str)
def test_a_form_page_never_fails_and_an_invalid_form_saves_nothing(client, settings, target):
    # allauth's sign-up limit would answer 429 after a few examples and hide the form.
    settings.ACCOUNT_RATE_LIMITS = False
    world = build_world()
    user = target.page.user(world)
    if user is not None:
        client.force_login(user)
    url = target.page.url(world)
    send = getattr(client, target.page.method)
    extra = _extra(target, world)

    # Every example is rolled back, so each starts from this same database.
    before = snapshot()

    @FUZZ_PAGES
    @given(data=form_data(target.make(world, None)))
    def check(data):
        with rolled_back():
            valid = target.make(world, as_query_dict(data)).is_valid()
            response = send(url, {**data, **extra})
            assert response.status_code < 500
            if target.page.method == "get" or not valid or response.status_code != 302:
                assert snapshot() == before

    check()
