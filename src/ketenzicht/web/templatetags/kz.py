"""Template filters of Ketenzicht's pages."""

from __future__ import annotations

from django import template
from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.filter
def verschil(waarde: float | int | None, decimalen: int = 0) -> str:
    """A change written the Dutch way, with its sign: ``+5``, ``−14,9``, ``0,0``; ``—`` when
    there is nothing to compare."""
    if waarde is None:
        return "—"
    afgerond = round(float(waarde), decimalen)
    tekst = number_format(abs(afgerond), decimal_pos=decimalen, force_grouping=True)
    if afgerond == 0:
        return tekst
    return ("+" if afgerond > 0 else "−") + tekst


@register.simple_tag(takes_context=True)
def huidig(context: template.Context, *namen: str) -> SafeString:
    """`` aria-current="page"`` on the menu's link when the page shown is one of ``namen``
    (URL names), so a screen reader and the eye both know where they are."""
    gevonden = getattr(context.get("request"), "resolver_match", None)
    return mark_safe(' aria-current="page"' if gevonden and gevonden.url_name in namen else "")
