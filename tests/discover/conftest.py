# The browser fixtures (a system Chromium through Playwright) for test_browser.py.

from tests.browser.conftest import (  # noqa: F401
    browser,
    csp_violations,
    js_page,
    page,
    site,
)
