"""The source article loads from the fixtures in full, linked to its Source, which records cite."""

import json

import pytest
from django.apps import apps
from django.core.management import call_command

from news.models import Article, Publisher, Reply

from .conftest import NEWS_FIXTURE

TITLE = (
    "Interregional cooperation between China and Russia has entered a stage of "
    "accelerated development"
)
# The article's paragraphs, verbatim from the source text (its title line and the
# closing "Leave a reply" comment box are not part of the body).
PARAGRAPHS = [
    (
        "The 6th Sino-Russian EXPO takes place from June 15 to 19 in Harbin, the administrative "
        "center of Heilongjiang Province / Northeast China /. The main theme of the exhibition "
        "sounds like “Chinese-Russian interregional cooperation: opportunities, potential, "
        "future”. Within the framework of the EXPO a number of events took place dedicated to the"
        " strengthening of such cooperation."
    ),
    (
        "At the current EXPO, 1246 enterprises from 21 administrative units of the provincial "
        "level of China are represented, as well as 137 enterprises from various regions of "
        "Russia. Guangdong Province – from the Chinese side and the Republic of Sakha / Yakutia /"
        " – from the Russian side were chosen as the regions honored guests of the exhibition."
    ),
    (
        "Experts believe that the interregional cooperation of the PRC and the Russian Federation"
        " has entered a stage of accelerated development, which currently covers not only the "
        "border, but also the inland and coastal regions of the two countries."
    ),
    (
        "Such cooperation, according to them, will not only give new dynamics to the development "
        "of Chinese-Russian relations a comprehensive partnership and strategic interaction in "
        "the new era, but will also contribute to the ongoing development of bilateral trade and "
        "economic relations."
    ),
    (
        "At present, China and Russia have created two mechanisms for interregional cooperation "
        "related to the interaction between China’s Northeast and the Russian Far East, the "
        "middle and upper reaches of the Yangtze River and the Volga Federal District of the "
        "Russian Federation."
    ),
    (
        "Since last year, within the framework of the Years of China-Russia interregional "
        "cooperation, two meetings of the Council on interregional cooperation between the two "
        "countries were held, the Council’s charter was developed, the number of its members "
        "increased, and a joint investment fund was established to develop interregional "
        "cooperation."
    ),
    (
        "Now more and more government departments and regions of China and Russia are promoting "
        "the interregional cooperation of the two countries through their efforts, thanks to "
        "which this interaction is developing successfully."
    ),
    (
        "On June 15, the 2nd Chinese-Russian Forum of Interregional Cooperation was held in "
        "Harbin, at which officials and representatives of the business circles of the two "
        "countries jointly discussed the current problems and prospects for the development of "
        "such cooperation."
    ),
    (
        "In 2018, China-Russia trade exceeded $ 100 billion, setting a new historical record. "
        "Interregional cooperation between the two countries has great potential and will "
        "contribute to the high-quality development of bilateral trade."
    ),
]


def test_every_paragraph_of_the_article_is_in_the_body(source_article):
    assert source_article.body.split("\n\n") == PARAGRAPHS


def test_title_publisher_and_unknowns(source_article):
    assert source_article.title == TITLE
    assert source_article.publisher.name == "Rambler"
    assert source_article.published_on is None
    assert source_article.original_url == ""
    assert "Leave a reply" not in source_article.body


def test_linked_to_its_source_record(source_article):
    source = source_article.source
    assert source.slug == "rambler-interregional-cooperation-accelerated-development"
    assert source.kind == "hosted"
    assert source.publisher == "Rambler"
    assert source.title == TITLE
    assert source.live_document == source_article


def test_records_cite_the_article_for_what_it_says(source_article):
    from sources.provenance import records_citing

    groups = dict(records_citing([source_article.source])[source_article.source_id])
    cited = {
        str(heading): {record.slug for record, _facts in rows} for heading, rows in groups.items()
    }
    assert cited["Exhibitions"] == {"6th-china-russia-expo"}
    assert cited["Forums"] == {"2nd-china-russia-forum-of-interregional-cooperation"}
    assert cited["Regions"] == {
        "heilongjiang",
        "guangdong",
        "sakha",
        "northeast-china",
        "russian-far-east",
        "yangtze-upper-middle-reaches",
        "volga-federal-district",
    }
    assert cited["Trade figures"] == {"2018-rambler"}
    # The Far Eastern Federal District is not in the article: the 2018 decree names it.
    assert "far-eastern-federal-district" not in cited["Regions"]


def _counts():
    from sources.models import Source, citation_models

    counts = {m._meta.label: m.objects.count() for m in apps.get_app_config("news").get_models()}
    counts["sources"] = Source.objects.count()
    counts["citations"] = sum(model.objects.count() for model in citation_models())
    return counts


def test_loading_twice_changes_nothing(news_data):
    before = _counts()
    assert before["news.Article"] == 1
    call_command("loaddata", NEWS_FIXTURE, verbosity=0)
    assert _counts() == before


def test_fixture_has_no_primary_keys_and_no_replies():
    rows = json.loads(NEWS_FIXTURE.read_text(encoding="utf-8"))
    assert all("pk" not in row for row in rows)
    assert {row["model"] for row in rows} == {"news.publisher", "news.article"}


@pytest.mark.django_db
def test_fixture_without_its_records_loads_nothing():
    """The article references its Source by natural key: alone, it refuses to load."""
    with pytest.raises(Exception):  # noqa: B017 - DeserializationError or DoesNotExist
        call_command("loaddata", NEWS_FIXTURE, verbosity=0)
    assert not Publisher.objects.exists()
    assert not Article.objects.exists()
    assert not Reply.objects.exists()
