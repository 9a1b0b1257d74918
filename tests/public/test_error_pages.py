"""Error pages in the site's style, in the reader's language."""

import pytest
from django.test import Client
from django.urls import reverse

from tests import factories as f


@pytest.mark.django_db
def test_too_many_parameters_is_a_400_page_in_the_sites_style(client):
    query = "&".join(f"k{n}=v" for n in range(1100))
    response = client.get(f"{reverse('cooperation:region-list')}?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert "This request could not be understood" in html
    assert 'class="site-header"' in html


@pytest.mark.django_db
def test_a_reply_without_csrf_token_gets_a_styled_403():
    article = f.article()
    client = Client(enforce_csrf_checks=True)
    response = client.post(article.get_absolute_url(), {"name": "A", "text": "B"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "The form could not be accepted" in html
    assert 'class="site-header"' in html
