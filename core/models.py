"""Pieces shared by the ``cooperation`` and ``expo`` apps."""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext_lazy as _


class SlugQuerySet(models.QuerySet):
    """Queryset for records whose natural key is their unique slug."""

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class SluggedModel(models.Model):
    """A public record addressed by a unique slug, which is also its natural key."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)

    objects = SlugQuerySet.as_manager()

    class Meta:
        abstract = True

    def natural_key(self):
        return (self.slug,)


def with_sources(queryset):
    """Prefetch the articles a record comes from, with their publishers, in one query.

    The ``news`` app adds the ``source_articles`` relation; the apps it depends on
    reach it by name only, so they never import it. Models without sources are
    returned unchanged.
    """
    try:
        field = queryset.model._meta.get_field("source_articles")
    except FieldDoesNotExist:
        return queryset
    articles = field.related_model.objects.select_related("publisher")
    return queryset.prefetch_related(models.Prefetch("source_articles", queryset=articles))
