import datetime as dt

from django.db import models
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Synonym(models.Model):
    """A word citizens use and the term our scripts use for it, managed by editors."""

    term = models.CharField(_("wat mensen typen"), max_length=120)
    replacement = models.CharField(_("term in de scripts"), max_length=200)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["term"]
        verbose_name = _("synoniem")
        verbose_name_plural = _("synoniemen")
        constraints = [
            models.UniqueConstraint(fields=["term", "replacement"], name="synonym_unique_pair"),
        ]

    def __str__(self) -> str:
        return f"{self.term} → {self.replacement}"


class SearchScope(models.TextChoices):
    PUBLIC = "public", _("website")
    AGENT = "agent", _("voorlichters")


class SearchLogQuerySet(models.QuerySet["SearchLog"]):
    def between(self, start: dt.datetime, end: dt.datetime) -> "SearchLogQuerySet":
        return self.filter(created_at__gte=start, created_at__lt=end)

    def counted(self, limit: int = 20) -> list[dict]:
        """Queries with how often they were asked, most asked first."""
        return list(
            self.values("query").annotate(times=Count("pk")).order_by("-times", "query")[:limit]
        )

    def without_results(self) -> "SearchLogQuerySet":
        return self.filter(results=0)

    def without_click(self) -> "SearchLogQuerySet":
        return self.filter(results__gt=0, clicked_script_id="")


class SearchLog(models.Model):
    """One search, with personal data scrubbed from the query; kept for content analytics."""

    query = models.CharField(max_length=200)
    scope = models.CharField(max_length=10, choices=SearchScope.choices)
    results = models.PositiveIntegerField()
    clicked_script_id = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = SearchLogQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["scope", "created_at"])]

    def __str__(self) -> str:
        return f"{self.query} ({self.scope}, {self.results})"
