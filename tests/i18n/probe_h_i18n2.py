"""Temporary probe (h_i18n2): dumps problems and HTML of given pages. Deleted after use."""
import os
from tests.provenance.conftest import extras_data  # noqa: F401
from . import wording

PATHS = os.environ.get("PROBE_PATHS", "").split()


def test_probe(client, extras_data):  # noqa: F811
    for path in PATHS:
        r = client.get(path)
        html = r.content.decode()
        name = path.strip("/").replace("/", "_") or "root"
        open(f"/tmp/h_i18n2/{name}.html", "w").write(html)
        lang = path.split("/")[1]
        print("##", path, r.status_code, wording.problems(html, lang))
