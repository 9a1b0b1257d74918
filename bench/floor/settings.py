"""Settings of the floor (bench/floor/__init__.py): nothing beyond what Django needs."""

SECRET_KEY = "bench-floor-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
ROOT_URLCONF = "bench.floor.urls"
WSGI_APPLICATION = "bench.floor.wsgi.application"
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]
INSTALLED_APPS = []
DATABASES = {}
USE_I18N = False
