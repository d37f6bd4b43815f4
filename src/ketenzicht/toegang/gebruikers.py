"""Writes for an organisation's functioneel beheerder managing its users: make one (with a
temporary password), change a role or the caseworker link, deactivate, give a temporary password
for a forgotten one, lift the lock on a name, wipe a lost second factor. Each change is kept as
a ``Gebruikerswijziging``. A beheerder never changes their own account, nor an application
administrator's."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from ketenzicht.domain import rollen
from ketenzicht.organisaties.models import Lidmaatschap, Organisatie
from ketenzicht.toegang.models import Gebruikerswijziging, Inlogpoging, TijdelijkWachtwoord
from ketenzicht.toegang.selectors import te_koppelen_medewerkers
from ketenzicht.toegang.services import leesbare_code, poging_vastleggen
from ketenzicht.toegang.tweede_factor import staat_aan, vergeten


def _tijdelijk() -> str:
    """16 characters from 31 (79 bits): read aloud or typed over, valid a week."""
    return leesbare_code(4, 4)


def _vastleggen(lid: Lidmaatschap, door: str, handeling: str, toelichting: str = "") -> None:
    Gebruikerswijziging.objects.create(
        organisatie_id=lid.organisatie_id,
        gebruikersnaam=lid.gebruiker.get_username(),
        door=door,
        handeling=handeling,
        toelichting=toelichting[:300],
    )


def _beheerbaar(organisatie_id: int, gebruiker_id: int, door: Any) -> Lidmaatschap:
    """The organisation's user, locked for this change; refused for the beheerder themself
    and for the application's administrators (a beheerder could otherwise become one)."""
    lid = (
        Lidmaatschap.objects.select_for_update(of=("self",))  # not the caseworker: may be none
        .select_related("gebruiker", "organisatie", "medewerker")
        .filter(organisatie_id=organisatie_id, gebruiker_id=gebruiker_id)
        .first()
    )
    if lid is None:
        raise LookupError("Geen gebruiker van uw organisatie.")
    if (waarom := niet_beheerbaar(lid, door.pk)) is not None:
        raise PermissionError(waarom)
    return lid


def niet_beheerbaar(lid: Lidmaatschap, door_id: int) -> str | None:
    """Why the beheerder ``door_id`` may not change this user, or ``None`` when they may: not
    their own account, nor an application administrator's (a beheerder could otherwise make
    themself one). The user's page shows it instead of the buttons."""
    if lid.gebruiker_id == door_id:
        return "Uw eigen account wijzigt een andere beheerder; uw wachtwoord wijzigt u zelf."
    if lid.gebruiker.is_staff or lid.gebruiker.is_superuser:
        return f"{lid.gebruiker} is ook applicatiebeheerder en wordt door die beheerd."
    return None


def _rol_en_medewerker(
    organisatie: Organisatie, rol: str, medewerker_id: int | None, gebruiker_id: int | None
) -> int | None:
    if not rollen.past_bij(rol, organisatie.type):
        namen = ", ".join(
            str(Lidmaatschap.Rol(r).label) for r in rollen.rollen_voor(organisatie.type)
        )
        raise ValueError(f"rol: bij {organisatie} kan dat {namen} zijn.")
    if medewerker_id is None:
        return None
    if not rollen.heeft_caseload(organisatie.type):
        raise ValueError(f"medewerker: {organisatie} heeft geen medewerkers in Ketenzicht.")
    vrij = te_koppelen_medewerkers(organisatie.pk, timezone.localdate(), behalve=gebruiker_id)
    if medewerker_id not in {m.pk for m in vrij}:
        raise ValueError(
            "medewerker: kies een medewerker van uw GI die in dienst is en nog geen gebruiker "
            "heeft."
        )
    return medewerker_id


@transaction.atomic
def gebruiker_aanmaken(
    *,
    organisatie_id: int,
    gebruikersnaam: str,
    voornaam: str,
    achternaam: str,
    rol: str,
    medewerker_id: int | None,
    door: str,
) -> tuple[Lidmaatschap, str]:
    """A new user of the organisation, with a temporary password (returned, not kept): it works
    for ``TIJDELIJK_WACHTWOORD_GELDIG`` and only to choose their own. ``door``: who made it
    (a beheerder's login name, or ``cli:…``)."""
    organisatie = Organisatie.objects.get(pk=organisatie_id)
    naam = gebruikersnaam.strip()
    User = get_user_model()
    if not naam:
        raise ValueError("gebruikersnaam: vul een gebruikersnaam in.")
    try:
        UnicodeUsernameValidator()(naam)
    except ValidationError:
        raise ValueError(
            f"gebruikersnaam: {naam!r} mag alleen letters, cijfers en @ . + - _ bevatten."
        ) from None
    if len(naam) > 150:
        raise ValueError("gebruikersnaam: hoogstens 150 tekens.")
    if User.objects.filter(username__iexact=naam).exists():
        raise ValueError(
            f"gebruikersnaam: {naam!r} bestaat al (bij deze of een andere organisatie)."
        )
    medewerker_id = _rol_en_medewerker(organisatie, rol, medewerker_id, None)
    wachtwoord = _tijdelijk()
    try:
        with transaction.atomic():
            gebruiker = User.objects.create_user(
                naam,
                password=wachtwoord,
                first_name=voornaam.strip()[:150],
                last_name=achternaam.strip()[:150],
            )
            lid = Lidmaatschap.objects.create(
                gebruiker=gebruiker, organisatie=organisatie, rol=rol, medewerker_id=medewerker_id
            )
    except IntegrityError:  # the same name, or the same caseworker, at the same moment
        raise ValueError(
            f"gebruikersnaam: {naam!r} of die medewerker is net door een ander gekoppeld."
        ) from None
    TijdelijkWachtwoord.objects.create(gebruiker=gebruiker, gezet_door=door)
    _vastleggen(lid, door, Gebruikerswijziging.Handeling.AANGEMAAKT, _omschrijf(lid))
    return lid, wachtwoord


def _omschrijf(lid: Lidmaatschap) -> str:
    wie = f" ({lid.medewerker})" if lid.medewerker_id else ""
    return f"{lid.get_rol_display()}{wie}"


@transaction.atomic
def rol_wijzigen(
    *, organisatie_id: int, gebruiker_id: int, rol: str, medewerker_id: int | None, door: Any
) -> Lidmaatschap:
    lid = _beheerbaar(organisatie_id, gebruiker_id, door)
    oud = _omschrijf(lid)
    lid.medewerker_id = _rol_en_medewerker(lid.organisatie, rol, medewerker_id, gebruiker_id)
    lid.rol = rol
    lid.save(update_fields=["rol", "medewerker"])
    if (nieuw := _omschrijf(lid)) != oud:
        _vastleggen(lid, door.get_username(), Gebruikerswijziging.Handeling.ROL, f"{oud} → {nieuw}")
    return lid


@transaction.atomic
def actief_zetten(*, organisatie_id: int, gebruiker_id: int, actief: bool, door: Any) -> None:
    """Deactivate a user who left (their sessions and API keys stop at once; their name stays in
    every log), or let them back."""
    lid = _beheerbaar(organisatie_id, gebruiker_id, door)
    if lid.gebruiker.is_active == actief:
        return
    lid.gebruiker.is_active = actief
    lid.gebruiker.save(update_fields=["is_active"])
    handeling = Gebruikerswijziging.Handeling
    _vastleggen(
        lid, door.get_username(), handeling.GEACTIVEERD if actief else handeling.GEDEACTIVEERD
    )


@transaction.atomic
def tijdelijk_wachtwoord_geven(
    *, organisatie_id: int, gebruiker_id: int, door: Any, ip: str | None
) -> str:
    """A forgotten password: a temporary one (returned, not kept), the lock on the name lifted.
    The user's sessions end, since their password changed."""
    lid = _beheerbaar(organisatie_id, gebruiker_id, door)
    if not lid.gebruiker.is_active:
        raise ValueError("gebruiker: maak de gebruiker eerst weer actief.")
    wachtwoord = _tijdelijk()
    lid.gebruiker.set_password(wachtwoord)
    lid.gebruiker.save(update_fields=["password"])
    TijdelijkWachtwoord.objects.update_or_create(
        gebruiker=lid.gebruiker,
        defaults={"gezet_op": timezone.now(), "gezet_door": door.get_username()},
    )
    poging_vastleggen(lid.gebruiker.get_username(), ip, "web", Inlogpoging.Uitkomst.VRIJGEGEVEN)
    _vastleggen(lid, door.get_username(), Gebruikerswijziging.Handeling.WACHTWOORD)
    return wachtwoord


@transaction.atomic
def slot_opheffen(*, organisatie_id: int, gebruiker_id: int, door: Any, ip: str | None) -> None:
    """The user's name may be tried again now (the beheerder knows it was them mistyping); a
    lock on an address stays."""
    lid = _beheerbaar(organisatie_id, gebruiker_id, door)
    poging_vastleggen(lid.gebruiker.get_username(), ip, "web", Inlogpoging.Uitkomst.VRIJGEGEVEN)
    _vastleggen(lid, door.get_username(), Gebruikerswijziging.Handeling.SLOT)


@transaction.atomic
def tweede_factor_opnieuw(*, organisatie_id: int, gebruiker_id: int, door: Any) -> None:
    """A lost phone without recovery codes: the user's second factor is wiped, to be set up
    again (at once where it is required). Only the beheerder who checked who asks."""
    lid = _beheerbaar(organisatie_id, gebruiker_id, door)
    if not staat_aan(gebruiker_id):
        raise ValueError("gebruiker: heeft geen tweede factor.")
    vergeten(gebruiker_id)
    _vastleggen(lid, door.get_username(), Gebruikerswijziging.Handeling.TWEEDE_FACTOR)


def eigen_wachtwoord_gekozen(gebruiker_id: int) -> None:
    """The user chose their own password: the one a beheerder gave is gone."""
    TijdelijkWachtwoord.objects.filter(gebruiker_id=gebruiker_id).delete()
