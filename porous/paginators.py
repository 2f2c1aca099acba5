"""A paginator for the admin's big tables that does not count every row to show page one."""

from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property


class EstimatedCountPaginator(Paginator):
    """Counts an unfiltered list on PostgreSQL from the planner's statistics (pg_class.reltuples).

    A COUNT(*) over 100,000 households or years of visits reads the whole table on every
    changelist page. The estimate is kept up to date by autovacuum's ANALYZE and is close
    enough for "page 1 of about 2,000". Filtered lists, small tables and other databases
    are counted exactly.
    """

    # Below this many rows an exact count is cheap, and the planner's estimate may be far off.
    exact_below = 10_000

    @cached_property
    def count(self):
        estimate = self.estimated_count()
        if estimate is not None and estimate >= self.exact_below:
            return estimate
        return super().count

    def estimated_count(self):
        """The planner's row estimate for an unfiltered queryset on PostgreSQL, else None."""
        queryset = self.object_list
        query = getattr(queryset, "query", None)
        if query is None or query.where or query.distinct or query.combinator:
            return None
        connection = connections[queryset.db]
        if connection.vendor != "postgresql":
            return None
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT reltuples FROM pg_class WHERE oid = %s::regclass",
                [queryset.model._meta.db_table],
            )
            row = cursor.fetchone()
        # -1 (PostgreSQL 14+) means the table was never analysed: no estimate.
        return int(row[0]) if row and row[0] > 0 else None


def page_of(request, object_list, per_page, param="page"):
    """One page of a list for a page that may show several lists, each paged by its own
    query parameter. The page knows the links to its neighbours, other parameters kept.

    The first page reads one row more than it shows: most lists fit on it, and then they
    need no COUNT query."""
    number = request.GET.get(param)
    page = None
    if number in (None, "", "1"):
        rows = list(object_list[: per_page + 1])
        if len(rows) <= per_page:
            page = Paginator(rows, per_page).page(1)
        else:
            page = Paginator(object_list, per_page).page(1)
            page.object_list = rows[:per_page]  # read already
    if page is None:
        page = Paginator(object_list, per_page).get_page(number)

    def link(number):
        query = request.GET.copy()
        query[param] = number
        return f"?{query.urlencode()}"

    page.previous_link = link(page.previous_page_number()) if page.has_previous() else ""
    page.next_link = link(page.next_page_number()) if page.has_next() else ""
    return page
