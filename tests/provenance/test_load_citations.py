"""``load_citations``: the citations of several kinds of record in two queries, the same
as prefetching each kind's (``with_sources``)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cooperation.models import Region, TradeFigure
from expo.models import Exhibition, Forum
from sources.models import load_citations, with_sources
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
    exhibition, other = f.exhibition(), f.exhibition()
    f.cite(exhibition, new, "exhibitor_counts")
    f.cite(exhibition, old, "dates_and_city")
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


def test_every_kind_in_two_queries_as_prefetching_each_gives(cited_world):
    expected = {
        (model, pk): shown(record)
        for model, pks in cited_world.items()
        for record in with_sources(model.objects.filter(pk__in=pks))
        for pk in [record.pk]
    }
    records = {model: list(model.objects.filter(pk__in=pks)) for model, pks in cited_world.items()}
    with CaptureQueriesContext(connection) as queries:
        load_citations(*records.values(), [None])
        got = {(type(r), r.pk): shown(r) for group in records.values() for r in group}
    assert len(queries) == 2
    assert got == expected
    exhibition, other = cited_world[Exhibition]
    # Hosted article first, then reports by date: the order every page shows.
    assert [fact for _slug, fact, _doc in got[(Exhibition, exhibition)]] == [
        "dates_and_city",
        "dates_and_city",
        "exhibitor_counts",
    ]
    assert got[(Exhibition, exhibition)][0][2] is not None  # the live article
    assert got[(Exhibition, other)][0][2] is None  # a draft article: none
    assert got[(Region, cited_world[Region][0])] == []


def test_a_record_knows_its_citations_and_each_citation_its_record(cited_world):
    exhibition = Exhibition.objects.get(pk=cited_world[Exhibition][0])
    load_citations([exhibition])
    with CaptureQueriesContext(connection) as queries:
        citations = list(exhibition.citations.all())
        assert all(citation.record is exhibition for citation in citations)
        assert all(citation.source.publisher for citation in citations)
    assert len(queries) == 0
    # A narrower question still goes to the database, for this record only.
    assert exhibition.citations.filter(supports="exhibitor_counts").count() == 1


def test_nothing_to_load_runs_no_query(cited_world):
    prefetched = list(with_sources(Forum.objects.all()))
    uncited = f.country("CN")  # a model that cites no sources
    with CaptureQueriesContext(connection) as queries:
        load_citations([], [None], prefetched, [uncited])
    assert len(queries) == 0


def test_one_kind_and_the_same_record_twice(cited_world):
    pk = cited_world[Exhibition][0]
    first, second = Exhibition.objects.get(pk=pk), Exhibition.objects.get(pk=pk)
    with CaptureQueriesContext(connection) as queries:
        load_citations([first], [second])
    assert len(queries) == 1  # one kind: its citations joined with their sources
    assert shown(first) == shown(second) != []
