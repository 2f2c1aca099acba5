"""What every admin list of a table that grows with the corporation sets."""

from django.contrib import admin

from .paginators import EstimatedCountPaginator


class LargeTable:
    """Put before ModelAdmin in the bases of the admin of a large table. Django's admin counts
    every row of a list in three places: "x results (y in total)", the paginator, and the
    counts per filter choice behind "Show counts" (facets). On 140,000 visits each is a read of
    the whole table; the facets alone took a page from 0.14 to 0.39 s. All three are off here:
    the paginator estimates (porous.paginators)."""

    show_full_result_count = False
    paginator = EstimatedCountPaginator
    show_facets = admin.ShowFacets.NEVER
