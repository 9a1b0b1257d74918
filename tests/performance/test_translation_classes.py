"""modeltranslation's multilingual queryset classes are made once per queryset class
(core/translation_classes.py), and such querysets still translate and pickle."""

import pickle

import pytest
from django.utils import translation

from cooperation.models import Region
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_every_queryset_of_a_model_shares_one_multilingual_class():
    first, second = Region.objects.all(), Region.objects.filter(slug="amur")
    assert type(first) is type(second)
    assert type(first).__name__ == "MultilingualRegionQuerySet"


def test_querysets_still_filter_and_order_in_the_readers_language():
    first = f.region(name_en="A region", name_ru="Я регион")
    second = f.region(name_en="B region", name_ru="А регион")

    def by_name():
        return list(Region.objects.filter(pk__in=[first.pk, second.pk]).order_by("name"))

    with translation.override("en"):
        assert by_name() == [first, second]
    with translation.override("ru"):
        assert by_name() == [second, first]
        assert Region.objects.get(name="Я регион") == first


def test_a_pickled_queryset_comes_back_with_its_rows():
    region = f.region(name_en="Amur")
    restored = pickle.loads(pickle.dumps(Region.objects.filter(pk=region.pk)))
    assert list(restored) == [region]
    assert type(restored) is type(Region.objects.all())
