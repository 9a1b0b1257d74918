from django.contrib import admin, messages
from django.db import models as db_models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin import HistoryAdmin, PublishableAdmin
from core.localized import in_default_language, localized

from . import models
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


@admin.register(models.Article)
class ArticleAdmin(PublishableAdmin):
    list_display = ["title", "publisher", "published_on", "replies_waiting"]
    list_filter = ["publisher"]
    list_select_related = ["publisher"]
    search_fields = [
        *localized("title"),
        *localized("body"),
        "slug",
    ]
    prepopulated_fields = {"slug": [in_default_language("title")]}
    autocomplete_fields = ["publisher", *models.SOURCE_RELATIONS]
    date_hierarchy = "published_on"
    inlines = [ReplyInline]
    formfield_overrides = {db_models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(waiting=Count("replies", filter=Q(replies__status=ReplyStatus.PENDING)))
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
class ReplyAdmin(admin.ModelAdmin):
    list_display = ["name", "article", "status", "created_at", "short_text"]
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
    fields = ["article", "name", "email", "text", "status", "created_at", "ip_address"]
    readonly_fields = ["created_at", "ip_address"]
    autocomplete_fields = ["article"]
    actions = ["approve", "reject"]

    def get_fields(self, request, obj=None):
        return moderator_fields(request, super().get_fields(request, obj))

    def get_search_fields(self, request):
        return moderator_fields(request, super().get_search_fields(request))

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

    @admin.action(description=_("Approve selected replies"), permissions=["change"])
    def approve(self, request, queryset):
        count = queryset.exclude(status=ReplyStatus.APPROVED).update(status=ReplyStatus.APPROVED)
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
        count = queryset.exclude(status=ReplyStatus.REJECTED).update(status=ReplyStatus.REJECTED)
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
