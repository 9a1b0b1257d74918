"""Reading the sitemap as a search engine does: the index, then every file it lists."""

import re
from urllib.parse import urlsplit


def sitemap_files(client):
    """The responses of every sitemap file that /sitemap.xml (an index) lists."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    assert b"<sitemapindex" in index.content
    files = []
    for loc in re.findall(r"<loc>([^<]+)</loc>", index.content.decode()):
        address = urlsplit(loc.replace("&amp;", "&"))
        response = client.get(
            address.path, dict(p.split("=") for p in address.query.split("&") if p)
        )
        assert response.status_code == 200, loc
        files.append(response)
    return files


def sitemap_text(client):
    """Every sitemap file's XML, one after the other (to search for addresses in)."""
    return "".join(response.content.decode() for response in sitemap_files(client))
