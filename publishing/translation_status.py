"""Show editors which translations a record is missing, in the admin's change lists.

A translated field (django-modeltranslation) counts as missing in a language when
it is empty there but filled in another: an optional description left empty in
every language is not a missing translation.

Every translated model's admin gets both through ``publishing.admin.TranslatedHistoryAdmin``
(and so ``PublishableAdmin``).
"""

from django.conf import settings
from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname


def translated_fields(model):
    """The names of the model's translated fields, e.g. ["name", "description"]."""
    return list(translator.get_options_for_model(model).fields)


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def _filled(value):
    return value not in (None, "")


def missing_by_language(obj):
    """``{language code: [field names]}`` of the translations ``obj`` lacks, in settings order."""
    missing = {}
    for field in translated_fields(type(obj)):
        values = {
            code: getattr(obj, build_localized_fieldname(field, code)) for code in language_codes()
        }
        if not any(_filled(value) for value in values.values()):
            continue
        for code, value in values.items():
            if not _filled(value):
                missing.setdefault(code, []).append(field)
    return missing


def missing_in_language_q(model, code):
    """A Q for records with a translated field empty in ``code`` but filled in another language."""
    condition = Q(pk__in=[])
    for field in translated_fields(model):
        name = build_localized_fieldname(field, code)
        empty_here = Q(**{f"{name}__isnull": True}) | Q(**{name: ""})
        filled_elsewhere = Q(pk__in=[])
        for other in language_codes():
            if other != code:
                other_name = build_localized_fieldname(field, other)
                filled_elsewhere |= Q(**{f"{other_name}__isnull": False}) & ~Q(**{other_name: ""})
        condition |= empty_here & filled_elsewhere
    return condition


class MissingTranslationFilter(admin.SimpleListFilter):
    """ "Missing translation: Russian" lists the records that lack a Russian translation."""

    title = _("missing translation")
    parameter_name = "missing_lang"

    def lookups(self, request, model_admin):
        return list(settings.LANGUAGES)

    def queryset(self, request, queryset):
        code = self.value()
        if code not in language_codes():
            return queryset
        return queryset.filter(missing_in_language_q(queryset.model, code))


class TranslationStatusMixin:
    """For a TranslationAdmin: the ``missing_translations`` change-list column and filter.

    Adds to ``get_list_display`` and ``get_list_filter`` (calling ``super()``).
    """

    def get_list_display(self, request):
        return [*super().get_list_display(request), "missing_translations"]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), MissingTranslationFilter]

    @admin.display(description=_("missing translations"))
    def missing_translations(self, obj):
        """E.g. "ru: name, description; zh-hans: description", or "—" when complete."""
        missing = missing_by_language(obj)
        if not missing:
            return "—"
        opts = type(obj)._meta
        return "; ".join(
            f"{code}: {', '.join(str(opts.get_field(field).verbose_name) for field in fields)}"
            for code, fields in missing.items()
        )
