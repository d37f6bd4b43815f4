"""How long a login session has left: logged out after ``stil`` without a request, and after
``hoogstens`` since its login however busy — whichever comes first."""

from __future__ import annotations

from datetime import timedelta


def resterend(
    *, laatst_actief: float, ingelogd_op: float, nu: float, stil: timedelta, hoogstens: timedelta
) -> tuple[float, str]:
    """Seconds left (negative: past), and which end is nearer: ``stil`` or ``dag``."""
    tot_stil = stil.total_seconds() - (nu - laatst_actief)
    tot_dag = hoogstens.total_seconds() - (nu - ingelogd_op)
    return (tot_stil, "stil") if tot_stil <= tot_dag else (tot_dag, "dag")
