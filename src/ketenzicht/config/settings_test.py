"""Test overrides: fast hashing, a fixed secret; the database still follows ``DATABASE_URL``."""

import os

os.environ.setdefault("KETENZICHT_SECRET_KEY", "test-geheim-alleen-voor-tests")

from ketenzicht.config.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Each test starts with an empty cache (tests/conftest.py); in memory that needs no database,
# so tests without one can clear it too. tests/integration/test_monitor_voortgang.py checks the
# database cache the application uses.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
