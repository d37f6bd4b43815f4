"""What a GI may set as its workload norm: accepted exactly within the bounds, and a refusal
names the field that is out of them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ketenzicht.domain.maatregelen import Soort
from ketenzicht.domain.werklast import WerklastnormOngeldig, controleer_grenzen


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
