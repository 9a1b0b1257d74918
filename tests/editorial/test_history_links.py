"""An article's link to its source record, and a source's own fields, are part of their
history (the old article-to-record links became citations in issue 10)."""

from django.urls import reverse

from tests import factories as f


def test_linking_an_article_to_its_source_is_recorded_and_compared(login):
    client = login("publisher")
    article = f.article()
    first = article.history.first()
    source = f.source(kind="hosted", publisher="Rambler", title=article.title)

    article.source = source
    article.save()
    second = article.history.first()

    assert second.history_id != first.history_id
    response = client.get(
        reverse("admin:news_article_history_compare", args=[article.pk]),
        {"a": first.history_id, "b": second.history_id},
    )
    assert response.status_code == 200
    rows = {label: (old, new) for label, old, new in response.context["changes"]}
    assert rows["Source record"][1] == str(source)


def test_a_sources_changes_are_recorded(login):
    client = login("publisher")
    source = f.source(publisher="Xinhua")
    source.title = "China, Russia launch years of local cooperation, exchange"
    source.save()
    assert source.history.count() == 2
    response = client.get(reverse("admin:sources_source_history", args=[source.pk]))
    assert response.status_code == 200
