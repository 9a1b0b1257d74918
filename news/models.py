"""Articles this site hosts, and readers' replies to them.

An article is one of the sources the site's facts come from: it is linked to its
``publishing.models.Source`` (``Article.source``, reverse name ``hosted_document``, the
hook ``core`` documents), and records cite that source like any other
(``record.citations``). This app depends on ``cooperation`` and ``expo``; they never
import it.

Replies are moderated: a new reply is pending and stays hidden until a staff
member approves it. Email and IP address are kept for moderation only.
"""

import html

from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from publishing.models import (
    PUBLICATION_CONSTRAINTS,
    PublishableModel,
    PublishableQuerySet,
    SluggedModel,
)
from sources.models import Source
from sources.provenance import records_citing

from .markup import render_markdown


class Publisher(SluggedModel):
    name = models.CharField(_("name"), max_length=200)
    website = models.URLField(_("website"), blank=True, help_text=_("Leave empty if not known."))

    class Meta:
        ordering = ["name"]
        verbose_name = _("publisher")
        verbose_name_plural = _("publishers")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("news:article-list") + f"?publisher={self.slug}"


class ArticleQuerySet(PublishableQuerySet):
    def with_list_related(self):
        return self.select_related("publisher", "source")

    def with_detail_related(self):
        """The article, the live records it is the source of, and its approved replies only."""
        return self.with_list_related().prefetch_related(
            models.Prefetch(
                "replies", queryset=Reply.objects.approved(), to_attr="approved_replies"
            ),
        )


class Article(PublishableModel):
    title = models.CharField(_("title"), max_length=255)
    publisher = models.ForeignKey(
        Publisher, on_delete=models.PROTECT, related_name="articles", verbose_name=_("publisher")
    )
    original_url = models.URLField(
        _("original address"), max_length=500, blank=True, help_text=_("Empty if not known.")
    )
    published_on = models.DateField(
        _("publication date"), null=True, blank=True, help_text=_("Empty if not known.")
    )
    body = models.TextField(
        _("text"),
        help_text=_(
            "Markdown: a blank line between paragraphs, *emphasis*, **bold**, [links](https://…). "
            "Other HTML is removed when the page is shown."
        ),
    )
    source = models.OneToOneField(
        Source,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_document",
        verbose_name=_("source record"),
        help_text=_(
            "The source that records cite for what this article states (kind: article on "
            "this site)."
        ),
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = [F("published_on").desc(nulls_last=True), "title", "slug"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [("publish_article", "Can publish and unpublish articles")]
        constraints = PUBLICATION_CONSTRAINTS

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news:article-detail", kwargs={"slug": self.slug})

    @cached_property
    def body_html(self):
        """The body as sanitised HTML (see ``news.markup``)."""
        return render_markdown(self.body)

    def excerpt(self, words=30):
        """The start of the body as plain text, e.g. for a meta description."""
        text = html.unescape(strip_tags(self.body_html))
        return Truncator(" ".join(text.split())).words(words)

    def source_groups(self):
        """``(heading, citations)`` for each kind of live record that cites this article.

        One query per model that can cite sources, however many records cite it.
        """
        if self.source_id is None:
            return []
        return records_citing([self.source]).get(self.source_id, [])


class ReplyStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for moderation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class ReplyQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=ReplyStatus.APPROVED)

    def pending(self):
        return self.filter(status=ReplyStatus.PENDING)


REPLY_NAME_MAX_LENGTH = 100
REPLY_TEXT_MAX_LENGTH = 3000


class Reply(models.Model):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="replies", verbose_name=_("article")
    )
    name = models.CharField(_("name"), max_length=REPLY_NAME_MAX_LENGTH)
    email = models.EmailField(_("email"), help_text=_("Never shown on the site."))
    text = models.TextField(_("reply"), max_length=REPLY_TEXT_MAX_LENGTH)
    status = models.CharField(
        _("status"), max_length=20, choices=ReplyStatus.choices, default=ReplyStatus.PENDING
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    ip_address = models.GenericIPAddressField(
        _("IP address"), null=True, blank=True, help_text=_("For moderation; never shown.")
    )

    objects = ReplyQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("reply")
        verbose_name_plural = _("replies")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ReplyStatus.values),
                name="reply_status_valid",
                violation_error_message=_("Choose a status from the list."),
            ),
            models.CheckConstraint(
                condition=~Q(name="") & ~Q(text=""),
                name="reply_name_and_text_not_empty",
                violation_error_message=_("Both the name and the text are required."),
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("text"), REPLY_TEXT_MAX_LENGTH),
                name="reply_text_max_length",
                violation_error_message=_("The text is too long."),
            ),
        ]
        indexes = [
            models.Index(fields=["article", "status", "created_at"], name="reply_article_status"),
        ]

    def __str__(self):
        return _("Reply by %(name)s to %(article)s") % {"name": self.name, "article": self.article}

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#reply-{self.pk}"
