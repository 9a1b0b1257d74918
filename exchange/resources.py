"""Bulk import and export (django-import-export) shared by the content apps.

Rows are matched to existing records by slug (or, for rows with no slug of their own,
by their natural key, e.g. enterprise and exhibition); related records are named by
their natural keys (a country by ISO code, a region or sector by slug), never by
database ids, so a file travels between databases. Someone who may not publish
imports drafts: the publication columns are ignored for them, so new records start
as drafts and existing ones keep their state.

Speed: the related records a file names are looked up once for the whole file (one
query per column), existing records too (one query), and a resource with
``use_bulk`` saves in batches with django-simple-history's bulk helpers, so every row
still gets its history version; each row is validated before, so an error names its
row. The preview computes the diff only of the rows it shows.
"""

import json
from copy import copy
from pathlib import Path

from django.conf import settings
from django.core.exceptions import (
    NON_FIELD_ERRORS,
    FieldDoesNotExist,
    ObjectDoesNotExist,
    ValidationError,
)
from django.db.models.base import ModelState
from django.utils import translation
from django.utils.encoding import force_str
from django.utils.functional import Promise
from django.utils.html import conditional_escape, format_html
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import resources, results, widgets
from import_export.instance_loaders import BaseInstanceLoader
from import_export.resources import Diff
from modeltranslation.utils import build_localized_fieldname

from exchange.bulk import create_with_history, update_with_history  # also registers __in_array
from exchange.importing import PREVIEW_ROWS, ImportRefused
from publishing.models import PUBLICATION_FIELDS, can_publish, publication_constraint_names

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"


class NaturalKeyWidget(widgets.ForeignKeyWidget):
    """A related record named by a unique field, looked up once per file.

    ``preload()`` fetches every value of a column in one query; a value not found
    then (a region defined by an earlier row of the same file) is looked up on its own.
    An unknown value is a validation error of the row (the preview names the row),
    not a crash.
    """

    def __init__(self, model, field, **kwargs):
        super().__init__(model, field=field, **kwargs)
        self.found = {}

    def preload(self, values):
        keys = {str(value).strip() for value in values if value not in (None, "")}
        keys -= set(self.found)
        if keys:
            for record in self.model._default_manager.filter(**{f"{self.field}__in": keys}):
                self.found[str(getattr(record, self.field))] = record

    def clean(self, value, row=None, **kwargs):
        key = "" if value is None else str(value).strip()
        if not key:
            return None
        if key not in self.found:
            try:
                self.found[key] = self.get_queryset(value, row, **kwargs).get(**{self.field: key})
            except ObjectDoesNotExist:
                raise ValueError(
                    _("No %(model)s with %(field)s “%(value)s”.")
                    % {"model": self.model._meta.verbose_name, "field": self.field, "value": key}
                ) from None
        return self.found[key]


def refuse_nul_characters(dataset):
    """Refuse the whole file if any cell holds a NUL character, naming the first one.

    No text field may hold NUL (PostgreSQL refuses it outright), and the slugs are
    looked up for the whole file before any row is checked, so this runs first.
    """
    for number, row in enumerate(dataset.dict, start=1):
        for column, value in row.items():
            if isinstance(value, str) and "\x00" in value:
                raise ImportRefused(
                    _("Row %(row)d, column “%(column)s”: a NUL character is not allowed.")
                    % {"row": number, "column": column}
                )


class PlainDiff(Diff):
    """A preview cell as ``<del>old</del><ins>new</ins>``, styled by the stylesheet.

    The library's diff writes inline ``style`` attributes, which the admin's Content
    Security Policy blocks.
    """

    def as_html(self):
        cells = []
        for old, new in zip(self.left, self.right, strict=False):
            old = "" if self.new else force_str(old)
            new = force_str(new)
            if old == new:
                cells.append(conditional_escape(new))
                continue
            cells.append(
                format_html(
                    "{}{}",
                    format_html("<del>{}</del>", old) if old else "",
                    format_html("<ins>{}</ins>", new) if new else "",
                )
            )
        return cells


def _identity(value):
    return value.pk if hasattr(value, "_meta") else value


class NaturalKeyInstanceLoader(BaseInstanceLoader):
    """Finds the existing record of each row by its import id columns, in one query.

    Like import-export's CachedInstanceLoader, but for one or several columns (an
    enterprise and an exhibition name a participation), related records included.
    """

    def __init__(self, resource, dataset=None):
        super().__init__(resource, dataset)
        model = resource._meta.model
        self.fields = [resource.fields[name] for name in resource.get_import_id_fields()]
        self.attnames = [model._meta.get_field(f.attribute).attname for f in self.fields]
        self.instances = {}
        first = set()
        for row in dataset.dict if dataset is not None else []:
            key = self.key(row)
            if key is not None and key[0] is not None:
                first.add(key[0])
        if first:
            # One array parameter for a plain column (the slug); related records'
            # keys (a participation's enterprise) with Django's own IN.
            relation = model._meta.get_field(self.fields[0].attribute).is_relation
            lookup = f"{self.attnames[0]}__{'in' if relation else 'in_array'}"
            for record in resource.get_queryset().filter(**{lookup: first}):
                self.instances[tuple(getattr(record, name) for name in self.attnames)] = record

    def key(self, row):
        try:
            return tuple(_identity(field.clean(row)) for field in self.fields)
        except (KeyError, ValueError, ValidationError):
            return None  # the row's own import reports it

    def get_instance(self, row):
        key = self.key(row)
        return None if key is None else self.instances.get(key)


# A cell starting with one of these is read as a formula by a spreadsheet (OWASP "CSV
# injection"): "=", "+", "-", "@", a tab or a carriage return.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class FormulaSafeExport:
    """Export: a text cell that a spreadsheet would run as a formula gets a leading "'".

    OWASP's advice for CSV, and it keeps the cell text in XLSX too (openpyxl would store
    a string starting with "=" as a formula). Numbers stay numbers: "-5" in a number
    column is a value, not an attack.
    """

    def export_field(self, field, instance, **kwargs):
        value = super().export_field(field, instance, **kwargs)
        if (
            isinstance(value, str)
            and value.startswith(FORMULA_PREFIXES)
            and not isinstance(field.widget, widgets.NumberWidget)
        ):
            return f"'{value}"
        return value


class RowResult(results.RowResult):
    """import-export's row result, naming its record (``object_repr``) only when asked.

    The preview shows the name of each row's record and the admin's log names them
    all, but a real import of thousands of rows reads none of them: ``str()`` of a
    translated record resolves its language, row after row, for nothing.
    """

    def add_instance_info(self, instance):
        if instance is not None:
            self.object_id = getattr(instance, "pk", None)
            self._named = instance

    @property
    def object_repr(self):
        named = self.__dict__.get("_named")
        if named is not None and self.__dict__.get("_object_repr") is None:
            try:
                self._object_repr = force_str(named)
            except Exception:  # as import-export's: a record that cannot be named
                self._object_repr = None
        return self.__dict__.get("_object_repr")

    @object_repr.setter
    def object_repr(self, value):
        self._object_repr = value


def _language_name(code):
    return dict(settings.LANGUAGES)[code]


class NaturalKeyResource(FormulaSafeExport, resources.ModelResource):
    """A resource whose rows and related records are named by natural keys.

    ``column_texts`` explains columns in plain words on the import page; columns not
    named there get a generic explanation. ``template_example`` is the example row of
    the downloadable template: a record of the fixtures (``("file.json", "app.model",
    {"field": value})``) or, where the fixtures hold none, a dict of values.
    """

    column_texts = {}
    template_example = {}

    class Meta:
        instance_loader_class = NaturalKeyInstanceLoader
        clean_model_instances = True
        skip_unchanged = False
        batch_size = 1000

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._meta = copy(self._meta)  # this instance's own options, see import_data()
        self.import_user = None
        self._import_fields = None

    def get_import_fields(self):
        # Asked for every row by the library; the same for the whole import.
        if self._import_fields is None:
            self._import_fields = super().get_import_fields()
        return self._import_fields

    def get_diff_class(self):
        return PlainDiff

    def get_row_result_class(self):
        return RowResult

    # The page and the template.

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

    # The import.

    def import_data(self, dataset, dry_run=False, **kwargs):
        # Only the preview (a dry run) shows each row's diff, and only of the rows it
        # lists; the real import, which nobody sees row by row, skips it.
        self.dry_run = dry_run
        try:
            # Before anything else: the instance loader queries every key of the file.
            refuse_nul_characters(dataset)
            self.check_columns(dataset)
        except ImportRefused as error:
            result = self.get_result_class()()
            result.total_rows = len(dataset)
            result.diff_headers = self.get_diff_headers()
            self.handle_import_error(result, error)
            return result
        return super().import_data(dataset, dry_run=dry_run, **kwargs)

    def check_columns(self, dataset):
        """Refuse a file with a column this import does not know (a typo would be lost)."""
        known = {field.column_name for field in self.get_import_fields()}
        unknown = [header for header in dataset.headers or [] if header not in known]
        if unknown:
            raise ImportRefused(
                _(
                    "Unknown column(s): %(unknown)s. The columns of this import are: "
                    "%(known)s (see the explanations above)."
                )
                % {
                    "unknown": ", ".join(f"“{name}”" for name in unknown),
                    "known": ", ".join(f.column_name for f in self.get_import_fields()),
                }
            )
        self.refuse_unfilled_template(dataset)

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
            for number, cell in enumerate(dataset[column], start=1):
                if isinstance(cell, str) and cell.strip() in texts:
                    raise ImportRefused(
                        _(
                            "Row %(row)d, column “%(column)s”: replace the template's "
                            "“%(text)s” with the real value."
                        )
                        % {"row": number, "column": column, "text": cell.strip()}
                    )

    def handle_import_error(self, result, error, raise_errors=False):
        if not isinstance(error, ImportRefused):
            error = ImportRefused(
                _("The import stopped: %(reason)s Nothing was imported.") % {"reason": error}
            )
        super().handle_import_error(result, error, raise_errors)

    def before_import(self, dataset, **kwargs):
        self.import_user = kwargs.get("user")
        headers = set(dataset.headers or [])
        for field in self.fields.values():
            if isinstance(field.widget, NaturalKeyWidget):
                field.widget.found.clear()
                if field.column_name in headers:
                    field.widget.preload(dataset[field.column_name])
        self.keys_seen = set()
        self._blank = None
        # Optional fields the file has no column for keep their stored or default
        # value: nothing to check.
        imported = {
            field.attribute for field in self.fields.values() if field.column_name in headers
        }
        self.not_in_file = [
            field.name
            for field in self._meta.model._meta.concrete_fields
            if field.blank and field.name not in imported
        ]
        # The fields each row fills: those with a column in the file (the others
        # would be skipped row by row, each skip logged).
        self.fields_in_file = [
            field
            for field in self.get_import_fields()
            if field.attribute
            and field.column_name in headers
            and not isinstance(field.widget, widgets.ManyToManyWidget)
        ]
        self.looked_up = [
            name
            for name, field in self.fields.items()
            if isinstance(field.widget, NaturalKeyWidget)
        ]
        # What validate_instance() checks with a query: uniqueness other than the
        # import key (matched by the instance loader), and the constraints other than
        # the import key's and the publication ones (checked by clean()).
        model = self._meta.model
        self.key_fields = {self.fields[name].attribute for name in self.get_import_id_fields()}
        unique, _dates = model()._get_unique_checks(exclude=self.key_fields)
        self.unique_checks = [check for _model, check in unique if check != ("id",)]
        self.constraints = [
            constraint
            for constraint in model._meta.constraints
            if constraint.name not in publication_constraint_names(model)
            and set(getattr(constraint, "fields", ())) != self.key_fields
        ]
        super().before_import(dataset, **kwargs)

    def init_instance(self, row=None):
        """A new record, copied from one made once per import.

        Making a model instance with translated fields costs a language switch per
        field (django-modeltranslation's defaults); the copy has the same defaults.
        """
        if self._blank is None:
            self._blank = super().init_instance(row)
        instance = self._meta.model.__new__(self._meta.model)
        instance.__dict__.update(self._blank.__dict__)
        instance._state = ModelState()
        return instance

    def import_instance(self, instance, row, **kwargs):
        """As import-export's, over the fields with a column in the file only."""
        errors = {}
        for field in self.fields_in_file:
            try:
                self.import_field(field, instance, row, **kwargs)
            except ValueError as e:
                errors[field.attribute] = ValidationError(force_str(e), code="invalid")
        if errors:
            raise ValidationError(errors)

    def import_row(self, row, instance_loader, **kwargs):
        self._meta.skip_diff = not (self.dry_run and kwargs.get("row_number", 0) <= PREVIEW_ROWS)
        return super().import_row(row, instance_loader, **kwargs)

    def import_id_attnames(self):
        model = self._meta.model
        return [
            model._meta.get_field(self.fields[name].attribute).attname
            for name in self.get_import_id_fields()
        ]

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """The model's own validation, less the checks that would cost a query per row.

        Skipped because they are already settled: that a related record exists (the
        widget has just found it), that the import key is unused (the instance loader
        looked every key of the file up at once; a key twice in the file is caught
        here), and the publication constraints (the status field's choices and
        ``clean()`` check the same without a query). The database enforces all of
        them anyway.
        """
        model = type(instance)
        errors = dict(import_validation_errors or {})
        looked_up = self.looked_up
        for name in looked_up:
            model_field = model._meta.get_field(self.fields[name].attribute)
            empty = getattr(instance, model_field.attname) is None
            if name not in errors and not model_field.null and empty:
                errors[name] = [ValidationError(_("This column must not be empty."))]
        try:
            instance.full_clean(
                exclude=[*errors, *looked_up, *self.not_in_file],
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as e:
            errors = e.update_error_dict(errors)
        key_names = self.import_id_attnames()
        key = tuple(getattr(instance, name) for name in key_names)
        if None not in key and key in self.keys_seen:
            field, message = self.duplicate_error(instance)
            errors.setdefault(field, []).append(ValidationError(message))
        self.keys_seen.add(key)
        try:
            if self.unique_checks:
                instance.validate_unique(exclude=[*errors, *self.key_fields])
            for constraint in self.constraints:
                constraint.validate(model, instance, exclude=set(errors))
        except ValidationError as e:
            errors = e.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def duplicate_error(self, instance):
        """The field and message for a row importing the same record as an earlier row."""
        names = self.get_import_id_fields()
        shown = [f"“{getattr(instance, self.fields[name].attribute)}”" for name in names]
        return NON_FIELD_ERRORS, _("An earlier row of the file already imports %(key)s.") % {
            "key": " / ".join(shown)
        }

    def bulk_update_fields(self):
        """The resource's fields, and the untranslated column of each translated one."""
        model = self._meta.model
        names = set()
        for name in self.get_bulk_update_fields():
            try:
                names.add(model._meta.get_field(self.fields[name].attribute).name)
            except FieldDoesNotExist:
                continue
        for field in model._meta.concrete_fields:
            original = getattr(field, "translated_field", None)
            if original is not None and field.name in names:
                names.add(original.name)
        names -= {model._meta.pk.name}
        return sorted(names)

    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        if self.create_instances and (using_transactions or not dry_run):
            try:
                # Bulk mode needs one import id field, unique (the slug).
                (key,) = self.import_id_attnames()
                create_with_history(self.create_instances, key, user=self.import_user)
            except Exception as e:  # reported to the editor; rolled back
                self.handle_import_error(result, e, raise_errors)
            finally:
                self.create_instances.clear()

    def bulk_update(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        if self.update_instances and (using_transactions or not dry_run):
            try:
                update_with_history(
                    self.update_instances, self.bulk_update_fields(), user=self.import_user
                )
            except Exception as e:  # reported to the editor; rolled back
                self.handle_import_error(result, e, raise_errors)
            finally:
                self.update_instances.clear()


class PublishableResource(NaturalKeyResource):
    """Rows of a publishable model, matched by slug; the slug is made from the English
    name when the column is missing or the cell empty."""

    column_texts = {
        "slug": gettext_lazy(
            "The record's address on the site: lowercase letters, digits and hyphens "
            "(e.g. heilongjiang). A row whose slug exists updates that record. Leave it "
            "empty (or leave the column out) to make it from the English name."
        ),
        "country": gettext_lazy(
            "The country as its two-letter ISO code: CN for China, RU for Russia."
        ),
        "status": gettext_lazy(
            "draft or published. Only a Publisher's import publishes: an Editor's import "
            "creates drafts and leaves the state of existing records alone."
        ),
        "publish_at": gettext_lazy(
            "Optional go-live time, e.g. 2019-06-15 09:00 (UTC). Empty: as soon as published."
        ),
        "expires_at": gettext_lazy(
            "Optional expiry, e.g. 2019-06-20 00:00 (UTC), after the go-live time. Empty: never."
        ),
    }

    class Meta(NaturalKeyResource.Meta):
        import_id_fields = ("slug",)

    def check_columns(self, dataset):
        name_column = build_localized_fieldname("name", settings.MODELTRANSLATION_DEFAULT_LANGUAGE)
        headers = dataset.headers or []
        if "slug" not in headers and name_column not in headers:
            raise ImportRefused(
                _("The file needs a “slug” column or a “%(name)s” column to make slugs from.")
                % {"name": name_column}
            )
        super().check_columns(dataset)
        # The slug from the English name, where the column is missing or a cell empty.
        names = dataset[name_column] if name_column in headers else [""] * len(dataset)
        slugs = dataset["slug"] if "slug" in headers else [""] * len(dataset)
        made = [
            (str(slug).strip() if slug not in (None, "") else slugify(str(name or "")))
            for slug, name in zip(slugs, names, strict=True)
        ]
        if "slug" in headers:
            del dataset["slug"]
        dataset.insert_col(0, made, header="slug")

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        if not instance.slug and "slug" not in errors:
            errors["slug"] = [
                ValidationError(_("No slug, and no English name to make one from: fill in either."))
            ]
        super().validate_instance(instance, errors, validate_unique)

    def duplicate_error(self, instance):
        return "slug", _("The slug “%(slug)s” is already used by an earlier row.") % {
            "slug": instance.slug
        }

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self.user_may_publish = self.may_publish(kwargs.get("user"))

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        if field.attribute in PUBLICATION_FIELDS and not self.user_may_publish:
            return
        super().import_field(field, instance, row, is_m2m=is_m2m, **kwargs)

    def may_publish(self, user):
        return user is not None and can_publish(user, self._meta.model)
