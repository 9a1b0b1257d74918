"""Article pages and the reply form under each article.

A reply goes through, in order: Django's CSRF check (middleware), a per-address
rate limit (django-ratelimit, counted in the shared cache), the honeypot, then
form validation. A saved reply waits for moderation and is not shown until a
staff member approves it.
"""

import logging

from django.contrib import messages
from django.core.validators import slug_re
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited

from operations.net import client_ip, rate_limit_key
from web.exports import field, related, translated
from web.views import PublicDetailView, PublicListView

from .feeds import ArticleFeed
from .forms import ReplyForm
from .models import Article, Publisher

logger = logging.getLogger(__name__)

# Replies one address may send per minute; the next one is refused until the minute is over.
REPLY_RATE = "5/m"

THANK_YOU = _("Thank you. Your reply will appear once a moderator approves it.")
REPLIES_UNAVAILABLE = _(
    "Replies cannot be accepted right now; please try again in a minute. Your text is kept below."
)
TOO_MANY_REPLIES = _(
    "Too many replies from your address; please wait a minute and send your reply again."
)


class ArticleListView(PublicListView):
    """All articles, or one publisher's (``?publisher=<slug>``, a shareable address)."""

    model = Article
    records = Article.objects.with_list_related
    query_parameters = ("publisher",)
    export_columns = [
        *translated("title"),
        related("publisher"),
        field("published_on"),
        field("original_url"),
    ]
    feed = ArticleFeed.respond
    paginate_by = 25

    def get_queryset(self):
        queryset = super().get_queryset()
        slug = self.request.GET.get("publisher")
        self.publisher = None
        if slug:
            # Not a slug (NUL bytes, spaces, overlong): no such publisher, without a query.
            if len(slug) > 120 or not slug_re.fullmatch(slug):
                raise Http404(_("No such publisher."))
            self.publisher = get_object_or_404(Publisher, slug=slug)
            queryset = queryset.filter(publisher=self.publisher)
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["publisher"] = self.publisher
        return context


class ArticleDetailView(PublicDetailView):
    """The article, the records it is the source of, approved replies and the reply form.

    The form posts back to this page: errors show in place, a sent reply
    redirects here with a message (post/redirect/get).
    """

    model = Article
    records = Article.objects.with_detail_related
    list_url_name = "news:article-list"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        context.setdefault("form", ReplyForm())
        context["replies"] = article.approved_replies
        context["source_groups"] = article.source_groups()
        return context

    def post(self, request, *args, **kwargs):
        self.object = article = self.get_object()
        form = ReplyForm(request.POST)
        try:
            limited = is_ratelimited(
                request,
                group="news:reply",
                key=rate_limit_key,
                rate=REPLY_RATE,
                method="POST",
                increment=True,
            )
        except Exception:  # the shared cache is unreachable: refuse, but keep the text
            logger.exception("Reply rate limit: the cache did not answer")
            return self._refuse(form, REPLIES_UNAVAILABLE, status=503)
        if limited:
            return self._refuse(form, TOO_MANY_REPLIES, status=429)
        if form.is_honeypot_hit():
            # Refuse quietly: a bot sees the same answer as a person and learns nothing.
            messages.success(request, THANK_YOU)
            return redirect(f"{article.get_absolute_url()}#replies")
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        reply = form.save(commit=False)
        reply.article = article
        reply.ip_address = client_ip(request)
        reply.save()
        messages.success(request, THANK_YOU)
        return redirect(f"{article.get_absolute_url()}#replies")

    def _refuse(self, form, message, status):
        """The page again with the sender's text, the reason, and when to retry."""
        form.is_valid()  # so the page shows the sender's text and any other errors too
        form.add_error(None, message)
        response = self.render_to_response(self.get_context_data(form=form), status=status)
        response["Retry-After"] = "60"
        return response
