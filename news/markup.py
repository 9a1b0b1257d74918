"""Article bodies: Markdown rendered to HTML, then sanitised against an allow-list.

Markdown passes raw HTML through, so the sanitiser (nh3) is what keeps scripts,
event handlers, inline styles and ``javascript:`` links off the page. Only the
tags below survive; the text of any other tag is kept, ``<script>`` and
``<style>`` are dropped with their content. Headings start at ``<h2>``: the page
title is the only ``<h1>``.
"""

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


def render_markdown(text: str) -> SafeString:
    """Markdown source to sanitised HTML, safe to output unescaped."""
    # "# Heading" becomes <h2> (toc's baselevel), so the body never competes with the title.
    html = markdown.markdown(
        text, output_format="html", extensions=["toc"], extension_configs={"toc": {"baselevel": 2}}
    )
    # Safe to mark: nh3 has just removed everything not on the allow-list.
    return mark_safe(
        nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes=ALLOWED_URL_SCHEMES,
            link_rel=LINK_REL,
        )
    )
