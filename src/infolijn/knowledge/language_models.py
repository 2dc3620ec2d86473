"""Editor-managed word lists for the plain-language check: glossary and officialese entries.

Both are versioned (Wagtail revisions: history, compare, revert) because a change alters how
every script is judged.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import RevisionMixin


class GlossaryTerm(RevisionMixin, models.Model):
    """A domain term editors allow (Groeipakket, EPC) with its plain explanation."""

    term = models.CharField(_("term"), max_length=100, unique=True)
    explanation = models.TextField(_("uitleg in gewone taal"), max_length=500)
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="glossaryterm")

    class Meta:
        ordering = ["term"]
        verbose_name = _("woord in de woordenlijst")
        verbose_name_plural = _("woordenlijst")

    def __str__(self) -> str:
        return self.term

    @property
    def revisions(self):
        return self._revisions


class OfficialeseEntry(RevisionMixin, models.Model):
    """An addition to (or removal from) the built-in list of officialese (ambtelijke taal)."""

    class Action(models.TextChoices):
        ADD = "add", _("markeren als ambtelijk")
        REMOVE = "remove", _("niet (meer) markeren")

    phrase = models.CharField(_("woord of uitdrukking"), max_length=100, unique=True)
    suggestions = models.CharField(
        _("eenvoudiger alternatieven"),
        max_length=300,
        blank=True,
        help_text=_("Gescheiden door een verticale streep, bv. als | wanneer"),
    )
    action = models.CharField(
        _("wat doen"), max_length=10, choices=Action.choices, default=Action.ADD
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="officialeseentry")

    class Meta:
        ordering = ["phrase"]
        verbose_name = _("ambtelijke uitdrukking")
        verbose_name_plural = _("ambtelijke taal")

    def __str__(self) -> str:
        return self.phrase

    @property
    def revisions(self):
        return self._revisions

    def suggestion_list(self) -> list[str]:
        return [s.strip() for s in self.suggestions.split("|") if s.strip()]
