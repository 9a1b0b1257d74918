"""The fixtures' citations are the ground truth of every source line; here they are checked
against what the sources say: the article's own words and the rows of FACTS.md that name
each other source (copies in tests/provenance/data/).

Read as data (the JSON files), so a citation that no source backs fails here before any
page shows it.
"""

import json
import re
from pathlib import Path

import pytest
from django.apps import apps

from sources.models import SourceKind
from tests.conftest import ARTICLE_FIXTURES

from .conftest import EXTRA_FIXTURES

# Copies of ../shared/source/article.txt and ../shared/FACTS.md (the project's reference
# facts), kept here so that the check runs wherever the tests run.
DATA = Path(__file__).resolve().parent / "data"
ARTICLE = DATA / "article.txt"
FACTS = DATA / "FACTS.md"
HOSTED = "rambler-interregional-cooperation-accelerated-development"


def words(text):
    return " ".join(text.split())


def load(paths):
    return [row for path in paths for row in json.loads(Path(path).read_text())]


ALL_ROWS = load([*ARTICLE_FIXTURES, *EXTRA_FIXTURES])
CITATIONS = [
    (
        row["model"],
        row["fields"]["record"][0],
        row["fields"]["source"][0],
        row["fields"]["supports"],
    )
    for row in ALL_ROWS
    if row["model"].endswith("citation")
]
SOURCES = {
    row["fields"]["slug"]: row["fields"] for row in ALL_ROWS if row["model"] == "sources.source"
}

# What the article says, in its own words, for each fact a record cites it for.
ARTICLE_SAYS = {
    ("northeast-china", "name"): "China’s Northeast",
    ("heilongjiang", "name"): "Heilongjiang Province",
    ("heilongjiang", "part_of"): "Heilongjiang Province / Northeast China /",
    ("heilongjiang", "administrative_centre"): "Harbin, the administrative center of Heilongjiang",
    ("guangdong", "name"): "Guangdong Province",
    ("yangtze-upper-middle-reaches", "name"): "the middle and upper reaches of the Yangtze River",
    ("russian-far-east", "name"): "the Russian Far East",
    ("sakha", "name"): "the Republic of Sakha / Yakutia /",
    ("volga-federal-district", "name"): "the Volga Federal District",
    ("harbin", "name"): "in Harbin",
    ("years-of-interregional-cooperation-2018-2019", "name"): (
        "the Years of China-Russia interregional cooperation"
    ),
    ("northeast-china-russian-far-east", "regions_paired"): (
        "interaction between China’s Northeast and the Russian Far East"
    ),
    ("yangtze-volga", "regions_paired"): (
        "the middle and upper reaches of the Yangtze River and the Volga Federal District"
    ),
    ("council-on-interregional-cooperation", "name"): "the Council on interregional cooperation",
    ("council-on-interregional-cooperation", "meetings_charter_membership"): (
        "two meetings of the Council on interregional cooperation between the two countries "
        "were held, the Council’s charter was developed, the number of its members increased"
    ),
    ("regional-cooperation-development-investment-fund", "set_up"): (
        "within the framework of the Years of China-Russia interregional cooperation"
    ),
    ("regional-cooperation-development-investment-fund", "description"): (
        "a joint investment fund was established to develop interregional cooperation"
    ),
    ("2018-rambler", "figure"): "In 2018, China-Russia trade exceeded $ 100 billion",
    ("accelerated-development", "statement"): (
        "has entered a stage of accelerated development, which currently covers not only the "
        "border, but also the inland and coastal regions"
    ),
    ("china-russia-expo", "name"): "Sino-Russian EXPO",
    ("6th-china-russia-expo", "dates_and_city"): "from June 15 to 19 in Harbin",
    ("6th-china-russia-expo", "theme"): (
        "“Chinese-Russian interregional cooperation: opportunities, potential, future”"
    ),
    ("6th-china-russia-expo", "exhibitor_counts"): (
        "1246 enterprises from 21 administrative units of the provincial level of China are "
        "represented, as well as 137 enterprises"
    ),
    ("6th-china-russia-expo", "guests_of_honour"): "were chosen as the regions honored guests",
    ("6th-china-russia-expo", "description"): "a number of events took place",
    ("china-russia-forum-of-interregional-cooperation", "name"): (
        "Chinese-Russian Forum of Interregional Cooperation"
    ),
    ("2nd-china-russia-forum-of-interregional-cooperation", "date_and_city"): (
        "On June 15, the 2nd Chinese-Russian Forum of Interregional Cooperation was held in Harbin"
    ),
    ("2nd-china-russia-forum-of-interregional-cooperation", "participants"): (
        "officials and representatives of the business circles of the two countries jointly "
        "discussed the current problems and prospects"
    ),
}

# Each other source: the words FACTS.md names it by, and the only facts it may back.
FACTS_NAME = {
    "china-news-service-2019-06-15": (
        "the article; China News Service 2019-06-15",
        {"year", "dates_and_city"},
    ),
    "sputnik-2019-06-11": (
        "sputniknews.cn 2019-06-11 (exhibitor counts, guests of honour, Chinese names)",
        {"exhibitor_counts", "guests_of_honour", "chinese_name"},
    ),
    "global-times-1154409": (
        "globaltimes.cn/content/1154409.shtml (2nd Forum, 15 June 2019, Harbin)",
        {"year", "date_and_city"},
    ),
    "xinhua-2018-02-07": (
        "decided to hold them in 2018 and 2019, in messages to the opening ceremony in Harbin on "
        "7 February 2018 (Xinhua, 2018-02-07",
        {"period"},
    ),
    "presidential-decree-849-2018": (
        "The Republic of Sakha (Yakutia) is in the Far Eastern Federal District: Presidential "
        "Decree No. 849 of 13 May 2000 as amended on 3 November 2018, whose list of the district "
        "names it",
        {"part_of", "name"},
    ),
    "debian-iso-codes": ("Debian iso-codes iso_3166-2.json (codes)", {"iso_code"}),
    "ecns-2019-05-24": ("ecns.cn 2019-05-24 and pfo.gov.ru (Yangtze-Volga names)", {"name"}),
    "pfo-gov-ru": ("ecns.cn 2019-05-24 and pfo.gov.ru (Yangtze-Volga names)", {"russian_name"}),
    "china-customs-2019-01-14": (
        "2018 China-Russia trade: US$107.06 billion, a record (China's General Administration "
        "of Customs, reported 2019-01-14); 2017: US$84.07 billion",
        {"figure"},
    ),
    "china-daily-2014-06-23": (
        "| 1 | 2014-06-30 to 2014-07-04 | Harbin | global.chinadaily.com.cn 2014-06-23 |",
        {"dates_and_city"},
    ),
    "my399-2015-10-15": (
        "| 2 | 2015-10-12 to 2015-10-16 | Harbin | e.my399.com 2015-10-15 |",
        {"dates_and_city"},
    ),
    "sputnik-2016-07-13": (
        "| 3 | 2016-07-11 to 2016-07-14 (at Innoprom) | Yekaterinburg "
        "| sputniknews.cn 2016-07-13 |",
        {"dates_and_city", "venue"},
    ),
    "sputnik-2017-04-20": (
        "| 4 | 2017-06-15 to 2017-06-19 | Harbin | sputniknews.cn 2017-04-20 |",
        {"dates_and_city"},
    ),
    "coicjs-news-detail-790": (
        "| 5 | 2018-07-09 to 2018-07-12 (at Innoprom) | Yekaterinburg "
        "| en.coicjs.org News/Detail-790 |",
        {"dates_and_city", "venue"},
    ),
    "tass-1641993": (
        "| 7 | 2023-07-10 to 2023-07-13 (at Innoprom) | Yekaterinburg "
        "| tass.com/politics/1641993 |",
        {"dates_and_city", "venue"},
    ),
    "gov-cn-2024-05-07": (
        "| 8 | 2024-05-17 to 2024-05-21 | Harbin | english.www.gov.cn 2024-05-07 |",
        {"dates_and_city"},
    ),
    "s-kon-energy": (
        "| 9 | 2025-07-07 to 2025-07-10 | Yekaterinburg | energy.s-kon.ru |",
        {"dates_and_city"},
    ),
}

# Editors' notes: values no source states, each for the facts it may stand in for.
EDITORS_NOTES = {
    "editors-russian-far-east": {"part_of"},  # FACTS.md: "Treat ... as an editors' note"
    "editors-yakutsk": {"administrative_centre", "general"},
    "editors-yekaterinburg": {"part_of", "administrative_centre", "general"},
}


def test_every_citation_of_the_article_quotes_the_article():
    article = words(ARTICLE.read_text())
    cited = {(record, supports) for _m, record, source, supports in CITATIONS if source == HOSTED}
    assert cited == set(ARTICLE_SAYS), "a citation of the article without its words, or the reverse"
    for (record, supports), phrase in ARTICLE_SAYS.items():
        assert words(phrase) in article, (record, supports, phrase)


@pytest.mark.parametrize("source", sorted(FACTS_NAME))
def test_every_other_source_is_named_in_facts_for_what_it_is_cited_for(source):
    facts = words(FACTS.read_text())
    naming, allowed = FACTS_NAME[source]
    assert words(naming) in facts, f"FACTS.md does not name {source} so"
    used = {supports for _m, _record, cited, supports in CITATIONS if cited == source}
    assert used, f"{source} is never cited"
    assert used <= allowed, (
        f"{source} is cited for {used - allowed}, which FACTS.md does not give it"
    )


def test_every_source_in_the_fixtures_is_checked_and_every_citation_has_one():
    checked = {HOSTED, *FACTS_NAME, *EDITORS_NOTES}
    assert set(SOURCES) == checked
    assert {source for _m, _r, source, _s in CITATIONS} <= checked
    for model, record, _source, supports in CITATIONS:
        facts = dict(apps.get_model(model)._meta.get_field("supports").choices)
        assert supports in facts, f"{model} {record}: {supports} is no fact of such a record"


def test_editors_notes_are_kind_editors_note_and_stand_only_for_what_no_source_states():
    for slug, allowed in EDITORS_NOTES.items():
        assert SOURCES[slug]["kind"] == SourceKind.EDITORS_NOTE
        used = {supports for _m, _r, source, supports in CITATIONS if source == slug}
        assert used and used <= allowed, (slug, used)
    assert words('Treat "the district is in the Russian Far East" as an editors\' note') in words(
        FACTS.read_text()
    )


@pytest.mark.parametrize(
    ("record", "source", "supports"),
    [
        # The years 2019 of the EXPO and the Forum and the period of the Years come from the
        # reports FACTS.md names, not from the article, which gives no year.
        ("6th-china-russia-expo", "china-news-service-2019-06-15", "year"),
        ("2nd-china-russia-forum-of-interregional-cooperation", "global-times-1154409", "year"),
        ("years-of-interregional-cooperation-2018-2019", "xinhua-2018-02-07", "period"),
        # Sakha in the Far Eastern Federal District: the 2018 decree.
        ("sakha", "presidential-decree-849-2018", "part_of"),
        # The district in the Russian Far East: an editors' note only.
        ("far-eastern-federal-district", "editors-russian-far-east", "part_of"),
        # Chinese names: Sputnik.
        ("regional-cooperation-development-investment-fund", "sputnik-2019-06-11", "chinese_name"),
    ],
)
def test_facts_the_article_does_not_state_cite_their_own_source(record, source, supports):
    assert any(r == record and s == source and k == supports for _m, r, s, k in CITATIONS)
    assert not any(r == record and s == HOSTED and k == supports for _m, r, s, k in CITATIONS)


def test_the_article_is_never_cited_for_a_year_a_period_or_a_chinese_name():
    assert not {
        (record, supports)
        for _m, record, source, supports in CITATIONS
        if source == HOSTED and supports in {"year", "period", "chinese_name", "russian_name"}
    }


def test_chinese_names_use_full_width_punctuation():
    for row in ALL_ROWS:
        for name, value in row["fields"].items():
            if name.endswith("_zh_hans") and isinstance(value, str):
                assert not re.search(r'[(),:"]', value), (row["fields"].get("slug"), name, value)
