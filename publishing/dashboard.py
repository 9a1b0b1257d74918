"""The editorial admin site, whose front page shows editors what waits for them.

``EditorialAdminSite`` is the site ``admin.site`` stands for (``EditorialAdminConfig``
in ``publishing.apps``, listed in ``INSTALLED_APPS`` instead of ``django.contrib.admin``):
branded, its index the dashboard, and every admin registered on it following the
site's rules (``publishing.safe_admin``), other packages' admins included.

On the dashboard, each count is a link to its list:

- Work waiting in other apps (replies to moderate) comes from each model admin's own
  ``dashboard_items(request)`` hook, so publishing names no other app.
- For every publishable model the user may view: drafts, scheduled records, records
  expiring within a week, and records missing a translation, one query per model
  (the count of queries grows with the number of models, never with the records).
- The lists it links to are filtered with the filters the change lists offer
  (``PublicationFilter`` below, the status filter, the missing-translation filter).
"""

import datetime

from django.apps import apps
from django.contrib import admin
from django.db.models import Count, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator

from publishing.models import EditorialStatus, is_publishable
from publishing.safe_admin import with_the_rules
from publishing.translation_status import language_codes, missing_in_language_q, translated_fields

EXPIRING_WITHIN = datetime.timedelta(days=7)


def _scheduled_q(now):
    return Q(status=EditorialStatus.PUBLISHED, publish_at__gt=now)


def _expiring_q(now):
    return Q(
        status=EditorialStatus.PUBLISHED,
        expires_at__gt=now,
        expires_at__lte=now + EXPIRING_WITHIN,
    )


class PublicationFilter(admin.SimpleListFilter):
    """Whether a record is on the site now, scheduled, expiring soon or expired."""

    title = _("on the site")
    parameter_name = "visibility"

    def lookups(self, request, model_admin):
        return [
            ("draft", _("Draft")),
            ("scheduled", _("Scheduled")),
            ("live", _("Live")),
            ("expiring", _("Expiring within a week")),
            ("expired", _("Expired")),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        published = Q(status=EditorialStatus.PUBLISHED)
        conditions = {
            "draft": ~published,
            "scheduled": _scheduled_q(now),
            "live": published
            & (Q(publish_at__isnull=True) | Q(publish_at__lte=now))
            & (Q(expires_at__isnull=True) | Q(expires_at__gt=now)),
            "expiring": _expiring_q(now),
            "expired": published & Q(expires_at__lte=now),
        }
        condition = conditions.get(self.value())
        return queryset if condition is None else queryset.filter(condition)


def _changelist(model, **params):
    try:
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    except NoReverseMatch:
        return None
    return f"{url}?{urlencode(params)}" if params else url


def publication_rows(request, site, now=None):
    """One row per publishable model with anything to report, in the admin's order."""
    now = now or timezone.now()
    rows = []
    languages = language_codes()
    for model, model_admin in registered(site):
        if not is_publishable(model) or not model_admin.has_view_permission(request):
            continue
        counts = {
            "drafts": Count("pk", filter=~Q(status=EditorialStatus.PUBLISHED)),
            "scheduled": Count("pk", filter=_scheduled_q(now)),
            "expiring": Count("pk", filter=_expiring_q(now)),
        }
        translated = _is_translated(model) and bool(translated_fields(model))
        if translated:
            for code in languages:
                counts[f"missing_{code}"] = Count("pk", filter=missing_in_language_q(model, code))
        figures = model._default_manager.aggregate(**counts)
        cells = [
            (figures["drafts"], _changelist(model, status__exact=EditorialStatus.DRAFT)),
            (figures["scheduled"], _changelist(model, visibility="scheduled")),
            (figures["expiring"], _changelist(model, visibility="expiring")),
        ]
        missing = [
            (code, figures[f"missing_{code}"], _changelist(model, missing_lang=code))
            for code in languages
            if translated
        ]
        if any(count for count, _url in cells) or any(count for _c, count, _u in missing):
            rows.append(
                {
                    "name": model._meta.verbose_name_plural,
                    "url": _changelist(model),
                    "cells": cells,
                    "missing": missing,
                }
            )
    rows.sort(key=lambda row: str(row["name"]).lower())
    return rows


def _is_translated(model):
    try:
        translator.get_options_for_model(model)
    except NotRegistered:
        return False
    return True


def waiting_items(request, site):
    """``[(label, count, url)]`` from the model admins' ``dashboard_items`` hooks."""
    items = []
    for _model, model_admin in registered(site):
        hook = getattr(model_admin, "dashboard_items", None)
        if hook is not None:
            items.extend(hook(request))
    return items


def dashboard_context(request, site):
    return {
        "dashboard_waiting": waiting_items(request, site),
        "dashboard_rows": publication_rows(request, site),
        "dashboard_languages": language_codes(),
    }


def registered(site):
    """``(model, model admin)`` for each model registered on ``site``, in the apps' order."""
    return [
        (model, site.get_model_admin(model))
        for model in apps.get_models()
        if site.is_registered(model)
    ]


class EditorialAdminSite(admin.AdminSite):
    """The admin site: branded, the dashboard as its index, the same rules for every admin."""

    site_header = _("China-Russia Cooperation: editorial admin")
    site_title = _("China-Russia Cooperation admin")
    index_template = "admin/core/dashboard.html"

    def index(self, request, extra_context=None):
        return super().index(request, {**dashboard_context(request, self), **(extra_context or {})})

    def register(self, model_or_iterable, admin_class=None, **options):
        """Every admin follows the site's rules: ours are built on ``SafeAdmin``, and the
        admins other packages register (auth's users and groups, axes' login attempts)
        get ``SafeAdminMixin``: only the offered filters, cut searches."""
        admin_class = with_the_rules(admin_class or admin.ModelAdmin)
        super().register(model_or_iterable, admin_class, **options)
