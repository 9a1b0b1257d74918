from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models as db_models
from django.db.models import Count, Q
from django.http import HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.utils import build_localized_fieldname

from publishing.admin import HistoryAdmin, PublishableAdmin, SafeAdmin
from publishing.localized import in_default_language, localized
from publishing.locking import FingerprintForm

from . import models
from .markup import hidden_text_tags, render_markdown
from .models import ReplyStatus


@admin.register(models.Publisher)
class PublisherAdmin(HistoryAdmin):
    list_display = ["name", "slug", "website"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    formfield_overrides = {db_models.URLField: {"assume_scheme": "https"}}


class ReplyInline(admin.TabularInline):
    """The article's replies at a glance; moderation happens in the reply list."""

    model = models.Reply
    extra = 0
    fields = ["name", "email", "status", "created_at", "text"]
    readonly_fields = fields
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def get_fields(self, request, obj=None):
        return moderator_fields(request, super().get_fields(request, obj))

    def get_readonly_fields(self, request, obj=None):
        return self.get_fields(request, obj)


# Readers' contact details, for moderators (who may change replies) only.
PRIVATE_REPLY_FIELDS = ("email", "ip_address")


def moderator_fields(request, fields):
    """``fields`` without the reader's email and address unless the user moderates replies."""
    if request.user.has_perm("news.change_reply"):
        return fields
    return [field for field in fields if field not in PRIVATE_REPLY_FIELDS]


class ArticleForm(FingerprintForm):
    """Refuses a body that would not be published as written (see ``news.markup``).

    The two dates are easy to mix up, so each label says which it is and its help
    names the other (issue 26).
    """

    class Meta:
        labels = {
            "published_on": _("Date of the article"),
            "publish_at": _("Show on the site from"),
        }
        help_texts = {
            "published_on": _(
                "The day its publisher (the newspaper or agency) published the article; "
                "readers see it with the article. Empty if not known. Not when it appears "
                "on this site: that is “Show on the site from”."
            ),
            "publish_at": _(
                "When this site starts showing the article, once published. Empty: as "
                "soon as it is published. Not the article's own date: that is “Date of "
                "the article”."
            ),
        }

    def clean(self):
        cleaned_data = super().clean()
        for code, _name in settings.LANGUAGES:
            field = build_localized_fieldname("body", code)
            tags = hidden_text_tags(cleaned_data.get(field) or "")
            if tags:
                self.add_error(
                    field,
                    _(
                        "This text holds %(tags)s: a reader would not see what it encloses, "
                        "or anything after it if it is not closed. Remove the tag, or write "
                        "it as code between backticks (`<script>`)."
                    )
                    % {"tags": ", ".join(f"<{tag}>" for tag in tags)},
                )
        return cleaned_data


@admin.register(models.Article)
class ArticleAdmin(PublishableAdmin):
    # Few columns, so that the publication state shows within 1366 pixels (the
    # publisher is a filter).
    list_display = ["title", "published_on", "replies_waiting"]
    list_filter = ["publisher"]
    list_select_related = ["publisher"]
    search_fields = [
        *localized("title"),
        *localized("body"),
        "slug",
    ]
    prepopulated_fields = {"slug": [in_default_language("title")]}
    autocomplete_fields = ["publisher", "source"]
    date_hierarchy = "published_on"
    inlines = [ReplyInline]
    form = ArticleForm
    readonly_fields = ["preview"]
    formfield_overrides = {db_models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(waiting=Count("replies", filter=Q(replies__status=ReplyStatus.PENDING)))
        )

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        preview = path(
            "preview/",
            self.admin_site.admin_view(self.body_preview_view),
            name="{}_{}_body_preview".format(*info),
        )
        # Before the admin's "<object id>/" pattern, which would take "preview".
        return [preview, *super().get_urls()]

    def body_preview_view(self, request):
        """The posted (unsaved) title and body of each language, as they would be published.

        The change form's "Preview unsaved changes" button posts the form here in a new
        tab; nothing is saved.
        """
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not (self.has_change_permission(request) or self.has_add_permission(request)):
            raise PermissionDenied
        parts = []
        for code, name in settings.LANGUAGES:
            body = request.POST.get(build_localized_fieldname("body", code), "")
            title = request.POST.get(build_localized_fieldname("title", code), "")
            body, title = body.replace("\x00", ""), title.replace("\x00", "")
            if not (body.strip() or title.strip()):
                continue
            parts.append(
                {
                    "code": code,
                    "language": translation.gettext(name),
                    "title": title,
                    "html": render_markdown(body),
                    "lost": [f"<{tag}>" for tag in hidden_text_tags(body)],
                }
            )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Preview"),
            "opts": self.opts,
            "parts": parts,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/news/article/preview.html", context)

    @admin.display(description=_("preview"))
    def preview(self, obj):
        """The saved body of each language as readers will see it, and its page's address."""
        if obj is None or obj.pk is None:
            return _("Save the article to see a preview here.")
        parts = []
        for code, name in settings.LANGUAGES:
            body = getattr(obj, build_localized_fieldname("body", code)) or ""
            if not body.strip():
                continue
            with translation.override(code):
                url = obj.get_absolute_url()
            parts.append((translation.gettext(name), render_markdown(body), url))
        if not parts:
            return _("The body is empty.")
        return format_html(
            '<p class="help">{}</p>{}',
            _(
                "What readers will see, as last saved; “Preview unsaved changes” below "
                "shows the form as it is now. Staff can open the page itself before it "
                "is published (it then shows a notice that it is not public)."
            ),
            format_html_join(
                "",
                '<section class="article-preview"><h3>{}</h3>{}'
                '<p><a href="{}">{}</a></p></section>',
                ((name, html, url, _("Open the page")) for name, html, url in parts),
            ),
        )

    @admin.display(description=_("replies waiting"), ordering="waiting")
    def replies_waiting(self, obj):
        if not obj.waiting:
            return 0
        url = reverse("admin:news_reply_changelist")
        return format_html(
            '<a href="{}?article__id__exact={}&amp;status__exact={}">{}</a>',
            url,
            obj.pk,
            ReplyStatus.PENDING,
            obj.waiting,
        )


@admin.register(models.Reply)
class ReplyAdmin(SafeAdmin):
    # The reply's excerpt first, so that it shows within 1366 pixels.
    list_display = ["short_text", "name", "article", "status", "created_at"]
    list_filter = ["status", "article"]
    list_select_related = ["article"]
    search_fields = [
        "name",
        "email",
        "text",
        *localized("article__title"),
    ]
    date_hierarchy = "created_at"
    ordering = ["-created_at", "-pk"]
    fields = [
        "article",
        "name",
        "email",
        "text",
        "status",
        "moderation",
        "created_at",
        "ip_address",
    ]
    readonly_fields = ["moderation", "created_at", "ip_address"]
    autocomplete_fields = ["article"]
    actions = ["approve", "reject"]
    # Readers' contact details: for moderators (who may change replies) only, on every
    # route (publishing.safe_admin.SafeAdminMixin).
    private_fields = PRIVATE_REPLY_FIELDS

    def construct_change_message(self, request, form, formsets, add=False):
        """Field names, not labels in the editor's language, so that moderation is found."""
        if add or not form.changed_data:
            return super().construct_change_message(request, form, formsets, add)
        return [{"changed": {"fields": list(form.changed_data)}}]

    @admin.display(description=_("moderated"))
    def moderation(self, obj):
        """Who last approved or rejected the reply (or set it back to waiting), and when."""
        entry = moderation_entry(obj) if obj.pk else None
        if entry is None:
            if obj.status == ReplyStatus.PENDING:
                return _("Not yet")
            return _("No record of who moderated it")
        return _("%(status)s by %(user)s, %(time)s") % {
            "status": obj.get_status_display(),
            "user": entry.user.get_username(),
            "time": date_format(localtime(entry.action_time), "SHORT_DATETIME_FORMAT"),
        }

    def changelist_view(self, request, extra_context=None):
        waiting = models.Reply.objects.pending().count()
        subtitle = ngettext(
            "%(count)d reply waiting for moderation",
            "%(count)d replies waiting for moderation",
            waiting,
        ) % {"count": waiting}
        return super().changelist_view(request, {"subtitle": subtitle, **(extra_context or {})})

    @admin.display(description=_("reply"))
    def short_text(self, obj):
        return Truncator(obj.text).chars(80)

    def dashboard_items(self, request):
        """For the admin's front page (publishing/dashboard.py): replies waiting for moderation."""
        if not self.has_view_permission(request):
            return []
        pending = models.Reply.objects.filter(status=models.ReplyStatus.PENDING).count()
        url = reverse("admin:news_reply_changelist") + "?status__exact=pending"
        return [(_("replies waiting for moderation"), pending, url)]

    def _moderate(self, request, queryset, status):
        """Save each reply, so that the admin log records who moderated it and when."""
        count = 0
        for reply in queryset.exclude(status=status):
            reply.status = status
            reply.save(update_fields=["status"])
            self.log_change(request, reply, [{"changed": {"fields": ["status"]}}])
            count += 1
        return count

    @admin.action(description=_("Approve selected replies"), permissions=["change"])
    def approve(self, request, queryset):
        count = self._moderate(request, queryset, ReplyStatus.APPROVED)
        self.message_user(
            request,
            ngettext(
                "%(count)d reply approved; it is now shown on the site.",
                "%(count)d replies approved; they are now shown on the site.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Reject selected replies"), permissions=["change"])
    def reject(self, request, queryset):
        count = self._moderate(request, queryset, ReplyStatus.REJECTED)
        self.message_user(
            request,
            ngettext(
                "%(count)d reply rejected; it stays hidden.",
                "%(count)d replies rejected; they stay hidden.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


def moderation_entry(reply):
    """The latest admin log entry that changed ``reply``'s status (actions and the form)."""
    return (
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(models.Reply),
            object_id=str(reply.pk),
            action_flag=CHANGE,
            change_message__contains='"status"',
        )
        .select_related("user")
        .order_by("-action_time", "-pk")
        .first()
    )
