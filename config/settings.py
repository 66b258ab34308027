"""Settings, read from the environment once.

DJANGO_DEBUG (default on for local use), DJANGO_SECRET_KEY (required when debug is off),
DJANGO_ALLOWED_HOSTS (comma-separated), DATABASE_URL (default: SQLite file in the project).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = _env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    # Only ever used for local development: production refuses to start without a real key.
    SECRET_KEY = "django-insecure-local-development-only-key-do-not-use-in-production"

ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "reader",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "reader.middleware.CanonicalArticleURL",  # an article URL with a made-up query string is the article
    "reader.page_cache.SharedPageMiddleware",  # anonymous article pages, before the rest of the stack
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "reader.middleware.PrivateWhenSignedIn",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "reader.middleware.HtmxMessages",  # after both: reads request.htmx and the messages not yet stored
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
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let concurrent editors write without "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Page queries are short index lookups: starting parallel workers costs more than it saves, and the
    # default random_page_cost (4, for spinning disks) steers the planner away from index lookups.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options", os.environ.get("DJANGO_PG_OPTIONS", "-c max_parallel_workers_per_gather=0 -c random_page_cost=1.1")
    )

# Rendered article pages are cached per article version (reader/page_cache.py). Local memory is per
# process and still correct (keys carry the version); Redis shares the cache between app servers.
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["REDIS_URL"]}
        if os.environ.get("REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 5000}}
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "ro"
LANGUAGES = [("ro", "Română"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Bucharest"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "reader:index"
LOGOUT_REDIRECT_URL = "reader:index"

# Largest article file the importer accepts, in bytes.
READER_MAX_IMPORT_BYTES = int(os.environ.get("READER_MAX_IMPORT_BYTES", str(5 * 1024 * 1024)))
# An article's longest paragraph (characters) and its number of paragraphs: past these a file is refused with the
# reason, since its analysis and its page grow with them (a news paragraph is a few hundred characters).
READER_MAX_PARAGRAPH_CHARS = int(os.environ.get("READER_MAX_PARAGRAPH_CHARS", "20000"))
READER_MAX_PARAGRAPHS = int(os.environ.get("READER_MAX_PARAGRAPHS", "2000"))
# A .zip upload: at most this many entries, and this many bytes once unpacked (and as uploaded).
READER_MAX_ARCHIVE_MEMBERS = int(os.environ.get("READER_MAX_ARCHIVE_MEMBERS", "500"))
READER_MAX_ARCHIVE_BYTES = int(os.environ.get("READER_MAX_ARCHIVE_BYTES", str(100 * 1024 * 1024)))

# --- Fetching feeds and their articles' pages (reader/importers/fetch.py, feeds.py) ---
# Only http(s), and only public addresses: a feed must not make the server read its own network. Networks listed
# here (comma-separated CIDR, e.g. "127.0.0.1/32,10.1.2.0/24") may be fetched too.
READER_FETCH_ALLOWED_NETWORKS = [n.strip() for n in os.environ.get("READER_FETCH_ALLOWED_NETWORKS", "").split(",")
                                 if n.strip()]
READER_FETCH_TIMEOUT = float(os.environ.get("READER_FETCH_TIMEOUT", "20"))  # seconds per request, redirects included
READER_FETCH_MAX_BYTES = int(os.environ.get("READER_FETCH_MAX_BYTES", str(5 * 1024 * 1024)))  # per response
READER_FETCH_HOST_INTERVAL = float(os.environ.get("READER_FETCH_HOST_INTERVAL", "2"))  # seconds between requests
READER_FETCH_USER_AGENT = os.environ.get("READER_FETCH_USER_AGENT", "SalaDeLectura/1.0 (+feed reader)")
READER_FEED_MAX_ITEMS = int(os.environ.get("READER_FEED_MAX_ITEMS", "50"))  # new items imported per poll
READER_PUBLISHER = os.environ.get("READER_PUBLISHER", "Sala de lectură")  # the author of published fact-checks
READER_FEED_LOG_LINES = int(os.environ.get("READER_FEED_LOG_LINES", "200"))  # kept per feed

# --- Background jobs (reader/jobs.py): Django's Tasks API (the django-tasks backport of django.tasks) ---
# TASKS_BACKEND picks the queue: "database" (default: the jobs table in this database, run by `manage.py jobs_worker`;
# no other server), "rq" (Redis through RQ, for a worker tier on several machines; the same `jobs_worker` command)
# or "immediate" (run inside the caller; only for debugging, an upload then waits for its articles).
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database").strip().lower()
# django_rq (its rqworker command, which jobs_worker runs) only with RQ: it imports redis and rq, a tenth of a second
# at the start of every process.
INSTALLED_APPS += ["django_tasks", "django_tasks_db", *(["django_rq"] if TASKS_BACKEND == "rq" else [])]
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
if TASKS_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {', '.join(_TASK_BACKENDS)}, not {TASKS_BACKEND!r}.")
TASKS_QUEUE = os.environ.get("TASKS_QUEUE", "default")
# Tasks are declared on "default" and sent to TASKS_QUEUE (reader.jobs.enqueue): a queue of its own lets two
# deployments, or a test run, share one Redis.
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[TASKS_BACKEND], "QUEUES": sorted({"default", TASKS_QUEUE})}}
# RQ's Redis (the cache's, unless RQ_REDIS_URL says otherwise); DEFAULT_TIMEOUT caps one job (an article).
RQ_QUEUES = {
    queue: {
        "URL": os.environ.get("RQ_REDIS_URL") or os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0",
        "DEFAULT_TIMEOUT": int(os.environ.get("READER_JOB_TIMEOUT", "600")),
    }
    for queue in TASKS["default"]["QUEUES"]
}
# A job still running this long after it started (its worker crashed, or its machine is gone) is handed out again;
# a worker restarted on the same machine hands out its dead predecessors' jobs at once. Transient database errors
# are retried READER_JOB_RETRIES times, waiting longer each time.
READER_JOB_LEASE_SECONDS = int(os.environ.get("READER_JOB_LEASE_SECONDS", "900"))
READER_JOB_RETRIES = int(os.environ.get("READER_JOB_RETRIES", "3"))
READER_JOB_RETRY_SECONDS = float(os.environ.get("READER_JOB_RETRY_SECONDS", "2"))  # then 4, 8…
# An admin upload may carry this many files (Django's default, 100, is far below a day's articles); each becomes a
# job, so the request only reads them.
DATA_UPLOAD_MAX_NUMBER_FILES = int(os.environ.get("READER_MAX_UPLOAD_FILES", "1000"))

# --- Security: headers, CSP, cookies, login throttling (kept together so one reviewer sees all of it) ---
from csp.constants import NONE, SELF  # noqa: E402

INSTALLED_APPS += ["csp", "axes"]
# CSP headers on every response; axes last, as its docs require, so it sees the authentication result.
MIDDLEWARE += ["csp.middleware.CSPMiddleware", "axes.middleware.AxesMiddleware"]
# Axes first: it refuses locked-out credentials before the password is even checked.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "reader.auth_backend.ModelBackendOneQuery"]

# No inline script or style anywhere (the admin in Django 5.2 has none either): an injected <script> or
# on*= attribute cannot run even if escaping were ever missed.
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
    }
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Sessions are read from the cache and written through to the database: a logged-in page skips the
# session query on a cache hit and nothing is lost when the cache is cleared or not shared.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
if not DEBUG:
    SECURE_SSL_REDIRECT = _env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Login throttling (reader/throttling.py): 5 wrong passwords for one username from one address lock that pair for
# 15 minutes (HTTP 429), so an attacker cannot lock a real editor out from elsewhere; 20 from one address, whatever
# the usernames, lock the address. Tries during a lockout do not restart it. Behind a proxy, name the header it
# writes the client's address to (DJANGO_CLIENT_IP_HEADER, e.g. X-Real-IP), or every client shares its address.
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
READER_LOGIN_ADDRESS_LIMIT = int(os.environ.get("DJANGO_LOGIN_ADDRESS_LIMIT", "20"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("DJANGO_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_HANDLER = "reader.throttling.AddressLimitHandler"
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
READER_CLIENT_IP_HEADER = os.environ.get("DJANGO_CLIENT_IP_HEADER", "").strip()
AXES_CLIENT_IP_CALLABLE = "reader.throttling.client_ip"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
