"""The admin's traps of issue 26, without a browser: constraint messages in the
editor's language, the history's "(empty)" and who changed, one date style per
language, the time zone on every time field, the article's two dates explained."""

import datetime

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db.models import CheckConstraint, UniqueConstraint
from django.utils import formats, timezone, translation

from tests import factories as f

DEFAULT_MESSAGE = CheckConstraint.default_violation_error_message


def _raw_constraints():
    """Constraints that would show Django's "Constraint “…” is violated."."""
    publication = {"status_valid", "expires_after_go_live"}  # publishing.models: clean()
    for app in ("expo", "cooperation", "news", "sources"):
        for model in apps.get_app_config(app).get_models():
            for constraint in model._meta.constraints:
                if any(constraint.name.endswith(name) for name in publication):
                    continue
                shows_default = isinstance(constraint, CheckConstraint) or (
                    isinstance(constraint, UniqueConstraint) and constraint.condition is not None
                )
                if shows_default and constraint.violation_error_message in (
                    None,
                    constraint.default_violation_error_message,
                ):
                    yield f"{model._meta.label}: {constraint.name}"


def test_every_constraint_has_its_own_message():
    assert list(_raw_constraints()) == []
    assert "is violated" in str(DEFAULT_MESSAGE)  # what the test looks for


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Only one exhibition can be featured on the home page."),
        ("ru", "На главной странице может быть только одна выставка."),
        ("zh-hans", "首页只能推荐一个博览会。"),
    ],
)
def test_a_second_featured_exhibition_is_refused_in_the_editors_language(db, language, expected):
    f.exhibition(featured=True)
    second = f.exhibition()
    second.featured = True
    with translation.override(language), pytest.raises(ValidationError) as refused:
        second.validate_constraints()
    assert refused.value.messages == [expected]
    assert "exhibition_one_featured" not in str(refused.value)


def test_history_says_empty_and_who_changed(publisher):
    region = f.region()
    region.description_en = "Borders Amur Oblast."
    region.save()
    page = publisher.get(f"/admin/cooperation/region/{region.pk}/history/")
    text = page.content.decode()
    assert "(empty) &rarr; Borders Amur Oblast." in text
    assert "None" not in text.split('id="change-history"')[1].split("</table>")[0]
    assert "System (import or command)" in text


@pytest.mark.parametrize(
    ("language", "short", "field"),
    [
        ("en", "2026-07-12 12:00", "2026-07-12"),
        ("ru", "12.07.2026 12:00", "12.07.2026"),
        ("zh-hans", "2026-07-12 12:00", "2026-07-12"),
    ],
)
def test_one_date_style_per_language_in_lists_and_forms(language, short, field):
    moment = datetime.datetime(2026, 7, 12, 12, 0)
    with translation.override(language):
        assert formats.date_format(moment, "SHORT_DATETIME_FORMAT") == short
        assert moment.strftime(formats.get_format("DATE_INPUT_FORMATS")[0]) == field
        assert "noon" not in formats.date_format(moment, "DATETIME_FORMAT")


def test_the_site_time_zone_is_named_on_time_fields(publisher, settings):
    assert settings.TIME_ZONE == "Asia/Shanghai" and settings.USE_TZ
    assert timezone.get_current_timezone_name() == "Asia/Shanghai"
    page = publisher.get("/admin/news/article/add/")
    text = page.content.decode()
    assert "Time in Asia/Shanghai (UTC+08:00)." in text
    # The two dates of an article are named and explained.
    assert "Date of the article" in text and "Show on the site from" in text
    assert "Not the article's own date" in text
