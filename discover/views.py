"""The search page and robots.txt."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from django.views.generic import TemplateView

from web.views import home_crumb

from .search import KINDS, KINDS_BY_KEY, MAX_QUERY_LENGTH, clean_query

# Results of each kind on the overview; "all N" narrows the search to that kind.
SUMMARY_SIZE = 5
PAGE_SIZE = 20


class SearchView(TemplateView):
    """``?q=`` searches every kind of record; ``&type=cities`` one kind, paginated.

    Any query is answered with results or an empty result and a message: control
    characters are dropped and an overlong query is cut, with a notice.
    """

    template_name = "discover/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = clean_query(self.request.GET.get("q", ""))
        kind_key = self.request.GET.get("type", "")
        kind = KINDS_BY_KEY.get(kind_key)
        if kind_key and kind is None:
            raise Http404(_("No such kind of record."))
        context.update(
            query=query,
            max_length=MAX_QUERY_LENGTH,
            kind=kind,
            breadcrumbs=[home_crumb(), (_("Search"), None)],
            groups=[],
            total=0,
        )
        if not query:
            return context
        if kind is not None:
            paginator = Paginator(kind.search(query), PAGE_SIZE)
            page = paginator.get_page(self.request.GET.get("page"))
            context.update(
                page_obj=page,
                paginator=paginator,
                is_paginated=page.has_other_pages(),
                total=paginator.count,
                groups=[
                    {
                        "kind": kind,
                        "count": paginator.count,
                        "results": kind.describe(list(page.object_list)),
                    }
                ],
            )
            return context
        groups = []
        for order, each in enumerate(KINDS):
            results = each.search(query)
            top = each.describe(list(results[:SUMMARY_SIZE]))
            if not top:
                continue
            count = len(top) if len(top) < SUMMARY_SIZE else results.count()
            groups.append(
                {"kind": each, "count": count, "results": top, "order": (top[0].search_rank, order)}
            )
        # The kind holding the best match comes first: "Harbin" lists the city, then
        # the exhibitions and forums held there.
        groups.sort(key=lambda group: group["order"])
        context["groups"] = groups
        context["total"] = sum(group["count"] for group in groups)
        return context


def robots_txt(request):
    """Crawlers may read the site except the admin and the search results; the sitemap."""
    lines = ["User-agent: *", f"Disallow: {reverse('admin:index')}"]
    lines += [f"Disallow: {path}" for path in search_paths()]
    sitemap = request.build_absolute_uri(reverse("django.contrib.sitemaps.views.sitemap"))
    lines += ["", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def search_paths():
    """The search page's address in each language."""
    paths = []
    for code, _label in settings.LANGUAGES:
        with override(code):
            paths.append(reverse("discover:search"))
    return paths
