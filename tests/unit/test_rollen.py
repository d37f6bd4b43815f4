"""Which roles fit which organisation: a GI has planners and jeugdbeschermers, a jeugdregio its
zorgbemiddelaar, every organisation beleid and a functioneel beheerder."""

from __future__ import annotations

import pytest

from ketenzicht.domain.rollen import heeft_caseload, past_bij, rollen_voor


@pytest.mark.parametrize(
    ("organisatietype", "rollen"),
    [
        ("gi", ("planner", "jeugdbeschermer", "beleid", "beheerder")),
        ("jeugdregio", ("zorgbemiddelaar", "beleid", "beheerder")),
        ("gemeente", ("beleid", "beheerder")),
        ("ministerie", ("beleid", "beheerder")),
        ("expertteam", ("beleid", "beheerder")),
    ],
)
def test_rollen_per_organisatie(organisatietype: str, rollen: tuple[str, ...]) -> None:
    assert rollen_voor(organisatietype) == rollen


def test_een_rol_die_er_niets_betekent_past_niet() -> None:
    assert past_bij("planner", "gi") and not past_bij("planner", "gemeente")
    assert past_bij("zorgbemiddelaar", "jeugdregio") and not past_bij("zorgbemiddelaar", "gi")
    assert not past_bij("superuser", "gi")
    assert heeft_caseload("gi") and not heeft_caseload("jeugdregio")
