"""Readers browsing the public site (`make load`, bench/load.py runs it headless).

Each simulated reader reads the sitemap index and its sitemap files once, then reads
what readers read: the home page, the enterprise directory with filters, regions,
exhibitions and a site search, plus any other page from the sitemaps (every list and
record page in all three languages), now and then the stylesheet, with a pause of
0.5-2 s between pages as a person reading would. A request that does not answer 200
(or a redirect to a page that does) counts as failed.
"""

import random
import re
from urllib.parse import urlsplit

from locust import HttpUser, between, task

LOC = re.compile(r"<loc>([^<]+)</loc>")
LANGUAGES = ["en", "ru", "zh-hans"]
SEARCHES = ["harbin", "heilongjiang", "expo", "forum", "trade", "Харбин", "哈尔滨"]


def kind(path):
    """Group by the page's kind (its first two path segments) in the statistics."""
    return "/".join(path.split("/")[:3]) + "/…"


class Reader(HttpUser):
    wait_time = between(0.5, 2)

    def on_start(self):
        index = self.client.get("/sitemap.xml", name="/sitemap.xml").text
        pages = []
        for url in LOC.findall(index):
            path = urlsplit(url).path
            if path.endswith(".xml"):  # a sitemap file of the index: its pages
                pages += LOC.findall(self.client.get(path, name="sitemap file").text)
            else:
                pages.append(url)
        self.pages = [urlsplit(url).path for url in pages] or ["/en/"]
        self.regions = [path for path in self.pages if "/regions/" in path.rstrip("/")[4:]]
        self.exhibitions = [path for path in self.pages if "/exhibitions/" in path[4:]]

    def pick(self, paths, fallback):
        return random.choice(paths) if paths else fallback

    @task(6)
    def read_a_page(self):
        path = random.choice(self.pages)
        self.client.get(path, name=kind(path))

    @task(3)
    def open_the_home_page(self):
        self.client.get(f"/{random.choice(LANGUAGES)}/", name="home")

    @task(3)
    def filter_the_directory(self):
        query = random.choice(
            ["", "?country=russia", "?country=china", "?region=heilongjiang", "?sort=country"]
        )
        self.client.get(f"/{random.choice(LANGUAGES)}/enterprises/{query}", name="directory")

    @task(2)
    def read_a_region(self):
        self.client.get(self.pick(self.regions, "/en/regions/"), name="region")

    @task(2)
    def read_an_exhibition(self):
        self.client.get(self.pick(self.exhibitions, "/en/exhibitions/"), name="exhibition")

    @task(1)
    def search(self):
        language = random.choice(LANGUAGES)
        self.client.get(
            f"/{language}/search/", params={"q": random.choice(SEARCHES)}, name="search"
        )

    @task(1)
    def load_the_stylesheet(self):
        self.client.get("/static/css/site.css", name="stylesheet")
