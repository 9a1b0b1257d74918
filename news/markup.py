"""Article bodies: Markdown rendered to HTML, then sanitised against an allow-list.

Markdown passes raw HTML through, so the sanitiser (nh3) is what keeps scripts,
event handlers, inline styles and ``javascript:`` links off the page. Only the
tags below survive; the text of any other tag is kept, ``<script>``, ``<style>``
and ``<template>`` are dropped with their content. Headings start at ``<h2>``: the
page title is the only ``<h1>``.

An element whose content the browser reads as raw text (``<script>``, ``<style>``,
``<textarea>``, ``<title>`` …) swallows everything up to its closing tag, so an
unclosed one would silently drop (or garble) the rest of the article. Such an
opening tag is shown as text instead; the admin refuses both kinds before saving
(``hidden_text_tags``), so the editor learns about it.
"""

import re

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "code",
    "pre",
    "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow noopener"

# Dropped with everything inside them (nh3's default, plus <template>).
CONTENT_DROPPED = ("script", "style", "template")
# Read as raw text up to their closing tag by an HTML parser.
RAW_TEXT = (
    *CONTENT_DROPPED,
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
)
_OPENING = re.compile(r"<({})(?=[\s/>]|$)".format("|".join(RAW_TEXT)), re.IGNORECASE)


def _unclosed(html):
    """(position, tag) of each raw-text opening tag in ``html`` that is never closed."""
    found = []
    for match in _OPENING.finditer(html):
        tag = match.group(1).lower()
        closing = re.compile(rf"</{tag}\s*>", re.IGNORECASE)
        if tag == "plaintext" or not closing.search(html, match.end()):
            found.append((match.start(), tag))
    return found


def _to_html(text):
    # "# Heading" becomes <h2> (toc's baselevel), so the body never competes with the title.
    return markdown.markdown(
        text, output_format="html", extensions=["toc"], extension_configs={"toc": {"baselevel": 2}}
    )


def hidden_text_tags(text: str) -> list[str]:
    """The tags in Markdown ``text`` that would keep some of its text off the page.

    A ``<script>``, ``<style>`` or ``<template>`` anywhere (its content is never
    shown), and any raw-text tag left unclosed (everything after it would be lost).
    Tags written inside code (`` `<script>` ``) are text and do not count.
    """
    html = _to_html(text)
    tags = {match.group(1).lower() for match in _OPENING.finditer(html)}
    tags = {tag for tag in tags if tag in CONTENT_DROPPED}
    tags |= {tag for _position, tag in _unclosed(html)}
    return sorted(tags)


def render_markdown(text: str) -> SafeString:
    """Markdown source to sanitised HTML, safe to output unescaped."""
    html = _to_html(text)
    # An unclosed raw-text tag becomes text ("&lt;script"), so the rest stays on the page.
    for position, _tag in reversed(_unclosed(html)):
        html = f"{html[:position]}&lt;{html[position + 1 :]}"
    # Safe to mark: nh3 has just removed everything not on the allow-list.
    return mark_safe(
        nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes=ALLOWED_URL_SCHEMES,
            link_rel=LINK_REL,
            clean_content_tags=set(CONTENT_DROPPED),
        )
    )
