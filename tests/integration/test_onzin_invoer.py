"""Whatever a form or a client sends, the answer is a refusal, never a server error: every
write on the web and the API gets empty, wrong-typed, out-of-range and oversized values for
every field any form has, from each kind of user, and nothing answers 500."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from ketenzicht.demo.laden import laad
from ketenzicht.doorbraak import services as doorbraak
from ketenzicht.kinderen.models import Maatregel
from ketenzicht.organisaties.models import Medewerker, Organisatie

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("bevroren_klok")]

# every field name a form or a view reads (request.POST and the Django forms)
VELDEN = [
    "aanbod",
    "achternaam",
    "actie",
    "basis",
    "beschikking_datum",
    "besluit",
    "bezet",
    "bsn",
    "code",
    "criteria",
    "datum",
    "eigen_wachtlijst",
    "einde",
    "einde_reden",
    "extra_medewerkers",
    "fte",
    "geldig_van",
    "gemeente",
    "gemeld_door",
    "gezien",
    "gi",
    "heropenen",
    "horizon",
    "hulpvraag",
    "instroom_pct",
    "inwerkweken",
    "koppeling",
    "maatregel",
    "medewerker",
    "mijlpaal",
    "naam",
    "naar",
    "norm_factor_pct",
    "override_reden",
    "per",
    "plaatsen",
    "q",
    "reden",
    "reden_voorstel",
    "rol",
    "runs",
    "score",
    "start",
    "status",
    "toelichting",
    "urgentie",
    "vanaf",
    "vanaf_maand",
    "verloop_punten",
    "verwacht_vrij",
    "verwacht_vrij_per",
    "voornaam",
    "wat",
    "wie",
    "zij_instroom",
    "van",
    "tot",
    "soort",
]
ONZIN = ["", "x", "-1", "99999999999999999999999", "1:2:3", "2026-02-31", "é" * 5000]
GEBRUIKERS = ("planner1", "jb1", "gemeente1", "zbt1", "ret1", "ministerie", "beheer1")


@pytest.fixture
def adressen(vandaag) -> list[str]:  # type: ignore[no-untyped-def]
    """Every URL that takes a write, with real ids from the demo."""
    laad(schaal="klein", seed=3, tot=vandaag, voortgang=lambda *_: None)
    gi = Organisatie.objects.get(leden__gebruiker__username="planner1")
    m = Maatregel.objects.filter(gi=gi, einde__isnull=True).select_related("kind").first()
    assert m is not None
    pid, mw = m.kind.pid, Medewerker.objects.filter(gi=gi).first()
    assert mw is not None
    afspraak = doorbraak.afspraak_maken(
        kind=m.kind, wie="gi", wat="x", uiterlijk=date(2026, 12, 1), door=None
    )
    team = Organisatie.objects.filter(type=Organisatie.Type.EXPERTTEAM).first()
    assert team is not None
    escalatie = doorbraak.escaleren(
        kind=m.kind, expertteam=team, reden="r", datum=date(2026, 11, 20), door=None
    )
    return [
        *(reverse(n) for n in ("voorstel", "nieuwe-collega", "bemiddeling-besluit")),
        *(reverse(n) for n in ("bemiddeling-capaciteit", "prognose", "nieuwe-maatregel")),
        reverse("bemiddeling-capaciteitslijst"),
        *(reverse(n, args=[mw.pk]) for n in ("overdracht", "afwezigheid-melden")),
        reverse("afwezigheid-intrekken", args=[mw.pk]),
        *(
            reverse(n, args=[pid])
            for n in (
                "toewijzen",
                "mijlpaal-registreren",
                "triage-registreren",
                "afspraak-maken",
                "escaleren",
                "maatregel-einde",
                "verhuizing",
                "maatregel-overdracht",
                "maatregel-correctie",
                "kind-inzage",
            )
        ),
        reverse("afspraak-afronden", args=[pid, afspraak.pk]),
        reverse("escalatie-stap", args=[pid, escalatie.pk]),
        reverse("api-maatregelen"),
        reverse("api-zoeken"),
        *(reverse(n, args=[m.pk]) for n in ("api-maatregel-correctie", "api-maatregel-overdracht")),
        *(reverse(n, args=[pid]) for n in ("api-verhuizing", "api-kind-inzage")),
        reverse("api-medewerkers"),
        *(reverse(n, args=[mw.pk]) for n in ("api-afwezigheid", "api-intrekking")),
    ]


def test_geen_invoer_geeft_een_serverfout(adressen: list[str]) -> None:
    fouten = []
    for naam in GEBRUIKERS:
        client = Client(raise_request_exception=False)
        client.force_login(get_user_model().objects.get(username=naam))
        for url in adressen:
            for waarde in ONZIN:
                velden = dict.fromkeys(VELDEN, waarde)
                if url.startswith("/api/"):
                    antwoord = client.post(url, velden, content_type="application/json")
                else:
                    antwoord = client.post(url, velden)
                if antwoord.status_code >= 500:
                    fouten.append(f"{naam} POST {url} met {waarde[:20]!r}: {antwoord.status_code}")
    assert not fouten, "\n".join(fouten)


PARAMETERS = [
    "alle",
    "bron",
    "dagen",
    "direct",
    "extra_aanbod",
    "extra_aantal",
    "gemeente",
    "gi",
    "leeftijd",
    "maand",
    "mijlpaal",
    "niveau",
    "peildatum",
    "regio",
    "soort",
    "sorteer",
    "van",
    "wie",
    "zorgvorm",
    "q",
]


def test_geen_vraag_geeft_een_serverfout(adressen: list[str]) -> None:
    """Every page and API read, with every parameter any of them reads set to nonsense."""

    def zonder_argumenten(resolver: URLResolver, voor: str = "") -> list[str]:
        uit = []
        for p in resolver.url_patterns:
            pad = voor + str(p.pattern)
            if isinstance(p, URLResolver):
                uit += zonder_argumenten(p, pad)
            elif isinstance(p, URLPattern) and "<" not in pad and not pad.startswith("beheer"):
                uit.append("/" + pad)
        return uit

    lezen = [u for u in zonder_argumenten(get_resolver()) if u != "/uitloggen/"]
    lezen += [u for u in adressen if "/kinderen/" in u and u.endswith(("/toewijzen/",))]
    lezen += [u.rsplit("/", 2)[0] + "/" for u in adressen if u.endswith("/mijlpaal/")]
    fouten = []
    for naam in ("planner1", "gemeente1", "zbt1", "ministerie"):
        client = Client(raise_request_exception=False)
        client.force_login(get_user_model().objects.get(username=naam))
        for url in lezen:
            for waarde in ONZIN[1:]:
                antwoord = client.get(url, dict.fromkeys(PARAMETERS, waarde))
                if antwoord.status_code >= 500:
                    fouten.append(f"{naam} GET {url} met {waarde[:20]!r}: {antwoord.status_code}")
    assert not fouten, "\n".join(fouten)
