"""How a BSN is kept: encrypted for the rare use that needs it (iJw messages) and as a keyed
hash for lookup and uniqueness. The plain number is never stored, logged or put in a URL."""

from __future__ import annotations

import hashlib
import hmac

from cryptography.fernet import Fernet
from django.conf import settings

from ketenzicht.domain.bsn import Bsn
from ketenzicht.versleuteling import fernet


def _sleutel(doel: bytes) -> bytes:
    return hashlib.sha256(doel + settings.BSN_SLEUTEL.encode()).digest()


def _fernet(sleutel: str) -> Fernet:
    return fernet(b"fernet", sleutel)  # b"fernet": the derivation the stored BSNs were made with


def zoeksleutel(bsn: Bsn) -> str:
    """A stable, keyed hash of the BSN: equal BSNs match, the number cannot be read back."""
    return hmac.new(_sleutel(b"zoek"), bsn.cijfers.encode(), hashlib.sha256).hexdigest()


def versleutel(bsn: Bsn) -> str:
    return _fernet(settings.BSN_SLEUTEL).encrypt(bsn.cijfers.encode()).decode()


def ontsleutel(token: str) -> Bsn:
    return Bsn(_fernet(settings.BSN_SLEUTEL).decrypt(token.encode()).decode())
