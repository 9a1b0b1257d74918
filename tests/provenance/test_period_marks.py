"""The period of the thematic years (2018-2019) shows its source wherever it is shown:
the home page, the councils and the fund (issue 24). FACTS.md: Xinhua, 2018-02-07."""

import pytest
from django.urls import reverse
from django.utils import translation

from cooperation.models import Council, InvestmentFund

from .conftest import soup


def _pages():
    return [
        reverse("home"),
        reverse("cooperation:council-list"),
        Council.objects.get().get_absolute_url(),
        InvestmentFund.objects.get().get_absolute_url(),
    ]


@pytest.mark.parametrize("language", ["en", "ru", "zh-hans"])
def test_the_period_cites_the_report_that_gives_it(client, article_data, language):
    with translation.override(language):
        paths = _pages()
    for path in paths:
        page = soup(client.get(path))
        mark = page.select_one("main span.source[data-supports='period']")
        assert mark is not None, path
        assert mark.select_one("a[data-source='xinhua-2018-02-07']") is not None, path
        # Beside the thematic years' name, which holds the period.
        assert "2018" in mark.parent.get_text(), path
