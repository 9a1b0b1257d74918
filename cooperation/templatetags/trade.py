"""``{{ figure|trade_amount }}``: a trade figure's amount in the reader's language."""

from django import template

from cooperation.amounts import trade_amount as _trade_amount

register = template.Library()


@register.filter
def trade_amount(figure):
    """E.g. "more than 100 billion US dollars", "более 100 млрд долларов США", "超过1000亿美元"."""
    if figure is None or figure.value is None:
        return ""
    return _trade_amount(figure)
