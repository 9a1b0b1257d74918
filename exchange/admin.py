"""Bulk import and export in the admin (django-import-export), with this project's rules.

``ImportExportAdmin`` is what the admin of a model with an import resource adds; the
content apps' admins list it with the other bases they need, in any order::

    class EnterpriseAdmin(PublishableAdmin, CitingAdmin, ImportExportAdmin):
        resource_classes = [EnterpriseResource]

Who may publish is kept on this route too: a row cannot publish for an Editor
(``exchange.resources.PublishableResource``).
"""

import os

from django.contrib import messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import BadRequest, PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.urls import path, reverse
from django.utils.translation import gettext as _
from import_export.admin import ImportExportMixin

from exchange.importing import (
    PREVIEW_ROWS,
    LimitedCSV,
    LimitedImportForm,
    LimitedXLSX,
    limit,
    read_failure_message,
)
from publishing.safe_admin import SafeAdmin, root_field

# The session remembers the files this user's previews stored (the newest few).
PREVIEWED_FILES = "exchange_previewed_imports"
MAX_PREVIEWED_FILES = 10


class ImportExportAdmin(ImportExportMixin, SafeAdmin):
    """Bulk import and export (CSV, XLSX) with the limits of ``exchange.importing``.

    Import needs the add and change permissions; export the view permission, and it
    exports what the change list shows with its current filters and search, less the
    fields this user may not see (``SafeAdmin.hidden_fields``). An import is
    all-or-nothing: a preview lists every invalid row by number, and the final step
    rolls everything back if any row fails. The import page states the limits and
    offers a template file; every problem is a plain message, never a traceback. The
    confirm step imports only a file this user's own preview stored (remembered in the
    session): any other name is a 400, and nothing is read or deleted.

    Hooks it owns: django-import-export's (``has_import_permission``,
    ``has_export_permission``, ``get_import_data_kwargs``, ``get_data_for_export``,
    ``get_import_context_data``, ``write_to_tmp_storage``, ``get_confirm_form_initial``,
    ``get_confirm_form_kwargs``, ``add_data_read_fail_error_to_form``,
    ``process_import``, ``process_result``, ``get_export_queryset``) and
    ``changelist_view`` (through django-import-export); it adds the import template's
    address to ``get_urls``.
    """

    formats = [LimitedCSV, LimitedXLSX]
    import_form_class = LimitedImportForm
    import_template_name = "admin/exchange/import.html"

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        template = path(
            "import/template.<str:extension>",
            self.admin_site.admin_view(self.import_template_view),
            name="{}_{}_import_template".format(*info),
        )
        return [template, *super().get_urls()]

    # Import.
    def import_template_view(self, request, extension):
        """A file with the import's columns and one example row, in CSV or XLSX."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        formats = {"csv": LimitedCSV, "xlsx": LimitedXLSX}
        if extension not in formats:
            return HttpResponse(status=404)
        resource_class = self.get_import_resource_classes(request)[0]
        dataset = resource_class.template_dataset()
        file_format = formats[extension]()
        name = f"{self.opts.model_name}-import-template.{extension}"
        response = HttpResponse(
            file_format.export_data(dataset), content_type=file_format.get_content_type()
        )
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    def get_import_context_data(self, **kwargs):
        context = super().get_import_context_data(**kwargs)
        resource_class = self.get_import_resource_classes(None)[0]
        info = self.opts.app_label, self.opts.model_name
        context.update(
            {
                "import_columns": resource_class.column_help(),
                "import_template_urls": [
                    (label, reverse("admin:{}_{}_import_template".format(*info), args=[ext]))
                    for label, ext in (("CSV", "csv"), ("XLSX", "xlsx"))
                ],
                "import_limits": {
                    "file_size": filesizeformat(limit("IMPORT_MAX_FILE_SIZE")),
                    "rows": f"{limit('IMPORT_MAX_ROWS'):,}",
                    "cells": f"{limit('IMPORT_MAX_CELLS'):,}",
                    "expanded": filesizeformat(limit("IMPORT_MAX_XLSX_EXPANDED_SIZE")),
                },
                "preview_rows": PREVIEW_ROWS,
            }
        )
        return context

    def get_import_data_kwargs(self, **kwargs):
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs["rollback_on_validation_errors"] = True
        return kwargs

    def write_to_tmp_storage(self, import_file, input_format):
        # The library appends chunk by chunk (quadratic); the size is already checked.
        tmp_storage = self.get_tmp_storage_class()(
            encoding=None if input_format.is_binary() else self.from_encoding,
            read_mode=input_format.get_read_mode(),
            **self.get_tmp_storage_class_kwargs(),
        )
        tmp_storage.save(b"".join(import_file.chunks()))
        return tmp_storage

    def _previewed_key(self, name):
        return f"{self.opts.label}:{os.path.basename(name)}"

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if initial.get("import_file_name"):
            # The name in the temporary folder, never a path, is what the form carries.
            initial["import_file_name"] = os.path.basename(initial["import_file_name"])
            previewed = request.session.get(PREVIEWED_FILES, [])
            key = self._previewed_key(initial["import_file_name"])
            request.session[PREVIEWED_FILES] = [*previewed, key][-MAX_PREVIEWED_FILES:]
        return initial

    def get_confirm_form_kwargs(self, request, import_form=None):
        kwargs = super().get_confirm_form_kwargs(request, import_form)
        if import_form is None and kwargs.get("data") is not None:
            # The confirm step: the file named must be one this user's preview stored.
            name = kwargs["data"].get("import_file_name", "")
            previewed = request.session.get(PREVIEWED_FILES, [])
            if (
                not name
                or name != os.path.basename(name)
                or (self._previewed_key(name) not in previewed)
            ):
                raise BadRequest("The import file is not one this user previewed.")
        return kwargs

    def add_data_read_fail_error_to_form(self, form, e):
        try:
            input_format = self.get_import_formats()[int(form.cleaned_data["format"])]()
        except (KeyError, TypeError, ValueError, IndexError):
            input_format = LimitedCSV()
        form.add_error("import_file", read_failure_message(e, input_format))

    def process_import(self, request, **kwargs):
        try:
            return super().process_import(request, **kwargs)
        except (OSError, ValueError) as error:
            # The uploaded file is gone (confirmed twice, or cleaned up) or unreadable.
            messages.error(
                request,
                _("The import could not be finished: %(reason)s Nothing was imported.")
                % {"reason": read_failure_message(error, LimitedCSV())},
            )
            return HttpResponseRedirect(self._import_url())

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            # The data changed between preview and confirmation: the import rolled back.
            messages.error(
                request,
                _(
                    "Nothing was imported: the file no longer passes the checks "
                    "(rows: %(rows)s). Upload it again to see the problems."
                )
                % {"rows": ", ".join(str(n) for n in result.problem_rows()) or "—"},
            )
            return HttpResponseRedirect(self._import_url())
        return super().process_result(result, request)

    def _import_url(self):
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_import")

    # Export.
    def get_export_queryset(self, request):
        """What the change list would show; a filter value it would refuse is a 400."""
        try:
            return super().get_export_queryset(request)
        except IncorrectLookupParameters as error:
            raise BadRequest("A filter value is not valid.") from error

    def get_data_for_export(self, request, queryset, **kwargs):
        """The chosen columns, less any field this user may not see (``hidden_fields``)."""
        hidden = set(self.hidden_fields(request))
        if not hidden:
            return super().get_data_for_export(request, queryset, **kwargs)
        form = kwargs.get("export_form")
        resource = self.choose_export_resource_class(form, request)(
            **self.get_export_resource_kwargs(request, **kwargs)
        )
        chosen = self.get_export_resource_fields_from_form(form) or list(resource.fields)
        allowed = [
            name
            for name in chosen
            if name not in hidden
            and root_field(getattr(resource.fields.get(name), "attribute", None) or name)
            not in hidden
        ]
        return resource.export(queryset=queryset, export_fields=allowed, **kwargs)
