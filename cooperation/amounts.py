"""Trade amounts in the reader's language: words, word order, decimal sign and scale.

``TradeFigure.display_value`` joins English-shaped parts ("more than", "100",
"billion US dollars"); ``trade_amount`` lets each language phrase the amount as
its readers write it:

- English: more than 100 billion US dollars
- Russian: более 100 млрд долларов США (107,06 with a decimal comma)
- Chinese: 超过1000亿美元 (Chinese counts in 亿 = 10^8 and 万 = 10^4, not in billions)

Templates use it as ``{{ figure|trade_amount }}`` (``{% load trade %}``).
"""

from django.utils.formats import number_format
from django.utils.translation import get_language, pgettext

from .models import Qualifier, TradeUnit

# The power of ten of one stored unit, in US dollars.
UNIT_EXPONENT = {TradeUnit.USD_BILLION: 9, TradeUnit.USD_MILLION: 6}

# Languages that count large amounts in myriads (万, 亿) rather than in thousands.
MYRIAD_LANGUAGES = ("zh",)


def _number(value):
    """A Decimal without trailing zeros, with the language's decimal sign (107,06 in Russian)."""
    return number_format(value.normalize(), use_l10n=True)


def _amount(value, unit):
    language = (get_language() or "").split("-")[0]
    if language in MYRIAD_LANGUAGES:
        exponent = UNIT_EXPONENT[unit]
        if value.scaleb(exponent) >= 10**8:
            return pgettext(
                "trade amount, in units of 10^8 (Chinese 亿)",
                "%(number)s hundred million US dollars",
            ) % {"number": _number(value.scaleb(exponent - 8))}
        return pgettext(
            "trade amount, in units of 10^4 (Chinese 万)", "%(number)s ten thousand US dollars"
        ) % {"number": _number(value.scaleb(exponent - 4))}
    if unit == TradeUnit.USD_MILLION:
        return pgettext("trade amount", "%(number)s million US dollars") % {
            "number": _number(value)
        }
    return pgettext("trade amount", "%(number)s billion US dollars") % {"number": _number(value)}


def trade_amount(figure):
    """E.g. "more than 100 billion US dollars", in the active language."""
    amount = _amount(figure.value, figure.unit)
    if figure.qualifier == Qualifier.MORE_THAN:
        return pgettext("trade amount", "more than %(amount)s") % {"amount": amount}
    if figure.qualifier == Qualifier.LESS_THAN:
        return pgettext("trade amount", "less than %(amount)s") % {"amount": amount}
    if figure.qualifier == Qualifier.ABOUT:
        return pgettext("trade amount", "about %(amount)s") % {"amount": amount}
    return amount
