"""gunicorn settings for production: `gunicorn -c config/gunicorn.py config.wsgi` (docs/deploy.md).

Threaded workers (gthread): a connection waits for its request in the worker's poller, and a client that sends
its headers slowly holds one thread, not a whole process, so a handful of slow clients cannot stall the site
(tests/test_slow_clients.py). A buffering reverse proxy in front is still required: only it absorbs many slow
clients and slow uploads (docs/deploy.md).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", 2 * multiprocessing.cpu_count() + 1))
# Each thread holds its own database connection (DJANGO_CONN_MAX_AGE): workers x threads must fit the
# database's connection limit, or PgBouncer goes in between.
threads = int(os.environ.get("GUNICORN_THREADS", 8))
# Django and the project load once, in the master, and the forked workers share those pages: workers start in a
# fraction of the time and memory. Nothing opens a connection while the project loads (Django connects to the
# database and the cache on first use, in each worker), so no socket is shared across the fork. A code change
# needs a restart of the master, not a HUP.
preload_app = True
timeout = 30
graceful_timeout = 30
keepalive = 5
max_requests = 2000
max_requests_jitter = 200
# Requests larger than this are refused by gunicorn itself (HTTP 400) before Django sees them.
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
