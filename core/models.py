"""Pieces shared by the ``cooperation`` and ``expo`` apps."""

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
