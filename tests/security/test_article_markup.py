"""Finding 10: an article's text is never silently lost, and the editor sees a preview."""

import pytest
from django.urls import reverse

from news.markup import render_markdown
from news.models import Article
from tests import factories as f

from .conftest import browser_form

UNCLOSED = [
    "<script>alert(1)",
    "<style>p {color: red}",
    "<SCRIPT type='text/javascript'>",
    "<textarea>",
    "<title>",
    "<iframe src='https://example.org'>",
    "<noscript>",
    "<xmp>",
    "<plaintext>",
    "<template>",
]


@pytest.mark.parametrize("tag", UNCLOSED)
def test_the_rest_of_the_article_survives_an_unclosed_tag(tag):
    for source in (
        f"The EXPO opened.\n\n{tag}\n\nIt closed on **19 June**.",
        f"The EXPO opened {tag} in Harbin.\n\nIt closed on **19 June**.",
    ):
        html = render_markdown(source)
        assert "The EXPO opened" in html
        assert "19 June" in html, (tag, html)
        assert "<script" not in html.lower() and "<style" not in html.lower()


@pytest.mark.django_db
def test_the_public_page_keeps_the_text_after_an_unclosed_script(client):
    article = f.article(body="Opening.\n\n<script>document.title='x'\n\nThe closing paragraph.")
    content = client.get(article.get_absolute_url()).content.decode()
    assert "The closing paragraph." in content
    assert "<script>document.title" not in content


def _article_form(client, article):
    url = reverse("admin:news_article_change", args=[article.pk])
    return url, browser_form(client.get(url))


@pytest.mark.parametrize(
    "body",
    [
        "Intro.\n\n<script>alert(1)\n\nThe rest.",
        "Intro <style>p{}</style> and more.",
        "Intro.\n\n<textarea>\n\nThe rest.",
    ],
)
@pytest.mark.parametrize("role", ["editor", "publisher"])
def test_the_form_refuses_a_body_whose_text_would_be_lost(login, body, role):
    article = f.article(body="The original body.")
    client = login(role)
    url, form = _article_form(client, article)

    response = client.post(url, {**form, "body_en": body})

    assert response.status_code == 200
    assert "a reader would not see what it encloses" in response.content.decode()
    assert Article.objects.get(pk=article.pk).body_en == "The original body."


def test_a_tag_written_as_code_is_fine(login):
    article = f.article(body="The original body.")
    client = login("editor")
    url, form = _article_form(client, article)
    body = "Write `<script>` as code; it shows as text."
    assert client.post(url, {**form, "body_en": body}).status_code == 302
    assert "<code>&lt;script&gt;</code>" in render_markdown(body)


def test_the_change_form_previews_the_body_and_links_the_page(login):
    article = f.article(title="EXPO report", body="The EXPO **opened**.", status="draft")
    client = login("editor")
    page = client.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
    assert "<strong>opened</strong>" in page
    assert f'href="{article.get_absolute_url()}"' in page
    preview = client.get(article.get_absolute_url())
    assert preview.status_code == 200  # staff see a draft's page, under a notice
    assert "Draft — not visible to the public." in preview.content.decode()


def _preview_url():
    return reverse("admin:news_article_body_preview")


@pytest.mark.parametrize("role", ["editor", "publisher"])
def test_unsaved_changes_can_be_previewed_without_saving(login, role):
    article = f.article(title="EXPO report", body="The original body.")
    client = login(role)
    url, form = _article_form(client, article)
    assert f'formaction="{_preview_url()}"' in client.get(url).content.decode()

    form = {
        **form,
        "body_en": "The EXPO **opened**.\n\n<script>x\n\nIt closed.",
        "body_ru": "Открылась.",
    }
    response = client.post(_preview_url(), form)

    assert response.status_code == 200
    page = response.content.decode()
    assert "<strong>opened</strong>" in page
    assert "It closed." in page  # kept as text, and the editor is told the save will fail:
    assert "Saving will be refused: the text holds &lt;script&gt;" in page
    assert "Открылась." in page
    assert Article.objects.get(pk=article.pk).body_en == "The original body."


def test_the_preview_page_is_for_staff_who_may_edit_articles(login):
    assert login("anonymous").post(_preview_url(), {"body_en": "x"}).status_code == 302  # login
    assert login("editor").get(_preview_url()).status_code == 405
