"""Small factory functions: each makes one valid record, with overridable fields.

Every call creates new rows with unique slugs, so tests can make as many as they need.
Content records are published by default (the model's own default is draft), so a
test that is not about publishing sees them on the site; pass ``status=DRAFT`` for a draft.
"""

import datetime
import itertools

from cooperation import models as coop
from expo import models as expo
from news import models as news
from publishing.models import EditorialStatus
from sources.models import Source

_seq = itertools.count(1)


def _n():
    return next(_seq)


def _default(kw, name, make):
    """Like ``kw.setdefault`` but only makes the default record when it is needed."""
    if name not in kw:
        kw[name] = make()


PUBLISHED = EditorialStatus.PUBLISHED
DRAFT = EditorialStatus.DRAFT


def country(code=None, **kw):
    if code is None:
        n = _n()
        code = f"{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}"
    existing = coop.Country.objects.filter(code=code).first()
    if existing:
        return existing
    names = {"CN": "China", "RU": "Russia"}
    kw.setdefault("name", names.get(code, f"Country {code}"))
    kw.setdefault("slug", f"country-{code.lower()}")
    return coop.Country.objects.create(code=code, **kw)


def region(**kw):
    n = _n()
    kw.setdefault("status", PUBLISHED)
    _default(kw, "country", lambda: country("CN"))
    kw.setdefault("name", f"Region {n}")
    kw.setdefault("slug", f"region-{n}")
    kw.setdefault("kind", coop.RegionKind.PROVINCE)
    return coop.Region.objects.create(**kw)


def city(**kw):
    n = _n()
    kw.setdefault("status", PUBLISHED)
    _default(kw, "region", lambda: region())
    kw.setdefault("name", f"City {n}")
    kw.setdefault("slug", f"city-{n}")
    return coop.City.objects.create(**kw)


def years(**kw):
    n = _n()
    kw.setdefault("status", PUBLISHED)
    kw.setdefault("name", f"Years {n}")
    kw.setdefault("slug", f"years-{n}")
    kw.setdefault("start_year", 2018)
    kw.setdefault("end_year", 2019)
    return coop.CooperationYears.objects.create(**kw)


def mechanism(**kw):
    n = _n()
    kw.setdefault("status", PUBLISHED)
    _default(kw, "chinese_region", lambda: region(country=country("CN")))
    _default(kw, "russian_region", lambda: region(country=country("RU")))
    kw.setdefault("name", f"Mechanism {n}")
    kw.setdefault("slug", f"mechanism-{n}")
    return coop.CooperationMechanism.objects.create(**kw)


def council(**kw):
    n = _n()
    kw.setdefault("status", PUBLISHED)
    kw.setdefault("name", f"Council {n}")
    kw.setdefault("slug", f"council-{n}")
    return coop.Council.objects.create(**kw)


def council_meeting(**kw):
    _default(kw, "council", lambda: council())
    kw.setdefault("number", _n())
    return coop.CouncilMeeting.objects.create(**kw)


def council_membership(**kw):
    _default(kw, "council", lambda: council())
    _default(kw, "region", lambda: region())
    return coop.CouncilMembership.objects.create(**kw)


def fund(**kw):
    n = _n()
    kw.setdefault("status", PUBLISHED)
    kw.setdefault("name", f"Fund {n}")
    kw.setdefault("slug", f"fund-{n}")
    return coop.InvestmentFund.objects.create(**kw)


def trade_figure(**kw):
    n = _n()
    kw.setdefault("status", PUBLISHED)
    kw.setdefault("year", 2000 + n % 50)
    kw.setdefault("value", "10.00")
    kw.setdefault("slug", f"trade-{n}")
    return coop.TradeFigure.objects.create(**kw)


def assessment(**kw):
    n = _n()
    kw.setdefault("status", PUBLISHED)
    kw.setdefault("title", f"Assessment {n}")
    kw.setdefault("slug", f"assessment-{n}")
    kw.setdefault("attributed_to", "Experts")
    kw.setdefault("statement", "A statement.")
    return coop.CooperationAssessment.objects.create(**kw)


def exhibition_series(**kw):
    n = _n()
    kw.setdefault("status", PUBLISHED)
    kw.setdefault("name", f"Series {n}")
    kw.setdefault("slug", f"series-{n}")
    return expo.ExhibitionSeries.objects.create(**kw)


def exhibition(**kw):
    n = _n()
    kw.setdefault("status", PUBLISHED)
    _default(kw, "series", lambda: exhibition_series())
    kw.setdefault("edition", n)
    kw.setdefault("name", f"Exhibition {n}")
    kw.setdefault("slug", f"exhibition-{n}")
    _default(kw, "city", lambda: city())
    kw.setdefault("start_date", datetime.date(2019, 6, 15))
    kw.setdefault("end_date", datetime.date(2019, 6, 19))
    return expo.Exhibition.objects.create(**kw)


def participation(**kw):
    _default(kw, "exhibition", lambda: exhibition())
    _default(kw, "country", lambda: country("CN"))
    kw.setdefault("enterprises", 10)
    return expo.CountryParticipation.objects.create(**kw)


def guest_of_honour(**kw):
    _default(kw, "exhibition", lambda: exhibition())
    _default(kw, "region", lambda: region())
    return expo.GuestOfHonour.objects.create(**kw)


def sector(**kw):
    n = _n()
    kw.setdefault("status", PUBLISHED)
    kw.setdefault("name", f"Sector {n}")
    kw.setdefault("slug", f"sector-{n}")
    return expo.Sector.objects.create(**kw)


def enterprise(**kw):
    n = _n()
    kw.setdefault("status", PUBLISHED)
    _default(kw, "country", lambda: country("CN"))
    kw.setdefault("name", f"Enterprise {n}")
    kw.setdefault("slug", f"enterprise-{n}")
    return expo.Enterprise.objects.create(**kw)


def enterprise_participation(**kw):
    _default(kw, "enterprise", lambda: enterprise())
    _default(kw, "exhibition", lambda: exhibition())
    return expo.EnterpriseParticipation.objects.create(**kw)


def forum_series(**kw):
    n = _n()
    kw.setdefault("status", PUBLISHED)
    kw.setdefault("name", f"Forum series {n}")
    kw.setdefault("slug", f"forum-series-{n}")
    return expo.ForumSeries.objects.create(**kw)


def forum(**kw):
    n = _n()
    kw.setdefault("status", PUBLISHED)
    _default(kw, "series", lambda: forum_series())
    kw.setdefault("edition", n)
    kw.setdefault("name", f"Forum {n}")
    kw.setdefault("slug", f"forum-{n}")
    _default(kw, "city", lambda: city())
    kw.setdefault("date", datetime.date(2019, 6, 15))
    return expo.Forum.objects.create(**kw)


def publisher(**kw):
    n = _n()
    kw.setdefault("name", f"Publisher {n}")
    kw.setdefault("slug", f"publisher-{n}")
    return news.Publisher.objects.create(**kw)


def article(**kw):
    n = _n()
    kw.setdefault("status", PUBLISHED)
    _default(kw, "publisher", lambda: publisher())
    kw.setdefault("title", f"Article {n}")
    kw.setdefault("slug", f"article-{n}")
    kw.setdefault("body", "A report.")
    return news.Article.objects.create(**kw)


def source(**kw):
    """A report (core.Source); ``kind="hosted"`` with ``article()`` for an article's own."""
    n = _n()
    kw.setdefault("publisher", f"Publisher {n}")
    kw.setdefault("slug", f"source-{n}")
    return Source.objects.create(**kw)


def cite(record, source_record=None, supports="general"):
    """``record`` cites ``source_record`` (a new report if None) for ``supports``."""
    source_record = source_record or source()
    return record.citations.create(source=source_record, supports=supports)


def hosted_article(**kw):
    """An article with its own Source, which records can cite."""
    made = article(**kw)
    made.source = source(kind="hosted", publisher=made.publisher.name, title=made.title)
    made.save(update_fields=["source"])
    return made


def reply(**kw):
    n = _n()
    _default(kw, "article", lambda: article())
    kw.setdefault("name", f"Reader {n}")
    kw.setdefault("email", f"reader{n}@example.com")
    kw.setdefault("text", f"Reply {n}.")
    return news.Reply.objects.create(**kw)
