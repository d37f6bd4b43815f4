"""Reads for logging in: is a name or an address locked, which key is this; and for the
functioneel beheerder, the organisation's users, keys, failed logins and changes."""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
from collections import defaultdict
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q
from django.utils import formats, timezone

from ketenzicht.domain.inlogslot import Slotregel, normaliseer_naam, slot_na_herstel, slot_tot
from ketenzicht.organisaties.models import Lidmaatschap, Medewerker
from ketenzicht.organisaties.selectors import lidmaatschap_van
from ketenzicht.toegang.models import (
    ApiSleutel,
    Gebruikerswijziging,
    Inlogpoging,
    TijdelijkWachtwoord,
)

HERSTEL = (Inlogpoging.Uitkomst.GELUKT, Inlogpoging.Uitkomst.VRIJGEGEVEN)
"""After these a name's wrong passwords no longer count: its user logged in, or its
beheerder lifted the lock."""
FOUT = (Inlogpoging.Uitkomst.MISLUKT, Inlogpoging.Uitkomst.CODE_FOUT)
"""What counts towards the lock: a wrong password, and a wrong code after the right password
(so a stolen password does not buy unlimited guesses at the code)."""

SLEUTEL_VOORVOEGSEL = "kz_"


def _regel(max_pogingen: int) -> Slotregel:
    return Slotregel(max_pogingen=max_pogingen, venster=settings.INLOG_VENSTER)


def naam_sleutel(gebruikersnaam: str) -> str:
    """What attempts are counted under: a keyed hash of the name as typed (without case and
    spaces), so a password or a BSN typed in the name field is never kept, yet counts."""
    naam = normaliseer_naam(gebruikersnaam).encode()
    return hmac.new(settings.SECRET_KEY.encode(), naam, hashlib.sha256).hexdigest()


def _naam_slot(pogingen: list[tuple[datetime, str]], nu: datetime) -> datetime | None:
    """A name's lock from its attempts (moment, outcome) in the window."""
    return slot_na_herstel(
        [t for t, u in pogingen if u in FOUT],
        [t for t, u in pogingen if u in HERSTEL],
        nu,
        _regel(settings.INLOG_POGINGEN),
    )


def slot_tot_voor(gebruikersnaam: str, ip: str | None, nu: datetime) -> datetime | None:
    """Until when an attempt for this name from this address is refused, or ``None``."""
    poging = Inlogpoging.objects.filter(tijdstip__gt=nu - settings.INLOG_VENSTER, tijdstip__lte=nu)
    op_naam = poging.filter(
        naam_sleutel=naam_sleutel(gebruikersnaam), uitkomst__in=(*FOUT, *HERSTEL)
    )
    sloten = [_naam_slot(list(op_naam.values_list("tijdstip", "uitkomst")), nu)]
    if ip:
        op_adres = poging.filter(ip=ip, uitkomst__in=FOUT).values_list("tijdstip", flat=True)
        sloten.append(slot_tot(op_adres, nu, _regel(settings.INLOG_POGINGEN_PER_ADRES)))
    return max((s for s in sloten if s is not None), default=None)


def sleutel_hash(sleutel: str) -> str:
    """SHA-256 of the key: the key is 32 random bytes, so a plain hash cannot be reversed."""
    return hashlib.sha256(sleutel.encode()).hexdigest()


def sleutel_bij(sleutel: str) -> ApiSleutel | None:
    """The stored key this text is, valid or not; ``None`` when it is none of them."""
    if not sleutel.startswith(SLEUTEL_VOORVOEGSEL) or len(sleutel) > 100:
        return None
    prefix = sleutel[: len(SLEUTEL_VOORVOEGSEL) + 8]
    kandidaat = ApiSleutel.objects.select_related("gebruiker").filter(prefix=prefix).first()
    if kandidaat is None or not hmac.compare_digest(kandidaat.sleutel_hash, sleutel_hash(sleutel)):
        return None
    return kandidaat


def sleutels(gebruikersnaam: str | None = None) -> list[ApiSleutel]:
    rijen = ApiSleutel.objects.select_related("gebruiker")
    if gebruikersnaam:
        rijen = rijen.filter(gebruiker__username=gebruikersnaam)
    return list(rijen)


def sleutels_van_organisatie(organisatie_id: int) -> list[ApiSleutel]:
    """The keys of the organisation's users, newest first."""
    return list(
        ApiSleutel.objects.select_related("gebruiker").filter(
            gebruiker__lidmaatschap__organisatie_id=organisatie_id
        )
    )


def pogingen_van_organisatie(organisatie_id: int, sinds: datetime) -> list[Inlogpoging]:
    """Failed and refused logins on the organisation's users' names since ``sinds``, newest
    first (a guessed name that is no user's is no organisation's: only /beheer/ shows it)."""
    namen = Lidmaatschap.objects.filter(organisatie_id=organisatie_id).values_list(
        "gebruiker__username", flat=True
    )
    return list(
        Inlogpoging.objects.filter(tijdstip__gte=sinds, gebruikersnaam__in=list(namen))
        .exclude(uitkomst__in=(Inlogpoging.Uitkomst.GELUKT, Inlogpoging.Uitkomst.CODE_NODIG))
        .order_by("-tijdstip")[:200]
    )


def beheerder_van(gebruiker: AbstractBaseUser | AnonymousUser) -> Lidmaatschap | None:
    """The membership through which ``gebruiker`` manages an organisation's links: only as its
    functioneel beheerder."""
    lid = lidmaatschap_van(gebruiker)
    return lid if lid is not None and lid.rol == Lidmaatschap.Rol.FUNCTIONEEL_BEHEERDER else None


def actieve_leden(organisatie_id: int) -> list[Lidmaatschap]:
    """The organisation's active users, by name: who a key may act as."""
    return list(
        Lidmaatschap.objects.filter(organisatie_id=organisatie_id, gebruiker__is_active=True)
        .select_related("gebruiker")
        .order_by("gebruiker__username")
    )


def sloten_op_naam(gebruikersnamen: list[str], nu: datetime) -> dict[str, datetime]:
    """Until when each of these users' names is locked by its own wrong passwords (the same
    count as ``slot_tot_voor``, for a whole list in one query); names not locked are left out."""
    rijen = Inlogpoging.objects.filter(
        gebruikersnaam__in=gebruikersnamen,
        tijdstip__gt=nu - settings.INLOG_VENSTER,
        tijdstip__lte=nu,
        uitkomst__in=(*FOUT, *HERSTEL),
    ).values_list("gebruikersnaam", "tijdstip", "uitkomst")
    per_naam: dict[str, list[tuple[datetime, str]]] = defaultdict(list)
    for naam, tijdstip, uitkomst in rijen:
        per_naam[naam].append((tijdstip, uitkomst))
    sloten = {naam: _naam_slot(pogingen, nu) for naam, pogingen in per_naam.items()}
    return {naam: tot for naam, tot in sloten.items() if tot is not None}


_MET = (
    "gebruiker",
    "organisatie",
    "medewerker",
    "gebruiker__tijdelijk_wachtwoord",
    "gebruiker__tweede_factor",
)


def leden(organisatie_id: int) -> list[Lidmaatschap]:
    """The organisation's users, the active ones first, by login name."""
    return list(
        Lidmaatschap.objects.filter(organisatie_id=organisatie_id)
        .select_related(*_MET)
        .order_by("-gebruiker__is_active", "gebruiker__username")
    )


def lid_van(organisatie_id: int, gebruiker_id: int) -> Lidmaatschap | None:
    """One user of the organisation, read as ``leden`` reads them."""
    return (
        Lidmaatschap.objects.select_related(*_MET)
        .filter(organisatie_id=organisatie_id, gebruiker_id=gebruiker_id)
        .first()
    )


def staat_van(gebruiker: Any, slot: datetime | None, nu: datetime) -> str:
    """A user's state as the beheerder's pages show it, the most pressing first: deactivated,
    locked, a temporary password (expired or not), or active. ``gebruiker`` read with
    ``leden`` or ``lid_van``; ``slot`` from ``sloten_op_naam``."""
    if not gebruiker.is_active:
        return "gedeactiveerd"
    if slot is not None:
        return f"gesloten tot {formats.time_format(timezone.localtime(slot), 'H:i')}"
    tijdelijk = getattr(gebruiker, "tijdelijk_wachtwoord", None)
    if tijdelijk is not None:
        verlopen = nu > _geldig_tot(tijdelijk)
        return "tijdelijk wachtwoord verlopen" if verlopen else "tijdelijk wachtwoord"
    return "actief"


def te_koppelen_medewerkers(
    organisatie_id: int, op: date, behalve: int | None = None
) -> list[Medewerker]:
    """The GI's staff in service on ``op`` (or joining later) that no user is yet, by name:
    whom a user can be linked to; ``behalve`` is a user's own link, kept in the list."""
    vrij = Q(lidmaatschap__isnull=True)
    if behalve is not None:
        vrij |= Q(lidmaatschap__gebruiker_id=behalve)
    return list(
        Medewerker.objects.filter(gi_id=organisatie_id)
        .filter(Q(uit_dienst_per__isnull=True) | Q(uit_dienst_per__gt=op))
        .filter(vrij)
        .order_by("naam", "in_dienst_van")
    )


def wijzigingen_van_organisatie(
    organisatie_id: int, sinds: datetime, gebruikersnaam: str | None = None
) -> list[Gebruikerswijziging]:
    """What the beheerders changed about the organisation's users (or one of them) since
    ``sinds``, newest first."""
    rijen = Gebruikerswijziging.objects.filter(organisatie_id=organisatie_id, tijdstip__gte=sinds)
    if gebruikersnaam is not None:
        rijen = rijen.filter(gebruikersnaam=gebruikersnaam)
    return list(rijen[:200])


def tijdelijk_wachtwoord(gebruiker_id: int) -> TijdelijkWachtwoord | None:
    """The password a beheerder gave this user, while they have not chosen their own."""
    return TijdelijkWachtwoord.objects.filter(gebruiker_id=gebruiker_id).first()


def tijdelijk_geldig_tot(gebruiker_id: int) -> datetime | None:
    """Until when the password a beheerder gave this user works; ``None`` when they chose
    their own."""
    rij = tijdelijk_wachtwoord(gebruiker_id)
    return _geldig_tot(rij) if rij is not None else None


def _geldig_tot(rij: TijdelijkWachtwoord) -> datetime:
    return rij.gezet_op + settings.TIJDELIJK_WACHTWOORD_GELDIG


def tijdelijk_verlopen(gebruiker_id: int, nu: datetime) -> bool:
    """The user still has the password a beheerder gave, and it no longer works."""
    tot = tijdelijk_geldig_tot(gebruiker_id)
    return tot is not None and nu > tot


def heeft_tweede_factor(gebruiker: Any) -> bool:
    """From a user read with ``leden`` (its second factor joined in), without a query."""
    rij = getattr(gebruiker, "tweede_factor", None)
    return rij is not None and rij.bevestigd_op is not None


def toegangsoverzicht_csv(organisatie_id: int, nu: datetime) -> str:
    """Who has access to the organisation's part of Ketenzicht, for the periodic review of
    access rights (BIO 9.2.5): each user with role, caseworker, state, second factor, last
    login and valid API keys. Semicolons, as a Dutch spreadsheet opens them."""
    geldig: dict[int, int] = defaultdict(int)
    for sleutel in sleutels_van_organisatie(organisatie_id):
        if sleutel.status(nu) == "geldig":
            geldig[sleutel.gebruiker_id] += 1
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(
        [
            "gebruiker",
            "naam",
            "rol",
            "medewerker",
            "actief",
            "tweede_factor",
            "tijdelijk_wachtwoord",
            "laatst_ingelogd",
            "geldige_api_sleutels",
        ]
    )
    for lid in leden(organisatie_id):
        g = lid.gebruiker
        schrijver.writerow(
            [
                g.get_username(),
                g.get_full_name(),
                lid.get_rol_display(),
                lid.medewerker.naam if lid.medewerker else "",
                "ja" if g.is_active else "nee",
                "ja" if heeft_tweede_factor(g) else "nee",
                "ja" if getattr(g, "tijdelijk_wachtwoord", None) else "nee",
                timezone.localtime(g.last_login).isoformat(timespec="minutes")
                if g.last_login
                else "",
                geldig[g.pk],
            ]
        )
    return uit.getvalue()
