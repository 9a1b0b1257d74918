"""A reader switches language with the switcher and stays on the same page."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_reader_switches_the_exhibition_page_to_russian_and_chinese(page, site, csp_violations):
    page.goto(site + "/en/exhibitions/6th-china-russia-expo/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    switcher = page.get_by_role("navigation", name="Language")
    expect(switcher.get_by_role("link", name="English")).to_have_attribute("aria-current", "true")

    switcher.get_by_role("link", name="Русский").click()

    expect(page).to_have_url(re.compile(r"/ru/exhibitions/6th-china-russia-expo/$"))
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.get_by_role("heading", level=1)).to_have_text("6-е Российско-Китайское ЭКСПО")
    expect(page.get_by_role("link", name="Харбин", exact=True).first).to_be_visible()
    expect(
        page.get_by_role("navigation", name="Разделы").get_by_role("link", name="Выставки")
    ).to_be_visible()

    page.get_by_role("navigation", name="Язык").get_by_role("link", name="简体中文").click()

    expect(page).to_have_url(re.compile(r"/zh-hans/exhibitions/6th-china-russia-expo/$"))
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    expect(page.get_by_role("heading", level=1)).to_have_text("第六届中国-俄罗斯博览会")
    expect(page.get_by_text("2019年6月15日至19日")).to_be_visible()
    assert csp_violations == []


def test_a_filtered_list_stays_filtered_in_another_language(page, site):
    page.goto(site + "/ru/regions/?country=russia")
    expect(page.get_by_role("link", name="Республика Саха (Якутия)")).to_be_visible()

    page.get_by_role("navigation", name="Язык").get_by_role("link", name="English").click()

    expect(page).to_have_url(re.compile(r"/en/regions/\?country=russia$"))
    expect(page.get_by_label("Country")).to_have_value("russia")
    expect(page.get_by_role("link", name="Republic of Sakha (Yakutia)")).to_be_visible()
    expect(page.get_by_role("link", name="Heilongjiang Province")).to_have_count(0)
