"""`manage.py check --deploy --fail-level WARNING` passes with the production settings
README gives (deploy/production.env), and fails when one of them is left out."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def production_environment():
    values = {}
    for line in (ROOT / "deploy" / "production.env").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, value = line.partition("=")
            values[key] = value
    values["SECRET_KEY"] = secrets.token_urlsafe(50)
    return values


def check_deploy(environment):
    keep = {key: value for key, value in os.environ.items() if key in {"PATH", "HOME", "LANG"}}
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**keep, "DJANGO_SETTINGS_MODULE": "config.settings", **environment},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_the_production_settings_pass_check_deploy():
    result = check_deploy(production_environment())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "left_out",
    [
        # W005 and W021 are asked only when HSTS is on, so HSTS itself is left out apart.
        {"SECURE_HSTS_SECONDS": "security.W004"},
        {
            "SECURE_HSTS_INCLUDE_SUBDOMAINS": "security.W005",
            "SECURE_HSTS_PRELOAD": "security.W021",
            "SECURE_SSL_REDIRECT": "security.W008",
            "REDIS_URL": "core.W001",
            "TRUSTED_PROXY_COUNT": "core.W002",
        },
    ],
    ids=["hsts", "the-others"],
)
def test_each_setting_is_needed(left_out):
    environment = production_environment()
    for name in left_out:
        del environment[name]
    result = check_deploy(environment)
    assert result.returncode != 0
    for complaint in left_out.values():
        assert complaint in result.stdout + result.stderr
