"""A paginator that never counts a whole large table.

A list of 100,000 enterprises would otherwise run ``COUNT(*)`` over all of them on
every page, and its last pages would make the database skip tens of thousands of rows.
``BoundedPaginator`` counts at most ``max_pages`` pages' worth of rows (one more, to
know there are more), and offers only those pages: the result count then reads "more
than 2,500 results", and narrowing the filters reaches the rest. Smaller lists are
counted and paginated exactly as before.
"""

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property


class BoundedPaginator(Paginator):
    max_pages = 100

    @cached_property
    def limit(self):
        return self.per_page * self.max_pages

    @cached_property
    def counted(self):
        """The rows, counted up to one more than ``limit``."""
        rows = self.object_list
        if not isinstance(rows, QuerySet):
            return len(rows)
        # Order does not change a count: the database may stop after any limit + 1 rows.
        return rows.order_by()[: self.limit + 1].count()

    @cached_property
    def count(self):
        return min(self.counted, self.limit)

    @cached_property
    def truncated(self):
        """Whether there are more rows than the pages offered."""
        return self.counted > self.limit
