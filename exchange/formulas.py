"""Exports that a spreadsheet opens as text, never runs as formulas."""

from import_export import widgets

from web.exports import escape_formula


class FormulaSafeExport:
    """Export: a text cell that a spreadsheet would run as a formula gets a leading "'"
    (``web.exports.escape_formula``, the rule of the public lists' exports too).

    OWASP's advice for CSV, and it keeps the cell text in XLSX too (openpyxl would store
    a string starting with "=" as a formula). Numbers stay numbers: "-5" in a number
    column is a value, not an attack.
    """

    def export_field(self, field, instance, **kwargs):
        value = super().export_field(field, instance, **kwargs)
        if isinstance(field.widget, widgets.NumberWidget):
            return value
        return escape_formula(value)
