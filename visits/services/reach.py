"""The households' copies of their reached visits: `Household.first_reached_on` and
`last_reached_on` (the dashboard's reach reads them).

A visit written with save() or deleted keeps them in step through the signals below (the
admin, and any code that saves a visit); writes that bypass save() call `refresh_reached`
themselves: logging a visit (a conditional update) and the demo data (bulk_create).
"""

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from tenants.models import Household

from ..models import Visit


def refresh_reached(households):
    """Set the copies of these households (a queryset) from their reached visits: one UPDATE,
    each value read from the index visits_visit_hh_reached_idx."""
    reached = Visit.objects.filter(
        household=OuterRef("pk"), status=Visit.Status.LOGGED, outcome=Visit.Outcome.VISITED
    ).values("visited_on")
    return households.update(
        first_reached_on=Subquery(reached.order_by("visited_on")[:1]),
        last_reached_on=Subquery(reached.order_by("-visited_on")[:1]),
    )


@transaction.atomic
def refresh_household(household_id):
    """The copies of one household. Its row is locked first, so that the UPDATE reads the
    visits as they are once the lock is ours: two visits of one household logged, changed or
    deleted at once, each UPDATE reading from before the other's commit, would otherwise
    leave the copies of whichever committed last."""
    households = Household.objects.filter(pk=household_id)
    list(households.select_for_update().values_list("pk"))
    refresh_reached(households)


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
