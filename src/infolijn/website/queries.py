"""Visit counts read across pages, scripts, themes and partners."""

import datetime as dt
from collections import Counter

from django.db.models import Sum
from django.utils import timezone

from infolijn.knowledge.models import ScriptPage, ScriptTheme
from infolijn.website.models import PageViewDay

VISIT_DAYS = 30


def views_per_page(*, days: int = VISIT_DAYS, page_ids: list[int] | None = None) -> dict[int, int]:
    since = timezone.localdate() - dt.timedelta(days=days - 1)
    rows = PageViewDay.objects.filter(day__gte=since)
    if page_ids is not None:
        rows = rows.filter(page_id__in=page_ids)
    return {
        row["page_id"]: row["total"] for row in rows.values("page_id").annotate(total=Sum("views"))
    }


def visit_totals(*, days: int = VISIT_DAYS) -> dict:
    """Views per script, and summed per theme and per partner, most viewed first."""
    per_page = views_per_page(days=days)
    scripts = list(ScriptPage.objects.filter(pk__in=per_page).select_related("partner"))
    by_partner: Counter[str] = Counter()
    for script in scripts:
        by_partner[script.partner.name] += per_page[script.pk]
    by_theme: Counter[str] = Counter()
    for link in ScriptTheme.objects.filter(script__in=scripts).select_related("theme"):
        by_theme[link.theme.title] += per_page[link.script_id]
    return {
        "days": days,
        "scripts": sorted(
            ((per_page[s.pk], s) for s in scripts), key=lambda row: (-row[0], row[1].title)
        ),
        "themes": by_theme.most_common(),
        "partners": by_partner.most_common(),
    }
