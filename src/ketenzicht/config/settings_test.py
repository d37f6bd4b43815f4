"""Test overrides: fast hashing, a fixed secret; the database still follows ``DATABASE_URL``."""

import os

os.environ.setdefault("KETENZICHT_SECRET_KEY", "test-geheim-alleen-voor-tests")

from ketenzicht.config.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
