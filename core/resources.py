"""Bulk import and export (django-import-export) shared by the content apps.

Rows are matched to existing records by slug; related records are named by their
natural keys (a country by ISO code, a region or sector by slug), never by database
ids, so a file travels between databases. Someone who may not publish imports
drafts: the publication columns are ignored for them, so new records start as
drafts and existing ones keep their state.
"""

from copy import copy

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.utils.translation import gettext as _
from import_export import resources, widgets
from import_export.instance_loaders import CachedInstanceLoader

from .models import PUBLICATION_FIELDS, can_publish, publication_constraint_names


class NaturalKeyWidget(widgets.ForeignKeyWidget):
    """A related record named by a unique field, looked up once per value and import.

    An unknown value is a validation error of the row (the preview names the row),
    not a crash.
    """

    def __init__(self, model, field, **kwargs):
        super().__init__(model, field=field, **kwargs)
        self.found = {}

    def clean(self, value, row=None, **kwargs):
        key = "" if value is None else str(value).strip()
        if not key:
            return None
        if key not in self.found:
            try:
                self.found[key] = self.get_queryset(value, row, **kwargs).get(**{self.field: key})
            except ObjectDoesNotExist:
                raise ValueError(
                    f"No {self.model._meta.verbose_name} with {self.field} “{key}”."
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
                raise ValueError(
                    _("Row %(row)d, column “%(column)s”: a NUL character is not allowed.")
                    % {"row": number, "column": column}
                )


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


class PublishableResource(FormulaSafeExport, resources.ModelResource):
    class Meta:
        import_id_fields = ("slug",)
        instance_loader_class = CachedInstanceLoader
        clean_model_instances = True
        skip_unchanged = False

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._meta = copy(self._meta)  # this instance's own options, see import_data()

    def import_data(self, dataset, dry_run=False, **kwargs):
        # Only the preview (a dry run) shows each row's diff; the real import, which
        # nobody sees row by row, skips it (twice as fast for updates).
        self._meta.skip_diff = not dry_run
        try:
            # Before anything else: the instance loader queries every slug of the file.
            refuse_nul_characters(dataset)
        except ValueError as error:
            result = self.get_result_class()()
            result.total_rows = len(dataset)
            result.diff_headers = self.get_diff_headers()
            self.handle_import_error(result, error)
            return result
        return super().import_data(dataset, dry_run=dry_run, **kwargs)

    def before_import(self, dataset, **kwargs):
        for field in self.fields.values():
            if isinstance(field.widget, NaturalKeyWidget):
                field.widget.found.clear()
        self.slugs_seen = set()
        super().before_import(dataset, **kwargs)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """The model's own validation, less the checks that would cost a query per row.

        Skipped because they are already settled: that a related record exists (the
        widget has just found it), that the slug is unused (the instance loader looked
        every slug of the file up at once; a slug twice in the file is caught here),
        and the publication constraints (the status field's choices and ``clean()``
        check the same without a query). The database enforces all of them anyway.
        """
        errors = dict(import_validation_errors or {})
        looked_up = [
            name
            for name, field in self.fields.items()
            if isinstance(field.widget, NaturalKeyWidget)
        ]
        try:
            instance.full_clean(
                exclude=[*errors, *looked_up], validate_unique=False, validate_constraints=False
            )
        except ValidationError as e:
            errors = e.update_error_dict(errors)
        if instance.slug in self.slugs_seen:
            errors.setdefault("slug", []).append(
                ValidationError(f"The slug “{instance.slug}” is already used by an earlier row.")
            )
        self.slugs_seen.add(instance.slug)
        try:
            instance.validate_unique(exclude=[*errors, "slug"])
            model = type(instance)
            for constraint in model._meta.constraints:
                if constraint.name not in publication_constraint_names(model):
                    constraint.validate(model, instance, exclude=set(errors))
        except ValidationError as e:
            errors = e.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        if field.attribute in PUBLICATION_FIELDS and not self.may_publish(kwargs.get("user")):
            return
        super().import_field(field, instance, row, is_m2m=is_m2m, **kwargs)

    def may_publish(self, user):
        return user is not None and can_publish(user, self._meta.model)
