"""Settings for the China-Russia cooperation site, read from the environment.

Safe defaults: SQLite in the project folder, DEBUG off, localhost only.
Production sets DATABASE_URL (PostgreSQL), REDIS_URL (shared cache), SECRET_KEY
and ALLOWED_HOSTS.
"""

import hashlib
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-local-development-key-only-used-with-debug-on"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    # modeltranslation must come before django.contrib.admin.
    "modeltranslation",
    # django.contrib.admin with the editorial site as admin.site (publishing/dashboard.py).
    "publishing.apps.EditorialAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Localised number formatting (intcomma) for counts on the public pages.
    "django.contrib.humanize",
    # /sitemap.xml: every public page in every language, with hreflang alternates.
    "django.contrib.sitemaps",
    "django_filters",
    # Editorial history: who changed what and when, compare and revert (publishing/admin.py).
    "simple_history",
    # Bulk import and export of enterprises and regions in the admin (CSV, XLSX).
    "import_export",
    # Only for its system checks of the cache; the rate limit itself is a view decorator.
    "django_ratelimit",
    # Locks out a username and address pair after repeated failed logins.
    "axes",
    # /health/ for a load balancer (operations/health.py).
    "health_check",
    # The site's own apps, each one concern (README "Layout").
    "operations",
    "publishing",
    "sources",
    "web",
    "exchange",
    # Server-drawn SVG maps of China's and Russia's regions (docs/maps.md).
    "maps",
    "cooperation",
    "expo",
    "news",
    # Site search and robots.txt; composes the three apps above, none of them imports it.
    "discover",
    # The read-only API, /api/v1/ (api/): Django REST framework, its OpenAPI document
    # (drf-spectacular) and the documentation page's files (the sidecar, no CDN); CORS
    # for the API, feeds, calendars and exports (corsheaders).
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "api",
]

MIDDLEWARE = [
    # First, so its duration and status cover everything below (one JSON line per request).
    "operations.middleware.RequestLogMiddleware",
    # ETag on every page, cached ones too; 304 when the reader's copy is current.
    "django.middleware.http.ConditionalGetMiddleware",
    # The API, feeds, calendars and exports: CORS (GET and HEAD, no credentials). Above
    # the page cache, as its headers follow the request's Origin, not the page.
    "corsheaders.middleware.CorsMiddleware",
    # Anonymous pages from the cache (web/cache.py): a hit is answered here, and nothing
    # below runs. A stored copy keeps the headers added below: the security headers,
    # CSP, X-Frame-Options, Content-Language, Vary, and on data responses
    # Cross-Origin-Resource-Policy: cross-origin (api/middleware.py); a page that sets
    # any cookie is not stored. Those headers are the same for every reader of one
    # address, so a hit pays for none of these middleware (docs/performance.md).
    "web.cache.PublicPageCacheMiddleware",
    # A scheduled revision that is due is applied before the view reads (one cache read
    # a request; publishing/scheduling.py).
    "publishing.scheduling.ScheduledRevisionsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "operations.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "api.middleware.CrossOriginDataMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "operations.middleware.RejectUnusableAdminQueryMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A visitor who is not logged in may send at most ANONYMOUS_MAX_BODY_SIZE (413).
    "operations.middleware.AnonymousBodyLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Records the logged-in user as the author of each historical version.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Answers a locked-out login with the lockout page (templates/axes/lockout.html).
    "axes.middleware.AxesMiddleware",
]

# Axes comes first: a locked-out username and address pair is refused before the
# password is even checked, so a correct password does not get through either.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "web.context_processors.languages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# Read replicas (PostgreSQL streaming replication), comma-separated: the public site
# reads from them; writes, the admin and a visitor who has just written use the primary
# for DATABASE_REPLICA_LAG seconds (config/db_router.py, docs/production.md "Read replicas").
DATABASE_REPLICA_LAG = int(os.environ.get("DATABASE_REPLICA_LAG", "5"))
for _index, _url in enumerate(env_list("DATABASE_REPLICA_URL", "")):
    DATABASES[f"replica{_index}"] = {
        **dj_database_url.parse(
            _url,
            conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
            conn_health_checks=True,
        ),
        # A test run uses the test database for the replicas too.
        "TEST": {"MIRROR": "default"},
    }
if len(DATABASES) > 1:
    DATABASE_ROUTERS = ["config.db_router.PrimaryReplicaRouter"]
    MIDDLEWARE.insert(
        MIDDLEWARE.index("web.cache.PublicPageCacheMiddleware") + 1,
        "config.db_router.PrimaryPinMiddleware",
    )

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    # Files in .cache/, a folder for each database: every process of this machine that
    # uses the database (runserver or gunicorn's workers, and a management command run
    # beside them) sees the same pages and the same content version (web/cache.py), and
    # a second database never gets the first one's pages. Several servers need REDIS_URL.
    _database = DATABASES["default"]
    _identity = "|".join(
        str(_database.get(key) or "") for key in ("ENGINE", "HOST", "PORT", "NAME")
    )
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(
                BASE_DIR / ".cache" / hashlib.sha256(_identity.encode()).hexdigest()[:16]
            ),
            # Past this many entries a third of them, chosen at random, are removed.
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        }
    }

# Whole pages for anonymous readers, kept current by versioned keys (web/cache.py).
PAGE_CACHE = env_bool("PAGE_CACHE", default=True)

# Email (Publishers are told of revisions submitted for review): printed to the console
# unless EMAIL_BACKEND names a real one (e.g. django.core.mail.backends.smtp.EmailBackend).
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

# Reply rate limit (django-ratelimit) counts in the default cache. Its checks list only
# memcached and django-redis: Django's own RedisCache is shared and increments atomically
# (SET NX, INCRBY), so its W001 warning is silenced. The local file cache is shared by the
# processes of one machine, but its increments are not atomic (a rare lost count is
# harmless on one machine): E003 is silenced only while REDIS_URL is unset.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]
if not REDIS_URL:
    SILENCED_SYSTEM_CHECKS.append("django_ratelimit.E003")
# The limit is per client address, read from REMOTE_ADDR. Behind a reverse proxy, set
# RATELIMIT_IP_META_KEY to the header the proxy itself sets (e.g. HTTP_X_REAL_IP);
# X-Forwarded-For as sent by clients can be forged, so nothing is trusted by default.
if os.environ.get("RATELIMIT_IP_META_KEY"):
    RATELIMIT_IP_META_KEY = os.environ["RATELIMIT_IP_META_KEY"]
# With RATELIMIT_IP_META_KEY=HTTP_X_FORWARDED_FOR: how many proxies of yours append to
# the list. The client is the address the outermost of them added (operations/net.py);
# everything to its left was sent by the client and is not trusted.
TRUSTED_PROXY_COUNT = (
    int(os.environ["TRUSTED_PROXY_COUNT"]) if os.environ.get("TRUSTED_PROXY_COUNT") else None
)
# The header is read only from these addresses or networks (the proxy's own, comma
# separated; loopback by default): a client reaching the app server directly is counted
# by the address the server saw, whatever header it sends (operations/net.py).
TRUSTED_PROXIES = [
    entry.strip()
    for entry in os.environ.get("TRUSTED_PROXIES", "127.0.0.1,::1").split(",")
    if entry.strip()
]

# Site search (discover/views.py, docs/production.md "Security"): searches each app
# process runs at once (one more gets 503 and Retry-After at once), and on PostgreSQL
# the milliseconds after which a search's statements are stopped.
SEARCH_CONCURRENCY = int(os.environ.get("SEARCH_CONCURRENCY", "1"))
SEARCH_STATEMENT_TIMEOUT = int(os.environ.get("SEARCH_STATEMENT_TIMEOUT", "3000"))

# Failed logins (django-axes): 5 failures for one username from one address lock that
# pair out for 15 minutes; other users and other addresses are not affected. Attempts
# are stored in the database, so every app server sees the same count, and each
# lockout is logged (logger "axes"). The address is the one the reply limit uses,
# an IPv6 client counted by its /64.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "operations.net.client_network"
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
AXES_RESET_ON_SUCCESS = True
# Not in the admin: an operator lifts a lockout early with
# `manage.py axes_reset_username <name>` (or axes_reset for all).
AXES_ENABLE_ADMIN = False
# The log names the username and address locked out (passwords are always masked).
AXES_SENSITIVE_PARAMETERS = []

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the source language and the fallback for content.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("ru", _("Russian")),
    ("zh-hans", _("Simplified Chinese")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# The site's time zone: what editors type in a time field and read in the admin, named
# beside every time field. Default China Standard Time (the EXPO's Harbin, most
# editors); any IANA name through TIME_ZONE, e.g. Asia/Vladivostok. Stored as UTC.
TIME_ZONE = os.environ.get("TIME_ZONE") or "Asia/Shanghai"
# One date style per language, the same in lists and forms (config/formats/).
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
# Dates and decimals follow the reader's language (15 июня 2019 г., 2019年6月15日, 107,06).
# No thousand separator by default, so years, editions and codes never read "2,019";
# counts that deserve one use the intcomma filter (1,246 / 1 246).
USE_THOUSAND_SEPARATOR = False
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
# WhiteNoise serves STATIC_ROOT (after collectstatic) in production, compressed, with a
# content hash in each name so browsers may cache them for ever (`make serve` collects).
# STATIC_MANIFEST=0 (local development, the tests) keeps plain names, so pages render
# before collectstatic has run.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env_bool("STATIC_MANIFEST", default=not DEBUG)
        else "whitenoise.storage.CompressedStaticFilesStorage"
    },
}

# Security headers; HTTPS-only settings follow DEBUG so local runs work over http.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Strict Content Security Policy: only the site's own files, no inline script or
# style (the templates have none; the Django admin has none since 5.0).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# Browser features the site never uses are switched off (operations.middleware.SecurityHeaders).
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)
# The site's files may be loaded by its own pages only.
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"

# The read-only API (api/, docs/data-and-feeds.md): JSON only, anonymous, read-only,
# a per-address limit a polite client never meets (429 with Retry-After past it).
API_VERSION = "v1"
API_RATE_LIMIT = os.environ.get("API_RATE_LIMIT", "120/min")
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.ClientAddressThrottle"],
    "DEFAULT_SCHEMA_CLASS": "api.schema.RecordSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "China-Russia interregional cooperation API",
    "DESCRIPTION": (
        "Read-only: every public list and record of the site, in English, Russian or "
        "Simplified Chinese. The site's data is under CC BY 4.0; hosted articles stay "
        "their publishers'."
    ),
    "VERSION": API_VERSION,
    "OAS_VERSION": "3.1.0",
    "LICENSE": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
}
# CORS: any origin may read the API and the data formats (api/middleware.py adds the
# lists' ?format= addresses), GET and HEAD only, never with cookies.
CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Every cookie (session, CSRF, language) alike: HTTPS only unless SECURE_COOKIES=0,
# not sent on cross-site requests, and the session and language cookies out of reach
# of scripts (the CSRF cookie too: the site's forms carry the token themselves).
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = LANGUAGE_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_HTTPONLY = True
if env_bool("BEHIND_HTTPS_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# HTTPS-only deployments opt in (manage.py check --deploy asks for each of these).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0") or 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")
# /health/ answers the load balancer over plain http on the private network.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]

# Overlong query strings and bodies are refused with a 400, not processed.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
# A body larger than this from a visitor who is not logged in (a reply, a login) is
# refused by its Content-Length before it is read (operations/middleware.py).
ANONYMOUS_MAX_BODY_SIZE = int(os.environ.get("ANONYMOUS_MAX_BODY_SIZE", 256 * 1024))

# Bulk import (django-import-export) is all-or-nothing: one transaction, rolled back
# when any row is invalid. Importing needs the add and change permissions, exporting
# the view permission (publishing/admin.py checks the same for each model).
IMPORT_EXPORT_USE_TRANSACTIONS = True
# Import limits, stated on the import page and checked before a file is parsed
# (exchange/importing.py). A 20,000-row file imports within the request (bench/).
IMPORT_MAX_FILE_SIZE = 10 * 1024 * 1024
IMPORT_MAX_ROWS = 20_000
IMPORT_MAX_CELLS = 400_000
IMPORT_MAX_XLSX_EXPANDED_SIZE = 60 * 1024 * 1024
# Uploads above this size are streamed to a temporary file, never held in memory; the
# import form then refuses a file over IMPORT_MAX_FILE_SIZE before reading it.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Off: the library's own escaping only drops a leading "=" (so "==1" stays a formula)
# and misses +, -, @, tab and CR; exchange.formulas.FormulaSafeExport escapes all of them.
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = False
IMPORT_EXPORT_SKIP_ADMIN_CONFIRM = False
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "add"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"

# One JSON object a line on standard output (python-json-logger), for an operator to
# search: every request (logger "core.request": request id, user, status, duration),
# lockouts (logger "axes"), errors. LOG_FORMAT=text gives plain lines for a terminal.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "text" if os.environ.get("LOG_FORMAT") == "text" else "json",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "core.request": {"level": os.environ.get("REQUEST_LOG_LEVEL", "INFO")},
        "axes": {"level": "WARNING"},
        # Django's own request lines duplicate core.request's; errors still come through.
        "django.request": {"level": "ERROR"},
        # Scanners send unknown hosts all day: their 400 is in core.request's line,
        # without a traceback each.
        "django.security.DisallowedHost": {"level": "CRITICAL"},
    },
}
