"""Done when: an editors' note is shown as a note wherever it appears. Every public page,
with the article data and with the extras, in every language, is walked with its CSV
exports: no note's text outside the page's list of notes, every note mark leads to its
note, a "part of" that only a note gives never shown without the note's mark, never a
step of the breadcrumbs or of their JSON-LD, and marked as a note in the exports.
"""

import csv
import io
import json
from itertools import pairwise

from cooperation.models import Region, RegionCitation
from sources.models import Source, SourceKind

from .conftest import sitemap_paths, soup

# Where a note's own text belongs: the page's list of notes and the Sources page.
NOTE_LISTS = "section.sources, .source-entries"


def note_only_links():
    """``[(child, larger, note slugs)]`` for each "part of" that only editors' notes give."""
    links = {}
    for citation in RegionCitation.objects.filter(supports="part_of").select_related(
        "record__parent", "source"
    ):
        child = citation.record
        entry = links.setdefault(child.pk, [child, child.parent, set(), False])
        if citation.source.is_editors_note:
            entry[2].add(citation.source.slug)
        else:
            entry[3] = True
    direct = [(c, p, notes) for c, p, notes, sourced in links.values() if notes and not sourced]
    # A region further down reaches the larger one through the note too (Sakha, through
    # the district, in the Russian Far East).
    found = list(direct)
    for child, larger, notes in direct:
        for region in Region.objects.filter(parent=child):
            found.append((region, larger, notes))
    return found


def check_page(path, page, notes, links):
    problems = []
    main = page.find("main")
    for shown in main.select(".editors-note"):
        if not shown.find_parent(class_="sources") and not shown.find_parent(
            class_="source-entries"
        ):
            problems.append(f"{path}: editors' note {shown.get('data-source')} shown as text")
    for mark in main.select(".note--editors a"):
        target = main.find(id=mark["href"].removeprefix("#"))
        note = target.select_one(".editors-note") if target is not None else None
        if note is None or note.get("data-source") != mark["data-source"]:
            problems.append(f"{path}: mark {mark['href']} does not lead to its note")
    for child, larger, slugs in links:
        on_larger_page = path.endswith(f"/{larger.slug}/")
        for item in main.select("li, tr"):
            if item.find_parent(class_=["sources", "source-entries", "map"]):
                continue  # the lists of notes themselves; the map states no "part of"
            own = {a["href"] for a in item.find_all("a", href=True) if not a.find_parent("sup")}
            inner = [i for i in item.find_all(["li", "tr"]) if _links_to(i, child)]
            if not _in(own, child) or inner:
                continue  # not about the child, or about it in a nested item
            around = item.find_parent(["li", "section"])
            larger_around = around is not None and any(
                _in({a["href"]}, larger)
                for a in around.find_all("a", href=True)
                if a.find_parent("li") in (None, around)  # the list's own heading or item
            )
            if _in(own, larger) or (item.name == "li" and (larger_around or on_larger_page)):
                marked = {a["data-source"] for a in item.select(".note--editors a")}
                if not marked & slugs:
                    problems.append(f"{path}: {child.slug} in {larger.slug} without its note")
        crumbs = [a["href"] for a in page.select("nav.breadcrumbs a[href]")] + [path]
        if _follows(crumbs, larger, child):
            problems.append(f"{path}: breadcrumbs put {child.slug} in {larger.slug}")
        for block in page.select('script[type="application/ld+json"]'):
            data = json.loads(block.string)
            for item in data if isinstance(data, list) else [data]:
                if item.get("@type") != "BreadcrumbList":
                    continue
                urls = [element["item"] for element in item["itemListElement"]]
                if _follows(urls, larger, child):
                    problems.append(f"{path}: JSON-LD puts {child.slug} in {larger.slug}")
    return problems


def _in(hrefs, region):
    """Whether one of ``hrefs`` is ``region``'s page (in any language)."""
    return any(href.split("?")[0].endswith(f"/regions/{region.slug}/") for href in hrefs)


def _links_to(element, region):
    return _in({a["href"] for a in element.find_all("a", href=True)}, region)


def _follows(urls, first, second):
    return any(_in({a}, first) and _in({b}, second) for a, b in pairwise(urls))


def check_csv(path, content, notes):
    problems = []
    rows = list(csv.DictReader(io.StringIO(content.removeprefix("\ufeff"))))
    for row in rows:
        cell = row.get("sources", "")
        for part in cell.split(" | "):
            for note in notes:
                if note.title in part and not part.startswith("editors' note"):
                    problems.append(f"{path}: {row['slug']}: note {note.slug} not marked")
    return problems


def walk(client):
    notes = list(Source.objects.filter(kind=SourceKind.EDITORS_NOTE))
    links = note_only_links()
    assert notes and links  # the data has notes to look for
    problems, exports = [], set()
    for path in sitemap_paths(client):
        response = client.get(path)
        assert response.status_code == 200, path
        page = soup(response)
        problems += check_page(path, page, notes, links)
        for a in page.select('a[href*="format=csv"]'):
            exports.add(a["href"])
    for url in sorted(exports):
        response = client.get(url)
        if response.status_code == 200:
            content = b"".join(response.streaming_content).decode()
            problems += check_csv(url, content, notes)
    return problems, exports


def test_no_editors_note_without_its_mark_with_the_article_data(client, article_data):
    problems, exports = walk(client)
    assert any("/regions/" in url for url in exports)
    assert problems == []


def test_no_editors_note_without_its_mark_with_the_extras(client, extras_data):
    problems, _exports = walk(client)
    assert problems == []


def test_the_regions_csv_marks_a_parent_only_a_note_gives(client, article_data):
    response = client.get("/en/regions/?format=csv")
    content = b"".join(response.streaming_content).decode().removeprefix("\ufeff")
    rows = {row["slug"]: row for row in csv.DictReader(io.StringIO(content))}
    district = rows["far-eastern-federal-district"]
    assert district["parent"] == "russian-far-east"
    assert (
        "editors' note (supports: part_of): “Russian Far East” has no legal"
        in (district["sources"])
    )
    # A report keeps its date, so two reports of one outlet stay apart.
    assert "President of the Russian Federation, 2018-11-03: " in rows["sakha"]["sources"]


def test_the_walk_catches_a_note_shown_as_fact(client, article_data):
    """The check itself: a "part of" with its note's mark taken out is caught."""
    from bs4 import BeautifulSoup

    links = note_only_links()
    page = soup(client.get("/en/regions/"))
    for sup in page.select("sup.note--editors"):
        sup.decompose()
    problems = check_page("/en/regions/", page, [], links)
    assert any("far-eastern-federal-district in russian-far-east" in p for p in problems)
    html = '<nav class="breadcrumbs"><a href="/en/regions/russian-far-east/"></a></nav><main>'
    html += "</main>"
    path = "/en/regions/far-eastern-federal-district/"
    problems = check_page(path, BeautifulSoup(html, "html.parser"), [], links)
    assert any("breadcrumbs put" in p for p in problems)
