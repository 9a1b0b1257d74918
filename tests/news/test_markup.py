"""Article bodies: Markdown renders; anything outside the allow-list never reaches the page."""

import pytest

from news.markup import render_markdown
from tests import factories as f


def test_markdown_emphasis_links_and_paragraphs():
    html = render_markdown("One *two* **three**.\n\nSee [the report](https://example.org/r).")
    assert "<p>One <em>two</em> <strong>three</strong>.</p>" in html
    assert '<a href="https://example.org/r" rel="nofollow noopener">the report</a>' in html


@pytest.mark.parametrize(
    ("source", "forbidden"),
    [
        ("Hi <script>alert('x')</script> there", "alert"),
        ('<img src="x" onerror="alert(1)">', "onerror"),
        ("[click](javascript:alert(1))", "javascript:"),
        ('<a href="https://example.org" onclick="steal()">x</a>', "onclick"),
        ('<p style="position:fixed">covered</p>', "style="),
        ("<iframe src='https://evil.example'></iframe>", "iframe"),
        ("<style>body{display:none}</style>", "display:none"),
    ],
)
def test_dangerous_markup_is_removed(source, forbidden):
    assert forbidden not in render_markdown(source)


def test_a_top_level_heading_does_not_become_a_second_h1():
    html = render_markdown("# Big\n\n## Section")
    assert "<h1" not in html
    assert "<h2>Big</h2>" in html  # every level moves down one: the title is the only h1
    assert "<h3>Section</h3>" in html


@pytest.mark.django_db
def test_script_in_an_article_body_never_reaches_the_page(client):
    article = f.article(body="Before <script>document.title='pwned'</script> *after*")
    content = client.get(article.get_absolute_url()).content.decode()
    assert "pwned" not in content
    assert "<em>after</em>" in content
