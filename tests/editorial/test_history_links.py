"""An article's links to the records it is the source of are part of its history."""

from django.urls import reverse

from tests import factories as f


def test_changing_an_articles_sources_is_recorded_and_compared(login):
    client = login("publisher")
    article = f.article()
    first = article.history.first()
    heilongjiang = f.region(name="Heilongjiang Province")

    article.regions.add(heilongjiang)  # as the admin's save_m2m does
    second = article.history.first()

    assert second.history_id != first.history_id
    assert [r.region.name for r in second.regions.all()] == ["Heilongjiang Province"]
    response = client.get(
        reverse("admin:news_article_history_compare", args=[article.pk]),
        {"a": first.history_id, "b": second.history_id},
    )
    assert response.status_code == 200
    rows = {label: (old, new) for label, old, new in response.context["changes"]}
    assert rows["Regions"] == ("", "Heilongjiang Province")
