"""The shipped nginx config loads on the nginx the docs tell people to install (Debian
12's nginx 1.22): ``nginx -t``. CI installs nginx (.ci/run), so there this never skips."""

import os
import shutil
from pathlib import Path

import pytest

from tests.production.nginx_check import check

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def nginx():
    if shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists():
        if os.environ.get("CI"):
            pytest.fail("nginx is not installed; .ci/run installs it")
        pytest.skip("nginx is not installed (apt-get install nginx)")


def test_the_shipped_config_passes_nginx_t(nginx):
    passed, output = check(ROOT / "deploy" / "nginx.conf")
    assert passed, output


def test_a_broken_config_fails(nginx, tmp_path):
    """The check can fail: a directive this nginx does not know is refused."""
    broken = tmp_path / "nginx.conf"
    broken.write_text((ROOT / "deploy" / "nginx.conf").read_text() + "\nno_such_directive on;\n")
    passed, output = check(broken)
    assert not passed
    assert "no_such_directive" in output
