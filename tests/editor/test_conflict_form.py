"""Issue 29: when two people save one record, the conflict form keeps both people's work.

Ann and Bob (both Publishers) open the same change form; Ann saves first, then Bob saves
his stale form, as the browser posts it. Bob's save is refused and his form comes back:

- a field only Ann changed holds Ann's value (saving again keeps her work);
- a field only Bob changed holds his;
- a field both changed holds Bob's, with both versions side by side next to it;
- the headline says what happened and what the form now holds.

Bob then saves the form as shown, and the record holds both people's work.
"""

import datetime
import html
import importlib
import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from cooperation.models import Region
from expo.models import Exhibition, Forum
from tests import factories as f
from tests.browser.conftest import browser, csp_violations, js_page  # noqa: F401 (fixtures)
from tests.security.conftest import browser_form, change_url, open_form


def _publisher(username):
    """A client logged in as a new Publisher."""
    if not Group.objects.filter(name="Publishers").exists():
        # A transactional test empties the tables, the roles' groups too.
        importlib.import_module("publishing.migrations.0001_roles").create_roles(apps, None)
    user = get_user_model().objects.create_user(username, password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Publishers"))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def publishers(db):
    """Ann and Bob, two Publishers, logged in."""
    return _publisher("ann"), _publisher("bob")


def _text(markup):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def _notes(response, name):
    """The text shown above field ``name``: its error list (empty if none)."""
    found = re.search(
        rf'<ul class="errorlist"[^>]* id="id_{name}_error">(.*?)</ul>',
        response.content.decode(),
        re.S,
    )
    return _text(found.group(1)) if found else ""


def _headline(response):
    found = re.search(r'<ul class="errorlist nonfield">(.*?)</ul>', response.content.decode(), re.S)
    return _text(found.group(1)) if found else ""


def test_fields_only_the_other_person_changed_keep_their_values(publishers):
    ann, bob = publishers
    old_city, new_city = f.city(name="Harbin"), f.city(name="Yekaterinburg")
    exhibition = f.exhibition(name="6th China-Russia EXPO", city=old_city)
    url = change_url(exhibition)
    ann_form, bob_form = open_form(ann, url), open_form(bob, url)
    assert "featured" not in ann_form

    # Ann renames it, moves it to another city and features it: text, autocomplete, checkbox.
    ann_saves = {**ann_form, "name_en": "The 6th EXPO", "city": str(new_city.pk), "featured": "on"}
    assert ann.post(url, ann_saves).status_code == 302
    # Bob, in his older form, writes the theme only.
    stale = bob.post(url, {**bob_form, "theme_en": "Open cooperation"})

    assert stale.status_code == 200
    headline = _headline(stale)
    assert headline.startswith("ann saved this record at ")
    assert "after you opened it. Nothing is saved yet" in headline
    assert "Fields only they changed now hold their values, so saving again keeps them." in (
        headline
    )
    assert "both versions" not in headline  # no field was changed by both
    shown = browser_form(stale)
    assert shown["name_en"] == "The 6th EXPO"  # Ann's
    assert shown["city"] == str(new_city.pk)  # Ann's
    assert shown["featured"] == "on"  # Ann's
    assert shown["theme_en"] == "Open cooperation"  # Bob's own, as he left it
    for name in ("name_en", "city", "featured"):
        assert _notes(stale, name) == "Changed by ann meanwhile; their value is kept."
    assert _notes(stale, "theme_en") == ""
    exhibition.refresh_from_db()
    assert exhibition.name_en == "The 6th EXPO" and not exhibition.theme_en  # Bob's not saved

    assert bob.post(url, shown).status_code == 302  # Bob saves the form as shown
    exhibition.refresh_from_db()
    assert exhibition.name_en == "The 6th EXPO"
    assert exhibition.city == new_city
    assert exhibition.featured is True
    assert exhibition.theme_en == "Open cooperation"
    assert exhibition.history.count() == 3  # created, Ann's save, Bob's save


def test_a_field_both_changed_shows_both_versions_and_keeps_yours(publishers):
    ann, bob = publishers
    region = f.region(name="Heilongjiang", iso_code="")
    url = change_url(region)
    ann_form, bob_form = open_form(ann, url), open_form(bob, url)

    assert ann.post(url, {**ann_form, "name_en": "Heilongjiang Province"}).status_code == 302
    stale = bob.post(url, {**bob_form, "name_en": "Heilongjiang (China)", "iso_code": "CN-HL"})

    assert stale.status_code == 200
    headline = _headline(stale)
    assert "Fields you both changed show both versions. The form holds yours" in headline
    assert "Fields only they changed" not in headline
    shown = browser_form(stale)
    assert shown["name_en"] == "Heilongjiang (China)"  # Bob's, in the form
    assert shown["iso_code"] == "CN-HL"
    versions = re.search(
        r'id="id_name_en_error">.*?<dl class="edit-conflict-versions">(.*?)</dl>',
        stale.content.decode(),
        re.S,
    )
    assert versions, "no side-by-side versions next to the name"
    sides = [_text(side) for side in re.findall(r"<div[^>]*>(.*?)</div>", versions.group(1), re.S)]
    assert sides[0] == "Yours (in the form) Heilongjiang (China)"
    assert re.fullmatch(r"Saved by ann at .+ Heilongjiang Province", sides[1])
    assert _notes(stale, "iso_code") == ""
    region.refresh_from_db()
    assert (region.name_en, region.iso_code) == ("Heilongjiang Province", "")  # refused

    # Bob has seen both names and keeps his: saving the form as shown is his decision.
    assert bob.post(url, shown).status_code == 302
    region.refresh_from_db()
    assert (region.name_en, region.iso_code) == ("Heilongjiang (China)", "CN-HL")
    assert region.history.count() == 3


def test_links_only_the_other_person_changed_keep_their_value(publishers):
    ann, bob = publishers
    china, russia, mongolia = f.country("CN"), f.country("RU"), f.country("MN")
    forum = f.forum(name="Harbin forum")
    forum.countries.set([mongolia])
    url = change_url(forum)
    ann_form, bob_form = open_form(ann, url), open_form(bob, url)

    ann_saves = {**ann_form, "countries": [str(china.pk), str(russia.pk)]}
    assert ann.post(url, ann_saves).status_code == 302
    stale = bob.post(url, {**bob_form, "name_en": "Harbin trade forum"})

    assert stale.status_code == 200
    shown = browser_form(stale)
    assert sorted(shown["countries"]) == sorted([str(china.pk), str(russia.pk)])
    assert _notes(stale, "countries") == "Changed by ann meanwhile; their value is kept."
    assert shown["name_en"] == "Harbin trade forum"

    assert bob.post(url, shown).status_code == 302
    forum = Forum.objects.get(pk=forum.pk)
    assert set(forum.countries.all()) == {china, russia}
    assert forum.name_en == "Harbin trade forum"


def test_a_time_only_the_other_person_changed_keeps_its_value(publishers):
    ann, bob = publishers
    region = f.region(name="Primorsky Krai", country=f.country("RU"))
    url = change_url(region)
    ann_form, bob_form = open_form(ann, url), open_form(bob, url)

    # Ann schedules it: 20 June 2031, 09:30 in the site's time zone (Asia/Shanghai).
    ann_saves = {**ann_form, "publish_at_0": "2031-06-20", "publish_at_1": "09:30:00"}
    assert ann.post(url, ann_saves).status_code == 302
    scheduled = Region.objects.get(pk=region.pk).publish_at
    assert timezone.localtime(scheduled).replace(tzinfo=None) == datetime.datetime(
        2031, 6, 20, 9, 30
    )
    stale = bob.post(url, {**bob_form, "iso_code": "RU-PRI"})

    assert stale.status_code == 200
    shown = browser_form(stale)
    as_stored = open_form(ann, url)  # the form as a fresh page shows Ann's time
    assert (shown["publish_at_0"], shown["publish_at_1"]) == (
        as_stored["publish_at_0"],
        as_stored["publish_at_1"],
    )
    assert shown["publish_at_0"] == "2031-06-20" and shown["publish_at_1"].startswith("09:30")
    assert _notes(stale, "publish_at") == "Changed by ann meanwhile; their value is kept."

    assert bob.post(url, shown).status_code == 302
    region.refresh_from_db()
    assert (region.publish_at, region.iso_code) == (scheduled, "RU-PRI")


def test_an_amount_and_a_text_only_the_other_person_changed_keep_their_values(publishers):
    """A decimal, and a text whose line ends the browser posts as CRLF (it was stored with
    LF, as an import writes it): Bob left both alone, so both take Ann's values."""
    ann, bob = publishers
    figure = f.trade_figure(value="10.00", note_en="Customs data.\nPreliminary.")
    url = change_url(figure)
    ann_form, bob_form = open_form(ann, url), open_form(bob, url)
    assert bob_form["value"] == "10.00"

    ann_saves = {**ann_form, "value": "107.50", "note_en": "Customs data, final."}
    assert ann.post(url, ann_saves).status_code == 302
    as_a_browser_posts = {**bob_form, "note_en": bob_form["note_en"].replace("\n", "\r\n")}
    stale = bob.post(url, {**as_a_browser_posts, "is_record": "on"})

    assert stale.status_code == 200
    shown = browser_form(stale)
    assert (shown["value"], shown["note_en"]) == ("107.50", "Customs data, final.")
    assert "edit-conflict-versions" not in stale.content.decode()
    assert shown["is_record"] == "on"

    assert bob.post(url, shown).status_code == 302
    figure.refresh_from_db()
    assert (str(figure.value), figure.note_en, figure.is_record) == (
        "107.50",
        "Customs data, final.",
        True,
    )


def test_a_field_changed_to_the_same_value_by_both_is_no_question(publishers):
    ann, bob = publishers
    exhibition = f.exhibition(name="EXPO")
    url = change_url(exhibition)
    ann_form, bob_form = open_form(ann, url), open_form(bob, url)

    assert ann.post(url, {**ann_form, "name_en": "The EXPO"}).status_code == 302
    stale = bob.post(url, {**bob_form, "name_en": "The EXPO"})

    assert stale.status_code == 200  # still shown: someone saved in between
    assert "edit-conflict-versions" not in stale.content.decode()
    assert browser_form(stale)["name_en"] == "The EXPO"


def test_changed_rows_are_named_and_what_saving_again_does_is_said(publishers):
    ann, bob = publishers
    exhibition = f.exhibition(name="6th China-Russia EXPO")
    f.participation(exhibition=exhibition, enterprises=1246)
    url = change_url(exhibition)
    ann_form, bob_form = open_form(ann, url), open_form(bob, url)
    row = next(k for k, v in ann_form.items() if k.endswith("-enterprises") and v == "1246")

    assert ann.post(url, {**ann_form, row: "1247"}).status_code == 302
    stale = bob.post(url, {**bob_form, "name_en": "The 6th China-Russia EXPO"})

    assert stale.status_code == 200
    assert (
        "“participation by country” were changed too. They are shown as you left them: saving "
        "again saves them as shown, over the other changes to them."
    ) in _headline(stale)
    assert Exhibition.objects.get(pk=exhibition.pk).name_en == "6th China-Russia EXPO"


@pytest.mark.parametrize(
    "language,headline,note",
    [
        ("ru", "Пока ничего не сохранено", "Изменено пользователем ann"),
        ("zh-hans", "尚未保存任何内容", "ann 在此期间修改了此字段"),
    ],
)
def test_the_conflict_form_speaks_the_editors_language(publishers, language, headline, note):
    ann, bob = publishers
    region = f.region(name="Amur", country=f.country("RU"))
    url = change_url(region)
    ann_form = browser_form(ann.get(url, HTTP_ACCEPT_LANGUAGE=language))
    bob_form = browser_form(bob.get(url, HTTP_ACCEPT_LANGUAGE=language))
    ann.post(url, {**ann_form, "name_en": "Amur Oblast"}, HTTP_ACCEPT_LANGUAGE=language)

    stale = bob.post(url, {**bob_form, "iso_code": "RU-AMU"}, HTTP_ACCEPT_LANGUAGE=language)
    assert stale.status_code == 200
    assert headline in _headline(stale)
    assert note in _notes(stale, "name_en")
    assert browser_form(stale)["name_en"] == "Amur Oblast"


# In Chromium: the two versions side by side on a laptop, one above the other on a phone.


@pytest.mark.browser
@pytest.mark.parametrize("width,stacked", [(1366, False), (390, True)])
def test_both_versions_read_on_a_laptop_and_a_phone(
    js_page,  # noqa: F811
    csp_violations,  # noqa: F811
    live_server,
    transactional_db,
    width,
    stacked,
):
    from playwright.sync_api import expect

    from tests.browser.test_editor_journey import _shot

    page = js_page
    page.set_viewport_size({"width": width, "height": 900})
    # Bob in the browser opens the form; Ann saves meanwhile; Bob saves his name.
    ann, bob = _publisher("ann"), _publisher("bob")
    region = f.region(name="Heilongjiang")
    url = change_url(region)
    page.context.add_cookies(
        [{"name": "sessionid", "value": bob.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.goto(live_server.url + url)
    ann_form = open_form(ann, url)
    assert ann.post(url, {**ann_form, "name_en": "Heilongjiang Province"}).status_code == 302
    page.locator("#id_name_en").fill("Heilongjiang, a province of China")
    page.locator("input[name=_continue]").click()

    versions = page.locator(".field-name_en .edit-conflict-versions > div")
    expect(versions).to_have_count(2)  # waits for the page the save answers with
    yours, theirs = versions.nth(0).bounding_box(), versions.nth(1).bounding_box()
    _shot(page, f"conflict-{width}")
    assert page.locator("#id_name_en").input_value() == "Heilongjiang, a province of China"
    assert "Heilongjiang Province" in versions.nth(1).inner_text()
    if stacked:
        assert theirs["y"] >= yours["y"] + yours["height"]  # one above the other
    else:
        assert theirs["y"] == yours["y"] and theirs["x"] > yours["x"]  # side by side
    for box in (yours, theirs):
        assert box["x"] >= 0 and box["x"] + box["width"] <= width  # nothing cut off
    assert csp_violations == []
