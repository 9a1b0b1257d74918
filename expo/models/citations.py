"""The sources each expo record cites, and the facts of each kind of record."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from sources.models import Citation, citation_constraints, cited_record, supports_field

from .enterprises import Enterprise, Sector
from .exhibitions import Exhibition, ExhibitionSeries
from .forums import Forum, ForumSeries

# Citations: the sources each record cites (sources.models.Citation), each for one of the
# facts every record has (sources.models.SupportedFact) or for one its kind of record has.


class ExhibitionSeriesCitation(Citation):
    record = cited_record(ExhibitionSeries)


class ExhibitionFact(models.TextChoices):
    DATES_AND_CITY = "dates_and_city", _("dates and city")
    YEAR = "year", _("year")
    VENUE = "venue", _("venue")
    THEME = "theme", _("theme")
    EXHIBITOR_COUNTS = "exhibitor_counts", _("exhibitor counts")
    GUESTS_OF_HONOUR = "guests_of_honour", _("guests of honour")


class ExhibitionCitation(Citation):
    record = cited_record(Exhibition)
    supports = supports_field(ExhibitionFact)

    class Meta(Citation.Meta):
        constraints = citation_constraints(ExhibitionFact)


class SectorCitation(Citation):
    record = cited_record(Sector)


class EnterpriseCitation(Citation):
    record = cited_record(Enterprise)


class ForumSeriesCitation(Citation):
    record = cited_record(ForumSeries)


class ForumFact(models.TextChoices):
    DATE_AND_CITY = "date_and_city", _("date and city")
    YEAR = "year", _("year")
    PARTICIPANTS = "participants", _("who took part and what was discussed")


class ForumCitation(Citation):
    record = cited_record(Forum)
    supports = supports_field(ForumFact)

    class Meta(Citation.Meta):
        constraints = citation_constraints(ForumFact)
