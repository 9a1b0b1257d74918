"""One serializer per public model: the API's records and the JSON exports' rows.

Each names the fields a reader sees on the record's page, in the active language;
links to related records read the same ``live_…`` properties as the pages, so a link
to a record that is not live is null.
"""

from rest_framework import serializers

from cooperation import models as coop
from expo import models as expo
from news import models as news
from sources.models import Source

from .fields import LinkField, RecordSerializer

B = RecordSerializer.BASE_FIELDS


class CountrySerializer(RecordSerializer):
    class Meta:
        model = coop.Country
        fields = [*B, "code", "name", "sources"]


class RegionSerializer(RecordSerializer):
    country = LinkField()
    parent = LinkField(help_text="The region it lies within, if any.")
    administrative_centre = LinkField(source="live_administrative_centre")

    class Meta:
        model = coop.Region
        fields = [*B, "name", "country", "kind", "iso_code", "parent"]
        fields += ["administrative_centre", "description", "sources"]


class CitySerializer(RecordSerializer):
    region = LinkField()
    country = LinkField(source="region.country")

    class Meta:
        model = coop.City
        fields = [*B, "name", "region", "country", "description", "sources"]


class YearsSerializer(RecordSerializer):
    class Meta:
        model = coop.CooperationYears
        fields = [*B, "name", "start_year", "end_year", "description", "sources"]


class MechanismSerializer(RecordSerializer):
    chinese_region = LinkField()
    russian_region = LinkField()

    class Meta:
        model = coop.CooperationMechanism
        fields = [*B, "name", "chinese_region", "russian_region", "description", "sources"]


class CouncilSerializer(RecordSerializer):
    years = LinkField(source="live_years")

    class Meta:
        model = coop.Council
        fields = [*B, "name", "years", "charter_status", "membership_trend", "description"]
        fields += ["sources"]


class FundSerializer(RecordSerializer):
    council = LinkField()
    years = LinkField()

    class Meta:
        model = coop.InvestmentFund
        fields = [*B, "name", "council", "years", "established_year", "purpose", "sources"]


class TradeFigureSerializer(RecordSerializer):
    class Meta:
        model = coop.TradeFigure
        fields = [*B, "year", "qualifier", "value", "unit", "is_record", "note", "sources"]


class AssessmentSerializer(RecordSerializer):
    class Meta:
        model = coop.CooperationAssessment
        fields = [*B, "title", "attributed_to", "statement", "covers_border_regions"]
        fields += ["covers_inland_regions", "covers_coastal_regions", "sources"]


class SeriesSerializer(RecordSerializer):
    class Meta:
        model = expo.ExhibitionSeries
        fields = [*B, "name", "description", "sources"]


class ForumSeriesSerializer(RecordSerializer):
    class Meta:
        model = expo.ForumSeries
        fields = [*B, "name", "description", "sources"]


class SectorSerializer(RecordSerializer):
    class Meta:
        model = expo.Sector
        fields = [*B, "name", "sources"]


class ExhibitionSerializer(RecordSerializer):
    series = LinkField()
    city = LinkField()
    country = LinkField()

    class Meta:
        model = expo.Exhibition
        fields = [*B, "name", "series", "edition", "start_date", "end_date", "city", "country"]
        fields += ["venue", "theme", "description", "sources"]


class EnterpriseSerializer(RecordSerializer):
    country = LinkField()
    region = LinkField(source="live_region")
    sector = LinkField(source="live_sector")

    class Meta:
        model = expo.Enterprise
        fields = [*B, "name", "country", "region", "sector", "website", "description"]
        fields += ["sources"]


class ForumSerializer(RecordSerializer):
    series = LinkField()
    city = LinkField()
    exhibition = LinkField(source="live_exhibition")

    class Meta:
        model = expo.Forum
        fields = [*B, "name", "series", "edition", "date", "city", "exhibition"]
        fields += ["participants", "summary", "sources"]


class PublisherSerializer(RecordSerializer):
    class Meta:
        model = news.Publisher
        fields = [*B, "name", "website", "sources"]


class ArticleSerializer(RecordSerializer):
    """An article hosted here: its text stays its publisher's (``rights``), not CC BY."""

    publisher = LinkField()
    rights = serializers.SerializerMethodField()

    class Meta:
        model = news.Article
        fields = [*B, "title", "publisher", "published_on", "original_url", "body"]
        fields += ["rights", "sources"]

    def get_rights(self, article) -> str:
        return f"© {article.publisher}"


class SourceSerializer(RecordSerializer):
    editors_note = serializers.SerializerMethodField()
    original_url = serializers.URLField(source="url", allow_null=True, read_only=True)

    class Meta:
        model = Source
        fields = [*B, "kind", "editors_note", "publisher", "title", "original_url"]
        fields += ["published_on", "language"]

    def get_editors_note(self, source) -> bool:
        return source.is_editors_note

    def get_url(self, source) -> str:
        return self.context["request"].build_absolute_uri(source.get_absolute_url())
