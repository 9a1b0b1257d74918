"""Done when: the admin reads correctly in Russian and Chinese on its index (the dashboard),
change lists and change forms: app headings translated, counts with their nouns in
agreement, change-form titles that read as a sentence."""

import pytest

from tests.public.conftest import page_text


def admin_text(client, url, language):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200, url
    return page_text(response)


@pytest.mark.parametrize(
    "language,headings",
    [
        ("ru", ["Межрегиональное сотрудничество", "Статьи и комментарии", "Источники"]),
        ("zh-hans", ["地方合作", "文章与评论", "来源"]),
    ],
)
def test_the_admin_index_names_every_app_in_the_language(admin_client, language, headings):
    text = admin_text(admin_client, "/admin/", language)
    for heading in headings:
        assert heading in text
    for english in ("CORE", "Core", "Publishing", "Data exchange", "Operations", "Public site"):
        assert english not in text.split(), english


@pytest.mark.parametrize(
    "language,expected,not_expected",
    [
        ("ru", "Комментарии, ожидающие модерации: 1", "1 ответы"),
        ("zh-hans", "待审核的评论：1", "replies"),
    ],
)
def test_the_dashboard_counts_replies_in_the_language(
    admin_client, article_data, language, expected, not_expected
):
    from news.models import Article, Reply

    Reply.objects.create(
        article=Article.objects.get(), name="Reader", email="r@example.com", text="A reply."
    )
    text = admin_text(admin_client, "/admin/", language)
    assert expected in text
    assert not_expected not in text


@pytest.mark.parametrize(
    "language,title,add_button",
    [
        ("ru", "Изменение записи: выставка", "Новая запись: выставка"),
        ("zh-hans", "修改展会", "添加展会"),
    ],
)
def test_change_list_and_change_form_titles_read(
    admin_client, article_data, language, title, add_button
):
    from expo.models import Exhibition

    exhibition = Exhibition.objects.get(slug="6th-china-russia-expo")
    changelist = admin_text(admin_client, "/admin/expo/exhibition/", language)
    assert add_button in changelist
    assert "Выберите выставка" not in changelist and "选择 展会" not in changelist
    form = admin_text(admin_client, f"/admin/expo/exhibition/{exhibition.pk}/change/", language)
    assert title in form
    assert "Изменить выставка" not in form


def test_the_reply_list_counts_waiting_replies_with_agreeing_nouns(admin_client, article_data):
    from news.models import Article, Reply

    article = Article.objects.get()
    for n in range(2):
        Reply.objects.create(article=article, name="R", email="r@example.com", text=f"Reply {n}")
    text = admin_text(admin_client, "/admin/news/reply/", "ru")
    assert "2 комментария ждут модерации" in text
    zh = admin_text(admin_client, "/admin/news/reply/", "zh-hans")
    assert "2条评论待审核" in zh
