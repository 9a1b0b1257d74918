"""Template filters for the site's languages."""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

from web.languages import foreign_language
from web.languages import language_tag as _language_tag

register = template.Library()


@register.filter
def language_tag(code):
    """``{{ LANGUAGE_CODE|language_tag }}``: the BCP 47 tag for lang and hreflang (zh-Hans).

    "x-default" (hreflang's "any other language") is returned as it is.
    """
    if not code or code == "x-default":
        return code or ""
    return _language_tag(code)


@register.filter
def lang_attr(record, field):
    """``<h2{{ article|lang_attr:"title" }}>``: `` lang="en"`` when the field is shown in
    another language than the page's (no translation yet), else nothing."""
    code = foreign_language(record, field)
    return format_html(' lang="{}"', _language_tag(code)) if code else ""


@register.filter
def label_lang(label):
    """`` lang="en"`` for a label that carries another language (web.languages.InLanguage)."""
    code = getattr(label, "lang", None)
    return format_html(' lang="{}"', _language_tag(code)) if code else ""


CHINESE_DIGITS = "零一二三四五六七八九"


@register.filter
def ordinal_number(number):
    """An edition number as the page's language writes it in names: 6 in English and
    Russian, 六 in Chinese (第六届, as the names in FACTS.md write it; 1 to 99)."""
    if not (get_language() or "").startswith("zh") or not 0 < int(number or 0) < 100:
        return number
    tens, units = divmod(int(number), 10)
    text = (CHINESE_DIGITS[tens] if tens > 1 else "") + ("十" if tens else "")
    return text + (CHINESE_DIGITS[units] if units else "")
