"""Number formats for planning screens (Belgian Dutch: decimal comma)."""

from django import template

register = template.Library()


@register.filter
def pct(value: float | None, digits: int = 1) -> str:
    """A fraction as a percentage, ``0.0525`` → ``5,3 %``; a dash without a value."""
    if value is None:
        return "–"
    return f"{value * 100:.{digits}f} %".replace(".", ",")


@register.filter
def num(value: float | None, digits: int = 1) -> str:
    if value is None:
        return "–"
    return f"{value:,.{digits}f}".replace(",", " ").replace(".", ",")


@register.filter
def clock(minute: int | None) -> str:
    """Minutes after local midnight as ``HH:MM``."""
    if minute is None:
        return ""
    return f"{minute // 60:02d}:{minute % 60:02d}"
