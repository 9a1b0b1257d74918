"""Settings for bench/pages.py: the real settings plus a minimal view, the floor."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
