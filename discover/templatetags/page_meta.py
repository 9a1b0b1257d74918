"""``{% page_meta %}``: a page head's canonical link, sharing tags, feeds and JSON-LD."""

from django import template

from web.canonical import content_parameters

from ..structured_data import json_ld, open_graph, script_json

register = template.Library()


@register.inclusion_tag("includes/meta.html", takes_context=True)
def page_meta(context):
    request = context.get("request")
    if request is None:
        return {}
    record = context.get("object")
    # A page without breadcrumbs (the home page) is the only step of its own trail.
    breadcrumbs = context.get("breadcrumbs") or [(open_graph(request)["title"], None)]
    return {
        "og": open_graph(request, record, breadcrumbs, content_parameters(request)),
        "json_ld": [script_json(block) for block in json_ld(request, record, breadcrumbs)],
        "feeds": [
            (link.format, request.build_absolute_uri(link.url))
            for link in context.get("data_links") or ()
            if link.format.is_feed
        ],
    }
