"""Trade amounts phrased, punctuated and scaled the way each language writes them."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from cooperation.models import Qualifier, TradeFigure, TradeUnit


def amount(code, value, qualifier=Qualifier.EXACT, unit=TradeUnit.USD_BILLION):
    figure = TradeFigure(year=2018, value=Decimal(value), qualifier=qualifier, unit=unit)
    with translation.override(code):
        return Template("{% load trade %}{{ figure|trade_amount }}").render(
            Context({"figure": figure})
        )


@pytest.mark.parametrize(
    "code,expected",
    [
        ("en", "107.06 billion US dollars"),
        ("ru", "107,06 млрд долларов США"),
        ("zh-hans", "1070.6亿美元"),
    ],
)
def test_decimal_amounts_use_the_languages_decimal_sign_and_scale(code, expected):
    assert amount(code, "107.06") == expected


@pytest.mark.parametrize(
    "code,expected",
    [
        ("en", "more than 100 billion US dollars"),
        ("ru", "более 100 млрд долларов США"),
        ("zh-hans", "超过1000亿美元"),
    ],
)
def test_the_qualifier_stays_with_the_amount(code, expected):
    assert amount(code, "100.00", Qualifier.MORE_THAN) == expected


BILLION, MILLION = TradeUnit.USD_BILLION, TradeUnit.USD_MILLION


@pytest.mark.parametrize(
    "code,value,qualifier,unit,expected",
    [
        ("ru", "84.07", Qualifier.ABOUT, BILLION, "около 84,07 млрд долларов США"),
        ("zh-hans", "84.07", Qualifier.ABOUT, BILLION, "约840.7亿美元"),
        ("ru", "50", Qualifier.LESS_THAN, MILLION, "менее 50 млн долларов США"),
        ("zh-hans", "50", Qualifier.LESS_THAN, MILLION, "不足5000万美元"),
        ("zh-hans", "250", Qualifier.EXACT, MILLION, "2.5亿美元"),
    ],
)
def test_other_qualifiers_and_units(code, value, qualifier, unit, expected):
    assert amount(code, value, qualifier, unit) == expected
