"""In a real Chromium: the header search without JavaScript, JSON-LD under the strict CSP."""

import json

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_reader_searches_from_the_header_without_javascript(page, site, csp_violations):
    page.goto(site + "/ru/")
    search = page.get_by_role("search")
    search.get_by_role("searchbox").fill("Harbin")  # the Russian page, an English name
    search.get_by_role("button").click()
    expect(page).to_have_url(site + "/ru/search/?q=Harbin")
    first_group = page.locator(".search-group").first
    expect(first_group.get_by_role("heading", level=2)).to_contain_text("Города")
    expect(first_group.get_by_role("link").first).to_have_text("Харбин")
    expect(page.get_by_role("link", name="6-е Российско-Китайское ЭКСПО")).to_be_visible()
    assert csp_violations == []


def test_json_ld_is_read_under_the_strict_csp_without_violations(js_page, site, csp_violations):
    response = js_page.goto(site + "/en/exhibitions/6th-china-russia-expo/")
    assert "unsafe-inline" not in response.headers["content-security-policy"]
    blocks = js_page.eval_on_selector_all(
        'script[type="application/ld+json"]', "nodes => nodes.map(n => n.textContent)"
    )
    types = [json.loads(block)["@type"] for block in blocks]
    assert types == ["ExhibitionEvent", "BreadcrumbList"]
    assert csp_violations == []
