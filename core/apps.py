from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import pre_save


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


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        from django.contrib import admin

        from . import checks  # noqa: F401  (registers the system checks)
        from .admin import lock_down

        # Every admin, other packages' too, filters only by what it offers (core/admin.py).
        lock_down(admin.site)
        from django.apps import apps

        from .models import LiveAt, PublishableModel

        # live_q's condition on every publishable model (core.models.LiveAt).
        for model in apps.get_models():
            if issubclass(model, PublishableModel):
                model._meta.get_field("status").register_lookup(LiveAt)
        from .cache import install_write_watch
        from .sqlite import install_unicode_like

        connection_created.connect(install_unicode_like, dispatch_uid="core.unicode_like")
        # Any write to the site's tables moves the page cache's version (core/cache.py).
        connection_created.connect(install_write_watch, dispatch_uid="core.write_watch")
        pre_save.connect(skip_history_for_raw_saves, dispatch_uid="core.raw_saves_no_history")
