"""What the import page says about each column, and the template file to fill in.

``column_texts`` explains columns in plain words on the import page; columns not
named there get a generic explanation. ``template_example`` is the example row of
the downloadable template: a record of the fixtures (``("file.json", "app.model",
{"field": value})``) or, where the fixtures hold none, a dict of values; a cell of it
that explains what goes there (a lazy translation) must not come back in a file.
"""

import json
from pathlib import Path

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from import_export import resources
from modeltranslation.utils import build_localized_fieldname

from exchange.importing import ImportRefused, row_number

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"


def _language_name(code):
    return dict(settings.LANGUAGES)[code]


class ImportColumns:
    """For a resource (``exchange.resources.NaturalKeyResource``): the import page's
    explanation of each column and the downloadable template."""

    column_texts = {}
    template_example = {}

    @classmethod
    def column_help(cls):
        """``[(column, required, explanation)]`` for the import page (``column_texts``)."""
        resource = cls()
        model = cls._meta.model
        rows = []
        for field in resource.get_import_fields():
            name = field.column_name
            try:
                model_field = model._meta.get_field(field.attribute)
            except FieldDoesNotExist:
                model_field = None
            text = cls.column_help_texts().get(name) or resource.generic_help(name, model_field)
            required = bool(
                model_field is not None
                and not model_field.blank
                and not model_field.has_default()
                and not getattr(model_field, "null", False)
                and name not in ("slug",)
            )
            if model_field is not None and model_field.choices:
                allowed = ", ".join(
                    f"{value} ({label})" for value, label in model_field.flatchoices
                )
                text = f"{text} " + _("Allowed: %(values)s.") % {"values": allowed}
            rows.append((name, required, text))
        return rows

    @classmethod
    def column_help_texts(cls):
        texts = {}
        for klass in reversed(cls.__mro__):
            texts.update(vars(klass).get("column_texts", {}))
        return texts

    def generic_help(self, name, model_field):
        for code, _label in settings.LANGUAGES:
            for base in ("name", "description", "theme", "summary"):
                if name == build_localized_fieldname(base, code):
                    return _("The %(field)s in %(language)s.") % {
                        "field": _(base),
                        "language": _language_name(code),
                    }
        if model_field is not None:
            return str(model_field.verbose_name).capitalize() + "."
        return ""

    @classmethod
    def template_dataset(cls):
        """The import's columns and one example row (see ``template_example``)."""
        resource = cls()
        headers = [field.column_name for field in resource.get_import_fields()]
        example = cls.example_values()
        row = [example.get(name, "") for name in headers]
        return resources.tablib.Dataset(row, headers=headers)

    @classmethod
    def example_values(cls):
        example = cls.template_example
        if isinstance(example, dict):
            return {key: str(value) for key, value in example.items()}
        file_name, model, match = example
        for record in json.loads((FIXTURES_DIR / file_name).read_text(encoding="utf-8")):
            fields = record["fields"]
            if record["model"] == model and all(fields.get(k) == v for k, v in match.items()):
                return {
                    key: (value[0] if isinstance(value, list) else value)
                    for key, value in fields.items()
                    if value is not None
                }
        raise LookupError(f"No {model} {match} in {file_name}")

    def refuse_unfilled_template(self, dataset):
        """Refuse a template row whose "(what goes here)" cell was left as it is."""
        example = self.template_example if isinstance(self.template_example, dict) else {}
        for column, value in example.items():
            if not isinstance(value, Promise) or column not in (dataset.headers or []):
                continue  # only the explanations are lazy translations
            texts = set()
            for code, _name in settings.LANGUAGES:
                with translation.override(code):
                    texts.add(str(value))
            for index, cell in enumerate(dataset[column], start=1):
                if isinstance(cell, str) and cell.strip() in texts:
                    raise ImportRefused(
                        _(
                            "Row %(row)d, column “%(column)s”: replace the template's "
                            "“%(text)s” with the real value."
                        )
                        % {
                            "row": row_number(dataset, index),
                            "column": column,
                            "text": cell.strip(),
                        }
                    )
