"""Small factory functions: each makes one valid record, with overridable fields.

Every call creates new rows with unique slugs, so tests can make as many as they need.
"""

import datetime
import itertools

from cooperation import models as coop
from expo import models as expo

_seq = itertools.count(1)


def _n():
    return next(_seq)


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
    kw.setdefault("country", country("CN"))
    kw.setdefault("name", f"Region {n}")
    kw.setdefault("slug", f"region-{n}")
    kw.setdefault("kind", coop.RegionKind.PROVINCE)
    return coop.Region.objects.create(**kw)


def city(**kw):
    n = _n()
    kw.setdefault("region", region())
    kw.setdefault("name", f"City {n}")
    kw.setdefault("slug", f"city-{n}")
    return coop.City.objects.create(**kw)


def years(**kw):
    n = _n()
    kw.setdefault("name", f"Years {n}")
    kw.setdefault("slug", f"years-{n}")
    kw.setdefault("start_year", 2018)
    kw.setdefault("end_year", 2019)
    return coop.CooperationYears.objects.create(**kw)


def mechanism(**kw):
    n = _n()
    kw.setdefault("chinese_region", region(country=country("CN")))
    kw.setdefault("russian_region", region(country=country("RU")))
    kw.setdefault("name", f"Mechanism {n}")
    kw.setdefault("slug", f"mechanism-{n}")
    return coop.CooperationMechanism.objects.create(**kw)


def council(**kw):
    n = _n()
    kw.setdefault("name", f"Council {n}")
    kw.setdefault("slug", f"council-{n}")
    return coop.Council.objects.create(**kw)


def council_meeting(**kw):
    kw.setdefault("council", council())
    kw.setdefault("number", _n())
    return coop.CouncilMeeting.objects.create(**kw)


def council_membership(**kw):
    kw.setdefault("council", council())
    kw.setdefault("region", region())
    return coop.CouncilMembership.objects.create(**kw)


def fund(**kw):
    n = _n()
    kw.setdefault("name", f"Fund {n}")
    kw.setdefault("slug", f"fund-{n}")
    return coop.InvestmentFund.objects.create(**kw)


def trade_figure(**kw):
    n = _n()
    kw.setdefault("year", 2000 + n % 50)
    kw.setdefault("value", "10.00")
    kw.setdefault("slug", f"trade-{n}")
    return coop.TradeFigure.objects.create(**kw)


def assessment(**kw):
    n = _n()
    kw.setdefault("title", f"Assessment {n}")
    kw.setdefault("slug", f"assessment-{n}")
    kw.setdefault("attributed_to", "Experts")
    kw.setdefault("statement", "A statement.")
    return coop.CooperationAssessment.objects.create(**kw)


def exhibition_series(**kw):
    n = _n()
    kw.setdefault("name", f"Series {n}")
    kw.setdefault("slug", f"series-{n}")
    return expo.ExhibitionSeries.objects.create(**kw)


def exhibition(**kw):
    n = _n()
    kw.setdefault("series", exhibition_series())
    kw.setdefault("edition", n)
    kw.setdefault("name", f"Exhibition {n}")
    kw.setdefault("slug", f"exhibition-{n}")
    kw.setdefault("city", city())
    kw.setdefault("start_date", datetime.date(2019, 6, 15))
    kw.setdefault("end_date", datetime.date(2019, 6, 19))
    return expo.Exhibition.objects.create(**kw)


def participation(**kw):
    kw.setdefault("exhibition", exhibition())
    kw.setdefault("country", country("CN"))
    kw.setdefault("enterprises", 10)
    return expo.CountryParticipation.objects.create(**kw)


def guest_of_honour(**kw):
    kw.setdefault("exhibition", exhibition())
    kw.setdefault("region", region())
    return expo.GuestOfHonour.objects.create(**kw)


def sector(**kw):
    n = _n()
    kw.setdefault("name", f"Sector {n}")
    kw.setdefault("slug", f"sector-{n}")
    return expo.Sector.objects.create(**kw)


def enterprise(**kw):
    n = _n()
    kw.setdefault("country", country("CN"))
    kw.setdefault("name", f"Enterprise {n}")
    kw.setdefault("slug", f"enterprise-{n}")
    return expo.Enterprise.objects.create(**kw)


def enterprise_participation(**kw):
    kw.setdefault("enterprise", enterprise())
    kw.setdefault("exhibition", exhibition())
    return expo.EnterpriseParticipation.objects.create(**kw)


def forum_series(**kw):
    n = _n()
    kw.setdefault("name", f"Forum series {n}")
    kw.setdefault("slug", f"forum-series-{n}")
    return expo.ForumSeries.objects.create(**kw)


def forum(**kw):
    n = _n()
    kw.setdefault("series", forum_series())
    kw.setdefault("edition", n)
    kw.setdefault("name", f"Forum {n}")
    kw.setdefault("slug", f"forum-{n}")
    kw.setdefault("city", city())
    kw.setdefault("date", datetime.date(2019, 6, 15))
    return expo.Forum.objects.create(**kw)
