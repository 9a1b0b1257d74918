"""Settings for the test suite: the real settings with a throwaway secret key."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-used-anywhere-else")
# Plain static names: pages render without running collectstatic first.
os.environ.setdefault("STATIC_MANIFEST", "0")

from config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests see each page as rendered (query counts, fresh data per test);
# tests/performance turns the page cache on where it is the subject.
PAGE_CACHE = False
# Each test run its own cache, in memory: the local default's files would be shared with
# other runs and `make run` (tests/performance/test_page_cache_paths.py covers them).
if not REDIS_URL:  # noqa: F405
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# A replica mirroring the test database; the router is on only in
# tests/performance/test_replicas.py, which asks for this alias.
if "replica0" not in DATABASES:  # noqa: F405
    DATABASES["replica0"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}  # noqa: F405
