"""The public layer every app's pages are built on.

A public view declares what it shows and nothing else::

    class CityDetailView(PublicDetailView):
        model = City
        records = City.objects.with_detail_related
        list_url_name = "cooperation:city-list"

``records`` is the queryset method that names the view's eager loading (the model's
default manager when left out): everything the page shows, a record's sources too
(base.html shows "Source: ..." under a record that cites them), for the base views
use it as it is. It is called per request, not at import, because
what is live (``published()``, see ``publishing.models``) depends on the time of the
request: a record whose go-live time has passed shows without a restart.

The public sees live records only: on lists, in counts and on detail pages, where a
record that is not live is a 404.
A logged-in staff member who may view the model can open such a record's own page
to preview it, under a notice that says why the public cannot see it.

``web`` knows no app by name: the breadcrumbs start at the project's ``home`` URL
(``config/urls.py``), and a page that shows another app's records gets them through
``web.sections``.
"""

from django.http import Http404
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView
from django_filters.views import FilterView

from publishing.models import PublicVisibility, is_publishable
from web import sections
from web.exports import FORMAT_PARAMETER, DataFormatsMixin, RecordFormatsMixin
from web.languages import record_label
from web.moved import moved_permanently, moved_record

# How many related rows a detail page lists before linking to the filtered directory.
RELATED_LIMIT = 20


def home_crumb():
    """The first breadcrumb of every page: the home page (``home`` in config/urls.py)."""
    return (_("Home"), reverse("home"))


class PageMixin:
    """Breadcrumbs (home first) and the model's options, for headings and labels.

    ``opts`` also tells the navigation which section is current (templates/base.html).
    """

    records = None
    # The query parameters the page reads besides what its base reads (a list's filters,
    # ``page`` and ``format``): the page cache stores a page only when its address holds
    # no others (web/cache.py).
    query_parameters = ()

    @classmethod
    def get_query_parameters(cls):
        return {*cls.query_parameters}

    def get_records(self):
        """The records this page shows, with their eager loading, before publication."""
        return self.records() if self.records is not None else self.model._default_manager.all()

    def get_breadcrumbs(self):
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["opts"] = self.model._meta
        context["breadcrumbs"] = [home_crumb(), *self.get_breadcrumbs()]
        return context


class LiveListMixin:
    """A list of live records only, for everyone (staff preview single records only).

    The view's ``records`` in its ``ordering``, narrowed to what is live at the time of
    the request.
    """

    def get_queryset(self):
        queryset = self.get_records()
        if is_publishable(self.model):
            queryset = queryset.published()
        ordering = self.get_ordering()
        return queryset.order_by(*ordering) if ordering else queryset


class ListBreadcrumbMixin:
    def get_breadcrumbs(self):
        return [(capfirst(self.model._meta.verbose_name_plural), None)]


class PublicListView(DataFormatsMixin, LiveListMixin, ListBreadcrumbMixin, PageMixin, ListView):
    paginate_by = 50

    @classmethod
    def get_query_parameters(cls):
        return {*super().get_query_parameters(), cls.page_kwarg, FORMAT_PARAMETER}


class PublicFilterView(DataFormatsMixin, LiveListMixin, ListBreadcrumbMixin, PageMixin, FilterView):
    """A list narrowed by a FilterSet from the query string.

    An invalid filter (an unknown choice, a year that is not a number) shows the
    form's errors and no results: ``strict`` mode of django-filter.
    """

    paginate_by = 25
    template_name_suffix = "_list"

    @classmethod
    def get_query_parameters(cls):
        filters = cls.filterset_class.base_filters if cls.filterset_class else {}
        return {*super().get_query_parameters(), cls.page_kwarg, FORMAT_PARAMETER, *filters}

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if context.get("filter_invalid"):
            # A value that is none of the choices: shown with the form's errors, never
            # kept by the page cache (one entry per made-up value otherwise).
            add_never_cache_headers(response)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = self.filterset.form
        context["filter_invalid"] = self.filterset.is_bound and not self.filterset.is_valid()
        context["filter_active"] = (
            self.filterset.is_bound
            and not context["filter_invalid"]
            # A chosen order (?sort=) narrows nothing: it is not a filter.
            and any(
                value not in (None, "")
                for name, value in form.cleaned_data.items()
                if name != "sort"
            )
        )
        return context


def publication_notice(record):
    """Why the public cannot see ``record`` (for a staff preview), or None if it can."""
    state = record.publication_state()
    hidden_parents = record.unpublished_parents()
    if state == PublicVisibility.LIVE and not hidden_parents:
        return None
    return {"state": state, "record": record, "hidden_parents": hidden_parents}


class PublicDetailView(RecordFormatsMixin, PageMixin, DetailView):
    """One record; a staff member who may view the model previews it in any state."""

    list_url_name = None
    query_parameters = (FORMAT_PARAMETER,)
    # The page's name in web.sections, where apps this one may not import add sections.
    sections_page = None

    def get_queryset(self):
        records = self.get_records()
        if is_publishable(self.model) and not self.is_preview_allowed():
            records = records.published()
        return records

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            # An old slug of a live record: a 301 to its address (web.moved).
            records = self.get_records()
            if is_publishable(self.model):
                records = records.published()
            record = moved_record(records, self.kwargs.get(self.slug_url_kwarg, ""))
            if record is None:
                raise
            return moved_permanently(request, record.get_absolute_url())

    def is_preview_allowed(self):
        """Staff who may view the model see its records whatever their state."""
        user = self.request.user
        opts = self.model._meta
        return user.is_staff and user.has_perm(f"{opts.app_label}.view_{opts.model_name}")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if is_publishable(self.model) and self.is_preview_allowed():
            context["publication_notice"] = publication_notice(self.object)
        if self.sections_page:
            context["sections"] = sections.collect(
                self.sections_page, record=self.object, **self.get_section_context()
            )
        return context

    def get_section_context(self):
        """What the page passes to its sections besides the record (none by default)."""
        return {}

    def get_breadcrumbs(self):
        opts = self.object._meta
        crumbs = []
        if self.list_url_name:
            crumbs.append((capfirst(opts.verbose_name_plural), reverse(self.list_url_name)))
        return [*crumbs, *self.get_parent_crumbs(), (record_label(self.object), None)]

    def get_parent_crumbs(self):
        return []
