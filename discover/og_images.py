"""Open Graph images: a 1200 x 630 PNG card for every page, drawn on the server (Pillow).

- An exhibition's, region's and article's page has a card of its own, drawn from the
  record in the page's language: its title (in the language it is shown in) and its key
  facts (an exhibition's dates and place, a region's country and kind, an article's
  publisher and date): ``/og/<kind>/<slug>.<language>.png``. A card is drawn once per
  content version (``web.cache.content_version``) and kept in the cache; the response
  has an ETag from the same version.
- Every other page has the site's card, ``static/og/site.png`` (``discover.og_assets``
  builds it and the font).

The font is ``static/og/og-sans.otf``, a subset of Noto Sans CJK SC (SIL Open Font
License, ``static/og/OFL.txt``) with Latin, Cyrillic and the GB 2312 characters: no
external font at runtime.
"""

import io
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.cache import cache as default_cache
from django.http import Http404, HttpResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import condition
from PIL import Image, ImageDraw, ImageFont

from cooperation.models import Region
from expo.models import Exhibition
from news.models import Article
from publishing.models import live_only
from web.cache import content_version
from web.templatetags.dates import date_range

WIDTH, HEIGHT = 1200, 630
FONT_PATH = Path(__file__).resolve().parent.parent / "static" / "og" / "og-sans.otf"
SITE_IMAGE = "og/site.png"
BACKGROUND = (18, 41, 74)
ACCENT = (200, 40, 48)
TEXT = (255, 255, 255)
MUTED = (190, 205, 225)
MARGIN = 72

KINDS = {"exhibition": Exhibition, "region": Region, "article": Article}
KIND_OF = {model: kind for kind, model in KINDS.items()}


@dataclass(frozen=True)
class Card:
    title: str
    facts: tuple  # a line each


def exhibition_card(exhibition):
    # Chinese text takes a full-width comma.
    comma = "，" if translation.get_language().startswith("zh") else ", "
    place = comma.join([str(exhibition.city), str(exhibition.city.region.country)])
    dates = date_range(exhibition.start_date, exhibition.end_date)
    return Card(str(exhibition), tuple(line for line in (str(dates), place) if line))


def region_card(region):
    return Card(str(region), (f"{region.country} · {region.get_kind_display()}",))


def article_card(article):
    day = article.published_on
    facts = [str(article.publisher), date_format(day, "DATE_FORMAT") if day else ""]
    return Card(article.title, tuple(line for line in facts if line))


CARDS = {Exhibition: exhibition_card, Region: region_card, Article: article_card}
RELATED = {Exhibition: ("city__region__country",), Region: ("country",), Article: ("publisher",)}


@cache
def font(size):
    return ImageFont.truetype(str(FONT_PATH), size)


def _pieces(text):
    """Words, and each CJK character on its own (a line may break between any two)."""
    pieces, word = [], ""
    for character in text:
        if unicodedata.east_asian_width(character) in ("W", "F"):
            pieces += [word, character] if word else [character]
            word = ""
        elif character == " ":
            pieces.append(word + " ")
            word = ""
        else:
            word += character
    return [*pieces, word] if word else pieces


def wrap(text, face, width, max_lines):
    """``text`` in lines no wider than ``width``; an ellipsis ends a cut last line."""
    lines, line = [], ""
    for piece in _pieces(text):
        if line and face.getlength((line + piece).rstrip()) > width:
            lines.append(line.rstrip())
            line = piece.lstrip()
        else:
            line += piece
    lines.append(line.rstrip())
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(" ,.;:") + "…"
    return lines


def draw_card(card):
    """The PNG bytes of ``card``, or of the site's own card for None."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 24, HEIGHT), fill=ACCENT)
    if card is None:
        titles = []
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                titles.append(_("China-Russia Interregional Cooperation"))
        y = 150
        for size, title in zip((64, 48, 48), titles, strict=False):
            for line in wrap(title, font(size), WIDTH - 2 * MARGIN, 2):
                draw.text((MARGIN, y), line, font=font(size), fill=TEXT)
                y += int(size * 1.35)
            y += 24
    else:
        site = _("China-Russia Interregional Cooperation")
        draw.text((MARGIN, 56), site, font=font(30), fill=MUTED)
        y = 140
        for line in wrap(card.title, font(64), WIDTH - 2 * MARGIN, 3):
            draw.text((MARGIN, y), line, font=font(64), fill=TEXT)
            y += 86
        y += 30
        for fact in card.facts:
            for line in wrap(fact, font(38), WIDTH - 2 * MARGIN, 1):
                draw.text((MARGIN, y), line, font=font(38), fill=MUTED)
                y += 56
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()


def og_image(request, record=None):
    """``og:image`` of a page: its URL, size and alternative text."""
    kind = KIND_OF.get(type(record))
    if kind is None:
        return {
            "url": request.build_absolute_uri(static(SITE_IMAGE)),
            "width": WIDTH,
            "height": HEIGHT,
            "alt": _("China-Russia Interregional Cooperation"),
        }
    language = translation.get_language()
    path = reverse("og-image", kwargs={"kind": kind, "slug": record.slug, "language": language})
    return {
        "url": request.build_absolute_uri(path),
        "width": WIDTH,
        "height": HEIGHT,
        "alt": str(record),
    }


def _etag(request, kind, slug, language):
    return f'"{content_version()}"'


@condition(etag_func=_etag)
def og_image_view(request, kind, slug, language):
    """The card of one live record in ``language``; anything else is a 404."""
    model = KINDS.get(kind)
    if model is None or language not in dict(settings.LANGUAGES):
        raise Http404(_("No such image."))
    key = f"og:{kind}:{slug}:{language}:{content_version()}"
    data = default_cache.get(key)
    if data is None:
        records = live_only(model).select_related(*RELATED[model])
        record = records.filter(slug=slug).first()
        if record is None:
            raise Http404(_("No such image."))
        with translation.override(language):
            data = draw_card(CARDS[model](record))
        default_cache.set(key, data, 24 * 3600)
    response = HttpResponse(data, content_type="image/png")
    patch_cache_control(response, public=True, max_age=3600)
    return response
