"""A reader leaves a reply; it waits for moderation; a staff member approves it in the admin."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.conftest import FIXTURES_DIR

pytestmark = pytest.mark.browser

ARTICLE_URL = "/en/articles/interregional-cooperation-accelerated-development/"
REPLY_TEXT = "The forum on 15 June was well attended."


@pytest.fixture
def article_site(site, django_user_model):
    """The live site with the source article and a moderator account."""
    call_command("loaddata", FIXTURES_DIR / "news.json", verbosity=0)
    django_user_model.objects.create_superuser("moderator", "m@example.com", "pw-for-tests-only")
    return site


def test_a_reply_appears_once_a_moderator_approves_it(article_site, page, js_page, csp_violations):
    reader = page
    reader.goto(article_site + ARTICLE_URL)
    reader.get_by_label("Your name").fill("Anna")
    reader.get_by_label("Your email").fill("anna@example.com")
    reader.get_by_label("Your reply").fill(REPLY_TEXT)
    reader.get_by_role("button", name="Send reply").click()

    expect(reader.get_by_role("status")).to_contain_text(
        "Your reply will appear once a moderator approves it."
    )
    expect(reader.get_by_text(REPLY_TEXT)).to_have_count(0)

    staff = js_page
    staff.goto(article_site + "/admin/news/reply/")
    staff.get_by_label("Username").fill("moderator")
    staff.get_by_label("Password").fill("pw-for-tests-only")
    staff.get_by_role("button", name="Log in").click()
    expect(staff.get_by_role("heading", name="1 reply waiting for moderation")).to_be_visible()
    staff.get_by_role("row", name="Anna").get_by_role("checkbox").check()
    staff.get_by_role("combobox", name="Action").select_option(label="Approve selected replies")
    staff.get_by_role("button", name="Go").click()
    expect(staff.get_by_text("1 reply approved")).to_be_visible()
    expect(staff.get_by_role("heading", name="0 replies waiting for moderation")).to_be_visible()

    reader.reload()
    expect(reader.get_by_text(REPLY_TEXT)).to_be_visible()
    expect(reader.get_by_role("heading", name="1 reply", exact=True)).to_be_visible()
    expect(reader.get_by_text("anna@example.com")).to_have_count(0)
    assert csp_violations == []
