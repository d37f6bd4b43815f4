"""``ketenzicht sleutel``: API keys for case systems' links. Thin: parse, call, print. Its
``--format json`` output is a public contract; extend, don't rename."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import TYPE_CHECKING, Any

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
