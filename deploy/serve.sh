#!/usr/bin/env bash
# The production stack on this machine (`make serve`): DEBUG off, gunicorn with
# config/gunicorn.conf.py, static files collected with hashed names, the database
# migrated and the article data loaded if it is empty.
#
# Environment (docs/production.md): DATABASE_URL (PostgreSQL; SQLite in
# the project folder if unset), REDIS_URL (the shared cache; warned about if unset),
# SECRET_KEY (a random one for this run if unset: sessions end when it stops),
# ALLOWED_HOSTS, SECURE_COOKIES (0 here by default, as this serves plain http),
# HOST and PORT (127.0.0.1:8000), WEB_CONCURRENCY (gunicorn workers).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${VENV:-.venv}/bin"

export DEBUG=0
export STATIC_MANIFEST=1
export SECURE_COOKIES="${SECURE_COOKIES:-0}"
if [ -z "${SECRET_KEY:-}" ]; then
    SECRET_KEY="$("$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(50))')"
    export SECRET_KEY
    echo "SECRET_KEY is not set: using a random key for this run." >&2
fi
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"

"$BIN/python" manage.py migrate --noinput --verbosity 0
# The article data, only into an empty database (the Makefile passes its FIXTURES).
FIXTURES="${FIXTURES:-fixtures/sources.json fixtures/geography.json fixtures/cooperation.json fixtures/expo.json fixtures/news.json}"
# shellcheck disable=SC2086  # one path per word
"$BIN/python" manage.py load_initial_data $FIXTURES
"$BIN/python" manage.py collectstatic --noinput --verbosity 0
echo "Serving on http://$HOST:$PORT/ (health: http://$HOST:$PORT/health/)" >&2
exec "$BIN/gunicorn" --config config/gunicorn.conf.py --bind "$HOST:$PORT" config.wsgi
