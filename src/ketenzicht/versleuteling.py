"""Symmetric encryption of what is kept but must be read back (a BSN for an iJw message, the
secret of a second factor): Fernet, with a key derived from a setting and the purpose, so one
setting never gives two purposes the same key."""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache

from cryptography.fernet import Fernet


@lru_cache(maxsize=8)
def fernet(doel: bytes, sleutel: str) -> Fernet:
    """The Fernet for ``doel`` (e.g. ``b"tweede-factor"``) under the setting ``sleutel``."""
    return Fernet(base64.urlsafe_b64encode(hashlib.sha256(doel + sleutel.encode()).digest()))
