"""The admin side of pending revisions: an Editor's save of a live record waits for review.

``RevisionAdminMixin`` is a base of ``PublishableAdmin`` (``publishing.admin``), so every
publishable model's admin has it. Its hooks:

- ``save_model``, ``save_formset``, ``save_related``: when someone who may not publish
  saves a record that is on the site (the change form or History → Revert), the form
  is validated as usual, but what it would save (fields in every language, links,
  inline rows) goes into the record's pending revision; the record is not written. A
  Publisher's save is written as before, and publishes the pending revision the form
  showed.
- ``get_form`` and ``get_formset_kwargs``: the change form shows the pending revision,
  not the live record, and carries the revision's edit token: two people editing the
  same revision do not overwrite each other.
- ``get_urls``: ``<id>/revision/``, the revision's page: what would change, field by
  field, against what is live, and the buttons each role may press (submit for
  review; publish now, schedule, send back with a comment); and
  ``<id>/revision/preview/``, the record's public page as publishing the revision would
  make it, in the language of ``?lang=`` (``revision_preview_view``).
- ``get_list_filter`` and ``dashboard_items``: records with a revision waiting for
  review or scheduled, listed and counted on the dashboard.

The forms, the list filter and the helpers are in ``publishing.revision_forms``.
"""

import copy

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import IntegrityError, router, transaction
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect, QueryDict
from django.template.response import TemplateResponse
from django.urls import get_script_prefix, path, resolve, reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _

from publishing import revisions
from publishing.locking import parent_link
from publishing.models import Revision, RevisionStatus
from publishing.revision_forms import (
    TOKEN_FIELD,
    PendingRevisionFilter,
    RejectForm,
    RevisionForm,
    ScheduleForm,
    formset_data,
    inline_link,
    pending_notice,
    waiting_counts,
)
from publishing.safe_admin import usable_id


class RevisionAdminMixin:
    """See the module docstring. Needs ``has_publish_permission`` and ``_on_the_site``."""

    revision_template = "admin/core/revision.html"

    def saves_as_revision(self, request, obj):
        return (
            obj is not None
            and obj.pk is not None
            and not self.has_publish_permission(request, obj)
            and self._on_the_site(obj)
        )

    def _inline_links(self, request, obj):
        links = {}
        for inline in self.get_inline_instances(request, obj):
            links[inline.model._meta.label_lower] = (
                inline.model,
                parent_link(inline, self.model).name,
            )
        return links

    # The change form.
    def get_fields(self, request, obj=None):
        return [name for name in super().get_fields(request, obj) if name != TOKEN_FIELD]

    def get_fieldsets(self, request, obj=None):
        # The token is a form field, so modeltranslation lists it already: once, at the end.
        fieldsets = [
            (name, {**options, "fields": [f for f in options["fields"] if f != TOKEN_FIELD]})
            for name, options in super().get_fieldsets(request, obj)
        ]
        if obj is not None and obj.pk is not None and fieldsets:
            name, options = fieldsets[0]
            fieldsets[0] = (name, {**options, "fields": [*options["fields"], TOKEN_FIELD]})
        return fieldsets

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is not None and obj.pk is not None and "form" not in kwargs:
            pending = revisions.pending_revision(obj)
            # The change form shows the pending revision; the revert form the old version.
            shown = pending if getattr(request, "shows_revision", False) else None
            kwargs["form"] = type(
                self.form.__name__, (RevisionForm, self.form), {"pending": pending, "shown": shown}
            )
        return super().get_form(request, obj, change=change, **kwargs)

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if request.method == "POST" or obj is None or obj.pk is None:
            return kwargs
        pending = revisions.pending_revision(obj)
        label = inline.model._meta.label_lower
        if pending is None or label not in pending.data.get(revisions.INLINES, {}):
            return kwargs
        if not getattr(request, "shows_revision", False):
            return kwargs
        kwargs["data"] = formset_data(
            prefix,
            inline.model,
            inline.model._default_manager.filter(**{inline_link(pending, label): obj.pk}),
            pending.data[revisions.INLINES][label]["rows"],
        )
        return kwargs

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET" and usable_id(self.model, object_id):
            obj = self.get_object(request, unquote(object_id))
            pending = revisions.pending_revision(obj) if obj is not None else None
            if pending is not None:
                self.message_user(request, pending_notice(pending), messages.WARNING)
            request.shows_revision = True
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if not self.saves_as_revision(request, obj):
            super().save_model(request, obj, form, change)
            return
        pending = revisions.pending_revision(obj, lock=True)
        stored = type(obj)._default_manager.get(pk=obj.pk)
        data = revisions.record_data(stored, self._inline_links(request, obj))
        if pending is not None:
            data[revisions.M2M].update(pending.data.get(revisions.M2M, {}))
            data[revisions.INLINES].update(pending.data.get(revisions.INLINES, {}))
        data[revisions.FIELDS] = revisions.record_data(obj)[revisions.FIELDS]
        for field in type(obj)._meta.many_to_many:
            if field.name in form.cleaned_data:
                data[revisions.M2M][field.name] = sorted(
                    r.pk for r in form.cleaned_data[field.name]
                )
        revision = pending or Revision(
            content_type=ContentType.objects.get_for_model(type(obj)),
            object_id=obj.pk,
            created_by=request.user,
        )
        revision.data = data
        if revision.status in {RevisionStatus.REJECTED, RevisionStatus.SCHEDULED}:
            # A change after the Publisher's decision is reviewed again.
            revision.status, revision.go_live_at = RevisionStatus.DRAFT, None
        revision._history_user = request.user
        revision.save()
        form.revision = revision
        form.save_m2m = lambda: None  # the links wait in the revision too
        request.saved_revision = revision

    def save_formset(self, request, form, formset, change):
        revision = getattr(form, "revision", None)
        if revision is None:
            super().save_formset(request, form, formset, change)
            return
        link = formset.fk.name
        rows = []
        for row_form in formset.forms:
            if not hasattr(row_form, "cleaned_data") or row_form.cleaned_data.get("DELETE"):
                continue
            if row_form.instance.pk is None and not row_form.has_changed():
                continue
            rows.append(revisions.row_data(row_form.instance, link))
        label = formset.model._meta.label_lower
        revision.data[revisions.INLINES][label] = {"link": link, "rows": rows}
        # Written without a version of its own: the save above recorded this one.
        Revision.objects.filter(pk=revision.pk).update(data=revision.data)
        # What the admin's change message reads: nothing of the record was written.
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if getattr(form, "revision", None) is not None or not change:
            return
        pending = getattr(form, "pending", None)
        if pending is not None and self.has_publish_permission(request, form.instance):
            # What the Publisher saved is the revision the form showed, reviewed.
            pending.status = RevisionStatus.PUBLISHED
            pending.decided_by, pending.decided_at = request.user, timezone.now()
            pending._history_user = request.user
            pending.save()

    def response_change(self, request, obj):
        revision = getattr(request, "saved_revision", None)
        if revision is None:
            return super().response_change(request, obj)
        self.message_user(
            request,
            _(
                "Saved as a pending revision: the site keeps showing the published version. "
                "Submit it for review when it is ready."
            ),
            messages.SUCCESS,
        )
        return HttpResponseRedirect(self._revision_url(obj.pk))

    # The list and the dashboard.
    def get_list_filter(self, request):
        return [*super().get_list_filter(request), PendingRevisionFilter]

    def dashboard_items(self, request):
        if not self.has_view_permission(request):
            return []
        counts = waiting_counts(request)
        content_type = ContentType.objects.get_for_model(self.model)
        url = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
        items = []
        for status, label in (
            (RevisionStatus.SUBMITTED, _("revisions of %(records)s waiting for review")),
            (RevisionStatus.SCHEDULED, _("scheduled revisions of %(records)s")),
        ):
            count = counts.get((content_type.pk, status), 0)
            if count:
                name = self.opts.verbose_name_plural
                items.append((label % {"records": name}, count, f"{url}?revision={status}"))
        return items

    # The revision page.
    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        views = [
            path(
                "<path:object_id>/revision/",
                self.admin_site.admin_view(self.revision_view),
                name="{}_{}_revision".format(*info),
            ),
            path(
                "<path:object_id>/revision/preview/",
                self.admin_site.admin_view(self.revision_preview_view),
                name="{}_{}_revision_preview".format(*info),
            ),
        ]
        return [*views, *super().get_urls()]

    def _revision_url(self, pk):
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_revision", args=[pk])

    def _preview_links(self, obj):
        """``[(code, language name, preview address)]``, one for each of the site's languages."""
        if not hasattr(obj, "get_absolute_url"):
            return []
        url = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_revision_preview", args=[obj.pk]
        )
        return [
            (code, translation.get_language_info(code)["name_local"], f"{url}?lang={code}")
            for code, _name in settings.LANGUAGES
        ]

    def _record_to_change(self, request, object_id):
        """The record of ``object_id`` if this person may change it: 404 or 403 otherwise."""
        if not usable_id(self.model, object_id):
            raise Http404
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def revision_view(self, request, object_id):
        obj = self._record_to_change(request, object_id)
        pending = revisions.pending_revision(obj)
        may_publish = self.has_publish_permission(request, obj)
        schedule_form, reject_form = ScheduleForm(prefix="schedule"), RejectForm(prefix="reject")
        if request.method == "POST":
            if pending is None:
                raise Http404
            action = request.POST.get("action")
            if action in {"publish", "schedule", "reject"} and not may_publish:
                raise PermissionDenied
            with transaction.atomic(using=router.db_for_write(Revision)):
                pending = revisions.pending_revision(obj, lock=True)
                if pending is None or request.POST.get(TOKEN_FIELD) != pending.token:
                    self.message_user(
                        request,
                        _("The revision changed after you opened it: check it again."),
                        messages.ERROR,
                    )
                    return HttpResponseRedirect(request.path)
                done = self._act(request, obj, pending, action, schedule_form, reject_form)
            if done is not None:
                self.message_user(request, done, messages.SUCCESS)
                return HttpResponseRedirect(request.path)
            schedule_form = ScheduleForm(request.POST, prefix="schedule")
            reject_form = RejectForm(request.POST, prefix="reject")
            schedule_form.is_valid() if action == "schedule" else None
            reject_form.is_valid() if action == "reject" else None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Pending revision: %s") % obj,
            "opts": self.opts,
            "object": obj,
            "revision": pending,
            "latest": Revision.objects.for_record(obj).first(),
            "changes": self._changes(request, obj, pending) if pending else [],
            "may_publish": may_publish,
            "may_submit": pending is not None
            and pending.status in {RevisionStatus.DRAFT, RevisionStatus.REJECTED},
            "schedule_form": schedule_form,
            "reject_form": reject_form,
            "token": pending.token if pending else "",
            "change_url": reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[obj.pk]
            ),
            "preview_links": self._preview_links(obj) if pending else [],
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.revision_template, context)

    def revision_preview_view(self, request, object_id):
        """The record's public page with its pending revision applied, for whoever may
        change the record: written, rendered and rolled back (``revisions.previewing``),
        under a banner (``includes/revision_preview_banner.html``). In the language of
        ``?lang=``, else the admin's."""
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        obj = self._record_to_change(request, object_id)
        pending = revisions.pending_revision(obj)
        if pending is None or not hasattr(obj, "get_absolute_url"):
            raise Http404
        language = request.GET.get("lang", "")
        if language not in dict(settings.LANGUAGES):
            language = translation.get_language()
        back = {"back_url": self._revision_url(obj.pk)}
        try:
            with (
                revisions.previewing(pending, request.user) as record,
                translation.override(language),
            ):
                response = public_page(request, record.get_absolute_url(), back)
        except (Http404, ObjectDoesNotExist, ValidationError, IntegrityError) as error:
            # Data that no longer fits (a linked record deleted since): say so.
            message = _("The revision cannot be shown as it is (%(error)s): edit it again.")
            self.message_user(request, message % {"error": error}, messages.ERROR)
            return HttpResponseRedirect(back["back_url"])
        patch_cache_control(response, private=True, no_store=True)
        response["X-Robots-Tag"] = "noindex"
        response["Content-Language"] = language
        return response

    def _changes(self, request, obj, pending):
        links = {
            label: (model, pending.data[revisions.INLINES][label]["link"])
            for label, model in revisions.inline_models(pending.data).items()
        }
        live = revisions.record_data(obj, links)
        return revisions.compare(self.model, live, pending.data)

    def _act(self, request, obj, pending, action, schedule_form, reject_form):
        """Do ``action`` on ``pending``; the message to show, or None if a form is invalid."""
        if action == "submit":
            revisions.submit(pending, request.user)
            return _("Submitted for review: the publishers are told.")
        if action == "publish":
            revisions.publish(pending, request.user)
            return _("Published: the site shows this version now.")
        if action == "schedule":
            form = ScheduleForm(request.POST, prefix="schedule")
            if not form.is_valid():
                return None
            revisions.schedule(pending, request.user, form.cleaned_data["go_live_at"])
            return _("Scheduled.")
        if action == "reject":
            form = RejectForm(request.POST, prefix="reject")
            if not form.is_valid():
                return None
            revisions.reject(pending, request.user, form.cleaned_data["comment"])
            return _("Sent back to the editor with your comment.")
        raise PermissionDenied

    # The action.
    @admin.action(
        description=_("Publish the pending revisions of the selected records"),
        permissions=["publish"],
    )
    def publish_revisions(self, request, queryset):
        count = 0
        for obj in queryset:
            pending = revisions.pending_revision(obj)
            if pending is not None and pending.status != RevisionStatus.DRAFT:
                count += revisions.publish(pending, request.user) is not None
        self.message_user(
            request,
            _("Revisions published: %(count)d.") % {"count": count},
            messages.SUCCESS,
        )


def public_page(request, url, preview):
    """The response of the public page at ``url``, rendered, for the reader of ``request``.

    The page's view is called directly, below the page cache, with a copy of ``request``
    at ``url`` (so its links, languages and canonical address are the page's own) that
    carries ``revision_preview``: what the banner in ``base.html`` shows.
    """
    prefix = get_script_prefix()
    path_info = "/" + url.removeprefix(prefix) if url.startswith(prefix) else url
    match = resolve(path_info)
    page = copy.copy(request)
    page.path, page.path_info = url, path_info
    page.META = {**request.META, "PATH_INFO": path_info, "QUERY_STRING": ""}
    page.GET = QueryDict()
    page.resolver_match = match
    page.LANGUAGE_CODE = translation.get_language()
    page.revision_preview = preview
    response = match.func(page, *match.args, **match.kwargs)
    if callable(getattr(response, "render", None)):
        response.render()
    return response
