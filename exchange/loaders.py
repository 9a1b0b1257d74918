"""Finding the existing record of each row of an import file, for the whole file at once."""

from django.core.exceptions import ValidationError
from import_export.instance_loaders import BaseInstanceLoader

from exchange.bulk import InArray  # noqa: F401 (the __in_array lookup used below)


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
