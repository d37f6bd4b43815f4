"""``ketenzicht sleutel``: API keys for case systems' links; ``ketenzicht gebruiker``: an
organisation's users (the first functioneel beheerder of a new GI, say). Thin: parse, call,
print. Their ``--format json`` output is a public contract; extend, don't rename."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import TYPE_CHECKING, Any

from ketenzicht.domain import rollen

if TYPE_CHECKING:
    from ketenzicht.toegang.models import ApiSleutel


def _rij(s: ApiSleutel) -> dict[str, Any]:
    return {
        "prefix": s.prefix,
        "naam": s.naam,
        "gebruiker": s.gebruiker.get_username(),
        "aangemaakt_op": s.aangemaakt_op.isoformat(),
        "aangemaakt_door": s.aangemaakt_door,
        "verloopt_op": s.verloopt_op.isoformat(),
        "ingetrokken_op": s.ingetrokken_op.isoformat() if s.ingetrokken_op else None,
        "laatst_gebruikt": s.laatst_gebruikt.isoformat() if s.laatst_gebruikt else None,
    }


def cmd_sleutel(args: argparse.Namespace) -> int:
    from django.utils import timezone

    from ketenzicht.toegang import selectors, services

    fout = f"ketenzicht sleutel {args.actie}"
    try:
        if args.actie == "aanmaken":
            if not args.gebruiker or not args.naam:
                print(f"{fout}: geef --gebruiker en --naam", file=sys.stderr)
                return 2
            rij, sleutel = services.sleutel_aanmaken(
                args.gebruiker, args.naam, args.dagen, door=f"cli:{getpass.getuser()}"
            )
            if args.format == "json":
                print(json.dumps({**_rij(rij), "sleutel": sleutel}, ensure_ascii=False))
            else:
                print(sleutel)
                print(
                    f"Sleutel {rij.prefix}… voor {rij.naam} (als {args.gebruiker}), geldig tot "
                    f"{rij.verloopt_op:%d-%m-%Y}. Kopieer hem nu: hij wordt niet bewaard.",
                    file=sys.stderr,
                )
            return 0
        if args.actie == "intrekken":
            if not args.prefix:
                print(f"{fout}: geef --prefix (het begin van de sleutel, kz_…)", file=sys.stderr)
                return 2
            rij = services.sleutel_intrekken(args.prefix)
            if args.format == "json":
                print(json.dumps(_rij(rij), ensure_ascii=False))
            else:
                op = f"{rij.ingetrokken_op:%d-%m-%Y %H:%M}"
                print(f"{rij.prefix}… ({rij.naam}) ingetrokken op {op}")
            return 0
    except (ValueError, LookupError) as e:
        print(f"{fout}: {e.args[0]}", file=sys.stderr)
        return 2
    rijen = selectors.sleutels(args.gebruiker)
    if args.format == "json":
        print(json.dumps([_rij(s) for s in rijen], ensure_ascii=False, indent=2))
        return 0
    kop = ["Prefix", "Naam", "Gebruiker", "Verloopt", "Laatst gebruikt", "Status"]
    print(f"{kop[0]:<12} {kop[1]:<24} {kop[2]:<14} {kop[3]:<10} {kop[4]:<16} {kop[5]}")
    nu = timezone.now()
    for s in rijen:
        status = s.status(nu)  # an expired key is not "geldig"
        gebruikt = f"{s.laatst_gebruikt:%d-%m-%Y %H:%M}" if s.laatst_gebruikt else "nooit"
        print(
            f"{s.prefix:<12} {s.naam[:24]:<24} {s.gebruiker.get_username()[:14]:<14} "
            f"{s.verloopt_op:%d-%m-%Y} {gebruikt:<16} {status}"
        )
    return 0


def _gebruiker_rij(lid: Any) -> dict[str, Any]:
    from ketenzicht.toegang.selectors import heeft_tweede_factor

    g = lid.gebruiker
    return {
        "gebruiker": g.get_username(),
        "naam": g.get_full_name(),
        "organisatie": lid.organisatie.naam,
        "rol": lid.rol,
        "medewerker": lid.medewerker.naam if lid.medewerker_id else None,
        "actief": g.is_active,
        "tweede_factor": heeft_tweede_factor(g),
        "laatst_ingelogd": g.last_login.isoformat() if g.last_login else None,
    }


def cmd_gebruiker(args: argparse.Namespace) -> int:
    from django.utils import timezone

    from ketenzicht.organisaties.models import Organisatie
    from ketenzicht.toegang import gebruikers, selectors

    fout = f"ketenzicht gebruiker {args.actie}"
    organisatie = Organisatie.objects.filter(naam=args.organisatie).first()
    if organisatie is None:
        print(f"{fout}: geen organisatie {args.organisatie!r}", file=sys.stderr)
        return 2
    if args.actie == "aanmaken":
        try:
            lid, wachtwoord = gebruikers.gebruiker_aanmaken(
                organisatie_id=organisatie.pk,
                gebruikersnaam=args.gebruikersnaam or "",
                voornaam=args.voornaam,
                achternaam=args.achternaam,
                rol=args.rol or "",
                medewerker_id=None,
                door=f"cli:{getpass.getuser()}",
            )
        except ValueError as e:
            print(f"{fout}: {e.args[0]}", file=sys.stderr)
            return 2
        geldig_tot = selectors.tijdelijk_geldig_tot(lid.gebruiker_id)
        assert geldig_tot is not None  # just given
        if args.format == "json":
            uit = _gebruiker_rij(lid) | {
                "tijdelijk_wachtwoord": wachtwoord,
                "geldig_tot": geldig_tot.isoformat(),
            }
            print(json.dumps(uit, ensure_ascii=False))
        else:
            print(wachtwoord)
            print(
                f"{lid.gebruiker} ({lid.get_rol_display()}, {organisatie}): tijdelijk wachtwoord, "
                f"geldig tot {timezone.localtime(geldig_tot):%d-%m-%Y %H:%M}, alleen om een "
                "eigen wachtwoord te kiezen. Geef het persoonlijk door.",
                file=sys.stderr,
            )
        return 0
    rijen = [_gebruiker_rij(lid) for lid in selectors.leden(organisatie.pk)]
    if args.format == "json":
        print(json.dumps(rijen, ensure_ascii=False, indent=2))
        return 0
    print(f"{'Gebruiker':<20} {'Rol':<16} {'Actief':<7} {'2e factor':<10} Laatst ingelogd")
    for r in rijen:
        laatst = r["laatst_ingelogd"][:16].replace("T", " ") if r["laatst_ingelogd"] else "nooit"
        print(
            f"{r['gebruiker'][:20]:<20} {r['rol']:<16} {'ja' if r['actief'] else 'nee':<7} "
            f"{'aan' if r['tweede_factor'] else 'uit':<10} {laatst}"
        )
    return 0


def registreer(sub: Any) -> None:
    s = sub.add_parser(
        "sleutel",
        help="API-sleutels voor koppelingen met een zaaksysteem",
        description=(
            "Een koppeling gebruikt de API met een eigen sleutel (Authorization: Bearer kz_…) "
            "in plaats van het wachtwoord van een mens. De sleutel handelt als de gebruiker "
            "die hij krijgt: hij ziet en mag wat die ziet en mag, en elke inzage wordt onder die "
            "gebruiker gelogd. Alleen een hash wordt bewaard; intrekken werkt meteen."
        ),
    )
    s.add_argument("actie", choices=["lijst", "aanmaken", "intrekken"], nargs="?", default="lijst")
    s.add_argument("--gebruiker", help="aanmaken: de gebruiker als wie de koppeling werkt")
    s.add_argument("--naam", help="aanmaken: welke koppeling, bijv. 'Zaaksysteem'")
    s.add_argument("--dagen", type=int, default=365, help="aanmaken: geldig zo veel dagen (365)")
    s.add_argument("--prefix", help="intrekken: het begin van de sleutel, kz_ en 8 tekens")
    s.add_argument("--format", choices=["table", "json"], default="table")
    s.set_defaults(func=cmd_sleutel)

    g = sub.add_parser(
        "gebruiker",
        help="de gebruikers van een organisatie",
        description=(
            "De gebruikers van een organisatie met hun rol, en een nieuwe gebruiker met een "
            "tijdelijk wachtwoord (7 dagen geldig, alleen om een eigen wachtwoord te kiezen): "
            "bijvoorbeeld de eerste functioneel beheerder van een nieuwe GI, die de rest zelf "
            "onder Gebruikers doet."
        ),
    )
    g.add_argument("actie", choices=["lijst", "aanmaken"], nargs="?", default="lijst")
    g.add_argument("--organisatie", required=True, help="de naam van de organisatie")
    g.add_argument("--gebruikersnaam", help="aanmaken: de inlognaam")
    g.add_argument(
        "--rol",
        choices=rollen.ALLE,
        help="aanmaken: de rol (beheerder: functioneel beheerder)",
    )
    g.add_argument("--voornaam", default="", help="aanmaken")
    g.add_argument("--achternaam", default="", help="aanmaken")
    g.add_argument("--format", choices=["table", "json"], default="table")
    g.set_defaults(func=cmd_gebruiker)
