"""A record's citations as every page reads them (``record.citations``, through
``sources.models.CitationManager``): each with its source and the article the source
hosts, in the order a reader checks them, one query per kind of record however many
records, whether prefetched with the records (``with_sources``) or after them
(``prefetch_related_objects(records, "citations")``)."""

import datetime

import pytest
from django.db import connection
from django.db.models import prefetch_related_objects
from django.test.utils import CaptureQueriesContext

from cooperation.models import Region, TradeFigure
from expo.models import Exhibition, Forum
from sources.models import with_sources
from tests import factories as f

pytestmark = pytest.mark.django_db


def shown(record):
    """What a page reads: each citation's source and fact, in order, and the article."""
    return [
        (c.source.slug, c.supports, getattr(c.source.live_document, "slug", None))
        for c in record.citations.all()
    ]


@pytest.fixture
def cited_world():
    article = f.hosted_article()
    draft = f.hosted_article(status="draft")
    old = f.source(kind="report", published_on=datetime.date(2019, 5, 1))
    new = f.source(kind="report", published_on=datetime.date(2023, 1, 1))
    undated = f.source(kind="report")
    note = f.source(kind="editors_note", publisher="", title="As the editors read it")
    exhibition, other = f.exhibition(), f.exhibition()
    f.cite(exhibition, note, "year")
    f.cite(exhibition, new, "exhibitor_counts")
    f.cite(exhibition, old, "dates_and_city")
    f.cite(exhibition, undated, "venue")
    f.cite(exhibition, article.source, "dates_and_city")
    f.cite(other, draft.source, "general")
    forum = f.forum()
    f.cite(forum, old, "date_and_city")
    figure = f.trade_figure()
    f.cite(figure, article.source, "figure")
    region = f.region()  # cites nothing
    return {
        Exhibition: [exhibition.pk, other.pk],
        Forum: [forum.pk],
        TradeFigure: [figure.pk],
        Region: [region.pk],
    }


def test_one_query_per_kind_as_prefetching_with_the_records_gives(cited_world):
    expected = {
        (model, record.pk): shown(record)
        for model, pks in cited_world.items()
        for record in with_sources(model.objects.filter(pk__in=pks))
    }
    records = {model: list(model.objects.filter(pk__in=pks)) for model, pks in cited_world.items()}
    with CaptureQueriesContext(connection) as queries:
        for same_kind in records.values():
            prefetch_related_objects(same_kind, "citations")
        got = {(type(r), r.pk): shown(r) for group in records.values() for r in group}
    assert len(queries) == len(records)
    assert got == expected
    exhibition, other = cited_world[Exhibition]
    # The hosted article first, then reports by date (undated first), editors' notes last.
    assert [fact for _slug, fact, _doc in got[(Exhibition, exhibition)]] == [
        "dates_and_city",
        "venue",
        "dates_and_city",
        "exhibitor_counts",
        "year",
    ]
    assert got[(Exhibition, exhibition)][0][2] is not None  # the live article
    assert got[(Exhibition, other)][0][2] is None  # a draft article: none
    assert got[(Region, cited_world[Region][0])] == []


def test_the_same_order_without_a_prefetch(cited_world):
    exhibition = Exhibition.objects.get(pk=cited_world[Exhibition][0])
    expected = shown(Exhibition.objects.with_sources().get(pk=exhibition.pk))
    with CaptureQueriesContext(connection) as queries:
        assert shown(exhibition) == expected
    assert len(queries) == 1  # the sources and articles joined


def test_a_record_knows_its_citations_and_each_citation_its_record(cited_world):
    exhibition = Exhibition.objects.get(pk=cited_world[Exhibition][0])
    prefetch_related_objects([exhibition], "citations")
    with CaptureQueriesContext(connection) as queries:
        citations = list(exhibition.citations.all())
        assert all(citation.record is exhibition for citation in citations)
        assert all(citation.source.slug for citation in citations)
    assert len(queries) == 0
    # A narrower question still goes to the database, for this record only.
    assert exhibition.citations.filter(supports="exhibitor_counts").count() == 1


def test_citations_already_loaded_cost_no_query(cited_world):
    prefetched = list(with_sources(Forum.objects.all()))
    with CaptureQueriesContext(connection) as queries:
        prefetch_related_objects(prefetched, "citations")
    assert len(queries) == 0


def test_asking_twice_for_the_sources_loads_them_once(cited_world):
    """A list's records come with their sources, and its export asks again."""
    forums = Forum.objects.with_sources().with_sources().filter(pk__in=cited_world[Forum])
    with CaptureQueriesContext(connection) as queries:
        assert [shown(forum) for forum in forums] != [[]]
    assert len(queries) == 2  # the forums, then their citations with sources
