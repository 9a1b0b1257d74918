"""The translation catalogs in locale/: complete, not fuzzy, compiled, and up to date.

See docs/translations.md for the commands that update them.
"""

import gettext
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
LOCALES = {
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);",
    "zh_Hans": "nplurals=1; plural=0;",
}
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")


def po_path(locale):
    return BASE_DIR / "locale" / locale / "LC_MESSAGES" / "django.po"


def catalog(locale):
    return polib.pofile(str(po_path(locale)))


def live(po):
    return [entry for entry in po if not entry.obsolete]


def key(entry):
    return (entry.msgctxt, entry.msgid)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_message_is_translated(locale):
    untranslated = [
        entry.msgid
        for entry in live(catalog(locale))
        if not entry.translated() or (entry.msgid_plural and not all(entry.msgstr_plural.values()))
    ]
    assert untranslated == []


@pytest.mark.parametrize("locale", LOCALES)
def test_no_translation_is_fuzzy(locale):
    po = catalog(locale)
    assert not po.metadata_is_fuzzy
    assert [entry.msgid for entry in live(po) if "fuzzy" in entry.flags] == []


@pytest.mark.parametrize("locale", LOCALES)
def test_plural_forms_are_right_for_the_language(locale):
    po = catalog(locale)
    assert po.metadata["Plural-Forms"] == LOCALES[locale]
    nplurals = int(re.search(r"nplurals=(\d)", LOCALES[locale]).group(1))
    for entry in live(po):
        if entry.msgid_plural:
            assert sorted(entry.msgstr_plural) == list(range(nplurals)), entry.msgid


@pytest.mark.parametrize("locale", LOCALES)
def test_translations_keep_the_placeholders(locale):
    """A dropped or renamed %(name)s would raise or show the wrong value on the page."""
    for entry in live(catalog(locale)):
        expected = sorted(PLACEHOLDER.findall(entry.msgid))
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            assert sorted(PLACEHOLDER.findall(text)) == expected, (entry.msgid, text)


@pytest.mark.parametrize("locale", LOCALES)
def test_compiled_catalog_matches_the_po_file(locale):
    """A .po edited without compilemessages fails here, not silently on the site."""
    mo_path = po_path(locale).with_suffix(".mo")
    assert mo_path.exists(), "run: DEBUG=1 .venv/bin/python manage.py compilemessages"
    with mo_path.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    mismatched = []
    for entry in live(catalog(locale)):
        if entry.msgid_plural:
            for n, expected in sorted(entry.msgstr_plural.items()):
                # A number that selects plural form n in this language.
                sample = {0: 1, 1: 2, 2: 5}[n]
                got = (
                    compiled.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, sample)
                    if entry.msgctxt
                    else compiled.ngettext(entry.msgid, entry.msgid_plural, sample)
                )
                if got != expected:
                    mismatched.append((entry.msgid, n, got, expected))
        else:
            got = (
                compiled.pgettext(entry.msgctxt, entry.msgid)
                if entry.msgctxt
                else compiled.gettext(entry.msgid)
            )
            if got != entry.msgstr:
                mismatched.append((entry.msgid, got, entry.msgstr))
    assert mismatched == []
    # And nothing compiled that the .po no longer has (the header is the one extra entry).
    assert len(compiled._catalog) == 1 + sum(
        len(entry.msgstr_plural) if entry.msgid_plural else 1 for entry in live(catalog(locale))
    )


def test_catalogs_hold_every_message_of_the_source(tmp_path):
    """makemessages on a copy of the project finds nothing the catalogs lack.

    Fails when a template or module gains a string and makemessages was not run.
    Extracting needs GNU gettext: skipped without it locally, failed in CI (CI=true).
    """
    if not (shutil.which("xgettext") and shutil.which("msgmerge")):
        reason = "GNU gettext (xgettext, msgmerge) is needed to extract the messages"
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(f"{reason}; install it in CI (apt-get install gettext)", pytrace=False)
        pytest.skip(reason)

    copy = tmp_path / "project"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.mo")
    for name in [
        "config",
        "operations",
        "publishing",
        "web",
        "sources",
        "exchange",
        "maps",
        "cooperation",
        "expo",
        "news",
        "discover",
        "api",
        "templates",
        "locale",
    ]:
        shutil.copytree(BASE_DIR / name, copy / name, ignore=ignore)
    shutil.copy(BASE_DIR / "manage.py", copy / "manage.py")
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", *(f"-l{code}" for code in LOCALES)],
        cwd=copy,
        env={**os.environ, "DEBUG": "1", "DJANGO_SETTINGS_MODULE": "config.settings"},
        check=True,
        capture_output=True,
    )
    for locale in LOCALES:
        extracted = {
            key(entry)
            for entry in live(polib.pofile(str(copy / po_path(locale).relative_to(BASE_DIR))))
        }
        committed = {key(entry) for entry in live(catalog(locale))}
        assert sorted(extracted - committed, key=str) == [], (
            f"new messages for {locale}: run makemessages and translate them"
        )
        assert sorted(committed - extracted, key=str) == [], (
            f"messages no longer in the source for {locale}: run makemessages"
        )
