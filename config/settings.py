"""Settings, read from the environment.

Every per-environment value comes from an environment variable through the small helpers below;
nothing secret lives in the repository. With no environment at all the project runs in debug
mode on a SQLite file beside manage.py, which is what `make run` uses.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str | None = None) -> str:
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(f"Set the environment variable {name}.")
    return value


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    lowered = raw.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from None


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

# The fallback key is only good for local debugging; production must provide its own.
if DEBUG:
    SECRET_KEY = env_str("DJANGO_SECRET_KEY", "insecure-dev-only-key-do-not-use-in-production")
else:
    SECRET_KEY = env_str("DJANGO_SECRET_KEY")

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "django_tasks_db",
    "simple_history",
    "timeline",
    "intake",
    "api",
    "web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Records the request's user on each historical row (timeline models' `history`).
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
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

WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        # A kept connection is checked before a request reuses it, so a database restart costs no errors.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite as a real embedded database for several server processes: WAL lets readers run beside
    # the writer, a busy timeout makes a second writer wait instead of failing with "database is
    # locked", and IMMEDIATE transactions take the write lock up front, so that a transaction never
    # has to upgrade from reading to writing halfway (which SQLite answers with an instant error).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "timeout": env_int("SQLITE_BUSY_TIMEOUT", 20),
            "transaction_mode": "IMMEDIATE",
        }
    )

# API throttling counts requests in the cache, which every server process must share, or each
# process would let through the whole rate. Redis when REDIS_URL is set (several hosts); otherwise
# files in DJANGO_CACHE_DIR, shared by the processes of one host. Not the database cache: it would
# add queries to every request and, on SQLite, turn every anonymous read into a write.
REDIS_URL = env_str("REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {
            # SQLite files in a folder every process of the host shares: increments are atomic across
            # processes (the throttles count with them), a read or a write a fraction of a millisecond.
            "BACKEND": "config.caches.HostCache",
            "LOCATION": env_str("DJANGO_CACHE_DIR", str(BASE_DIR / ".cache" / "django")),
            "SHARDS": 4,
            "DATABASE_TIMEOUT": 0.25,
            "OPTIONS": {"size_limit": 64 * 2**20},
        }
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# `loaddata seed_timeline` finds the curated timeline in the top-level fixtures/ folder.
FIXTURE_DIRS = [BASE_DIR / "fixtures"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Production hardening; all of it follows DEBUG so `manage.py check --deploy` passes when it is off.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "WARNING")},
}

# The API (api/) is configured here so that every viewset shares one policy.
REST_FRAMEWORK = {
    # Token first: its WWW-Authenticate challenge makes an anonymous write a 401 rather than a 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["api.permissions.ReadAnyoneWriteWithModelPermission"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    # Bodies nest (an event's citations, every date object), which only JSON carries well.
    "DEFAULT_PARSER_CLASSES": ["api.parsers.BoundedJSONParser"],
    # The same JSON as DRF's renderer, written by orjson (api.renderers.FastJSONRenderer).
    "DEFAULT_RENDERER_CLASSES": ["api.renderers.FastJSONRenderer", "rest_framework.renderers.BrowsableAPIRenderer"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": [
        "api.throttles.AnonRateThrottle",
        "api.throttles.UserRateThrottle",
        "api.throttles.CostRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_str("API_ANON_THROTTLE_RATE", "120/min"),
        "user": env_str("API_USER_THROTTLE_RATE", "600/min"),
        # Work units of the expensive endpoints: 1 per 1,000 characters annotated, IMPORT_THROTTLE_COST an import.
        "cost": env_str("API_COST_THROTTLE_RATE", "1000/hour"),
        # Logging in (a token, the admin's form): per username from one address, and per address.
        "login_username": env_str("API_LOGIN_USERNAME_THROTTLE_RATE", "20/hour"),
        "login_address": env_str("API_LOGIN_ADDRESS_THROTTLE_RATE", "60/hour"),
    },
    # How many proxies of ours stand in front of the server: the client address is the one the nearest
    # of them put in X-Forwarded-For. 0 (the default): the socket's address, and the header is ignored.
    "NUM_PROXIES": env_int("DJANGO_NUM_PROXIES", 0),
    "EXCEPTION_HANDLER": "api.exceptions.exception_handler",
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "api.negotiation.FormatParameterNegotiation",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "News timeline API",
    "DESCRIPTION": (
        "Events and statements reported by news articles, with dates resolved against each "
        "article's publication context and the citations that support them."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Group operations by resource (tags "events", "timeline", ...) rather than all under "v1".
    "SCHEMA_PATH_PREFIX": r"/api/v[0-9]+",
    "TAGS": [
        {"name": "timeline", "description": "Events and statements merged in date order; exports."},
        {"name": "events", "description": "What happened, with every citation and each source's own date."},
        {"name": "statements", "description": "What was said, by whom, as one source reports it."},
        {"name": "sources", "description": "News articles and their publication context."},
        {"name": "actors", "description": "People, organisations, government bodies and countries."},
        {"name": "dates", "description": "The date engine, over any text."},
        {"name": "auth", "description": "API tokens for scripts."},
        {"name": "jobs", "description": "Article import jobs: poll them, retry a failed one."},
        {"name": "proposals", "description": "Drafts read from imported articles, to accept or reject."},
    ],
    # Two different choice sets share the field name "kind"; name each one.
    # The enum hook is drf-spectacular's default; ours adds the server's own 414 to every operation.
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "api.schema_hooks.server_limits"],
    "ENUM_NAME_OVERRIDES": {
        "ActorKindEnum": "timeline.models.ActorKind",
        "TimelineKindEnum": "api.serializers.TIMELINE_KINDS",
    },
}

# Upper bound on the text accepted by POST /api/v1/dates/annotate, in characters.
ANNOTATE_MAX_CHARS = env_int("ANNOTATE_MAX_CHARS", 100_000)

# Article import (intake.services.articles). Fetching refuses private, loopback, link-local and
# reserved addresses unless IMPORT_ALLOW_PRIVATE_ADDRESSES is on (an intranet deployment, tests).
IMPORT_ALLOW_PRIVATE_ADDRESSES = env_bool("IMPORT_ALLOW_PRIVATE_ADDRESSES", False)
IMPORT_FETCH_TIMEOUT = env_int("IMPORT_FETCH_TIMEOUT", 10)  # seconds, per connection and per read
# Seconds for a whole fetch (connects, redirects, headers and body), however the server trickles.
IMPORT_FETCH_DEADLINE = env_int("IMPORT_FETCH_DEADLINE", 30)
# Seconds after which a job still "running" is taken for one whose worker died, and marked failed.
IMPORT_JOB_DEADLINE = env_int("IMPORT_JOB_DEADLINE", 120)
# What one import costs of a client's API_COST_THROTTLE_RATE budget (reading 20,000 characters costs as much).
IMPORT_THROTTLE_COST = env_int("IMPORT_THROTTLE_COST", 20)
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_BYTES", 5_000_000)  # largest page or uploaded file
# Items read from one feed at one poll (or one `import_articles --feed`): the first ones, the newest.
# A feed of 10,000 items is cut there, and the job's message names the cap.
FEED_MAX_ITEMS = env_int("FEED_MAX_ITEMS", 200)
# URLs one POST /api/v1/sources/import-many may list (one job imports them all).
IMPORT_MANY_MAX_URLS = env_int("IMPORT_MANY_MAX_URLS", 200)

# Background jobs (django-tasks, the backport of Django 6's tasks framework). "immediate" runs a
# job inline in the request, so `make run` needs nothing else; "database" queues it in the
# database for `manage.py db_worker` processes, on this machine or any other sharing the database.
TASKS_BACKEND = env_str("TASKS_BACKEND", "immediate")
if TASKS_BACKEND not in {"immediate", "database"}:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be immediate or database, not {TASKS_BACKEND!r}.")
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if TASKS_BACKEND == "immediate"
            else "django_tasks_db.DatabaseBackend"
        )
    }
}
