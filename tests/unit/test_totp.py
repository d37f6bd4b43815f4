"""The second factor's codes: RFC 6238's own test values, the window either side, and a code
never accepted twice."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ketenzicht.domain.totp import als_tekst, code, controleer, otpauth_uri, stap_van

RFC_GEHEIM = b"12345678901234567890"


@pytest.mark.parametrize(
    ("tijdstip", "verwacht"),
    [
        (59, "94287082"),
        (1111111109, "07081804"),
        (1111111111, "14050471"),
        (1234567890, "89005924"),
        (2000000000, "69279037"),
        (20000000000, "65353130"),
    ],
)
def test_rfc_6238_bijlage_b(tijdstip: int, verwacht: str) -> None:
    assert code(RFC_GEHEIM, stap_van(tijdstip), cijfers=8) == verwacht


@given(
    geheim=st.binary(min_size=20, max_size=20),
    tijdstip=st.floats(min_value=1e9, max_value=4e9),
    verschil=st.integers(-3, 3),
)
def test_een_code_geldt_een_stap_ervoor_en_erna(
    geheim: bytes, tijdstip: float, verschil: int
) -> None:
    stap = stap_van(tijdstip) + verschil
    gevonden = controleer(geheim, code(geheim, stap), tijdstip, laatste_stap=None)
    if abs(verschil) <= 1:
        assert gevonden == stap
    else:  # another step in the window may share the code by chance (1 in a million)
        assert gevonden is None or gevonden != stap


@given(geheim=st.binary(min_size=20, max_size=20), tijdstip=st.floats(min_value=1e9, max_value=4e9))
def test_een_gebruikte_code_nooit_nog_eens(geheim: bytes, tijdstip: float) -> None:
    stap = stap_van(tijdstip)
    eerste = controleer(geheim, code(geheim, stap), tijdstip, laatste_stap=None)
    assert eerste == stap
    assert controleer(geheim, code(geheim, stap), tijdstip, laatste_stap=eerste) is None
    assert controleer(geheim, code(geheim, stap - 1), tijdstip, laatste_stap=eerste) is None
    # the next step's code is still good, once
    assert controleer(geheim, code(geheim, stap + 1), tijdstip, laatste_stap=eerste) == stap + 1


def test_wat_geen_code_is() -> None:
    nu = 1_800_000_000.0
    goed = code(RFC_GEHEIM, stap_van(nu))
    assert controleer(RFC_GEHEIM, f" {goed[:3]} {goed[3:]} ", nu, None) == stap_van(nu)
    for fout in ("", "12345", "1234567", "abcdef", "١٢٣٤٥٦"):
        assert controleer(RFC_GEHEIM, fout, nu, None) is None


def test_het_geheim_voor_de_app() -> None:
    assert als_tekst(RFC_GEHEIM) == "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ"
    uri = otpauth_uri(RFC_GEHEIM, "planner1", "Ketenzicht")
    assert uri.startswith("otpauth://totp/Ketenzicht%3Aplanner1?secret=GEZDGNBVGY3TQOJQ")
    assert "issuer=Ketenzicht" in uri and "digits=6" in uri and "period=30" in uri
