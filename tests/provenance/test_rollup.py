"""A region page that shows what belongs to a larger or a smaller region says so, and each
step of "part of" shows its own source: a reader never takes the Russian Far East's
mechanism for a fact about Sakha."""

from django.utils import translation

from cooperation.models import Region

from .conftest import soup


def _page(client, slug):
    with translation.override("en"):
        return soup(client.get(Region.objects.get(slug=slug).get_absolute_url()))


def test_a_larger_regions_mechanism_says_so_on_sakhas_page(client, article_data):
    page = _page(client, "sakha")
    mechanisms = page.select_one("#mechanisms-heading").find_parent("section")
    item = next(li for li in mechanisms.select("li") if "Russian Far East" in li.text)
    rollup = item.select_one(".rollup")
    assert rollup is not None
    assert "applies to a larger region: Russian Far East" in " ".join(rollup.text.split())
    assert "this region is not named in it" in rollup.text


def test_a_mechanism_naming_the_region_itself_has_no_rollup_note(client, article_data):
    page = _page(client, "russian-far-east")
    mechanisms = page.select_one("#mechanisms-heading").find_parent("section")
    assert mechanisms.select("li") and not mechanisms.select(".rollup")


def test_each_step_of_part_of_shows_its_own_source(client, article_data):
    steps = _page(client, "sakha").select(".part-of > li")
    assert [step.a.text for step in steps] == ["Far Eastern Federal District", "Russian Far East"]
    district, far_east = steps
    assert [s["data-source"] for s in district.select(".note a")] == [
        "presidential-decree-849-2018"
    ]
    assert not district.select(".note--editors")
    # The district in the Russian Far East: stated by no source, an editors' note only.
    assert "through: Far Eastern Federal District" in " ".join(far_east.text.split())
    # Its mark is an editors' note's, and leads to the note in the page's list.
    [mark] = far_east.select(".note a")
    assert mark.find_parent("sup")["class"] == ["note", "note--editors"]
    assert mark["data-source"] == "editors-russian-far-east"
    page = _page(client, "sakha")
    note = page.select_one(mark["href"]).select_one(".editors-note")
    assert note["data-source"] == "editors-russian-far-east"


def test_what_a_smaller_region_hosted_says_through_which(client, article_data):
    page = _page(client, "northeast-china")
    hosted = page.select_one("#exhibitions-heading").find_parent("section")
    item = next(li for li in hosted.select("li") if "6th China-Russia EXPO" in li.text)
    assert "through a region within it: Heilongjiang Province" in " ".join(item.text.split())
    guests = _page(client, "russian-far-east").select_one("#guest-heading").find_parent("section")
    text = " ".join(guests.text.split())
    assert "through a region within it: Republic of Sakha (Yakutia)" in text
