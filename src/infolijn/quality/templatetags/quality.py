"""Number formats of the quality screens (Dutch: decimal comma, '–' for no value)."""

from django import template

register = template.Library()

NONE = "–"


@register.filter
def pct(value: float | str | None, decimals: int = 1) -> str:
    """0.8234 → '82,3 %'."""
    if value is None or value == "":
        return NONE
    return f"{100 * float(value):.{decimals}f} %".replace(".", ",")


@register.filter
def score(value: float | str | None) -> str:
    """A percentage already on 0..100: 82.5 → '82,5 %'."""
    if value is None or value == "":
        return NONE
    return f"{float(value):.1f} %".replace(".", ",")


@register.filter
def seconds(value: float | str | None) -> str:
    if value is None or value == "":
        return NONE
    return f"{float(value):.0f} s"


@register.filter
def alpha(value: float | str | None) -> str:
    if value is None or value == "":
        return NONE
    return f"{float(value):.3f}".replace(".", ",")


@register.filter
def get(mapping: dict, key: object) -> object:
    return mapping.get(str(key), {}) if mapping else {}
