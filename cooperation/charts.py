"""Trade by year as a chart (geometry in ``web.charts``): one bar per reported
figure, oldest first, on a common scale of US dollars; the value as each language
phrases it ("more than 100 billion US dollars"). Each figure's source is in the table
under the chart.
"""

from web.charts import BarChart, Row

from .amounts import UNIT_EXPONENT, trade_amount


def in_dollars(figure):
    return float(figure.value.scaleb(UNIT_EXPONENT[figure.unit]))


def trade_chart(figures):
    """A chart of ``figures`` (any order), or None where fewer than two years are known."""
    figures = sorted(figures, key=lambda figure: (figure.year, figure.slug))
    if len({figure.year for figure in figures}) < 2:
        return None
    return BarChart(
        Row(str(figure.year), in_dollars(figure), trade_amount(figure)) for figure in figures
    )
