"""The visit reminders with a frozen clock: every sweep takes `now`, so a test can play the beat
schedule hour by hour across weeks and across the change to and from summer time."""

import datetime
import threading
import zoneinfo
from collections import Counter

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection

from porous.models import Reminder
from porous.reminders import reminders_send_due
from tests.factories import StaffFactory, TeamFactory, UserFactory
from tests.factories_visits import FollowUpFactory, LoggedVisitFactory, VisitFactory
from visits import services
from visits.services import reminders as sweeps
from visits.weeks import local_datetime

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)


def beat(now, *, twice=True):
    """What the beat schedules of migration 0003 start at this (UTC) hour, in Amsterdam time;
    each sweep run twice, as a retried or doubled task would."""
    local = now.astimezone(AMSTERDAM)
    due = []
    if local.minute == 0:
        if local.weekday() == 0 and local.hour == 8:
            due.append(services.reminders_nothing_planned)
        if local.weekday() == 0 and local.hour == 9:
            due.append(services.reminders_manager_missed_weeks)
        if local.weekday() == 4 and local.hour == 12:
            due.append(services.reminders_not_logged)
        if local.hour == 7:
            due += [services.reminders_day_before, services.reminders_follow_ups_overdue]
    for sweep in due:
        for _ in range(2 if twice else 1):
            sweep(now=now)
    reminders_send_due(now=now)
    reminders_send_due(now=now)


def play(start, end):
    """Every hour from start to end (UTC steps, so the clock change neither skips nor repeats
    one)."""
    now = start.astimezone(datetime.UTC)
    while now < end:
        beat(now)
        now += HOUR


def keys(kind, recipient):
    return sorted(
        Reminder.objects.filter(kind=kind, recipient=recipient).values_list("key", flat=True)
    )


@pytest.fixture
def cast(db):
    """Ann has duty and plans nothing; Bob plans a Wednesday visit and does not log it;
    Carl has made no visits for weeks, in Mona's team; Ann has an overdue follow-up."""
    mona = StaffFactory(full_name="Mona Manager", has_visit_duty=False)
    team = TeamFactory(manager=mona)
    joined = local_datetime(datetime.date(2025, 1, 1))
    people = {
        "ann": StaffFactory(full_name="Ann", date_joined=joined),
        "bob": StaffFactory(full_name="Bob", date_joined=joined),
        "carl": StaffFactory(full_name="Carl", team=team, date_joined=joined),
        "mona": mona,
        "idle": StaffFactory(full_name="No duty", has_visit_duty=False),
        "gone": StaffFactory(full_name="Left", is_active=False),
        "resident": UserFactory(has_visit_duty=True),  # not an employee
    }
    return people


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("start", "change", "mondays"),
    [
        # Summer time starts on Sunday 29 March 2026, ends on Sunday 25 October 2026.
        (datetime.date(2026, 3, 26), datetime.date(2026, 3, 29), ["2026-W14", "2026-W15"]),
        (datetime.date(2026, 10, 22), datetime.date(2026, 10, 25), ["2026-W44", "2026-W45"]),
    ],
)
def test_a_fortnight_across_the_clock_change_sends_each_reminder_exactly_once(
    cast, start, change, mondays
):
    wednesday = change + 3 * DAY
    visit = VisitFactory(employee=cast["bob"], planned_for=wednesday)
    follow_up = FollowUpFactory(
        owner=cast["ann"], visit__employee=cast["ann"], due_on=start - DAY, visit__planned_for=start
    )
    play(local_datetime(start), local_datetime(start + 12 * DAY))

    # Nothing planned: Monday mornings, for who had nothing that week.
    assert keys(sweeps.NOTHING_PLANNED, cast["ann"]) == mondays
    assert keys(sweeps.NOTHING_PLANNED, cast["bob"]) == mondays[1:]  # planned in the first
    assert keys(sweeps.NOTHING_PLANNED, cast["carl"]) == mondays
    for person in ("mona", "idle", "gone", "resident"):
        assert keys(sweeps.NOTHING_PLANNED, cast[person]) == []
    # The day before, and Friday noon when not logged: once for the visit.
    assert keys(sweeps.DAY_BEFORE, cast["bob"]) == [f"visit:{visit.pk}"]
    assert keys(sweeps.NOT_LOGGED, cast["bob"]) == [f"visit:{visit.pk}"]
    # Carl missed two weeks in a row before each Monday: his manager hears, once a week.
    assert keys(sweeps.MANAGER_MISSED, cast["mona"]) == [
        f"{cast['carl'].pk}:{key}" for key in mondays
    ]
    # Overdue follow-ups: one reminder a day, on each of the 12 days.
    assert len(keys(sweeps.FOLLOW_UP_OVERDUE, cast["ann"])) == 12
    assert follow_up.pk

    # Every row was sent exactly once (each sweep ran twice), and every mail is one row.
    assert not Reminder.objects.filter(sent_at__isnull=True).exists()
    assert not Reminder.objects.exclude(attempts=1).exists()
    assert len(mail.outbox) == Reminder.objects.filter(skipped=False).count()
    per_kind = Counter(m.subject for m in mail.outbox if m.to == [cast["bob"].email])
    assert per_kind == {
        f"Tomorrow: home visit at {visit.household.dwelling}": 1,
        "Your home visit is not logged yet": 1,
        "Plan your home visit for this week": 1,
    }


@pytest.mark.django_db
def test_reminders_are_sent_at_the_local_hour_in_summer_and_winter(cast):
    for monday in (datetime.date(2026, 3, 30), datetime.date(2026, 11, 2)):
        services.reminders_nothing_planned(now=local_datetime(monday, 8))
        reminder = Reminder.objects.get(recipient=cast["ann"], kind=sweeps.NOTHING_PLANNED)
        assert reminder.due_at.astimezone(AMSTERDAM).hour == 8
        Reminder.objects.all().delete()
    # Sunday 23:30 in Amsterdam is still last week, Monday 00:30 already the new one.
    services.reminders_nothing_planned(now=local_datetime(datetime.date(2026, 3, 29), 23, 30))
    services.reminders_nothing_planned(now=local_datetime(datetime.date(2026, 3, 30), 0, 30))
    assert keys(sweeps.NOTHING_PLANNED, cast["ann"]) == ["2026-W13", "2026-W14"]


@pytest.mark.django_db
def test_a_reminder_that_is_no_longer_needed_is_skipped(cast):
    monday = datetime.date(2026, 11, 23)
    now = local_datetime(monday, 8)
    services.reminders_nothing_planned(now=now)
    VisitFactory(employee=cast["ann"], planned_for=monday + 2 * DAY)  # she plans before it goes

    visit = VisitFactory(employee=cast["bob"], planned_for=monday)
    services.reminders_not_logged(now=now)
    LoggedVisitFactory(employee=cast["carl"], planned_for=monday - DAY)  # a late log
    services.reminders_manager_missed_weeks(now=now)
    follow_up = FollowUpFactory(owner=cast["bob"], due_on=monday - DAY)
    services.reminders_follow_ups_overdue(now=now)
    services.follow_up_close(follow_up=follow_up, by=cast["bob"], note="Gedaan")
    services.visit_log(
        visit=visit, by=cast["bob"], outcome="nobody_home", visited_on=monday, now=now
    )

    reminders_send_due(now=now)
    assert [m.to[0] for m in mail.outbox] == [cast["carl"].email]  # only Carl's own Monday mail
    assert Reminder.objects.filter(skipped=True).count() == 4


@pytest.mark.django_db
def test_emails_are_in_the_recipients_language_and_link_to_the_page(cast):
    cast["bob"].language = "en"
    cast["bob"].save()
    cast["ann"].language = "nl"
    cast["ann"].save()
    wednesday = datetime.date(2026, 11, 25)
    english = VisitFactory(employee=cast["bob"], planned_for=wednesday)
    dutch = VisitFactory(employee=cast["ann"], planned_for=wednesday)
    services.reminders_day_before(now=local_datetime(wednesday - DAY, 7))
    reminders_send_due(now=local_datetime(wednesday - DAY, 7))
    by_person = {m.to[0]: m for m in mail.outbox}
    bob, ann = by_person[cast["bob"].email], by_person[cast["ann"].email]
    assert "Tomorrow, Wednesday 25 November, you visit" in bob.body
    assert "woensdag 25 november" in ann.body
    site = settings.SITE_URL.rstrip("/")
    assert f"{site}/bezoeken/{english.pk}/verslag/" in bob.body
    assert f"{site}/bezoeken/{dutch.pk}/verslag/" in ann.body


@pytest.mark.django_db
def test_the_overdue_email_lists_the_follow_ups_and_links_to_the_list(cast):
    today = datetime.date(2026, 11, 25)
    FollowUpFactory(owner=cast["ann"], due_on=today - 2 * DAY, kind="referral")
    FollowUpFactory(owner=cast["ann"], due_on=today + DAY)  # not overdue
    now = local_datetime(today, 7)
    services.reminders_follow_ups_overdue(now=now)
    reminders_send_due(now=now)
    (message,) = mail.outbox
    assert "Referral to another desk" in message.body
    assert message.body.count("\n- ") == 1
    assert f"{settings.SITE_URL.rstrip('/')}/bezoeken/opvolgacties/" in message.body


@pytest.mark.django_db
def test_the_manager_email_names_the_employee_and_links_to_the_team(cast):
    now = local_datetime(datetime.date(2026, 11, 23), 9)
    services.reminders_manager_missed_weeks(now=now)
    reminders_send_due(now=now)
    (message,) = mail.outbox
    assert message.to == [cast["mona"].email]
    assert message.subject == "Carl made no home visit for two weeks"
    assert "2026-W46 and 2026-W47" in message.body
    assert "/bezoeken/team/" in message.body


@pytest.mark.django_db
def test_a_newcomer_is_not_reported_to_the_manager(cast):
    monday = datetime.date(2026, 11, 23)
    StaffFactory(team=cast["carl"].team, date_joined=local_datetime(monday - 10 * DAY))
    services.reminders_manager_missed_weeks(now=local_datetime(monday, 9))
    assert Reminder.objects.filter(kind=sweeps.MANAGER_MISSED).count() == 1  # Carl only


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_running_the_sweeps_at_once_send_nothing_extra(migration_data):
    employees = StaffFactory.create_batch(15)
    monday = datetime.date(2026, 11, 23)
    for employee in employees[:5]:
        VisitFactory(employee=employee, planned_for=monday + DAY)
    barrier = threading.Barrier(2)
    errors = []

    def worker(now):
        barrier.wait()
        try:
            services.reminders_nothing_planned(now=now)
            services.reminders_day_before(now=now)
            reminders_send_due(now=now)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    now = local_datetime(monday, 8)
    threads = [threading.Thread(target=worker, args=(now,)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert Reminder.objects.filter(kind=sweeps.NOTHING_PLANNED).count() == 10
    assert Reminder.objects.filter(kind=sweeps.DAY_BEFORE).count() == 5
    assert len(mail.outbox) == 15
    assert len({(m.to[0], m.subject) for m in mail.outbox}) == 15
