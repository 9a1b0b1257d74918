import html as html_lib
import re

import pytest

BLOCK_TAGS = (
    "address|article|aside|blockquote|br|caption|dd|div|dl|dt|figcaption|figure|footer|form|"
    "h[1-6]|header|label|li|main|nav|ol|option|p|section|select|table|td|th|tr|ul"
)


def page_text(response):
    """What a reader sees: the page's text, one space between blocks, tags removed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style|head|svg)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(rf"</?(?:{BLOCK_TAGS})\b[^>]*>", " ", html)
    html = re.sub(r"<[^>]+>", "", html)
    return " ".join(html_lib.unescape(html).split())


@pytest.fixture
def get(client):
    """GET a URL and insist on the status, so a test fails on the page, not on its content."""

    def _get(url, data=None, status=200):
        response = client.get(url, data)
        assert response.status_code == status, (url, response.status_code)
        return response

    return _get
