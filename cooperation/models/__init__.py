"""Geography and the institutions of China-Russia interregional cooperation.

Unknown facts stay unknown: optional dates, counts and places are nullable and
shown as "unknown"; a figure reported as "more than" keeps its qualifier.

One module per concern: ``geography`` (countries, regions, cities), ``mechanisms``
(thematic years, cooperation mechanisms), ``councils`` (councils, their meetings and
members, investment funds), ``trade`` (trade figures, assessments) and ``citations``
(each kind of record's citations and the facts they support). Every name is imported
here, so ``from cooperation.models import Region`` keeps working.
"""

# isort: off
# In the order the models were defined in one module, the order Django registers them
# in (apps.get_models(): what loops over every model sees them so).

from .geography import (
    City,
    CityQuerySet,
    Country,
    CountryQuerySet,
    Region,
    RegionKind,
    RegionQuerySet,
    RegionTree,
)
from .mechanisms import (
    CooperationMechanism,
    CooperationYears,
    CooperationYearsQuerySet,
    MechanismQuerySet,
)
from .councils import (
    CharterStatus,
    Council,
    CouncilMeeting,
    CouncilMeetingQuerySet,
    CouncilMembership,
    CouncilMembershipQuerySet,
    CouncilQuerySet,
    InvestmentFund,
    InvestmentFundQuerySet,
    MembershipTrend,
)
from .trade import (
    CooperationAssessment,
    Qualifier,
    TradeFigure,
    TradeUnit,
)
from .citations import (
    CityCitation,
    CooperationAssessmentCitation,
    CooperationAssessmentFact,
    CooperationMechanismCitation,
    CooperationMechanismFact,
    CooperationYearsCitation,
    CooperationYearsFact,
    CouncilCitation,
    CouncilFact,
    InvestmentFundCitation,
    InvestmentFundFact,
    RegionCitation,
    RegionFact,
    TradeFigureCitation,
    TradeFigureFact,
)
# isort: on

__all__ = [
    "CharterStatus",
    "City",
    "CityCitation",
    "CityQuerySet",
    "CooperationAssessment",
    "CooperationAssessmentCitation",
    "CooperationAssessmentFact",
    "CooperationMechanism",
    "CooperationMechanismCitation",
    "CooperationMechanismFact",
    "CooperationYears",
    "CooperationYearsCitation",
    "CooperationYearsFact",
    "CooperationYearsQuerySet",
    "Council",
    "CouncilCitation",
    "CouncilFact",
    "CouncilMeeting",
    "CouncilMeetingQuerySet",
    "CouncilMembership",
    "CouncilMembershipQuerySet",
    "CouncilQuerySet",
    "Country",
    "CountryQuerySet",
    "InvestmentFund",
    "InvestmentFundCitation",
    "InvestmentFundFact",
    "InvestmentFundQuerySet",
    "MechanismQuerySet",
    "MembershipTrend",
    "Qualifier",
    "Region",
    "RegionCitation",
    "RegionFact",
    "RegionKind",
    "RegionQuerySet",
    "RegionTree",
    "TradeFigure",
    "TradeFigureCitation",
    "TradeFigureFact",
    "TradeUnit",
]
