"""Done when: every public page, in every language, shows each figure and dated fact with
a note mark that leads to a source that states it in the page's list of sources, and no
mark leads to a source that does not.

The pages are walked from the sitemap, with the article data and again with the extras.
The facts looked for are the records' own values as the page writes them in its
language (an exhibition's dates, a forum's date, enterprise counts, trade figures); the
sources allowed for each are the records' citations (the fixtures' ground truth, checked
against FACTS.md and the article in test_ground_truth.py).
"""

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils import translation

from cooperation.amounts import trade_amount
from cooperation.models import TradeFigure
from expo.models import Exhibition, Forum
from sources.templatetags.sources import record_key
from web.templatetags.dates import format_date_range

from .conftest import LANGUAGES, citations_by_key, sitemap_paths, soup


def language_of(path):
    return next(code for code in LANGUAGES if path.startswith(f"/{code}/"))


def facts(language):
    """``[(text as the page shows it, record, the facts it is)]`` for every live record."""
    found = []
    with translation.override(language):
        for exhibition in Exhibition.objects.published().prefetch_related("participations"):
            if exhibition.start_date or exhibition.end_date:
                dates = format_date_range(exhibition.start_date, exhibition.end_date)
                found.append((dates, exhibition, {"dates_and_city", "year"}))
            for participation in exhibition.participations.all():
                if participation.enterprises is not None and participation.enterprises >= 100:
                    count = str(intcomma(participation.enterprises))
                    found.append((count, exhibition, {"exhibitor_counts"}))
        for forum in Forum.objects.published():
            if forum.date:
                date = format_date_range(forum.date, single=True)
                found.append((date, forum, {"date_and_city", "year"}))
        for figure in TradeFigure.objects.published():
            found.append((str(trade_amount(figure)), figure, {"figure"}))
    return found


def supporting_lines(node, key, supports):
    """The source lines about ``key``'s ``supports`` nearest to ``node``: in the smallest
    element around it that has any (the figure's own marks, its row, its card)."""
    for parent in node.parents:
        lines = [
            line
            for line in [parent, *parent.select(f'[data-cited="{key}"]')]
            if line.get("data-cited") == key
            and (not line.get("data-supports") or set(line["data-supports"].split(",")) & supports)
        ]
        if lines:
            return lines
    return []


def marked_sources(main, line):
    """``[(mark, source slug)]`` for each note mark in ``line``: the source its link leads
    to in the page's list of sources (None if it leads nowhere)."""
    found = []
    for mark in line.select(".note a[href^='#']"):
        target = main.find(id=mark["href"][1:])
        cited = target.select_one("[data-source]") if target is not None else None
        source = cited["data-source"] if cited is not None else None
        if source is not None and source != mark.get("data-source"):
            source = None  # the mark names one source and leads to another
        found.append((mark, source))
    return found


# What is not a fact of a record: a source's own title and date, the hosted article's
# text (it is the source), the Sources page's and an article's lists of the records
# that cite them (each listed because it cites that source).
NOT_FACTS = ".source-name, .editors-note, article .prose, .source-entries, .article-facts, .sources"


def check_page(path, response, language_facts, citations):
    problems = []
    main = soup(response).find("main")
    skipped = {id(node) for part in main.select(NOT_FACTS) for node in part.descendants}
    strings = [node for node in main.find_all(string=True) if id(node) not in skipped]
    texts = {text for text, _record, _supports in language_facts}
    longer_texts = {text: [t for t in texts if text in t and t != text] for text in texts}
    for text, record, supports in language_facts:
        key = record_key(record)
        stating = {
            source for (k, source), kinds in citations.items() if k == key and kinds & supports
        }
        for node in strings:
            if text not in node:
                continue
            if any(longer in node for longer in longer_texts[text]):
                continue  # "2019年6月15日" inside the range "2019年6月15日至19日"
            lines = supporting_lines(node, key, supports)
            shown = {source for line in lines for _mark, source in marked_sources(main, line)}
            if not lines:
                problems.append(f"{path}: {text!r} ({key}) has no source")
            elif not shown & stating:
                problems.append(f"{path}: {text!r} ({key}) shows no source that states it")
    for line in main.select("[data-cited]"):
        key = line["data-cited"]
        wanted = {value for value in line.get("data-supports", "").split(",") if value}
        for mark, source in marked_sources(main, line):
            if mark.find_parent(attrs={"data-cited": True}) is not line:
                continue  # a nested line about another record, checked on its own
            if source is None:
                problems.append(f"{path}: mark {mark['href']} leads to no source in the list")
                continue
            kinds = citations.get((key, source))
            if not kinds:
                problems.append(f"{path}: {source} shown for {key}, not cited")
            elif wanted and not kinds & wanted:
                problems.append(f"{path}: {source} shown for {wanted} of {key}")
    if main.select(".source--missing"):
        problems.append(f"{path}: a fact says 'No source cited'")
    return problems


def walk(client):
    citations = citations_by_key()
    by_language = {language: facts(language) for language in LANGUAGES}
    problems, checked = [], 0
    for path in sitemap_paths(client):
        response = client.get(path)
        assert response.status_code == 200, path
        problems += check_page(path, response, by_language[language_of(path)], citations)
        checked += 1
    return checked, problems


def test_every_fact_on_every_page_shows_a_source_that_states_it(client, article_data):
    checked, problems = walk(client)
    assert checked > 40  # every page in three languages
    assert problems == []


def test_with_the_extras_too(client, extras_data):
    checked, problems = walk(client)
    assert checked > 60
    assert problems == []


def test_the_walk_catches_a_figure_shown_under_the_wrong_source(client, extras_data):
    """The check itself: the customs figure shown under the article's name is caught."""
    from cooperation.models import TradeFigureCitation
    from sources.models import Source

    figure = TradeFigure.objects.get(slug="2018-customs")
    rambler = Source.objects.get(slug="rambler-interregional-cooperation-accelerated-development")
    citations = citations_by_key()
    TradeFigureCitation.objects.filter(record=figure).update(source=rambler)
    for language in LANGUAGES:
        response = client.get(f"/{language}/trade/")
        problems = check_page(f"/{language}/trade/", response, facts(language), citations)
        assert any("2018-customs" in problem for problem in problems), (language, problems)
