from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from infolijn.knowledge.models import ScriptPage, ThemePage


def most_read_scripts(*, limit: int, days: int = 30) -> list[ScriptPage]:
    """The public scripts read most in the last ``days`` days (from the visit counts)."""
    from infolijn.website.queries import views_per_page

    views = views_per_page(days=days)
    scripts = ScriptPage.objects.public(timezone.now()).filter(pk__in=views)
    return sorted(scripts, key=lambda s: (-views[s.pk], s.title))[:limit]


class HomePage(Page):
    """The citizen's front door: themes, and how to reach the line."""

    intro = models.TextField(_("inleiding"), blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=40, default="1700")
    opening_hours_text = models.CharField(
        _("bereikbaarheid"), max_length=200, default="Elke werkdag van 9 tot 19 uur, gratis."
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["knowledge.ThemeIndexPage", "knowledge.KnowledgeBasePage"]
    max_count = 1
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("phone"),
        FieldPanel("opening_hours_text"),
    ]

    class Meta:
        verbose_name = _("startpagina")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["themes"] = ThemePage.objects.live().public().order_by("title")
        context["recent_scripts"] = ScriptPage.objects.public(timezone.now()).order_by(
            "-last_published_at"
        )[:6]
        context["most_read"] = most_read_scripts(limit=6)
        return context


class PageFeedback(models.Model):
    """ "Was deze informatie nuttig?": a yes or no with an optional comment, no personal data."""

    script_id = models.CharField(max_length=120, db_index=True)
    useful = models.BooleanField(_("nuttig"))
    comment = models.CharField(_("opmerking"), max_length=1000, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("feedback op een pagina")
        verbose_name_plural = _("feedback op pagina's")

    def __str__(self) -> str:
        return f"{self.script_id}: {'ja' if self.useful else 'nee'}"


class PageViewDay(models.Model):
    """Views of one public page on one local day: a counter, no cookies, no addresses."""

    day = models.DateField()
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    views = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-day"]
        constraints = [models.UniqueConstraint(fields=["day", "page"], name="page_view_day_once")]

    def __str__(self) -> str:
        return f"{self.page_id} {self.day}: {self.views}"


class ContactFormMessage(models.Model):
    """A citizen's question from the contact form, stored before anything else happens.

    It holds personal data (name, e-mail address, the question): kept only as long as
    ``RETENTION_DAYS`` after which the personal fields are erased (``infolijn periodic``).
    """

    RETENTION_DAYS = 730

    received_at = models.DateTimeField(default=timezone.now, db_index=True)
    partner = models.ForeignKey(
        "partners.Partner", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    name = models.CharField(_("naam"), max_length=200)
    email = models.EmailField(_("e-mailadres"))
    question = models.TextField(_("vraag"), max_length=5000)
    contact = models.OneToOneField(
        "contacts.Contact",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="web_form",
    )
    erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("bericht via het contactformulier")
        verbose_name_plural = _("berichten via het contactformulier")

    def __str__(self) -> str:
        return f"{self.reference} ({self.received_at:%d-%m-%Y})"

    @property
    def reference(self) -> str:
        return f"IL-{self.contact_id}" if self.contact_id else f"WF-{self.pk}"
