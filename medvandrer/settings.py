"""Medvandrer settings: one file, every deploy-specific value from the environment.

Local development needs no environment at all (SQLite, DEBUG on).
Production sets at least SECRET_KEY, DEBUG=0, ALLOWED_HOSTS and DATABASE_URL;
see docs/DEPLOYMENT.md.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: str) -> bool:
    return os.getenv(name, default).strip().lower() in ("1", "true", "yes", "on")


def envint(name: str, default: str) -> int:
    return int(os.getenv(name, default))


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.getenv(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG", "1")
# The fallback key is only for local development; production refuses to start without one.
SECRET_KEY = os.getenv("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise RuntimeError("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "dev-only-not-secret-medvandrer-local-development-key-0123456789"  # noqa: S105 - DEBUG only

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")
SITE_NAME = "Medvandrer"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "csp",
    "axes",
    "accounts",
    "oidc",
    "people",
    "audit",
    "items",
    "content",
    "plans",
    "crisis",
    "exports",
    "conversations",
    "chime",
    "mitools",
    "reflection",
    "language",
    "dashboard",
    "administration",
    "maintenance",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "oidc.middleware.ProviderFormActionMiddleware",  # after CSP: a sign-in form may go on to the provider
    "django_htmx.middleware.HtmxMiddleware",
    # Outside the session checks below, so their redirects to the sign-in page are caught too.
    "accounts.middleware.SignedOutHtmxMiddleware",
    "accounts.middleware.SessionLimitsMiddleware",
    "accounts.middleware.TwoFactorMiddleware",
    "accounts.middleware.NoStoreForSignedInMiddleware",
    "medvandrer.middleware.FriendlyMethodNotAllowedMiddleware",
    # Axes last: it turns a locked-out sign-in into our Norwegian lockout page.
    "axes.middleware.AxesMiddleware",
]

# The load benchmark (benchmarks/load) serves its extra ceiling view through its own URLconf.
ROOT_URLCONF = os.getenv("MEDVANDRER_URLCONF", "medvandrer.urls")
WSGI_APPLICATION = "medvandrer.wsgi.application"

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
                "people.context_processors.person_reads",
                "people.context_processors.session_limits",
            ],
            # Not an app of its own: the project's one template tag (medvandrer/templatetags).
            "libraries": {"capture": "medvandrer.templatetags.capture"},
        },
    },
]

# Database: SQLite (WAL) unless DATABASE_URL names another database.
SQLITE_PATH = Path(os.getenv("SQLITE_PATH", BASE_DIR / "var" / "medvandrer.sqlite3"))
if os.getenv("DATABASE_URL"):
    DATABASES = {
        "default": dj_database_url.parse(
            os.environ["DATABASE_URL"],
            conn_max_age=envint("DB_CONN_MAX_AGE", "60"),
            conn_health_checks=True,
        )
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SQLITE_PATH,
            "OPTIONS": {
                # WAL lets readers work while one request writes; IMMEDIATE avoids
                # "database is locked" upgrades in the middle of a transaction.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
CSRF_FAILURE_VIEW = "accounts.views.csrf_failure"
INVITE_VALID_DAYS = envint("INVITE_VALID_DAYS", "7")

# E-mail (links for a new password, where an address is known): printed to the console in
# development; SMTP settings from the environment in production.
EMAIL_BACKEND = os.getenv(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.getenv("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", "25")
EMAIL_HOST_USER = os.getenv("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.getenv("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", "0")
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.getenv("DEFAULT_FROM_EMAIL", "Medvandrer <ikke-svar@medvandrer.invalid>")
PASSWORD_RESET_TIMEOUT = envint("PASSWORD_RESET_HOURS", "2") * 3600

# Failed sign-ins: five tries per username *and* address, then a 15-minute pause.
# Counting the pair means someone elsewhere cannot lock a real user out, and the
# cool-off means no lockout is permanent.
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", "5")
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MINUTES", "15"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# By default axes restarts the pause on every try during a lockout, which would let
# someone keep a user locked out for ever by retrying. The pause simply runs out.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_ENABLE_ADMIN = False
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_VERBOSE = False
# Behind reverse proxies the client address comes from X-Forwarded-For, counted from the
# right past our own proxies; without proxies only REMOTE_ADDR (accounts/network.py).
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", "0")
AXES_CLIENT_IP_CALLABLE = "accounts.network.client_address"
# Successful sign-ins are not kept by axes (our sessions table knows who is signed in).
AXES_DISABLE_ACCESS_LOG = True

# A wrong two-factor code five times in a row pauses code entry for 15 minutes.
TOTP_FAILURE_LIMIT = 5
TOTP_COOLOFF = timedelta(minutes=15)
TOTP_ISSUER = "Medvandrer"

# Short codes typed at /kode/ instead of a link (accounts.passwords.short_code): ten that match
# nothing from one client address (an IPv6 /64 counts as one), or forty from everyone together,
# within 15 minutes pause code entry until the oldest of them is 15 minutes old. Counted in the
# database, so every worker sees the same count. Expected time to guess: docs/SECURITY.md.
SHORT_CODE_FAILURE_LIMIT = envint("SHORT_CODE_FAILURE_LIMIT", "10")
SHORT_CODE_OVERALL_FAILURE_LIMIT = envint("SHORT_CODE_OVERALL_FAILURE_LIMIT", "40")
SHORT_CODE_COOLOFF = timedelta(minutes=envint("SHORT_CODE_COOLOFF_MINUTES", "15"))
# «Glemt passord» by e-mail: within an hour, at most three mails to one e-mail address and ten
# asked for from one client address – so nobody can flood someone's inbox from here.
RESET_MAIL_PER_EMAIL = envint("RESET_MAIL_PER_EMAIL", "3")
RESET_MAIL_PER_CLIENT = envint("RESET_MAIL_PER_CLIENT", "10")
RESET_MAIL_WINDOW = timedelta(hours=1)

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "accounts.validators.NorwegianMinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "accounts.validators.NorwegianCommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", "Norsk bokmål")]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.getenv("STATIC_ROOT", BASE_DIR / "var" / "static"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Sessions live in the database – or in Redis when REDIS_URL is set – so several app
# processes on several machines share them; nothing lives in a process. They end after
# 30 minutes without activity and, whatever happens, 12 hours after sign-in.
REDIS_URL = os.getenv("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = envint("SESSION_IDLE_MINUTES", "30") * 60
# Messages («Korset om «…» er tatt bort») can hold the person's words: they wait in the session,
# on the server, never in a cookie (Django's default tries a signed, readable cookie first).
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
# The idle timer is pushed forward at most once a minute (accounts.middleware), not on every request.
SESSION_ACTIVITY_RESOLUTION = timedelta(seconds=60)
SESSION_ABSOLUTE_LIFETIME = timedelta(hours=envint("SESSION_MAX_HOURS", "12"))
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "1")
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", "31536000")
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", "1")
    # Behind a reverse proxy that terminates TLS and sets X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Retention (`manage.py retention`, run daily): audit rows older than AUDIT_RETENTION_DAYS
# are removed; so is the remaining audit trail of a person who was erased, once
# ERASED_PERSON_RETENTION_DAYS have passed since the erasure.
AUDIT_RETENTION_DAYS = envint("AUDIT_RETENTION_DAYS", str(10 * 365))
ERASED_PERSON_RETENTION_DAYS = envint("ERASED_PERSON_RETENTION_DAYS", str(2 * 365))
# Used or expired invitation, evaluation and reset links are kept this long, so a late click still
# hears "already used" or "expired" rather than "not found".
LINK_RETENTION_DAYS = envint("LINK_RETENTION_DAYS", "30")
# The counted tries behind the limits above (accounts.Attempt) are of no use once their window
# has passed; a day is longer than every window.
ATTEMPT_RETENTION = timedelta(days=1)

# Content Security Policy: scripts and styles only from our own origin, no inline
# code (a nonce is available for the rare case that needs one), never framed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "worker-src": [SELF],  # only the service worker of «Jeg har det vanskelig nå»
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

DEFAULT_EXCEPTION_REPORTER_FILTER = "medvandrer.errors.NoPersonDataFilter"  # no typed text in error reports
DEFAULT_EXCEPTION_REPORTER = "medvandrer.errors.NoPersonDataReporter"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"no_secret_paths": {"()": "medvandrer.log_paths.MaskSecretPaths"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["no_secret_paths"]}},
    "root": {"handlers": ["console"], "level": os.getenv("LOG_LEVEL", "WARNING")},
    # runserver's request lines too (make run): through the same filter.
    "loggers": {"django.server": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}

# Situation suggestions: the semantic model is optional; lexical ranking always works.
SUGGESTIONS_SEMANTIC = envbool("SUGGESTIONS_SEMANTIC", "1")
