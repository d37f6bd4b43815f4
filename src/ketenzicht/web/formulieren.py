"""A form's refusal as one message line, and a whole number read from a form or query, for the
pages that read a form and call a service."""

from __future__ import annotations

from django import forms

from ketenzicht.kinderen.services import Weigering


def fouten(formulier: forms.Form) -> str:
    """A form's errors in one line for a message: 'Start: Voer een geldige datum in.'."""
    return "; ".join(
        f"{formulier.fields[veld].label or veld}: {' '.join(str(f) for f in fouten)}"
        for veld, fouten in formulier.errors.items()
    )


def melding(formulier: forms.Form, fout: Weigering) -> str:
    """A refusal as a message, after the label of the field it names: 'Start: …'."""
    veld = formulier.fields.get(fout.veld or "")
    return f"{veld.label}: {fout}" if veld is not None and veld.label else str(fout)


def geheel_getal(tekst: str | None) -> int | None:
    """``tekst`` as a whole number; ``None`` when it is empty or no number."""
    try:
        return int(tekst) if tekst not in (None, "") else None
    except ValueError:
        return None
