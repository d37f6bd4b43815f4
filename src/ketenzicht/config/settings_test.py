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
# The live server of the browser tests closes each request's connection when the request ends.
# With keep-alive, a server thread otherwise kept its PostgreSQL session open while the browser
# kept the socket, and dropping a worker's test database could then fail ("being accessed by
# other users"); tests/integration/test_testdatabase_vrij.py. The test client is not affected.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
