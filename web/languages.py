"""The site's languages as readers and crawlers see them: tags, native names, addresses.

Everything here resolves and reverses URL patterns only: no database query.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import NoReverseMatch, Resolver404, get_script_prefix, resolve, reverse
from django.utils.translation import get_language, get_language_info, override, to_locale
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname


def language_tag(code):
    """The BCP 47 tag of a Django language code, for lang and hreflang: zh-hans -> zh-Hans."""
    return to_locale(code).replace("_", "-")


def shown_language(record, field):
    """The code of the language ``record.field`` is shown in on this page: the page's, or,
    without a translation, the one django-modeltranslation falls back to (English).

    For ``inLanguage`` and ``xml:lang``: a Russian page showing an English name says so.
    """
    current = get_language() or settings.LANGUAGE_CODE
    fallbacks = getattr(settings, "MODELTRANSLATION_FALLBACK_LANGUAGES", ())
    for code in (current, *fallbacks):
        if getattr(record, build_localized_fieldname(field, code), None):
            return code
    return current


def is_translated(model, field):
    """Whether ``model.field`` is stored once per language (django-modeltranslation)."""
    try:
        return field in translator.get_options_for_model(model).get_field_names()
    except NotRegistered:
        return False


def foreign_language(record, field):
    """The code of the language ``record.field`` is shown in when it is not the page's,
    else None: for ``lang`` on an English title on a Russian page.

    A field kept in one language only (a publisher's name) is in the default language.
    """
    current = get_language() or settings.LANGUAGE_CODE
    if is_translated(type(record), field):
        code = shown_language(record, field)
    else:
        code = settings.LANGUAGE_CODE
    return None if code == current else code


class InLanguage(str):
    """A string that knows the language it is in (``.lang``), e.g. a breadcrumb."""

    def __new__(cls, text, lang):
        value = super().__new__(cls, text)
        value.lang = lang
        return value


def record_label(record):
    """``str(record)``, carrying ``.lang`` when it is shown in another language than the
    page's (the translated field its ``__str__`` shows fell back to English)."""
    text = str(record)
    try:
        fields = translator.get_options_for_model(type(record)).get_field_names()
    except NotRegistered:
        return text
    for field in fields:
        if getattr(record, field, None) == text:
            lang = foreign_language(record, field)
            return InLanguage(text, lang) if lang else text
    return text


@dataclass(frozen=True)
class LanguageLink:
    code: str  # Django's code, e.g. "zh-hans"
    tag: str  # BCP 47, e.g. "zh-Hans"
    name: str  # the language's own name, e.g. "简体中文"
    url: str  # this page in that language, query string kept
    is_current: bool


@dataclass(frozen=True)
class PageLanguages:
    links: list  # LanguageLink for each of settings.LANGUAGES, in that order
    alternates: list  # (hreflang, absolute URL), x-default last; empty for a missing page


def page_languages(request, *, alternates=True):
    """This page in each of the site's languages, for the switcher and the hreflang links.

    The query string is kept, so a filtered list stays filtered in another language.
    An address that matches no URL pattern links to each language's home page and
    declares no alternates (404.html also leaves out those of a missing record).
    x-default is the address without a language prefix, which LocaleMiddleware
    redirects to the reader's language (as in Django's sitemap).
    ``alternates=False`` (the error pages) leaves out the absolute addresses, which read
    the Host header: after an unknown host, that would raise the same error again.
    """
    current = get_language()
    path, query = _path_and_query(request)
    match = _resolved(request)
    links = []
    for code, _name in settings.LANGUAGES:
        if match is None:
            with override(code):
                url = reverse("home")
        else:
            url = _in_language(match, code, path) + query
        links.append(
            LanguageLink(
                code=code,
                tag=language_tag(code),
                name=get_language_info(code)["name_local"],
                url=url,
                is_current=code == current,
            )
        )
    absolute = []
    if match is not None and alternates:
        absolute = [(link.tag, request.build_absolute_uri(link.url)) for link in links]
        default_url = next(link.url for link in links if link.code == settings.LANGUAGE_CODE)
        script_prefix = get_script_prefix()
        language_prefix = f"{script_prefix}{settings.LANGUAGE_CODE}/"
        if default_url.startswith(language_prefix):
            neutral = script_prefix + default_url[len(language_prefix) :]
            absolute.append(("x-default", request.build_absolute_uri(neutral)))
    return PageLanguages(links=links, alternates=absolute)


def _path_and_query(request):
    """The page's path and its query string ("?..." or ""), as ``get_full_path()`` has them."""
    path, mark, query = request.get_full_path().partition("?")
    return path, mark + query


def _resolved(request):
    """The URL pattern this page matched: the one the request was served by (resolved
    once, by the handler), else resolved here (an error page); None for no pattern."""
    match = getattr(request, "resolver_match", None)
    if match is not None:
        return match
    try:
        return resolve(request.path_info)
    except Resolver404:
        return None


def _in_language(match, code, path):
    """This page's path in language ``code``, as ``translate_url`` gives it: the same
    pattern and arguments reversed in that language; the path itself if it has no name
    or does not reverse."""
    if match.url_name is None:
        return path
    with override(code):
        try:
            return reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return path
