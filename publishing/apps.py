from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

# Django's own messages that our catalog words differently (docs/translations.md): the
# admin titles, which read badly in Russian with a model name in the nominative
# ("Изменить выставка"), and forms' label suffix (a full-width colon in Chinese).
# Naming them here keeps makemessages from dropping them.
DJANGO_MESSAGES_REWORDED = (
    gettext_noop(":"),
    gettext_noop("Add %s"),
    gettext_noop("Add %(name)s"),
    gettext_noop("Change %s"),
    gettext_noop("View %s"),
    gettext_noop("Select %s to change"),
    gettext_noop("Select %s to view"),
)


def skip_history_for_raw_saves(sender, instance, raw=False, **kwargs):
    """Loading fixtures (``loaddata``, a raw save) records no history.

    django-simple-history skips raw saves, but not the many-to-many changes the loader
    makes right after them (the sources of an article, the countries of a forum),
    which would add an invented "changed" version per record. Its own switch, set on
    the instance being loaded, covers both. The first version comes from
    ``populate_history`` (``make fixtures``), or with the restored history (``restore``).
    """
    if raw:
        instance.skip_history_when_saving = True


class PublishingConfig(AppConfig):
    name = "publishing"
    # The label this app had as ``core``: its migrations, permissions and history keep it.
    label = "core"
    verbose_name = _("Publishing")

    def ready(self):
        from django.apps import apps

        from publishing.models import LiveAt, PublishableModel

        # live_q's condition on every publishable model (publishing.models.LiveAt).
        for model in apps.get_models():
            if issubclass(model, PublishableModel):
                model._meta.get_field("status").register_lookup(LiveAt)
        pre_save.connect(skip_history_for_raw_saves, dispatch_uid="publishing.raw_saves_no_history")


class EditorialAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the editorial site (``publishing.dashboard``) as ``admin.site``.

    Listed in ``INSTALLED_APPS`` in place of ``django.contrib.admin`` (Django's documented
    way to replace the default site). Not this module's default: that is PublishingConfig.
    (Django's own AdminConfig is imported as part of a module, so that it does not count
    as one of this module's app configs either.)
    """

    default = False
    default_site = "publishing.dashboard.EditorialAdminSite"
