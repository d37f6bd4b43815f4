"""The functioneel beheerder's pages for the organisation: its links with case systems
(**Koppelingen**: API keys, failed logins) and its users (**Gebruikers**: new users, temporary
passwords, the lock, deactivating, role and caseworker, the changes, the CSV for the review of
access rights). Only for the organisation's own functioneel beheerder; org-scoped throughout."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from ketenzicht.domain import rollen
from ketenzicht.organisaties.models import Lidmaatschap
from ketenzicht.toegang import gebruikers, selectors, services
from ketenzicht.toegang.auth import client_ip
from ketenzicht.web.formulieren import geheel_getal

POGINGEN_SINDS = timedelta(days=30)


def _geen_beheerder(request: HttpRequest) -> HttpResponse:
    return render(request, "toegang/alleen_beheerder.html", status=403)


def _niet_bewaren(antwoord: HttpResponse) -> HttpResponse:
    antwoord["Cache-Control"] = "no-store"  # a key, a password or who has access: not cached
    return antwoord


@login_required
def koppelingen(request: HttpRequest) -> HttpResponse:
    """The functioneel beheerder's page for the organisation's links: its API keys (make one,
    shown once; revoke one) and the failed logins on its users' names."""
    lid = selectors.beheerder_van(request.user)
    if lid is None:
        return _geen_beheerder(request)
    context: dict[str, Any] = {"organisatie": lid.organisatie, "fout": None, "nieuw": None}
    if request.method == "POST":
        try:
            rij, sleutel = services.sleutel_voor_collega(
                lid.organisatie_id,
                geheel_getal(request.POST.get("gebruiker")) or 0,
                request.POST.get("naam", ""),
                geheel_getal(request.POST.get("dagen")) or 0,
                door=request.user.get_username(),
            )
        except ValueError as fout:
            context["fout"] = str(fout)
        else:
            context["nieuw"] = (rij, sleutel)
    nu = timezone.now()
    context |= {
        "sleutels": [
            (s, s.status(nu)) for s in selectors.sleutels_van_organisatie(lid.organisatie_id)
        ],
        "pogingen": selectors.pogingen_van_organisatie(lid.organisatie_id, nu - POGINGEN_SINDS),
        "collegas": selectors.actieve_leden(lid.organisatie_id),
        "max_dagen": services.MAX_DAGEN,
    }
    status = 400 if context["fout"] else 200
    return _niet_bewaren(render(request, "toegang/koppelingen.html", context, status=status))


@login_required
@require_POST
def intrekken(request: HttpRequest, sleutel_id: int) -> HttpResponse:
    lid = selectors.beheerder_van(request.user)
    if lid is None:
        return _geen_beheerder(request)
    try:
        services.sleutel_intrekken_voor(lid.organisatie_id, sleutel_id)
    except LookupError as fout:
        raise Http404(str(fout)) from None
    return HttpResponseRedirect(reverse("koppelingen"))


WIJZIGINGEN_SINDS = timedelta(days=90)
GEDAAN = {
    "gedeactiveerd": "Gedeactiveerd: de gebruiker is uitgelogd en kan niet meer inloggen; "
    "de API-sleutels van de gebruiker werken niet meer.",
    "geactiveerd": "Weer actief. Geef een tijdelijk wachtwoord als de gebruiker het eigen "
    "wachtwoord niet meer weet.",
    "slot": "Het slot is opgeheven: de gebruiker kan het nu weer proberen.",
    "rol": "Opgeslagen.",
    "tweede_factor": "De tweede factor is gewist: de gebruiker stelt hem opnieuw in (waar hij "
    "verplicht is meteen na het inloggen) en logt tot dan in met alleen het wachtwoord.",
}


def _medewerker(waarde: str | None) -> int | None:
    """The caseworker chosen: none for an empty choice, refused when it is not one of the
    list's (a number)."""
    if not waarde:
        return None
    if (getal := geheel_getal(waarde)) is None:
        raise ValueError("medewerker: kies een medewerker uit de lijst.")
    return getal


def _gebruikerscontext(lid: Any, gebruiker_id: int | None = None) -> dict[str, Any]:
    organisatie = lid.organisatie
    return {
        "organisatie": organisatie,
        "rollen": [(r, Lidmaatschap.Rol(r).label) for r in rollen.rollen_voor(organisatie.type)],
        "medewerkers": (
            selectors.te_koppelen_medewerkers(
                organisatie.pk, timezone.localdate(), behalve=gebruiker_id
            )
            if rollen.heeft_caseload(organisatie.type)
            else []
        ),
        "geldig_dagen": settings.TIJDELIJK_WACHTWOORD_GELDIG.days,
    }


@login_required
def gebruikers_lijst(request: HttpRequest) -> HttpResponse:
    """The organisation's users (role, caseworker, active, locked, temporary password) and a
    form for a new one; the changes of the last 90 days."""
    beheerder = selectors.beheerder_van(request.user)
    if beheerder is None:
        return _geen_beheerder(request)
    context = _gebruikerscontext(beheerder) | {"fout": None, "nieuw": None, "invoer": {}}
    if request.method == "POST":
        context["invoer"] = request.POST
        try:
            context["nieuw"] = gebruikers.gebruiker_aanmaken(
                organisatie_id=beheerder.organisatie_id,
                gebruikersnaam=request.POST.get("gebruikersnaam", ""),
                voornaam=request.POST.get("voornaam", ""),
                achternaam=request.POST.get("achternaam", ""),
                rol=request.POST.get("rol", ""),
                medewerker_id=_medewerker(request.POST.get("medewerker")),
                door=request.user.get_username(),
            )
        except ValueError as fout:
            context["fout"] = str(fout)
        else:
            context["invoer"] = {}
    nu = timezone.now()
    leden = selectors.leden(beheerder.organisatie_id)
    sloten = selectors.sloten_op_naam([m.gebruiker.username for m in leden], nu)
    actief = [m for m in leden if m.gebruiker.is_active]
    context |= {
        "actief": len(actief),
        "met_factor": sum(selectors.heeft_tweede_factor(m.gebruiker) for m in actief),
        "leden": [
            (
                m,
                selectors.staat_van(m.gebruiker, sloten.get(m.gebruiker.username), nu),
                selectors.heeft_tweede_factor(m.gebruiker),
            )
            for m in leden
        ],
        "wijzigingen": selectors.wijzigingen_van_organisatie(
            beheerder.organisatie_id, nu - WIJZIGINGEN_SINDS
        ),
    }
    status = 400 if context["fout"] else 200
    return _niet_bewaren(render(request, "toegang/gebruikers.html", context, status=status))


@login_required
def gebruiker(request: HttpRequest, gebruiker_id: int) -> HttpResponse:
    """One user of the organisation: their role and caseworker (POST saves them), and the
    buttons for a temporary password, lifting the lock, (de)activating."""
    beheerder = selectors.beheerder_van(request.user)
    if beheerder is None:
        return _geen_beheerder(request)
    lid = selectors.lid_van(beheerder.organisatie_id, gebruiker_id)
    if lid is None:
        raise Http404("Geen gebruiker van uw organisatie.")
    context = _gebruikerscontext(beheerder, gebruiker_id) | {
        "lid": lid,
        "fout": None,
        "wachtwoord": None,
        "gedaan": GEDAAN.get(request.GET.get("gedaan", "")),
        "niet_beheerbaar": gebruikers.niet_beheerbaar(lid, request.user.pk),  # type: ignore[arg-type]
    }
    if request.method == "POST":
        try:
            context["wachtwoord"] = _handeling(request, beheerder.organisatie_id, gebruiker_id)
        except (ValueError, PermissionError) as fout:
            context["fout"] = str(fout)
        except LookupError as fout:
            raise Http404(str(fout)) from None
        else:
            if context["wachtwoord"] is None:
                gedaan = request.POST.get("handeling", "rol")
                url = reverse("gebruiker", args=[gebruiker_id])
                return HttpResponseRedirect(f"{url}?gedaan={gedaan}")
        lid = selectors.lid_van(beheerder.organisatie_id, gebruiker_id) or lid
    nu = timezone.now()
    slot = selectors.sloten_op_naam([lid.gebruiker.username], nu).get(lid.gebruiker.username)
    context |= {
        "lid": lid,
        "slot": slot,
        "staat": selectors.staat_van(lid.gebruiker, slot, nu),
        "tijdelijk": getattr(lid.gebruiker, "tijdelijk_wachtwoord", None),
        "tweede_factor": selectors.heeft_tweede_factor(lid.gebruiker),
        "wijzigingen": selectors.wijzigingen_van_organisatie(
            beheerder.organisatie_id, nu - WIJZIGINGEN_SINDS, lid.gebruiker.username
        ),
    }
    status = 400 if context["fout"] else 200
    return _niet_bewaren(render(request, "toegang/gebruiker.html", context, status=status))


def _handeling(request: HttpRequest, organisatie_id: int, gebruiker_id: int) -> str | None:
    """Do what the button asked; the temporary password when one was given."""
    welke = request.POST.get("handeling", "rol")
    wie: dict[str, Any] = {
        "organisatie_id": organisatie_id,
        "gebruiker_id": gebruiker_id,
        "door": request.user,
    }
    if welke == "wachtwoord":
        return gebruikers.tijdelijk_wachtwoord_geven(**wie, ip=client_ip(request))
    if welke == "slot":
        gebruikers.slot_opheffen(**wie, ip=client_ip(request))
    elif welke == "tweede_factor":
        gebruikers.tweede_factor_opnieuw(**wie)
    elif welke in ("gedeactiveerd", "geactiveerd"):
        gebruikers.actief_zetten(**wie, actief=welke == "geactiveerd")
    elif welke == "rol":
        gebruikers.rol_wijzigen(
            **wie,
            rol=request.POST.get("rol", ""),
            medewerker_id=_medewerker(request.POST.get("medewerker")),
        )
    else:
        raise ValueError(f"handeling: onbekend ({welke!r}).")
    return None


@login_required
def gebruikers_csv(request: HttpRequest) -> HttpResponse:
    """The organisation's users as CSV, for the periodic review of access rights."""
    beheerder = selectors.beheerder_van(request.user)
    if beheerder is None:
        return _geen_beheerder(request)
    nu = timezone.now()
    tekst = selectors.toegangsoverzicht_csv(beheerder.organisatie_id, nu)
    antwoord = HttpResponse(tekst, content_type="text/csv; charset=utf-8")
    naam = f"gebruikers-{slugify(beheerder.organisatie.naam)}-{timezone.localdate():%Y-%m-%d}.csv"
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
    return _niet_bewaren(antwoord)
