"""Ketenzicht settings: one base with safe defaults; every setting is documented where defined.

Environment variables (all optional):

* ``DATABASE_URL``: PostgreSQL (or other) database; unset means the embedded SQLite file.
* ``KETENZICHT_DATA``: folder for the SQLite file (default ``var/`` in the working directory).
* ``KETENZICHT_SECRET_KEY``: Django's secret; unset: one kept in ``KETENZICHT_DATA/geheim.key``.
* ``KETENZICHT_BSN_SLEUTEL``: key for BSN encryption and lookup; derived from the secret when unset.
* ``KETENZICHT_DEBUG``: ``1`` for development (serves static files, detailed errors).
* ``KETENZICHT_HOSTS``: the host names served (default ``127.0.0.1,localhost``).
* ``KETENZICHT_HTTPS``: ``1`` when served over HTTPS: secure cookies, redirect, HSTS.
* ``KETENZICHT_HOME``: checkout root, where ``node_modules`` holds the front-end packages.
* ``KETENZICHT_IJW_MAP``: folder with the iJw 3.2 XSDs and code lists (default ``../shared/ijw``).
* ``KETENZICHT_BEMIDDELING_HORIZON_DAGEN``, ``KETENZICHT_BEMIDDELING_MAX_KM``: zorgbemiddeling.
* ``KETENZICHT_INLOG_POGINGEN``, ``KETENZICHT_INLOG_POGINGEN_PER_ADRES``,
  ``KETENZICHT_INLOG_VENSTER_MINUTEN``, ``KETENZICHT_INLOG_BEWAREN_DAGEN``,
  ``KETENZICHT_IP_HEADER``, ``KETENZICHT_SESSIE_MINUTEN``, ``KETENZICHT_SESSIE_MAX_UREN``,
  ``KETENZICHT_TIJDELIJK_WACHTWOORD_DAGEN``, ``KETENZICHT_TWEEDE_FACTOR``,
  ``KETENZICHT_TWEEDE_FACTOR_SLEUTEL``, ``KETENZICHT_API_SLEUTEL_PER_MINUUT``: the lock on
  guessing passwords, how long attempts are kept, the logouts, how long a password a beheerder
  gave works, the second factor, and the limit per API key; documented below.
* ``KETENZICHT_INWERKFACTOR``, ``KETENZICHT_PRIORITEIT_MARGE``, ``KETENZICHT_ESCALATIE_DAGEN``,
  ``KETENZICHT_MONITOR_DREMPEL``:
  domain rules, documented where they are defined below. The doorbraak norm sets are data,
  added in the admin (``/beheer/``); a GI's workload norm is data, set by its functioneel
  beheerder under Team › Werklastnorm; neither is a setting.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

HOME = Path(os.environ.get("KETENZICHT_HOME", Path(__file__).resolve().parents[3]))
DATA = Path(os.environ.get("KETENZICHT_DATA", Path.cwd() / "var"))

DEBUG = os.environ.get("KETENZICHT_DEBUG") == "1"


def _geheim() -> str:
    """The secret from the environment, else one kept in ``DATA/geheim.key`` (made on first use,
    readable only by its owner) so that a fresh SQLite install works without set-up."""
    if waarde := os.environ.get("KETENZICHT_SECRET_KEY"):
        return waarde
    pad = DATA / "geheim.key"
    if not pad.exists():
        import secrets

        DATA.mkdir(parents=True, exist_ok=True)
        pad.touch(mode=0o600)
        pad.write_text(secrets.token_urlsafe(50))
    return pad.read_text().strip()


SECRET_KEY = _geheim()
BSN_SLEUTEL = os.environ.get("KETENZICHT_BSN_SLEUTEL", SECRET_KEY)

ALLOWED_HOSTS = os.environ.get("KETENZICHT_HOSTS", "127.0.0.1,localhost").split(",")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.admin",
    "rest_framework",
    "drf_spectacular",
    "ketenzicht.organisaties",
    "ketenzicht.kinderen",
    "ketenzicht.audit",
    "ketenzicht.monitor",
    "ketenzicht.planning",
    "ketenzicht.doorbraak",
    "ketenzicht.bemiddeling",
    "ketenzicht.prognose",
    "ketenzicht.toegang",
    "ketenzicht.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "ketenzicht.toegang.middleware.SessieVerloopMiddleware",
    "ketenzicht.toegang.middleware.EerstInstellenMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "ketenzicht.config.urls"
WSGI_APPLICATION = "ketenzicht.config.wsgi.application"

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
                "ketenzicht.web.context.organisatie",
            ]
        },
    }
]

DATABASES = {  # an empty DATABASE_URL (``DATABASE_URL=`` in a shell or .env) counts as unset
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA / 'ketenzicht.sqlite3'}",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets the web server read while the demo loader or a CLI writes; a busy timeout makes
    # concurrent writers wait for each other instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Computed monitor figures are kept in the database (table made by monitor's migration 0002):
# shared by every web worker and the CLI, and still there after a restart, so the first visit
# after one does not compute every peildatum of a trend again (``monitor/bewaren.py``).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "ketenzicht_cache",
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    }
}

MINIMALE_LENGTE = 12
"""A password's least length; with the other checks below, for data about children."""
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "ketenzicht.toegang.wachtwoord.MinimaleLengte",
        "OPTIONS": {"min_length": MINIMALE_LENGTE},
    },
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "start"  # routes each user to their own first page
LOGOUT_REDIRECT_URL = "login"
SESSION_COOKIE_HTTPONLY = True
if os.environ.get("KETENZICHT_HTTPS") == "1":
    # Served over HTTPS (behind a proxy that terminates TLS and sets X-Forwarded-Proto):
    # cookies only over HTTPS, plain HTTP redirected, browsers told to remember it for a year.
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 365 * 24 * 3600
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Not for subdomains nor the browsers' preload list: those bind the organisation's whole
    # domain, which is its own decision, not this application's.
    SILENCED_SYSTEM_CHECKS = ["security.W005", "security.W021"]
AUTHENTICATION_BACKENDS = ["ketenzicht.toegang.auth.BeveiligdeModelBackend"]
INLOG_POGINGEN = int(os.environ.get("KETENZICHT_INLOG_POGINGEN", "5"))
"""Wrong passwords for one login name within ``INLOG_VENSTER`` that lock it (``toegang``)."""
INLOG_POGINGEN_PER_ADRES = int(os.environ.get("KETENZICHT_INLOG_POGINGEN_PER_ADRES", "20"))
"""Wrong passwords from one address, whatever the names, that lock the address."""
INLOG_VENSTER = timedelta(minutes=int(os.environ.get("KETENZICHT_INLOG_VENSTER_MINUTEN", "15")))
INLOG_BEWAREN = timedelta(days=int(os.environ.get("KETENZICHT_INLOG_BEWAREN_DAGEN", "365")))
"""How long login attempts are kept (each new attempt removes those older)."""
INLOG_IP_HEADER = os.environ.get("KETENZICHT_IP_HEADER", "REMOTE_ADDR")
"""Where the caller's address is; behind a proxy e.g. ``HTTP_X_FORWARDED_FOR`` (its last entry)."""
SESSIE_DUUR = timedelta(minutes=int(os.environ.get("KETENZICHT_SESSIE_MINUTEN", "30")))
"""A session without a request for this long is logged out (``toegang/middleware.py``)."""
SESSIE_MAX = timedelta(hours=int(os.environ.get("KETENZICHT_SESSIE_MAX_UREN", "12")))
"""And any session this long after its login, however busy."""
SESSION_COOKIE_AGE = int(SESSIE_MAX.total_seconds())
TIJDELIJK_WACHTWOORD_GELDIG = timedelta(
    days=int(os.environ.get("KETENZICHT_TIJDELIJK_WACHTWOORD_DAGEN", "7"))
)
"""A password the functioneel beheerder gave (a new user, a forgotten password) works this long,
and only to choose one's own (``toegang``)."""
TWEEDE_FACTOR = os.environ.get("KETENZICHT_TWEEDE_FACTOR", "vrijwillig")
"""``vrijwillig``: a user may turn on a second factor (an authenticator app); ``verplicht``:
every user must, and after logging in without one is sent to set it up."""
if TWEEDE_FACTOR not in ("vrijwillig", "verplicht"):
    raise ImproperlyConfigured(
        f"KETENZICHT_TWEEDE_FACTOR is vrijwillig of verplicht, niet {TWEEDE_FACTOR!r}."
    )
TWEEDE_FACTOR_SLEUTEL = os.environ.get("KETENZICHT_TWEEDE_FACTOR_SLEUTEL", SECRET_KEY)
"""Encrypts the second factor's secrets; derived from the secret when unset."""
API_SLEUTEL_PER_MINUUT = int(os.environ.get("KETENZICHT_API_SLEUTEL_PER_MINUUT", "600"))
"""Requests per API key per minute; more get 429 with Retry-After (``toegang.auth``)."""
TWEEDE_FACTOR_UITGEVER = "Ketenzicht"
"""The name the authenticator app shows beside the user's."""
CSRF_COOKIE_HTTPONLY = True

LANGUAGE_CODE = "nl"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "/static/"
STATIC_ROOT = HOME / "staticfiles"
_NPM = HOME / "node_modules"
STATICFILES_DIRS = [
    ("utrecht", _NPM / "@utrecht/component-library-css/dist"),
    ("tokens", _NPM / "@nl-design-system-unstable/voorbeeld-design-tokens/dist"),
    ("htmx", _NPM / "htmx.org/dist"),
    ("chartjs", _NPM / "chart.js/dist"),
]

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # the key first: a refused request gets 401 with ``WWW-Authenticate: Bearer``
        "ketenzicht.toegang.auth.SleutelAuthenticatie",
        "rest_framework.authentication.SessionAuthentication",
        "ketenzicht.toegang.auth.BasicMetSlot",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_THROTTLE_CLASSES": ["ketenzicht.toegang.auth.SleutelLimiet"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Ketenzicht API",
    "DESCRIPTION": "Wachtlijsten, termijnen en monitor van de jeugdbeschermingsketen.",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # stable names where two fields share a name ("reden", "actie") with different choices
    "ENUM_NAME_OVERRIDES": {
        "InzageredenEnum": "ketenzicht.domain.inzage.INZAGEREDENEN",
        "AfwezigheidsredenEnum": ["ziek", "vertrekt"],
        "AfwezigheidsactieEnum": ["ziek", "beter", "uit_dienst"],
        "NiveauEnum": ["gi", "gemeente", "regio", "landelijk"],  # a doorbraak row's level
        "GebiedsniveauEnum": ["regio", "gemeente"],
    },
}

INWERKFACTOR = float(os.environ.get("KETENZICHT_INWERKFACTOR", "0.5"))
"""Share of an onboarding (zij-instroom) employee's FTE that counts as available."""

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

PRIORITEIT_MARGE_ZONDER_MAATREGEL = int(os.environ.get("KETENZICHT_PRIORITEIT_MARGE", "1"))
"""Urgency levels by which a child without a measure must exceed one with (seed 000)."""

ESCALATIE_HULPAANBOD_DAGEN_TE_LAAT = int(os.environ.get("KETENZICHT_ESCALATIE_DAGEN", "28"))
"""Afspraak 3: suggest the regional expert team when help is more than this many days overdue."""

MONITOR_DREMPEL = int(os.environ.get("KETENZICHT_MONITOR_DREMPEL", "5"))
"""Public exports show counts from 1 below this threshold as "<N" (small-cell protection)."""

# The iJw 3.2 standard's files (``xsd/`` and ``codelijsten/``), read-only reference data used to
# validate every message read or written. Default: the ``shared/ijw`` folder beside the checkout.
IJW_MAP = Path(os.environ.get("KETENZICHT_IJW_MAP", HOME.parent / "shared" / "ijw"))
# Zorgbemiddeling: soon-free places further ahead than this are not proposed; pairs farther
# apart than ``BEMIDDELING_MAX_KM`` are never matched.
BEMIDDELING_HORIZON_DAGEN = int(os.environ.get("KETENZICHT_BEMIDDELING_HORIZON_DAGEN", "42"))
BEMIDDELING_MAX_KM = float(os.environ.get("KETENZICHT_BEMIDDELING_MAX_KM", "100"))
