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

The pieces, each in its module: the natural-key widget (``exchange.widgets``), the
loader of existing records (``exchange.loaders``), the preview's cells and row results
(``exchange.preview``), the import page's column help and template
(``exchange.columns``) and formula-safe exports (``exchange.formulas``).
"""

from copy import copy

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.utils.encoding import force_str
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import resources, widgets
from modeltranslation.utils import build_localized_fieldname

from exchange.bulk import create_with_history, update_with_history
from exchange.columns import ImportColumns
from exchange.formulas import FormulaSafeExport
from exchange.importing import PREVIEW_ROWS, ImportRefused, row_number
from exchange.loaders import NaturalKeyInstanceLoader
from exchange.preview import PlainDiff, Result, RowResult
from exchange.widgets import NaturalKeyWidget
from publishing.models import PUBLICATION_FIELDS, can_publish, publication_constraint_names


def refuse_nul_characters(dataset):
    """Refuse the whole file if any cell holds a NUL character, naming the first one.

    No text field may hold NUL (PostgreSQL refuses it outright), and the slugs are
    looked up for the whole file before any row is checked, so this runs first.
    """
    for index, row in enumerate(dataset.dict, start=1):
        for column, value in row.items():
            if isinstance(value, str) and "\x00" in value:
                raise ImportRefused(
                    _("Row %(row)d, column “%(column)s”: a NUL character is not allowed.")
                    % {"row": row_number(dataset, index), "column": column}
                )


class NaturalKeyResource(FormulaSafeExport, ImportColumns, resources.ModelResource):
    """A resource whose rows and related records are named by natural keys.

    ``column_texts`` and ``template_example`` explain its columns on the import page and
    fill the downloadable template (``exchange.columns.ImportColumns``).
    """

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

    def get_result_class(self):
        return Result

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
        result = super().import_data(dataset, dry_run=dry_run, **kwargs)
        # The rows' numbers as the spreadsheet shows them (blank rows counted).
        result.sheet_rows = [row_number(dataset, index) for index in range(1, len(dataset) + 1)]
        return result

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
        field (django-modeltranslation's defaults); the copy has the same defaults, and
        its own state (a model instance copies as it pickles).
        """
        if self._blank is None:
            self._blank = super().init_instance(row)
        return copy(self._blank)

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
        # As on the change form, an Editor's change to a live record is not written
        # directly (it would be public at once): the row is refused, naming the record.
        if getattr(self, "live_before", None) not in (None, _values(instance)):
            errors.setdefault(NON_FIELD_ERRORS, []).append(
                ValidationError(
                    _(
                        "“%(record)s” is on the site: an import by someone who may not "
                        "publish cannot change it. Change it in its form (saved as a "
                        "revision for review), or leave this row out."
                    )
                    % {"record": instance.slug}
                )
            )
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

    def import_instance(self, instance, row, **kwargs):
        # A live record's values before the row: an Editor's row may not change them.
        self.live_before = None
        if instance.pk is not None and not self.user_may_publish and instance.is_live:
            self.live_before = _values(instance)
        super().import_instance(instance, row, **kwargs)

    def may_publish(self, user):
        return user is not None and can_publish(user, self._meta.model)


def _values(record):
    """What a record holds of its own, to compare before and after a row (an empty cell
    and an empty field are the same)."""
    values = {
        field.attname: field.value_from_object(record) for field in record._meta.concrete_fields
    }
    return {name: "" if value is None else value for name, value in values.items()}
