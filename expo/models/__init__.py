"""Exhibitions, the enterprises that take part in them, and the forums held there.

One module per concern: ``exhibitions`` (series, editions, countries and guests of
honour), ``enterprises`` (sectors, enterprises, their participations), ``forums`` and
``citations`` (each kind of record's citations and the facts they support). Every name
is imported here, so ``from expo.models import Exhibition`` keeps working.
"""

# isort: off
# In the order the models were defined in one module, the order Django registers them
# in (apps.get_models(): what loops over every model sees them so).

from .exhibitions import (
    CountryParticipation,
    CountryParticipationQuerySet,
    Exhibition,
    ExhibitionQuerySet,
    ExhibitionSeries,
    GuestOfHonour,
    GuestOfHonourQuerySet,
    by_enterprises,
    featured_or_latest,
)
from .enterprises import (
    Enterprise,
    EnterpriseParticipation,
    EnterpriseParticipationQuerySet,
    EnterpriseQuerySet,
    Sector,
)
from .forums import (
    Forum,
    ForumQuerySet,
    ForumSeries,
)
from .citations import (
    EnterpriseCitation,
    ExhibitionCitation,
    ExhibitionFact,
    ExhibitionSeriesCitation,
    ForumCitation,
    ForumFact,
    ForumSeriesCitation,
    SectorCitation,
)
# isort: on

__all__ = [
    "CountryParticipation",
    "CountryParticipationQuerySet",
    "Enterprise",
    "EnterpriseCitation",
    "EnterpriseParticipation",
    "EnterpriseParticipationQuerySet",
    "EnterpriseQuerySet",
    "Exhibition",
    "ExhibitionCitation",
    "ExhibitionFact",
    "ExhibitionQuerySet",
    "ExhibitionSeries",
    "ExhibitionSeriesCitation",
    "Forum",
    "ForumCitation",
    "ForumFact",
    "ForumQuerySet",
    "ForumSeries",
    "ForumSeriesCitation",
    "GuestOfHonour",
    "GuestOfHonourQuerySet",
    "Sector",
    "SectorCitation",
    "by_enterprises",
    "featured_or_latest",
]
