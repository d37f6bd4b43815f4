"""The demo's logins: one planner per GI, a functioneel beheerder, the ministry, a gemeente, an
expert team, a zorgbemiddelaar, a jeugdbeschermer with a caseload (and a few records opened
outside it), and the application's administrator. All with ``DEMO_WACHTWOORD``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from ketenzicht.audit.models import AuditRegel, InzageBuitenCaseload
from ketenzicht.domain.capaciteit import Rol
from ketenzicht.domain.inzage import GELDIGHEID, Inzagereden, auditdoel
from ketenzicht.kinderen.models import Toewijzing
from ketenzicht.organisaties.models import Lidmaatschap, Medewerker, Organisatie
from ketenzicht.organisaties.selectors import werklastnorm
from ketenzicht.planning.selectors import beschikbare_medewerkers, werkvoorraad

DEMO_WACHTWOORD = "ketenzicht-demo"


@dataclass(frozen=True)
class DemoLogin:
    gebruikersnaam: str
    organisatie: str
    rol: str


def demo_logins() -> list[DemoLogin]:
    """The logins of the loaded demo (all with ``DEMO_WACHTWOORD``)."""
    leden = Lidmaatschap.objects.select_related("gebruiker", "organisatie").order_by("pk")
    logins = [
        DemoLogin(lid.gebruiker.username, lid.organisatie.naam, lid.get_rol_display())
        for lid in leden
    ]
    if get_user_model().objects.filter(username=APPLICATIEBEHEERDER[0]).exists():
        logins.append(DemoLogin(*APPLICATIEBEHEERDER))
    return logins


APPLICATIEBEHEERDER = ("appbeheer", "alle organisaties, /beheer/", "Applicatiebeheerder")


def applicatiebeheerder() -> DemoLogin:
    """``appbeheer``: the application's administrator, who opens ``/beheer/`` (organisations,
    norms, memberships, login attempts, API keys; never children's records). A superuser, so
    it stays when the demo is loaded again; its password is set only when it is made."""
    naam = APPLICATIEBEHEERDER[0]
    if not get_user_model().objects.filter(username=naam).exists():
        get_user_model().objects.create_superuser(naam, password=DEMO_WACHTWOORD)
    return DemoLogin(*APPLICATIEBEHEERDER)


def logins(gi: dict[str, Organisatie], gemeente: Organisatie) -> list[DemoLogin]:
    User = get_user_model()
    wachtwoord = make_password(DEMO_WACHTWOORD)  # hash once: hashing is slow on purpose
    logins = []
    accounts = [
        (f"planner{i}", org, Lidmaatschap.Rol.PLANNER) for i, org in enumerate(gi.values(), start=1)
    ]
    accounts.append(("beheer1", next(iter(gi.values())), Lidmaatschap.Rol.FUNCTIONEEL_BEHEERDER))
    accounts.append(
        (
            "ministerie",
            Organisatie.objects.get(type=Organisatie.Type.MINISTERIE),
            Lidmaatschap.Rol.BELEID,
        )
    )
    accounts.append(("gemeente1", gemeente, Lidmaatschap.Rol.BELEID))
    accounts.append(
        (
            "ret1",
            Organisatie.objects.get(type=Organisatie.Type.EXPERTTEAM, regio=gemeente.regio),
            Lidmaatschap.Rol.BELEID,
        )
    )
    if gemeente.regio is not None:
        accounts.append(("zbt1", gemeente.regio, Lidmaatschap.Rol.ZORGBEMIDDELAAR))
    for naam, org, rol in accounts:
        user = User.objects.create(username=naam, password=wachtwoord)
        Lidmaatschap.objects.create(gebruiker=user, organisatie=org, rol=rol)
        logins.append(DemoLogin(naam, org.naam, rol.label))
    return logins


def jeugdbeschermer_login(gi: Organisatie, tot: date) -> DemoLogin:
    """``jb1``: a jeugdbeschermer of the first GI (planner1's), linked to the caseworker
    available on ``tot`` (in service, not sick) with the largest caseload, for "Mijn
    kinderen"."""
    last = werkvoorraad(gi, werklastnorm(gi.pk, tot)).caseload
    beschikbaar = beschikbare_medewerkers(gi, tot, Rol.JEUGDBESCHERMER)
    medewerker = max(beschikbaar, key=lambda m: (last.get(m.pk, 0.0), -m.pk), default=None)
    rol = Lidmaatschap.Rol.JEUGDBESCHERMER
    voornaam, _, achternaam = (medewerker.naam if medewerker else "").partition(" ")
    user = get_user_model().objects.create(
        username="jb1",
        password=make_password(DEMO_WACHTWOORD),
        first_name=voornaam,  # the caseworker they are, as on Gebruikers
        last_name=achternaam,
    )
    Lidmaatschap.objects.create(gebruiker=user, organisatie=gi, rol=rol, medewerker=medewerker)
    _inzage_buiten_caseload(user, gi, medewerker, tot)
    return DemoLogin("jb1", gi.naam, rol.label)


_INZAGE_VOORBEELDEN = (
    (2, Inzagereden.WAARNEMING, "collega ziek, moeder belde"),
    (6, Inzagereden.OVERLEG, ""),
    (13, Inzagereden.SPOED, "crisisdienst, politie belde 's avonds"),
    (27, Inzagereden.WAARNEMING, "verlof collega"),
)


def _inzage_buiten_caseload(
    gebruiker: AbstractBaseUser, gi: Organisatie, medewerker: Medewerker | None, tot: date
) -> None:
    """A few records ``jb1`` opened for colleagues' children, with the reason and the reads,
    so that *Inzage buiten caseload* shows what it is for."""
    anderen = (
        Toewijzing.objects.filter(maatregel__gi=gi, einde__isnull=True, start__lte=tot)
        .exclude(medewerker=medewerker)
        .order_by("pk")
        .values_list("maatregel__kind__pid", flat=True)[: len(_INZAGE_VOORBEELDEN)]
    )
    for pid, (dagen, reden, toelichting) in zip(anderen, _INZAGE_VOORBEELDEN, strict=False):
        tijdstip = datetime.combine(
            tot - timedelta(days=dagen), time(10, 30), tzinfo=timezone.get_current_timezone()
        )
        InzageBuitenCaseload.objects.create(
            tijdstip=tijdstip,
            geldig_tot=tijdstip + GELDIGHEID,
            gebruiker_id=gebruiker.pk,
            gebruikersnaam="jb1",
            organisatie=gi.naam,
            kind_pid=pid,
            reden=reden.value,
            toelichting=toelichting,
            kanaal=AuditRegel.Kanaal.WEB,
        )
        AuditRegel.objects.create(
            tijdstip=tijdstip,
            gebruiker_id=gebruiker.pk,
            gebruikersnaam="jb1",
            organisatie=gi.naam,
            actie=AuditRegel.Actie.LEZEN,
            kanaal=AuditRegel.Kanaal.WEB,
            objecttype="kind",
            kind_pid=pid,
            doel=auditdoel("inzage dossier", reden),
        )
