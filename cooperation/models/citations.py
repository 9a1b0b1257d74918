"""The sources each cooperation record cites, and the facts of each kind of record."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from sources.models import Citation, citation_constraints, cited_record, supports_field

from .councils import Council, InvestmentFund
from .geography import City, Region
from .mechanisms import CooperationMechanism, CooperationYears
from .trade import CooperationAssessment, TradeFigure

# Citations: the sources each record cites (sources.models.Citation), each for one of the
# facts every record has (sources.models.SupportedFact) or for one its kind of record has.


class RegionFact(models.TextChoices):
    ISO_CODE = "iso_code", _("ISO code")
    PART_OF = "part_of", _("larger region")
    ADMINISTRATIVE_CENTRE = "administrative_centre", _("administrative centre")


class RegionCitation(Citation):
    record = cited_record(Region)
    supports = supports_field(RegionFact)

    class Meta(Citation.Meta):
        constraints = citation_constraints(RegionFact)


class CityCitation(Citation):
    record = cited_record(City)


class CooperationYearsFact(models.TextChoices):
    PERIOD = "period", _("period")


class CooperationYearsCitation(Citation):
    record = cited_record(CooperationYears)
    supports = supports_field(CooperationYearsFact)

    class Meta(Citation.Meta):
        constraints = citation_constraints(CooperationYearsFact)


class CooperationMechanismFact(models.TextChoices):
    REGIONS_PAIRED = "regions_paired", _("the regions it pairs")


class CooperationMechanismCitation(Citation):
    record = cited_record(CooperationMechanism)
    supports = supports_field(CooperationMechanismFact)

    class Meta(Citation.Meta):
        constraints = citation_constraints(CooperationMechanismFact)


class CouncilFact(models.TextChoices):
    MEETINGS_CHARTER_MEMBERSHIP = (
        "meetings_charter_membership",
        _("meetings, charter and membership"),
    )


class CouncilCitation(Citation):
    record = cited_record(Council)
    supports = supports_field(CouncilFact)

    class Meta(Citation.Meta):
        constraints = citation_constraints(CouncilFact)


class InvestmentFundFact(models.TextChoices):
    SET_UP = "set_up", _("set up within the thematic years")


class InvestmentFundCitation(Citation):
    record = cited_record(InvestmentFund)
    supports = supports_field(InvestmentFundFact)

    class Meta(Citation.Meta):
        constraints = citation_constraints(InvestmentFundFact)


class TradeFigureFact(models.TextChoices):
    YEAR = "year", _("year")
    FIGURE = "figure", _("figure")


class TradeFigureCitation(Citation):
    record = cited_record(TradeFigure)
    supports = supports_field(TradeFigureFact)

    class Meta(Citation.Meta):
        constraints = citation_constraints(TradeFigureFact)


class CooperationAssessmentFact(models.TextChoices):
    STATEMENT = "statement", _("statement")


class CooperationAssessmentCitation(Citation):
    record = cited_record(CooperationAssessment)
    supports = supports_field(CooperationAssessmentFact)

    class Meta(Citation.Meta):
        constraints = citation_constraints(CooperationAssessmentFact)
