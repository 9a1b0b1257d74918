"""Gunicorn settings for production and `make serve` (`gunicorn -c config/gunicorn.conf.py`).

Every value can be changed from the environment without editing this file.

Slow clients: gunicorn alone is not safe from them. The gthread worker keeps idle
keep-alive connections in its event loop, but a thread reads each request itself and
writes each response itself: measured, 10-50 slow or idle clients left 0-56% of other
requests answered, and slow readers of large exports held every thread. In production
nginx (deploy/nginx.conf) must stand in front: it buffers whole requests and responses,
so a thread only ever talks to nginx (README, "Configuration").
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", min(multiprocessing.cpu_count() * 2 + 1, 8)))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# Connections beyond the threads wait in the event loop, not in the kernel's queue.
worker_connections = 1000
# A worker stuck longer than this on one request is restarted.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# How long an idle keep-alive connection is kept open.
keepalive = 5
# Workers are replaced after this many requests (with jitter), bounding any slow leak.
max_requests = 2000
max_requests_jitter = 200
# Request line and header limits (gunicorn's defaults, stated): longer is a 400.
limit_request_line = 8190
limit_request_fields = 100
# Load the app once in the master: faster worker starts, less memory.
preload_app = True
# Logs: the app writes one JSON line per request to stdout (operations.middleware), so
# gunicorn's own access log is off and its error log goes to stderr.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Behind a proxy on the same host, trust its X-Forwarded-Proto (set FORWARDED_ALLOW_IPS).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
