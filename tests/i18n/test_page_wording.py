"""Done when: every public page in Russian and Chinese reads as a native editor writes it.

The pages are walked from the sitemap (every page, every filter the sitemap lists), with
the article data and again with the extras. The checks (tests/i18n/wording.py) fail on
ASCII punctuation next to Chinese, a space after full-width punctuation, three English
words outside an element marked lang="en", a Russian heading or title starting in lower
case, and a number whose noun does not agree with it.
"""

import pytest

from tests.provenance.conftest import (
    extras_data,  # noqa: F401 (a fixture)
    sitemap_paths,
)

from . import wording

LANGUAGES = ["ru", "zh-hans"]


def walk(client):
    found = {}
    for path in sitemap_paths(client):
        language = path.split("/")[1]
        if language not in LANGUAGES:
            continue
        response = client.get(path)
        assert response.status_code == 200, path
        for problem in wording.problems(response.content.decode(), language):
            found.setdefault(problem, []).append(path)
    return found


def report(found):
    return "\n".join(
        f"{problem}  ({len(paths)} pages, e.g. {paths[0]})" for problem, paths in found.items()
    )


def test_every_page_reads_natively_with_the_article_data(client, article_data):
    found = walk(client)
    assert not found, report(found)


def test_every_page_reads_natively_with_the_extras(client, extras_data):  # noqa: F811
    found = walk(client)
    assert not found, report(found)


# The checks themselves, on small pieces of markup.


@pytest.mark.parametrize(
    "html,language,expected",
    [
        ("<p>来源：Rambler(英文)</p>", "zh-hans", "ASCII punctuation"),
        ("<p>发布者： 新华社</p>", "zh-hans", "space after"),
        ("<p>Статья: Interregional cooperation between China</p>", "ru", "English without"),
        ("<h2>провинция Хэйлунцзян</h2>", "ru", "lower case"),
        ("<p>1 комментариев</p>", "ru", "plural does not agree"),
        ("<p>22 предприятий</p>", "ru", "plural does not agree"),
        ("<p>из 1 383 предприятия</p>", "ru", "plural does not agree"),
    ],
)
def test_the_checks_find_what_an_editor_would_mark(html, language, expected):
    page = f'<html lang="{language}"><body>{html}</body></html>'
    assert any(expected in problem for problem in wording.problems(page, language))


@pytest.mark.parametrize(
    "html,language",
    [
        ('<p>来源：<cite lang="en">Rambler</cite>（英文）</p>', "zh-hans"),
        ('<p>Статья: <a lang="en">Interregional cooperation between China</a></p>', "ru"),
        ("<h2>Провинция Хэйлунцзян</h2><p>21 комментарий, 3 предприятия, 11 регионов</p>", "ru"),
        ("<p>2019年6月15日至19日，哈尔滨、长沙</p>", "zh-hans"),
        ("<p>Ни одно из 1 383 предприятий, из 21 региона</p>", "ru"),
    ],
)
def test_the_checks_pass_what_an_editor_would_sign(html, language):
    page = f'<html lang="{language}"><body>{html}</body></html>'
    assert wording.problems(page, language) == []
