"""Time-based one-time passwords, the second factor of logging in (RFC 6238 on RFC 4226).

An authenticator app and Ketenzicht share a secret; both derive a 6-digit code from it for
every 30-second step since 1970. A code is accepted for the current step and one either side
(a phone's clock a little off, a code typed as it changed), and never for a step at or before
the last one accepted, so a code seen over a shoulder cannot be used again.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
from urllib.parse import quote, urlencode

PERIODE = 30  # seconds per step (RFC 6238's default, what every authenticator app uses)
CIJFERS = 6
VENSTER = 1  # steps either side accepted


def stap_van(tijdstip: float, periode: int = PERIODE) -> int:
    """The step a moment (seconds since 1970) falls in."""
    return int(tijdstip // periode)


def code(geheim: bytes, stap: int, cijfers: int = CIJFERS) -> str:
    """HOTP (RFC 4226 §5.3) of the step: HMAC-SHA1, dynamically truncated."""
    digest = hmac.new(geheim, struct.pack(">Q", stap), hashlib.sha1).digest()
    begin = digest[-1] & 0x0F
    getal = struct.unpack(">I", digest[begin : begin + 4])[0] & 0x7FFFFFFF
    return str(getal % 10**cijfers).zfill(cijfers)


def controleer(
    geheim: bytes,
    ingevoerd: str,
    tijdstip: float,
    laatste_stap: int | None,
    venster: int = VENSTER,
) -> int | None:
    """The step whose code ``ingevoerd`` is (spaces ignored), when it lies within ``venster``
    steps of ``tijdstip`` and after ``laatste_stap``; ``None`` otherwise."""
    ingevoerd = "".join(ingevoerd.split())
    if len(ingevoerd) != CIJFERS or not ingevoerd.isascii() or not ingevoerd.isdigit():
        return None
    nu = stap_van(tijdstip)
    for stap in range(nu - venster, nu + venster + 1):
        if laatste_stap is not None and stap <= laatste_stap:
            continue
        if hmac.compare_digest(code(geheim, stap), ingevoerd):
            return stap
    return None


def als_tekst(geheim: bytes) -> str:
    """The secret as typed into an app that cannot scan: base32, in groups of four."""
    tekst = base64.b32encode(geheim).decode().rstrip("=")
    return " ".join(tekst[i : i + 4] for i in range(0, len(tekst), 4))


def otpauth_uri(geheim: bytes, gebruikersnaam: str, uitgever: str) -> str:
    """What the QR code holds (the Key Uri Format every authenticator app reads)."""
    label = quote(f"{uitgever}:{gebruikersnaam}")
    geheim_tekst = base64.b32encode(geheim).decode().rstrip("=")
    velden = {"secret": geheim_tekst, "issuer": uitgever, "digits": CIJFERS, "period": PERIODE}
    return f"otpauth://totp/{label}?{urlencode(velden)}"
