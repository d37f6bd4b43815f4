"""Correcting a measure registered wrongly (code, beschikking, start) from the child's page and
the API: the lists read the corrected measure, the monitor and the doorbraak figures "as known
at" an earlier moment still read what was registered then, refusals name the field and store
nothing, and a correction made meanwhile by someone else is never silently overwritten."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.db import connection, connections
from django.urls import reverse

from ketenzicht.audit.models import AuditRegel
from ketenzicht.domain import normen
from ketenzicht.domain.doorbraak import Maand
from ketenzicht.domain.maatregelen import EindeReden, MaatregelCode
from ketenzicht.doorbraak import selectors as doorbraak
from ketenzicht.kinderen.correctie import Correctie, IntussenGecorrigeerd, maatregel_corrigeren
from ketenzicht.kinderen.models import Kind, Maatregel, MaatregelCorrectie
from ketenzicht.kinderen.services import jeugdbeschermer_toewijzen, maatregel_beeindigen
from ketenzicht.monitor.selectors import monitor
from ketenzicht.organisaties.models import Lidmaatschap
from tests.integration.test_toegang_en_audit import ingelogd

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("bevroren_klok")]
TZ = ZoneInfo("Europe/Amsterdam")
GEREGISTREERD = date(2026, 11, 10)  # the start as first (wrongly) registered
JUIST = date(2026, 10, 20)  # the start on the beschikking


def _correctie(maatregel: Maatregel, gezien: int = 0, **anders: object) -> dict[str, object]:
    return {
        "maatregel": maatregel.pk,
        "gezien": gezien,
        "code": maatregel.code,
        "beschikking_datum": JUIST.isoformat(),
        "start": JUIST.isoformat(),
        "reden": "startdatum van de verkeerde beschikking overgenomen",
    } | anders


def test_planner_corrigeert_de_start_en_ziet_wat_er_veranderde(wereld) -> None:  # type: ignore[no-untyped-def]
    kind, maatregel = wereld.kind(wereld.gi_a, start=GEREGISTREERD)
    client = ingelogd(wereld.planner_a)
    pagina = client.get(reverse("kind", args=[kind.pid])).content.decode()
    assert 'data-testid="correctieformulier"' in pagina

    antwoord = client.post(
        reverse("maatregel-correctie", args=[kind.pid]), _correctie(maatregel), follow=True
    )

    maatregel.refresh_from_db()
    assert (maatregel.beschikking_datum, maatregel.start) == (JUIST, JUIST)
    html = antwoord.content.decode()
    assert "Registratie van de Ondertoezichtstelling gecorrigeerd" in html
    assert "beschikking 10-11-2026 → 20-10-2026, start 10-11-2026 → 20-10-2026" in html
    assert "startdatum van de verkeerde beschikking overgenomen" in html
    tijdlijn = html[html.index('data-testid="tijdlijn"') :]
    assert "20-11-2026</time> Registratie OTS gecorrigeerd: beschikking 10-11-2026" in tijdlijn
    correctie = MaatregelCorrectie.objects.get()
    assert (correctie.was_start, correctie.door) == (GEREGISTREERD, "planner_a")
    assert AuditRegel.objects.filter(
        kind_pid=kind.pid, actie=AuditRegel.Actie.SCHRIJVEN, doel__startswith="maatregel gecorr"
    ).exists()


def test_een_geweigerde_correctie_noemt_het_veld_en_bewaart_niets(wereld) -> None:  # type: ignore[no-untyped-def]
    kind, maatregel = wereld.kind(wereld.gi_a, start=JUIST)
    jeugdbeschermer_toewijzen(
        maatregel=maatregel, medewerker=wereld.medewerker(wereld.gi_a), start=JUIST, door=None
    )
    url = reverse("maatregel-correctie", args=[kind.pid])

    na_toewijzing = ingelogd(wereld.planner_a).post(
        url, _correctie(maatregel, start="2026-10-22"), follow=True
    )
    geen_reden = ingelogd(wereld.planner_a).post(url, _correctie(maatregel, reden=""), follow=True)

    assert "Start: De eerste vaste jeugdbeschermer is toegewezen op 20-10-2026" in (
        na_toewijzing.content.decode()
    )
    assert "Waarom: Dit veld is vereist." in geen_reden.content.decode()
    maatregel.refresh_from_db()
    assert maatregel.start == JUIST and not MaatregelCorrectie.objects.exists()


def test_een_correctie_van_een_ander_wordt_niet_overschreven(wereld) -> None:  # type: ignore[no-untyped-def]
    kind, maatregel = wereld.kind(wereld.gi_a, start=GEREGISTREERD)
    url = reverse("maatregel-correctie", args=[kind.pid])
    ingelogd(wereld.planner_a).post(url, _correctie(maatregel, gezien=0))

    verouderd = ingelogd(wereld.planner_a).post(
        url, _correctie(maatregel, gezien=0, start="2026-10-21"), follow=True
    )

    assert "intussen door iemand anders gecorrigeerd" in verouderd.content.decode()
    maatregel.refresh_from_db()
    assert maatregel.start == JUIST and MaatregelCorrectie.objects.count() == 1


def test_alleen_de_planner_van_de_eigen_gi_corrigeert(wereld) -> None:  # type: ignore[no-untyped-def]
    kind, maatregel = wereld.kind(wereld.gi_a, start=GEREGISTREERD)
    jb = get_user_model().objects.create_user(username="jb", password="geheim-wachtwoord")
    Lidmaatschap.objects.create(
        gebruiker=jb, organisatie=wereld.gi_a, rol=Lidmaatschap.Rol.JEUGDBESCHERMER
    )
    url = reverse("maatregel-correctie", args=[kind.pid])
    api = reverse("api-maatregel-correctie", args=[maatregel.pk])

    for wie in (wereld.planner_b, jb, wereld.beleid):
        assert ingelogd(wie).post(url, _correctie(maatregel)).status_code == 404
        antwoord = ingelogd(wie).post(api, _correctie(maatregel), content_type="application/json")
        assert antwoord.status_code in {403, 404}
    assert not MaatregelCorrectie.objects.exists()


def test_api_corrigeert_en_het_dossier_toont_de_correcties(wereld) -> None:  # type: ignore[no-untyped-def]
    kind, maatregel = wereld.kind(wereld.gi_a, start=GEREGISTREERD)
    client = ingelogd(wereld.planner_a)
    url = reverse("api-maatregel-correctie", args=[maatregel.pk])
    [gelezen] = client.get(reverse("api-kind", args=[kind.pid])).json()["maatregelen"]
    assert (gelezen["id"], gelezen["correcties"]) == (maatregel.pk, [])

    antwoord = client.post(url, _correctie(maatregel), content_type="application/json")
    weigering = client.post(
        url, _correctie(maatregel, gezien=1, code="99"), content_type="application/json"
    )
    te_vroeg = client.post(
        url,
        _correctie(maatregel, gezien=1, start="2026-10-19"),
        content_type="application/json",
    )
    verouderd = client.post(
        url, _correctie(maatregel, start="2026-10-21"), content_type="application/json"
    )

    assert antwoord.status_code == 201
    assert antwoord.json() == {
        "maatregel": maatregel.pk,
        "correcties": 1,
        "wat": "beschikking 10-11-2026 → 20-10-2026, start 10-11-2026 → 20-10-2026",
    }
    assert weigering.status_code == 400 and "code" in weigering.json()
    assert te_vroeg.status_code == 400 and "voor de beschikking" in te_vroeg.json()["start"][0]
    assert verouderd.status_code == 409
    [dossier] = client.get(reverse("api-kind", args=[kind.pid])).json()["maatregelen"]
    assert dossier["start"] == JUIST.isoformat()
    assert [c["door"] for c in dossier["correcties"]] == ["planner_a"]


@pytest.mark.parametrize(
    ("geregistreerd", "juist", "verschil"),
    [(GEREGISTREERD, JUIST, +1), (JUIST, GEREGISTREERD, -1)],
)
def test_zoals_bekend_op_een_eerder_moment_blijft_de_oude_registratie_gelden(
    wereld, geregistreerd: date, juist: date, verschil: int
) -> None:  # type: ignore[no-untyped-def]
    """Monitor and doorbraak: a start corrected from 10 November to 20 October makes the child
    count on 1 November (waiting for a vaste jeugdbeschermer) and makes its 5-working-day
    deadline fall in October — now, not as known before the correction; and the other way."""
    kind, maatregel = wereld.kind(wereld.gi_a, start=geregistreerd)
    peil = date(2026, 11, 1)
    oktober = [Maand(2026, 10)]
    voor_monitor = monitor(peildatum=peil).landelijk
    voor_doorbraak = _noemer(oktober)
    voor_correctie = datetime(2026, 11, 20, 10, 30, tzinfo=TZ)

    with time_machine.travel("2026-11-20 11:00 +01:00", tick=False):
        gegevens = _correctie(maatregel, beschikking_datum=juist, start=juist)
        ingelogd(wereld.planner_a).post(reverse("maatregel-correctie", args=[kind.pid]), gegevens)
        assert Maatregel.objects.get().start == juist
        nu = monitor(peildatum=peil).landelijk
        toen = monitor(peildatum=peil, bekend_op=voor_correctie).landelijk

        assert (nu.clienten, nu.wachtlijst_start.aantal) == (
            voor_monitor.clienten + verschil,
            voor_monitor.wachtlijst_start.aantal + verschil,
        )
        assert toen == voor_monitor
        assert _noemer(oktober) == voor_doorbraak + verschil
        assert _noemer(oktober, bekend_op=voor_correctie) == voor_doorbraak


def _noemer(maanden: list[Maand], **kw: object) -> int:
    [cijfers] = doorbraak.doorbraak(maanden=maanden, **kw)  # type: ignore[arg-type]
    return sum(
        r.noemer
        for r in cijfers.rijen
        if r.niveau == "landelijk" and r.mijlpaal == normen.JEUGDBESCHERMER
    )


@pytest.mark.django_db(transaction=True)
def test_gelijktijdige_correcties_van_een_maatregel_een_wint_de_rest_hoort_het(wereld) -> None:  # type: ignore[no-untyped-def]
    """Eight planners correct the same measure at once, each from the form as they saw it
    (no corrections yet): one correction is stored, the others are told (PostgreSQL)."""
    if connection.vendor != "postgresql":
        pytest.skip("draait tegen PostgreSQL: zet DATABASE_URL (CI doet dat in de tweede ronde)")
    _, maatregel = wereld.kind(wereld.gi_a, start=GEREGISTREERD)
    starts = [date(2026, 10, 20 + i) for i in range(8)]

    def probeer(start: date) -> str:
        try:
            maatregel_corrigeren(
                maatregel,
                Correctie(MaatregelCode.OTS, start, start, "verkeerde beschikking"),
                door=wereld.planner_a,
                gezien=0,
            )
            return "ok"
        except IntussenGecorrigeerd:
            return "intussen"
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=8) as pool:
        uitkomsten = list(pool.map(probeer, starts))

    assert sorted(uitkomsten) == ["intussen"] * 7 + ["ok"]
    [correctie] = MaatregelCorrectie.objects.all()
    maatregel.refresh_from_db()
    assert correctie.was_start == GEREGISTREERD and maatregel.start in starts


def _om_elf_gecorrigeerd(wereld, kind: Kind, maatregel: Maatregel, **anders: str):  # type: ignore[no-untyped-def]
    """The planner corrects the measure (started 1 September) from the child's page at 11:00,
    after the 'as known at' moment the tests compare with (10:30)."""
    gegevens = _correctie(maatregel, beschikking_datum="2026-09-01", start="2026-09-01", **anders)
    with time_machine.travel("2026-11-20 11:00 +01:00", tick=False):
        return ingelogd(wereld.planner_a).post(
            reverse("maatregel-correctie", args=[kind.pid]), gegevens, follow=True
        )


def _beeindigd(wereld, toegewezen: date) -> tuple[Kind, Maatregel]:  # type: ignore[no-untyped-def]
    """A measure from 1 September with a vaste jeugdbeschermer from ``toegewezen``, ended
    (opgeheven) on 18 November."""
    kind, maatregel = wereld.kind(wereld.gi_a, start=date(2026, 9, 1))
    mw = wereld.medewerker(wereld.gi_a)
    jeugdbeschermer_toewijzen(maatregel=maatregel, medewerker=mw, start=toegewezen, door=None)
    einde, reden = date(2026, 11, 18), EindeReden.OPGEHEVEN
    maatregel_beeindigen(maatregel=maatregel, einde=einde, reden=reden, door=None)
    return kind, maatregel


def test_de_einddatum_van_een_beeindigde_maatregel_corrigeren(wereld) -> None:  # type: ignore[no-untyped-def]
    """Ended on the 18th by mistake, in fact on the 10th: the measure and its vaste
    jeugdbeschermer end on the 10th; as known before the correction, on the 18th."""
    kind, maatregel = _beeindigd(wereld, toegewezen=date(2026, 9, 3))
    peil = date(2026, 11, 15)
    voor = monitor(peildatum=peil).landelijk
    voor_correctie = datetime(2026, 11, 20, 10, 30, tzinfo=TZ)

    pagina = _om_elf_gecorrigeerd(
        wereld,
        kind,
        maatregel,
        einde="2026-11-10",
        einde_reden=EindeReden.MEERDERJARIG.value,
        reden="einddatum van de verkeerde uitspraak",
    )
    maatregel.refresh_from_db()
    toewijzing = maatregel.toewijzingen.get()
    assert (maatregel.einde, maatregel.einde_reden) == (date(2026, 11, 10), "meerderjarig")
    assert toewijzing.einde == date(2026, 11, 10)
    assert "einde 18-11-2026 → 10-11-2026, reden einde opgeheven → meerderjarig" in (
        pagina.content.decode()
    )
    assert monitor(peildatum=peil).landelijk.clienten == voor.clienten - 1
    assert monitor(peildatum=peil, bekend_op=voor_correctie).landelijk == voor


def test_een_einde_ligt_niet_voor_de_start_van_de_laatste_jeugdbeschermer(wereld) -> None:  # type: ignore[no-untyped-def]
    kind, maatregel = _beeindigd(wereld, toegewezen=date(2026, 10, 1))
    antwoord = ingelogd(wereld.planner_a).post(
        reverse("api-maatregel-correctie", args=[maatregel.pk]),
        _correctie(maatregel, beschikking_datum="2026-09-01", start="2026-09-01")
        | {"einde": "2026-09-20"},
        content_type="application/json",
    )
    assert antwoord.status_code == 400
    assert "begon op 01-10-2026" in antwoord.json()["einde"][0]
    maatregel.refresh_from_db()
    assert maatregel.einde == date(2026, 11, 18) and not MaatregelCorrectie.objects.exists()


def test_een_ten_onrechte_beeindigde_maatregel_loopt_weer_met_haar_jeugdbeschermer(wereld) -> None:  # type: ignore[no-untyped-def]
    """The planner ended the wrong measure on the 18th: taken back, it runs again and its vaste
    jeugdbeschermer with it, without a change of jeugdbeschermer; as known before, it ended."""
    kind, maatregel = _beeindigd(wereld, toegewezen=date(2026, 9, 3))
    peil = date(2026, 11, 19)
    voor = monitor(peildatum=peil).landelijk
    voor_correctie = datetime(2026, 11, 20, 10, 30, tzinfo=TZ)

    pagina = _om_elf_gecorrigeerd(
        wereld,
        kind,
        maatregel,
        einde="2026-11-18",
        einde_reden="opgeheven",
        heropenen="on",
        reden="verkeerde maatregel beëindigd",
    )
    maatregel.refresh_from_db()
    assert (maatregel.einde, maatregel.einde_reden) == (None, "")
    oud, nieuw = maatregel.toewijzingen.order_by("start")
    assert (oud.einde, nieuw.start, nieuw.einde) == (
        date(2026, 11, 18),
        date(2026, 11, 18),
        None,
    )
    assert oud.medewerker_id == nieuw.medewerker_id
    html = pagina.content.decode()
    assert "einde 18-11-2026 → geen (loopt)" in html and "loopt." in html
    assert 'data-testid="wisselingen-kind">0<' in html
    nu = monitor(peildatum=peil).landelijk
    assert (nu.clienten, nu.wachtlijst_intern.aantal) == (voor.clienten + 1, 0)
    assert monitor(peildatum=peil, bekend_op=voor_correctie).landelijk == voor
