"""Template helpers for the public lists: the filter control, the sortable column
headers and the page numbers."""

import django_filters
from django import template

register = template.Library()


@register.simple_tag
def active_filter_count(filterset):
    """How many filters the reader has set (a sort order, ``sort``, is not a filter).

    Counts the values in the query string, so a filter with an error counts too:
    the reader set it and should find it when the form opens.
    """
    if filterset is None or not filterset.is_bound:
        return 0
    count = 0
    for name, field in filterset.filters.items():
        if name == "sort" or isinstance(field, django_filters.OrderingFilter):
            continue
        values = filterset.data.getlist(name) if hasattr(filterset.data, "getlist") else []
        if any(value.strip() for value in values):
            count += 1
    return count


@register.simple_tag
def page_numbers(page_obj):
    """Page numbers around the current one, with the first and last pages:
    1 … 4 5 6 … 20. An ellipsis is ``None``.
    """
    paginator = page_obj.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1)
    ]


@register.inclusion_tag("includes/sortable_header.html", takes_context=True)
def sortable_header(context, key, label, default=False):
    """A column header that sorts the list by ``key`` (``?sort=key``, from the first
    page), marked as the current order when it is: ``{% sortable_header "country"
    _("Country") %}``; ``default=True`` on the column the list is sorted by when the
    reader has chosen no order."""
    query = context["request"].GET
    chosen = query.get("sort")
    return {
        "query": query,
        "key": key,
        "label": label,
        "current": chosen == key or (default and not chosen),
    }
