"""WSGI entry point, e.g. ``gunicorn config.wsgi``."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

application = get_wsgi_application()

# What loading the site created (settings, URL patterns, models, translations) lives as
# long as the process: moved out of the collector's sight, it is not walked again by
# every collection a request triggers (about 3 ms of a 37 ms home page, measured), and
# with gunicorn's preload_app the workers forked from it keep sharing its memory pages.
gc.freeze()
