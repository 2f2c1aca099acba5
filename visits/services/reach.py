"""The households' copies of their reached visits: `Household.first_reached_on` and
`last_reached_on` (the dashboard's reach reads them).

A visit written with save() or deleted keeps them in step through the signals below (the
admin, and any code that saves a visit); writes that bypass save() call `refresh_reached`
themselves: logging a visit (a conditional update) and the demo data (bulk_create).
Each night `repair_reached` sets right what went around both (see there).
"""

import datetime
import logging

from django.db import transaction
from django.db.models import F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from tenants.models import Household

from ..models import Visit

logger = logging.getLogger(__name__)

REPAIR_BATCH = 1000
NEVER = datetime.date.min  # stands for "not reached" where two copies are compared


def _first_and_last():
    """The first and last reached day of the household of the outer query, as subqueries
    (each read from the index visits_visit_hh_reached_idx)."""
    reached = Visit.objects.filter(
        household=OuterRef("pk"), status=Visit.Status.LOGGED, outcome=Visit.Outcome.VISITED
    ).values("visited_on")
    return (
        Subquery(reached.order_by("visited_on")[:1]),
        Subquery(reached.order_by("-visited_on")[:1]),
    )


def refresh_reached(households):
    """Set the copies of these households (a queryset) from their reached visits: one
    UPDATE."""
    first, last = _first_and_last()
    return households.update(first_reached_on=first, last_reached_on=last)


def repair_reached():
    """Set right the households whose copies differ from their visits, and say how many.

    Nothing in the portal writes a visit around the paths above, but a visit can be: logged
    by a worker still running the code of before the copies, during a deploy; changed by
    hand in the database. Beat runs this at night (visits.tasks.repair_reach_copies). It
    reads every household once (a quarter of a second at 100,000) and writes only the wrong
    ones, in batches, so no row stays locked for long."""
    first, last = _first_and_last()
    wrong = (
        Household.objects.alias(
            first=Coalesce(first, Value(NEVER)),
            last=Coalesce(last, Value(NEVER)),
            kept_first=Coalesce("first_reached_on", Value(NEVER)),
            kept_last=Coalesce("last_reached_on", Value(NEVER)),
        )
        .exclude(first=F("kept_first"), last=F("kept_last"))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    pks = list(wrong)
    for start in range(0, len(pks), REPAIR_BATCH):
        _refresh_locked(Household.objects.filter(pk__in=pks[start : start + REPAIR_BATCH]))
    if pks:
        # Worth a look: something writes visits around the services.
        logger.warning("reach copies of %d households were out of step, set right", len(pks))
    return len(pks)


@transaction.atomic
def _refresh_locked(households):
    """`refresh_reached` with the households' rows locked first, so that the UPDATE reads the
    visits as they are once the locks are ours. Two refreshes of one household at once (two
    of its visits logged, changed or deleted, or one of them during the nightly repair), each
    UPDATE reading from before the other's commit, would otherwise leave the copies of
    whichever committed last. The lock leaves the household's key alone, so a visit can
    still be added to it meanwhile."""
    list(households.select_for_update(no_key=True).order_by("pk").values_list("pk"))
    refresh_reached(households)


def refresh_household(household_id):
    """The copies of one household, locked (see _refresh_locked)."""
    _refresh_locked(Household.objects.filter(pk=household_id))


@receiver(post_save, sender=Visit, dispatch_uid="visits_reach_saved")
def _visit_saved(sender, instance, created, raw=False, **kwargs):
    # A newly planned visit reaches nobody yet: no UPDATE for each visit planned.
    reached = instance.status == Visit.Status.LOGGED and instance.outcome == Visit.Outcome.VISITED
    if raw or (created and not reached):
        return
    refresh_household(instance.household_id)


@receiver(post_delete, sender=Visit, dispatch_uid="visits_reach_deleted")
def _visit_deleted(sender, instance, **kwargs):
    refresh_household(instance.household_id)
