"""Filters shared by the public lists: search across the languages of translated fields
(django-modeltranslation), and related records chosen by slug."""

import django_filters
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from modeltranslation.utils import build_localized_fieldname


def contains_in_any_language(field_name, value):
    """A Q for records whose translated ``field_name`` contains ``value`` in any language.

    "Якутия", "Yakutia", "Sakha" and "萨哈" all find the Republic of Sakha (Yakutia),
    whichever language the reader is using.
    """
    condition = Q()
    for code, _name in settings.LANGUAGES:
        field = build_localized_fieldname(field_name, code)
        # icontains folds case in every script, on SQLite too (see operations.sqlite).
        condition |= Q(**{f"{field}__icontains": value})
    return condition


class ListedChoiceIterator(django_filters.fields.ModelChoiceIterator):
    """A select's records read in one plain query, once per form.

    Django reads a choice field's queryset with ``.iterator()``, which on PostgreSQL
    opens a server-side cursor (declare, fetch, close: three round trips) so that a
    huge list need not be held in memory; the choices of the site's filters are a few
    hundred records at most (regions, sectors, exhibitions, countries), read whole and
    kept by the field's queryset, which also checks the chosen value
    (``SlugChoiceField.to_python``).
    """

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        if self.field.null_label is not None:
            yield (self.field.null_value, self.field.null_label)
        for record in self.queryset:
            yield self.choice(record)


class SlugChoiceField(django_filters.fields.ModelChoiceField):
    iterator = ListedChoiceIterator

    def to_python(self, value):
        """The chosen record, found among the choices the select shows (the same query,
        not one more); a value that is none of them is a form error."""
        if value in self.empty_values:
            return None
        self.validate_no_null_characters(value)
        key = self.to_field_name or "pk"
        if isinstance(value, self.queryset.model):
            value = getattr(value, key)
        wanted = str(value)
        for record in self.queryset:
            if str(getattr(record, key)) == wanted:
                return record
        raise ValidationError(
            self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
        )


class SlugChoiceFilter(django_filters.ModelChoiceFilter):
    """A related record chosen by its slug (``to_field_name="slug"``); an unknown slug is
    a form error. Its choices come in one query (``ListedChoiceIterator``)."""

    field_class = SlugChoiceField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(*args, **kwargs)
