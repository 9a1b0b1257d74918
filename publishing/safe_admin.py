"""The rules every model admin of the site follows, ours and other packages' alike.

``SafeAdminMixin`` holds them; ``SafeAdmin`` is it on Django's ``ModelAdmin``, the base
every other admin base of the site builds on (``publishing.history.HistoryAdmin``,
``publishing.admin.PublishableAdmin``, ``sources.admin.CitingAdmin``,
``exchange.admin.ImportExportAdmin``). The admins other packages register (auth's users
and groups, axes' login attempts) get the mixin from the site itself
(``publishing.dashboard.EditorialAdminSite.register``).
"""

from itertools import islice

from django.contrib import admin, messages
from django.contrib.admin.exceptions import DisallowedModelAdminLookup
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.constants import LOOKUP_SEP
from django.utils import timezone
from django.utils.text import format_lazy, smart_split
from django.utils.translation import gettext_lazy as _

from operations.middleware import MAX_DATABASE_INTEGER
from publishing.locking import FINGERPRINT_FIELD, FingerprintForm

# Search: longer terms or more words than this are cut (a search is for finding, and
# thousands of words would build a query the database refuses).
MAX_SEARCH_LENGTH = 200
MAX_SEARCH_WORDS = 10


def root_field(path):
    """The model field a lookup path or search field starts from: "email" of "^email__x"."""
    return str(path).lstrip("^=@").split(LOOKUP_SEP)[0]


def usable_id(model, value):
    """Whether ``value`` (from an address) can be an id of ``model``: else a 404, not a crash
    (a larger whole number than any database integer column holds is none)."""
    try:
        value = model._meta.pk.to_python(unquote(value))
    except (ValidationError, ValueError, TypeError):
        return False
    return not isinstance(value, int) or abs(value) <= MAX_DATABASE_INTEGER


class OfferedFiltersChangeList(ChangeList):
    """A change list filtered only by the filters its admin offers (and its date hierarchy).

    Django's change list accepts any lookup on the model's own fields in the query
    string (``?email__startswith=a``), and its result count then answers questions
    about fields the filters do not offer. Here whatever no filter took is refused
    (a 400), so that nothing is counted.
    """

    def get_filters(self, request):
        asked = set(self.get_filters_params())
        specs, has_filters, remaining, duplicates, active = super().get_filters(request)
        unoffered = sorted(key for key in remaining if key in asked)
        if unoffered:
            raise DisallowedModelAdminLookup(f"Filtering by {', '.join(unoffered)} is not offered")
        return specs, has_filters, remaining, duplicates, active


def time_zone_help(help_text=""):
    """``help_text`` followed by the time zone a time field is in, e.g. "Asia/Shanghai,
    UTC+08:00": the server stores UTC, and an editor in Harbin must not be guessing."""
    offset = timezone.localtime().strftime("%z")
    zone = _("Time in %(zone)s (UTC%(offset)s).") % {
        "zone": timezone.get_current_timezone_name(),
        "offset": f"{offset[:3]}:{offset[3:]}",
    }
    return format_lazy("{} {}", help_text, zone) if help_text else zone


class SafeAdminMixin:
    """What every model admin of the site shares.

    - **Private fields.** ``private_fields`` are shown only to staff who may change
      the model (replies: the moderators). For anyone else they are left out of every
      route: the forms, the change-list columns, filters, search, sorting, lookups in
      the address, export (``exchange.admin``) and autocomplete.
    - **Only the offered filters.** A change list is filtered by its own filters and
      nothing else (``OfferedFiltersChangeList``); any other lookup is a 400.
    - **No lost updates.** Every change form and revert form carries a fingerprint of
      the record as opened and refuses to overwrite a later save (``publishing.locking``).
    - **Bad input is not a server error**: over-long searches are cut, ids that are
      not ids are a 404, an empty ``_to_field`` is the primary key.

    Hooks it owns: ``get_fields``, ``get_readonly_fields``, ``get_search_fields``,
    ``get_sortable_by``, ``lookup_allowed``, ``get_changelist``, ``get_object``,
    ``get_search_results``.
    It also filters what the bases above it return from ``get_fieldsets``,
    ``get_list_display`` and ``get_list_filter``, and gives every form class
    ``get_form`` makes the ``model_admin`` and ``request`` the fingerprint needs.
    """

    form = FingerprintForm
    private_fields = ()

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        """Every time field names its time zone (``time_zone_help``)."""
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and isinstance(db_field, models.DateTimeField):
            formfield.help_text = time_zone_help(formfield.help_text)
        return formfield

    def may_see_private_fields(self, request):
        return self.has_change_permission(request)

    def hidden_fields(self, request):
        """The fields this user may not see, filter, search, sort or export."""
        if not self.private_fields or self.may_see_private_fields(request):
            return ()
        return tuple(self.private_fields)

    def _visible(self, request, names):
        """``names`` (fields, columns, lookups) less those rooted in a hidden field."""
        hidden = self.hidden_fields(request)
        return [name for name in names if callable(name) or root_field(name) not in hidden]

    # The form: private fields left out; the fingerprint on every change form.
    def get_fields(self, request, obj=None):
        fields = self._visible(request, super().get_fields(request, obj))
        return [name for name in fields if name != FINGERPRINT_FIELD]

    def get_fieldsets(self, request, obj=None):
        # modeltranslation builds the fieldsets from the form's fields, the fingerprint
        # among them: left out here and added once below.
        fieldsets = [
            (
                name,
                {
                    **options,
                    "fields": self._visible(
                        request, [f for f in options["fields"] if f != FINGERPRINT_FIELD]
                    ),
                },
            )
            for name, options in super().get_fieldsets(request, obj)
        ]
        locks = issubclass(self.form, FingerprintForm)  # an admin's own form may not be one
        if locks and obj is not None and self.has_change_permission(request, obj) and fieldsets:
            name, options = fieldsets[0]
            fieldsets[0] = (name, {**options, "fields": [*options["fields"], FINGERPRINT_FIELD]})
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        return self._visible(request, super().get_readonly_fields(request, obj))

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"model_admin": self, "request": request})

    # The change list: columns, filters, search, sorting and lookups.
    def get_list_display(self, request):
        return self._visible(request, super().get_list_display(request))

    def get_list_filter(self, request):
        hidden = self.hidden_fields(request)
        return [
            item
            for item in super().get_list_filter(request)
            if root_field(item[0] if isinstance(item, list | tuple) else item) not in hidden
        ]

    def get_search_fields(self, request):
        return self._visible(request, super().get_search_fields(request))

    def get_sortable_by(self, request):
        hidden = self.hidden_fields(request)
        sortable = []
        for name in super().get_sortable_by(request):
            ordering = getattr(getattr(self, str(name), None), "admin_order_field", None)
            if root_field(name) not in hidden and (
                ordering is None or root_field(ordering) not in hidden
            ):
                sortable.append(name)
        return sortable

    def lookup_allowed(self, lookup, value, request=None):
        if request is not None and root_field(lookup) in self.hidden_fields(request):
            return False
        return super().lookup_allowed(lookup, value, request)

    def get_changelist(self, request, **kwargs):
        return OfferedFiltersChangeList

    def get_object(self, request, object_id, from_field=None):
        # An empty ``?_to_field=`` passes Django's check (it tests only a non-empty
        # value) and names no field: it means the primary key, as no value does.
        return super().get_object(request, object_id, from_field or None)

    def get_search_results(self, request, queryset, search_term):
        words = list(islice(smart_split(search_term[:MAX_SEARCH_LENGTH]), MAX_SEARCH_WORDS + 1))
        if len(search_term) > MAX_SEARCH_LENGTH or len(words) > MAX_SEARCH_WORDS:
            search_term = " ".join(words[:MAX_SEARCH_WORDS])
            self.message_user(
                request,
                _("The search was shortened to its first %(words)d words (%(chars)d characters).")
                % {"words": MAX_SEARCH_WORDS, "chars": MAX_SEARCH_LENGTH},
                messages.WARNING,
                fail_silently=True,
            )
        return super().get_search_results(request, queryset, search_term)


class SafeAdmin(SafeAdminMixin, admin.ModelAdmin):
    """A plain model admin with the rules every admin of the site follows."""


def with_the_rules(admin_class):
    """``admin_class`` itself if it follows the rules, else it with ``SafeAdminMixin`` first.

    For the admins other packages register: only the offered filters, cut searches.
    Their own forms stay (they carry no edit lock).
    """
    if issubclass(admin_class, SafeAdminMixin):
        return admin_class
    attrs = {"form": admin_class.form, "__module__": admin_class.__module__}
    return type(admin_class.__name__, (SafeAdminMixin, admin_class), attrs)
