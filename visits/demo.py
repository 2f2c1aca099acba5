"""Demo data: two years of weekly home visits for the employees already in the database.

Realistic gaps (a reliability per employee, summer and Christmas holidays, sick leave), visit
requests from tenants with an account, follow-ups (most closed, a few overdue), talent signals,
this week's plans, and notes erased where they passed the retention period. Everything is
saved with bulk_create, one week at a time, so 2,000 employees × 104 weeks take minutes.
Called by the demo seed after the register and the staff exist.
"""

import datetime
import sys
from collections import defaultdict

from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from tqdm import tqdm

from porous.models import GroupName, Team, User
from tenants.models import Household, Neighbourhood, Resident, Talent

from . import demo_texts as texts
from .models import FollowUp, NeighbourhoodCoordinator, NoteAccess, Visit, VisitRequest
from .services.reach import refresh_reached
from .services.reminders import duty_employees
from .services.retention import notes_cutoff
from .weeks import local_datetime, week_start, weeks_back

BATCH = 2000
OUTCOMES = ([Visit.Outcome.VISITED, Visit.Outcome.NOBODY_HOME, Visit.Outcome.CANCELLED], [85, 9, 6])
SCORES = (list(range(1, 11)), [1, 1, 2, 3, 5, 9, 18, 26, 15, 8])
FOLLOW_UP_KINDS = (list(FollowUp.Kind), [40, 20, 15, 10, 15])
FOLLOW_UP_SHARE = 0.22
REQUESTS_PER_EMPLOYEE_WEEK = 0.04
RECENT_REQUEST = datetime.timedelta(days=10)  # asked this recently: often not planned yet


def _holiday_factor(monday):
    week = monday.isocalendar()[1]
    if week in (52, 53, 1):
        return 0.3
    if 28 <= week <= 33:
        return 0.55
    return 1.0


class _Seeder:
    def __init__(self, rng, today, weeks):
        self.rng, self.today, self.weeks = rng, today, weeks
        self.now = timezone.now()
        self.cutoff = notes_cutoff(self.now)
        self.employees = list(duty_employees().order_by("pk").values_list("pk", flat=True))
        self.households = list(
            Household.objects.filter(
                Q(tenancy_end__isnull=True) | Q(tenancy_end__gt=weeks_back(today, weeks))
            )
            .order_by("pk")
            .values_list("pk", "tenancy_start", "tenancy_end", "neighbourhood")
        )
        self.by_pk = {row[0]: row for row in self.households}
        self.residents = dict(
            Resident.objects.filter(household__isnull=False, user__is_active=True)
            .order_by("-pk")  # the first resident of a household wins
            .values_list("household", "pk")
        )
        self.talents = list(Talent.objects.values_list("pk", "name"))
        self.coordinators = self._coordinators()
        self.profiles = {pk: self._profile() for pk in self.employees}
        self.pending = defaultdict(list)  # monday → [(request, visit day)]
        self.open_request_households = set()
        self.planned_households = set()
        self.counts = defaultdict(int)

    def _profile(self):
        """How reliably this employee goes out, and the weeks they are away (sick, leave)."""
        rng = self.rng
        away = set()
        for _ in range(rng.choice([0, 0, 1, 1, 2])):
            start = rng.randrange(1, self.weeks + 1)
            away.update(range(start, start + rng.randint(2, 8)))
        return rng.uniform(0.6, 0.97), away

    def _coordinators(self):
        """{neighbourhood: coordinator}; neighbourhoods without one get one, in turn."""
        coordinator_ids = list(
            User.objects.filter(groups__name=GroupName.COORDINATOR, is_active=True)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        existing = dict(
            NeighbourhoodCoordinator.objects.values_list("neighbourhood", "coordinator")
        )
        if coordinator_ids:
            missing = Neighbourhood.objects.exclude(pk__in=existing).order_by("pk")
            links = [
                NeighbourhoodCoordinator(
                    neighbourhood_id=pk, coordinator_id=coordinator_ids[i % len(coordinator_ids)]
                )
                for i, pk in enumerate(missing.values_list("pk", flat=True))
            ]
            NeighbourhoodCoordinator.objects.bulk_create(links, ignore_conflicts=True)
            existing.update({link.neighbourhood_id: link.coordinator_id for link in links})
        return existing

    def _household(self, day, *, exclude=()):
        for _ in range(10):
            pk, start, end, _ = self.rng.choice(self.households)
            if start <= day and (end is None or end > day) and pk not in exclude:
                return pk
        return None

    def _moment(self, day, hour=17):
        return local_datetime(day, hour, self.rng.randrange(60))

    # Requests ------------------------------------------------------------------------------

    def requests_for_week(self, monday, count):
        candidates = [h for h in self.residents if h not in self.open_request_households]
        rows = []
        for _ in range(min(count, len(candidates))):
            household = self.rng.choice(candidates)
            if household in self.open_request_households:
                continue
            asked = min(monday + datetime.timedelta(days=self.rng.randrange(7)), self.today)
            visit_day = asked + datetime.timedelta(days=self.rng.randint(3, 12))
            request = VisitRequest(
                resident_id=self.residents[household],
                household_id=household,
                topic=self.rng.choice(texts.REQUEST_TOPICS),
            )
            request.created_at = self._moment(asked, 10)
            if asked >= self.today - RECENT_REQUEST and self.rng.random() < 0.5:
                request.status = VisitRequest.Status.OPEN  # not planned yet
                self.open_request_households.add(household)
            elif visit_day < self.today:
                if self.rng.random() < 0.08:
                    request.status = VisitRequest.Status.CANCELLED
                else:
                    self._done(request, visit_day)
            elif self.rng.random() < 0.4:
                request.status = VisitRequest.Status.OPEN
                self.open_request_households.add(household)
            else:
                request.status = VisitRequest.Status.PLANNED
                self.open_request_households.add(household)
                self.pending[week_start(visit_day)].append((request, visit_day))
            rows.append(request)
        created = VisitRequest.objects.bulk_create(rows, batch_size=BATCH)
        # auto_now_add overwrote the creation time: put the demo's back.
        VisitRequest.objects.bulk_update(created, ["created_at"], batch_size=BATCH)
        self.counts["visit requests"] += len(created)

    def _done(self, request, visit_day):
        request.status = VisitRequest.Status.DONE
        request.done_at = self._moment(visit_day)
        if self.rng.random() < 0.4:
            request.feedback = self.rng.choice(texts.FEEDBACK)
            request.feedback_score = self.rng.choices(*SCORES)[0]
            request.feedback_at = request.done_at + datetime.timedelta(days=self.rng.randint(1, 3))
        self.pending[week_start(visit_day)].append((request, visit_day))

    # Visits --------------------------------------------------------------------------------

    def _kind(self, household, day):
        _, start, _, _ = self.by_pk[household]
        if datetime.timedelta(weeks=4) <= day - start <= datetime.timedelta(weeks=10):
            return Visit.Kind.WELCOME
        if start.month == day.month and start.year < day.year and self.rng.random() < 0.5:
            return Visit.Kind.ANNIVERSARY
        return self.rng.choices(
            [Visit.Kind.REGULAR, Visit.Kind.HOME_CHECK, Visit.Kind.WALK], [75, 15, 10]
        )[0]

    def _logged(self, employee, household, day, outcome, request=None):
        logged_at = self._moment(day) + datetime.timedelta(hours=self.rng.randint(0, 40))
        visit = Visit(
            household_id=household,
            neighbourhood_id=self.by_pk[household][3],  # bulk_create: save() sets it otherwise
            employee_id=employee,
            kind=Visit.Kind.REQUESTED if request else self._kind(household, day),
            planned_for=day,
            status=Visit.Status.LOGGED,
            outcome=outcome,
            visited_on=day,
            logged_at=min(logged_at, self.now),
            request=request,
        )
        if outcome == Visit.Outcome.VISITED:
            visit.notes = self.rng.choice(texts.NOTES)
            if self.rng.random() < 0.85:
                visit.satisfaction = self.rng.choices(*SCORES)[0]
        elif outcome == Visit.Outcome.NOBODY_HOME:
            visit.notes = self.rng.choice(texts.NOBODY_HOME)
        if visit.logged_at < self.cutoff:
            visit.notes, visit.notes_erased_at = "", self.now
        return visit

    def _request_visit(self, employee, request, day):
        return self._logged(employee, request.household_id, day, Visit.Outcome.VISITED, request)

    def visits_for_week(self, back, monday):
        factor = _holiday_factor(monday)
        visitors = [
            pk
            for pk in self.employees
            if back not in self.profiles[pk][1]
            and self.rng.random() < self.profiles[pk][0] * factor
        ]
        visits, requested = [], self.pending.pop(monday, [])
        for request, day in requested:
            if request.status == VisitRequest.Status.DONE:
                employee = self.rng.choice(visitors or self.employees)
                if employee in visitors:
                    visitors.remove(employee)
                visits.append(self._request_visit(employee, request, day))
        for employee in visitors:
            day = monday + datetime.timedelta(days=self.rng.randrange(5))
            household = self._household(day)
            if household is not None:
                visits.append(self._logged(employee, household, day, self._outcome()))
        return visits, requested

    def _outcome(self):
        return self.rng.choices(*OUTCOMES)[0]

    def this_week(self, monday):
        """Plans for this week and next, and some visits already made this week."""
        visits = []
        ahead = [item for week in sorted(self.pending) for item in self.pending[week]]
        self.pending.clear()
        for request, day in ahead:
            if request.status == VisitRequest.Status.DONE:
                employee = self.rng.choice(self.employees)
                visits.append(self._request_visit(employee, request, day))
            else:
                visits.append(self._planned(self.rng.choice(self.employees), day, request))
        for employee in self.employees:
            roll = self.rng.random()
            days_done = (self.today - monday).days
            if roll < 0.25 and days_done > 0:
                day = monday + datetime.timedelta(days=self.rng.randrange(days_done))
                household = self._household(day)
                if household is not None:
                    visits.append(self._logged(employee, household, day, self._outcome()))
            elif roll < 0.75:
                day = self.today + datetime.timedelta(days=self.rng.randrange(10))
                visits.append(self._planned(employee, day))
        return [visit for visit in visits if visit is not None]

    def _planned(self, employee, day, request=None):
        household = (
            request.household_id
            if request
            else self._household(day, exclude=self.planned_households)
        )
        if household is None or household in self.planned_households:
            return None
        self.planned_households.add(household)
        return Visit(
            household_id=household,
            neighbourhood_id=self.by_pk[household][3],
            employee_id=employee,
            kind=Visit.Kind.REQUESTED if request else self._kind(household, day),
            planned_for=day,
            request=request,
        )

    # Follow-ups ----------------------------------------------------------------------------

    def follow_ups(self, visits):
        rows = []
        for visit in visits:
            if visit.outcome != Visit.Outcome.VISITED or self.rng.random() > FOLLOW_UP_SHARE:
                continue
            kind = self.rng.choices(*FOLLOW_UP_KINDS)[0]
            item = FollowUp(
                visit_id=visit.pk,
                kind=kind,
                owner_id=visit.employee_id,
                due_on=FollowUp.due_for(kind, visit.visited_on),
            )
            if kind == FollowUp.Kind.TALENT_SIGNAL:
                talent_pk, name = self.rng.choice(self.talents) if self.talents else (None, "")
                item.talent_id = talent_pk
                item.description = f"Wil helpen met {name or 'de buurt'}."
                neighbourhood = self.by_pk[visit.household_id][3]
                item.owner_id = self.coordinators.get(neighbourhood, visit.employee_id)
            else:
                item.description = self.rng.choice(texts.FOLLOW_UPS[kind])
            late = self.rng.random() < 0.08  # some stay open past their date
            if item.due_on + datetime.timedelta(days=7) < self.today and not late:
                closed_on = item.due_on - datetime.timedelta(days=self.rng.randint(0, 6))
                item.closed_at = min(self._moment(max(closed_on, visit.visited_on)), self.now)
                item.close_note = self.rng.choice(texts.CLOSE_NOTES)
            if visit.notes_erased_at and item.closed_at:
                item.description, item.close_note = "", ""
            rows.append(item)
        FollowUp.objects.bulk_create(rows, batch_size=BATCH)
        self.counts["follow-ups"] += len(rows)
        self.counts["talent signals"] += sum(r.kind == FollowUp.Kind.TALENT_SIGNAL for r in rows)

    def save_visits(self, visits):
        created = Visit.objects.bulk_create(visits, batch_size=BATCH)
        # auto_now_add: a visit was planned a few days before it happened.
        for visit in created:
            visit.created_at = local_datetime(
                min(visit.planned_for, self.today) - datetime.timedelta(days=3), 9
            )
        Visit.objects.bulk_update(created, ["created_at"], batch_size=BATCH)
        self.follow_ups(created)
        self.counts["visits"] += len(created)

    def note_reads(self):
        """A few reads of notes by managers, so the read log in the admin is not empty."""
        managers = dict(Team.objects.exclude(manager=None).values_list("pk", "manager"))
        sample = list(
            Visit.objects.filter(notes_erased_at__isnull=True, employee__team__in=managers)
            .exclude(notes="")
            .order_by("-pk")
            .values_list("pk", "employee__team", "logged_at")[:30]
        )
        NoteAccess.objects.bulk_create(
            [
                NoteAccess(visit_id=pk, user_id=managers[team], at=logged_at)
                for pk, team, logged_at in sample
            ]
        )


def seed_visits(*, rng, progress=None, weeks=104, today=None):
    """Seed `weeks` weeks of visits up to today; returns the counts of what was created."""
    today = today or timezone.localdate()
    if not Group.objects.filter(name=GroupName.EMPLOYEE).exists():
        raise LookupError("The staff groups are missing. Run migrate first.")
    with transaction.atomic():
        seeder = _Seeder(rng, today, weeks)
        if not seeder.employees or not seeder.households:
            return {"visits": 0}
        # Demo staff are new accounts; they have been employed for the whole period.
        start = local_datetime(weeks_back(today, weeks + 1))
        User.objects.filter(pk__in=seeder.employees, date_joined__gt=start).update(
            date_joined=start
        )
        per_week = max(1, round(len(seeder.employees) * REQUESTS_PER_EMPLOYEE_WEEK))
        with tqdm(
            total=weeks + 2, desc="Home visits", unit="weeks", disable=not progress, file=sys.stderr
        ) as bar:
            for back in range(weeks, 0, -1):
                monday = weeks_back(today, back)
                seeder.requests_for_week(monday, seeder.rng.randint(per_week // 2, per_week))
                visits, _ = seeder.visits_for_week(back, monday)
                seeder.save_visits(visits)
                bar.update()
            monday = week_start(today)
            seeder.requests_for_week(monday, max(3, per_week))
            seeder.save_visits(seeder.this_week(monday))
            bar.update()
            # bulk_create sent no signals: the households' copies of their reached visits.
            refresh_reached(Household.objects.all())
            bar.update()
        seeder.note_reads()
    return dict(seeder.counts)
