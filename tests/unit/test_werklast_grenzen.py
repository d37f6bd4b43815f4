"""What a GI may set as its workload norm: accepted exactly within the bounds, and a refusal
names the field that is out of them."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from ketenzicht.domain.maatregelen import Soort
from ketenzicht.domain.werklast import WerklastnormOngeldig, controleer_grenzen, controleer_ingang


@given(
    clienten=st.floats(-5, 200, allow_nan=False),
    gewicht=st.floats(-1, 5, allow_nan=False),
    drempel=st.integers(-10, 1000),
)
def test_binnen_de_grenzen_en_anders_het_veld(
    clienten: float, gewicht: float, drempel: int
) -> None:
    gewichten = {Soort.JEUGDBESCHERMING: 1.0, Soort.VOOGDIJ: gewicht, Soort.JEUGDRECLASSERING: 1.0}
    fout = (
        "clienten_per_fte"
        if not 1 <= clienten <= 40
        else "gewicht_voogdij"
        if not 0.1 <= gewicht <= 3
        else "ziekte_drempel_dagen"
        if not 1 <= drempel <= 365
        else None
    )
    try:
        controleer_grenzen(clienten, gewichten, drempel)
    except WerklastnormOngeldig as e:
        assert e.veld == fout and str(e).startswith(f"{fout}: ")
    else:
        assert fout is None


@given(dagen=st.integers(-800, 800), verleden=st.booleans())
def test_een_norm_vanaf_vandaag_tot_een_jaar_vooruit(dagen: int, verleden: bool) -> None:
    """From today up to a year ahead; before today only for the functioneel beheerder."""
    vandaag = date(2026, 11, 20)
    van = vandaag + timedelta(days=dagen)
    mag = (verleden or dagen >= 0) and dagen <= 366
    try:
        controleer_ingang(van, vandaag, verleden=verleden)
    except WerklastnormOngeldig as e:
        assert not mag and e.veld == "geldig_van"
    else:
        assert mag
