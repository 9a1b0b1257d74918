"""Readers browsing the public site (`make load`, bench/load.py runs it headless).

Each simulated reader reads the sitemap once, then opens public pages from it at
random (every list and record page in all three languages), now and then the
stylesheet, with a pause of 0.5-2 s between pages as a person reading would.
"""

import random
import re
from urllib.parse import urlsplit

from locust import HttpUser, between, task

LOC = re.compile(r"<loc>([^<]+)</loc>")


class Reader(HttpUser):
    wait_time = between(0.5, 2)

    def on_start(self):
        response = self.client.get("/sitemap.xml", name="/sitemap.xml")
        self.pages = [urlsplit(url).path for url in LOC.findall(response.text)] or ["/en/"]

    @task(10)
    def read_a_page(self):
        path = random.choice(self.pages)
        # Group by the page's kind (its first two path segments) in the statistics.
        name = "/".join(path.split("/")[:3]) + "/…"
        self.client.get(path, name=name)

    @task(2)
    def open_the_home_page(self):
        self.client.get(random.choice(["/en/", "/ru/", "/zh-hans/"]), name="home")

    @task(1)
    def load_the_stylesheet(self):
        self.client.get("/static/css/site.css", name="stylesheet")
