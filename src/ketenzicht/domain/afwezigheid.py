"""A caseworker joining, falling ill, getting better and leaving, as the planner registers it.

What it does to the children follows from ``wachtlijst.effectieve_toewijzing``: sickness that
lasts the GI's ``ziekte_drempel_dagen`` ends the vaste relation on the day it reaches that
threshold, and leaving ends it on the leaving date; from then on the children are on the
internal waitlist. Registering either is all the planner has to do. These rules decide which
registrations make sense; each refusal says what is wrong, with the dates in Dutch form.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from ketenzicht.domain.perioden import Periode


class AfwezigheidOngeldig(ValueError):
    """A registration that cannot be right; the message says why, ``veld`` what it concerns."""

    def __init__(self, melding: str, veld: str = "datum") -> None:
        super().__init__(melding)
        self.veld = veld


def _d(dag: date) -> str:
    return f"{dag:%d-%m-%Y}"


def relatie_eindigt_op(ziek_van: date, drempel_dagen: int) -> date:
    """The day sickness begun on ``ziek_van`` ends the vaste relation, if it lasts that long."""
    return ziek_van + timedelta(days=drempel_dagen)


def controleer_ziekmelding(van: date, dienstverband: Periode, ziekten: Iterable[Periode]) -> None:
    """Sick from ``van``: within the employment, and not while already sick (a sickness still
    running, or one that ended after ``van``)."""
    if van < dienstverband.van:
        raise AfwezigheidOngeldig(f"In dienst sinds {_d(dienstverband.van)}; ziek kan niet eerder.")
    if dienstverband.tot is not None and van >= dienstverband.tot:
        raise AfwezigheidOngeldig(f"Uit dienst per {_d(dienstverband.tot)}; ziek kan niet daarna.")
    for z in ziekten:
        if z.leeg:  # withdrawn as registered by mistake (planning.intrekking)
            continue
        if z.tot is None:
            raise AfwezigheidOngeldig(f"Al ziek sinds {_d(z.van)}; meld eerst beter.")
        if z.van <= van < z.tot or van < z.van:
            raise AfwezigheidOngeldig(
                f"Overlapt de ziekte van {_d(z.van)} tot {_d(z.tot)}; kies een dag daarna."
            )


def controleer_betermelding(per: date, ziekten: Iterable[Periode]) -> Periode:
    """Better from ``per`` (the first day at work again): the running sickness it ends, which
    must have begun before ``per``."""
    lopend = [z for z in ziekten if z.tot is None]
    if not lopend:
        raise AfwezigheidOngeldig("Niet ziek gemeld; beter melden kan niet.")
    ziekte = lopend[0]
    if per <= ziekte.van:
        raise AfwezigheidOngeldig(
            f"Ziek sinds {_d(ziekte.van)}; beter per kan pas de dag daarna of later."
        )
    return ziekte


def controleer_vertrek(
    per: date, dienstverband: Periode, vandaag: date, *, verleden: bool = False
) -> None:
    """Leaving from ``per`` (the first day no longer employed): once, after the first day of
    employment, and not before today — a past leaving date changes monitor figures already
    published, so only the functioneel beheerder registers one (``verleden``)."""
    if dienstverband.tot is not None:
        raise AfwezigheidOngeldig(f"Al uit dienst per {_d(dienstverband.tot)}.")
    if per <= dienstverband.van:
        raise AfwezigheidOngeldig(
            f"In dienst sinds {_d(dienstverband.van)}; uit dienst per kan pas daarna."
        )
    if per < vandaag and not verleden:
        raise AfwezigheidOngeldig(
            f"Uit dienst per {_d(per)} ligt in het verleden; dat registreert de functioneel "
            "beheerder, omdat het cijfers van de monitor verandert."
        )


def controleer_intrekking_ziekte(ziekten: Iterable[Periode], reden: str) -> Periode:
    """Withdrawing a sickness registered by mistake (the wrong colleague, or not ill after all):
    the running one, with the reason it was wrong. One that ended with a recovery happened.

    A withdrawn sickness stays, as the empty period ``[van, van)`` (``Periode.leeg``): no day
    is in it, so every current figure reads it as never having been, and a figure "as known
    at" a moment before the withdrawal still sees it running (its end, registered at the
    withdrawal, was not known then). A real recovery is at least a day after ``van``."""
    _controleer_reden(reden)
    return _lopende_ziekte(ziekten)


def _lopende_ziekte(ziekten: Iterable[Periode]) -> Periode:
    lopend = [z for z in ziekten if z.tot is None]
    if not lopend:
        raise AfwezigheidOngeldig("Niet ziek gemeld; er is geen ziekmelding in te trekken.", "wat")
    return lopend[0]


def controleer_intrekking_betermelding(
    ziekten: Iterable[Periode], per: date | None, drempel_dagen: int, reden: str
) -> Periode:
    """Withdrawing a recovery registered by mistake (the wrong colleague, or the wrong date):
    that of the latest sickness, which has ended; ``per`` is the right first day at work again,
    or ``None`` when still ill. Returns the sickness as registered.

    A recovery after the sickness reached the GI's threshold registered the end of the vaste
    relations on the threshold day (the children went to the internal waitlist); a right date
    on or before that day would undo those ends, which the planner does by assigning the
    children again, so that is refused with what to do instead."""
    _controleer_reden(reden)
    ziekte = _laatste_betermelding(ziekten)
    if per is None:
        return ziekte
    if per <= ziekte.van:
        raise AfwezigheidOngeldig(
            f"Ziek sinds {_d(ziekte.van)}; beter per kan pas de dag daarna of later.", "per"
        )
    if per == ziekte.tot:
        raise AfwezigheidOngeldig(f"Beter per {_d(per)} staat er al.", "per")
    eindigt = relatie_eindigt_op(ziekte.van, drempel_dagen)
    assert ziekte.tot is not None  # _laatste_betermelding
    if ziekte.tot > eindigt >= per:
        raise AfwezigheidOngeldig(
            f"Met beter per {_d(ziekte.tot)} gingen de kinderen op {_d(eindigt)} naar de interne "
            f"wachtlijst (ziek langer dan {drempel_dagen} dagen); beter per {_d(per)} zou dat "
            "ongedaan maken. Wijs de kinderen opnieuw toe, eventueel aan dezelfde collega.",
            "per",
        )
    return ziekte


def _laatste_betermelding(ziekten: Iterable[Periode]) -> Periode:
    laatste = laatste_ziekte(ziekten)
    if laatste is None or laatste.tot is None:
        raise AfwezigheidOngeldig(
            "Geen betermelding om in te trekken: "
            + ("nog ziek." if laatste else "nooit ziek gemeld."),
            "wat",
        )
    return laatste


def laatste_ziekte(ziekten: Iterable[Periode]) -> Periode | None:
    """The latest sickness, leaving out those withdrawn (``Periode.leeg``); none if none."""
    return max((z for z in ziekten if not z.leeg), key=lambda z: z.van, default=None)


def relaties_eindigen_bij(
    ziek_van: date, was: date | None, per: date | None, drempel_dagen: int
) -> date | None:
    """The day whose end of the vaste relations a recovery from ``per`` registers now: the
    threshold day, when ``per`` lies after it and the recovery it replaces (``was``; ``None``:
    the sickness was running) did not — a recovery after it registered those ends already.
    ``None``: nothing to register (still ill, or better before the threshold)."""
    eindigt = relatie_eindigt_op(ziek_van, drempel_dagen)
    if per is None or per <= eindigt or (was is not None and was > eindigt):
        return None
    return eindigt


def controleer_intrekking_vertrek(dienstverband: Periode, vandaag: date, reden: str) -> date:
    """Withdrawing a leaving date (a resignation taken back, or registered for the wrong
    colleague): only before it takes effect, as a leaving date in the past would be; returns it."""
    _controleer_reden(reden)
    return _vertrek_voor_ingang(dienstverband, vandaag)


def _vertrek_voor_ingang(dienstverband: Periode, vandaag: date) -> date:
    per = dienstverband.tot
    if dienstverband.leeg:
        raise AfwezigheidOngeldig(
            "De indiensttreding is ingetrokken; er is geen vertrek in te trekken.", "wat"
        )
    if per is None:
        raise AfwezigheidOngeldig(
            "Geen datum uit dienst geregistreerd; er is niets in te trekken.", "wat"
        )
    if per <= vandaag:
        raise AfwezigheidOngeldig(
            f"Uit dienst sinds {_d(per)}; dat intrekken verandert cijfers van de monitor en doet "
            "de functioneel beheerder.",
            "wat",
        )
    return per


def controleer_intrekking_indiensttreding(
    dienstverband: Periode, vandaag: date, reden: str
) -> date:
    """Withdrawing a colleague's joining (the candidate withdrew, or registered twice): only
    before their first day, when no figure has counted them yet; returns that day. The
    employment is then kept as the empty period ``[van, van)``: never in service."""
    _controleer_reden(reden)
    return _nog_niet_in_dienst(dienstverband, vandaag)


def _nog_niet_in_dienst(dienstverband: Periode, vandaag: date) -> date:
    if dienstverband.van <= vandaag:
        raise AfwezigheidOngeldig(
            f"In dienst sinds {_d(dienstverband.van)}; meld uit dienst in plaats van intrekken.",
            "wat",
        )
    if dienstverband.tot is not None:
        raise AfwezigheidOngeldig(
            f"Er staat al een datum uit dienst ({_d(dienstverband.tot)}); trek die eerst in.",
            "wat",
        )
    return dienstverband.van


def intrekbaar(ziekten: Iterable[Periode], dienstverband: Periode, vandaag: date) -> set[str]:
    """Which registrations of a caseworker can be withdrawn today: ``"ziek"``, ``"beter"``,
    ``"uit_dienst"``, ``"in_dienst"`` — the rules above, before a reason (or a right date) is
    asked (what a page offers)."""
    ziekten = list(ziekten)
    regels = (
        ("ziek", lambda: _lopende_ziekte(ziekten)),
        ("beter", lambda: _laatste_betermelding(ziekten)),
        ("uit_dienst", lambda: _vertrek_voor_ingang(dienstverband, vandaag)),
        ("in_dienst", lambda: _nog_niet_in_dienst(dienstverband, vandaag)),
    )
    uit = set()
    for wat, regel in regels:
        try:
            regel()
        except AfwezigheidOngeldig:
            continue
        uit.add(wat)
    return uit


def _controleer_reden(reden: str) -> None:
    if not reden.strip():
        raise AfwezigheidOngeldig("Geef aan waarom de melding niet klopte.", "reden")


MEESTE_FTE = 1.2  # a contract of at most 1.2 fte (as Medewerker allows)
MEESTE_INWERKWEKEN = 52
VOORUIT = timedelta(days=366)  # a start date at most a year ahead


def controleer_indiensttreding(
    per: date, fte: float, inwerkweken: int, vandaag: date, *, verleden: bool = False
) -> None:
    """Joining from ``per`` with ``fte``, onboarding for ``inwerkweken`` weeks (zij-instroom;
    0: none): not before today — like leaving, a past date changes published monitor figures and
    is for the functioneel beheerder (``verleden``) — and at most a year ahead."""
    if not 0 < fte <= MEESTE_FTE:
        raise AfwezigheidOngeldig(f"Fte moet groter dan 0 en hooguit {MEESTE_FTE:g} zijn.", "fte")
    if not 0 <= inwerkweken <= MEESTE_INWERKWEKEN:
        raise AfwezigheidOngeldig(
            f"Inwerken duurt 0 tot {MEESTE_INWERKWEKEN} weken.", "inwerkweken"
        )
    if per < vandaag and not verleden:
        raise AfwezigheidOngeldig(
            f"In dienst per {_d(per)} ligt in het verleden; dat registreert de functioneel "
            "beheerder, omdat het cijfers van de monitor verandert."
        )
    if per > vandaag + VOORUIT:
        raise AfwezigheidOngeldig(f"In dienst per {_d(per)} ligt meer dan een jaar vooruit.")


def inwerken_tot(per: date, inwerkweken: int) -> date | None:
    """The first day a newcomer counts in full (None: no onboarding)."""
    return per + timedelta(weeks=inwerkweken) if inwerkweken else None
