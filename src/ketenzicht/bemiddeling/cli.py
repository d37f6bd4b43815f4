"""``ketenzicht bemiddel``, ``ketenzicht capaciteit`` and ``ketenzicht ijw``. Thin: parse, call,
print.

Their ``--format json`` output and exit codes are a public contract; extend, don't rename.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ketenzicht.doorbraak.cli import _datum


def _regio(naam: str) -> Any:
    from ketenzicht.organisaties.models import Organisatie

    regio = Organisatie.objects.filter(type="jeugdregio", naam=naam).first()
    if regio is None:
        namen = ", ".join(
            Organisatie.objects.filter(type="jeugdregio").values_list("naam", flat=True)
        )
        raise LookupError(f"onbekende jeugdregio {naam!r}. Bekend zijn: {namen}.")
    return regio


def _extra(tekst: str) -> tuple[int, int]:
    """``--extra AANBOD:AANTAL``: temporary places in an existing offer, free now."""
    try:
        aanbod_id, aantal = (int(x) for x in tekst.split(":"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"verwacht AANBOD:AANTAL, bv. 12:3, niet {tekst!r}"
        ) from None
    return aanbod_id, aantal


def cmd_bemiddel(args: argparse.Namespace) -> int:
    from django.utils import timezone

    from ketenzicht.audit.models import AuditRegel
    from ketenzicht.bemiddeling.voorstel import voorstel

    peildatum = args.peildatum or timezone.localdate()
    try:
        regio = _regio(args.regio)
        uitkomst = voorstel(
            gebruiker=None,
            regio=regio,
            peildatum=peildatum,
            kanaal=AuditRegel.Kanaal.CLI,
            extra=args.extra or (),
        )
    except LookupError as fout:
        print(f"ketenzicht bemiddel: {fout.args[0]}", file=sys.stderr)
        return 2
    v = uitkomst.met_extra or uitkomst.voorstel
    if args.format == "json":
        uit: dict[str, Any] = {
            "regio": regio.naam,
            "peildatum": peildatum.isoformat(),
            "voorstellen": [
                {
                    "hulpvraag": m.vraag,
                    "plek": m.aanbod,
                    "vrij_vanaf": m.vrij_vanaf.isoformat(),
                    "score": m.score,
                    "redenen": list(m.redenen),
                }
                for m in v.matches
            ],
            "blijft_wachten": list(v.blijft_wachten),
            "doel": v.doel,
        }
        if args.extra:
            uit["extra_geholpen"] = list(uitkomst.extra_geholpen)
        print(json.dumps(uit, ensure_ascii=False, indent=2))
        return 0
    namen = {a.aanbod: f"{a.naam} ({a.aanbieder})" for a in uitkomst.tafel.aanbod}
    print(f"Voorstel zorgbemiddeling {regio.naam}, {peildatum:%d-%m-%Y}")
    for m in v.matches:
        print(f"  hulpvraag {m.vraag:>6} → {namen[m.aanbod]}: {'; '.join(m.redenen)}")
    print(f"{len(v.matches)} gematcht, {len(v.blijft_wachten)} blijven wachten.")
    if args.extra:
        print(
            f"Met de extra plekken geholpen: {', '.join(map(str, uitkomst.extra_geholpen)) or '-'}"
        )
    return 0


def cmd_capaciteit(args: argparse.Namespace) -> int:
    """Read in a region's capacity list (``capaciteit_inlezen``): all rows or none."""
    from ketenzicht.bemiddeling.capaciteit_inlezen import LijstGeweigerd, capaciteitslijst_inlezen

    try:
        regio = _regio(args.regio)
        tekst = Path(args.bestand).read_text(encoding="utf-8")
        ingelezen = capaciteitslijst_inlezen(regio=regio, tekst=tekst)
    except LookupError as fout:
        print(f"ketenzicht capaciteit: {fout.args[0]}", file=sys.stderr)
        return 2
    except (OSError, UnicodeDecodeError) as fout:
        print(f"ketenzicht capaciteit: {args.bestand}: {fout}", file=sys.stderr)
        return 2
    except LijstGeweigerd as fout:
        for f in fout.fouten:
            print(f"ketenzicht capaciteit: {args.bestand} {f}", file=sys.stderr)
        print(f"Niets opgeslagen: {len(fout.fouten)} fout(en).", file=sys.stderr)
        return 2
    if args.format == "json":
        uit = {
            "regio": regio.naam,
            "opgeslagen": [
                {"aanbod": c.aanbod_id, "stand_op": c.geldig_van.isoformat()}
                for c in ingelezen.opgeslagen
            ],
            "ongewijzigd": ingelezen.ongewijzigd,
        }
        print(json.dumps(uit, ensure_ascii=False, indent=2))
    else:
        print(
            f"{len(ingelezen.opgeslagen)} meldingen van capaciteit opgeslagen voor {regio.naam}, "
            f"{ingelezen.ongewijzigd} ongewijzigd."
        )
    return 0


def cmd_ijw_lees(args: argparse.Namespace) -> int:
    from ketenzicht.bemiddeling.berichten import BerichtGeweigerd, bericht_verwerken
    from ketenzicht.ijw.lezen import OngeldigBericht
    from ketenzicht.kinderen.services import Weigering

    status = 0
    for naam in args.bestanden:
        pad = Path(naam)
        try:
            verwerkt = bericht_verwerken(inhoud=pad.read_bytes(), door=None)
        except FileNotFoundError:
            print(f"{naam}: geweigerd\n  bestand niet gevonden")
            status = 1
        except OngeldigBericht as fout:
            print(f"{naam}: geweigerd")
            for f in fout.fouten:
                print(f"  {f}")
            status = 1
        except BerichtGeweigerd as fout:
            print(f"{naam}: geweigerd")
            for tekst in fout.fouten:
                print(f"  {tekst}")
            status = 1
        except Weigering as fout:
            print(f"{naam}: geweigerd\n  {fout}")
            status = 1
        else:
            print(f"{naam}: geaccepteerd ({verwerkt.soort} {verwerkt.identificatie})")
            for feit in verwerkt.feiten:
                print(f"  {feit}")
    return status


def cmd_ijw_schrijf(args: argparse.Namespace) -> int:
    from django.utils import timezone

    from ketenzicht.bemiddeling.berichten_uit import jw301_schrijven, jw315_schrijven
    from ketenzicht.bemiddeling.models import Hulpvraag
    from ketenzicht.kinderen.services import Weigering
    from ketenzicht.organisaties.models import Organisatie

    hulpvraag = (
        Hulpvraag.objects.select_related("kind__gemeente", "aangevraagd_door")
        .filter(referentie=args.hulpvraag)
        .first()
    )
    if hulpvraag is None:
        print(f"ketenzicht ijw schrijf: onbekende hulpvraag {args.hulpvraag!r}", file=sys.stderr)
        return 2
    try:
        if args.soort == "JW315":
            xml = jw315_schrijven(hulpvraag=hulpvraag, dagtekening=timezone.localdate(), door=None)
        else:
            aanbieder = (
                Organisatie.objects.filter(agb_code=args.aanbieder).first()
                if args.aanbieder
                else None
            )
            if aanbieder is None:
                print(
                    f"ketenzicht ijw schrijf: --aanbieder: onbekende AGB-code {args.aanbieder!r}",
                    file=sys.stderr,
                )
                return 2
            xml = jw301_schrijven(
                hulpvraag=hulpvraag,
                aanbieder=aanbieder,
                ingangsdatum=args.ingangsdatum or timezone.localdate(),
                einddatum=args.einddatum,
                moment=timezone.now(),
                door=None,
            )
    except Weigering as fout:
        print(f"ketenzicht ijw schrijf: {fout}", file=sys.stderr)
        return 2
    Path(args.uit).write_bytes(xml)
    print(f"{args.soort} geschreven naar {args.uit} (gevalideerd tegen {args.soort}.xsd)")
    return 0


def registreer(sub: Any) -> None:
    b = sub.add_parser("bemiddel", help="optimaal voorstel van de zorgbemiddelingstafel")
    b.add_argument("--regio", required=True, help="naam van de jeugdregio")
    b.add_argument("--peildatum", type=_datum, help="standaard vandaag")
    b.add_argument("--format", choices=["table", "json"], default="table")
    b.add_argument(
        "--extra",
        action="append",
        type=_extra,
        metavar="AANBOD:AANTAL",
        help="wat als: tijdelijk extra plekken bij een aanbod (herhaalbaar)",
    )
    b.set_defaults(func=cmd_bemiddel)

    c = sub.add_parser("capaciteit", help="capaciteitslijst van de aanbieders inlezen (CSV)")
    c.add_argument("--regio", required=True, help="naam van de jeugdregio")
    c.add_argument(
        "--bestand",
        required=True,
        help="CSV met aanbod;stand_op;plaatsen;bezet;gemeld_door[;komen_vrij;vrij_per;"
        "eigen_wachtlijst]",
    )
    c.add_argument("--format", choices=["table", "json"], default="table")
    c.set_defaults(func=cmd_capaciteit)

    i = sub.add_parser("ijw", help="iJw-berichten lezen en schrijven (JW315, JW301, ...)")
    isub = i.add_subparsers(dest="ijw_actie", required=True)
    lees = isub.add_parser("lees", help="lees JW315/JW301/JW319/JW305/JW307-bestanden")
    lees.add_argument("bestanden", nargs="+", metavar="FILE")
    lees.set_defaults(func=cmd_ijw_lees)
    s = isub.add_parser("schrijf", help="schrijf een JW315 (verzoek) of JW301 (toewijzing)")
    s.add_argument("--soort", choices=["JW315", "JW301"], required=True)
    s.add_argument("--hulpvraag", required=True, help="referentie van de hulpvraag")
    s.add_argument("--aanbieder", help="JW301: AGB-code van de aanbieder die de zorg levert")
    s.add_argument("--ingangsdatum", type=_datum, help="JW301: standaard vandaag")
    s.add_argument("--einddatum", type=_datum, help="JW301: optioneel")
    s.add_argument("--uit", required=True, help="het XML-bestand om te schrijven")
    s.set_defaults(func=cmd_ijw_schrijf)
