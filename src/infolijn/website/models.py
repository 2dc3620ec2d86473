from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
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

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["knowledge.ThemeIndexPage", "knowledge.KnowledgeBasePage"]
    max_count = 1
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("phone"),
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


class Publication(models.Model):
    """A partner's brochure that citizens can order on paper, with the stock on hand."""

    partner = models.ForeignKey(
        "partners.Partner",
        on_delete=models.PROTECT,
        related_name="publications",
        verbose_name=_("partner"),
    )
    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("adres (slug)"), max_length=120, unique=True)
    summary = models.TextField(_("korte beschrijving"), max_length=600)
    stock = models.PositiveIntegerField(_("voorraad (exemplaren)"), default=0)
    max_per_order = models.PositiveSmallIntegerField(
        _("hoogstens per bestelling"), default=5, validators=[MinValueValidator(1)]
    )
    active = models.BooleanField(_("in de catalogus"), default=True)

    class Meta:
        ordering = ["partner__name", "title"]
        verbose_name = _("publicatie")
        verbose_name_plural = _("publicaties")
        constraints = [
            models.CheckConstraint(
                condition=Q(max_per_order__gte=1), name="publication_max_per_order_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def available(self) -> bool:
        return self.active and self.stock > 0

    @property
    def orderable_quantity(self) -> int:
        return min(self.stock, self.max_per_order)


class PublicationOrder(models.Model):
    """A citizen's order for copies of one publication, sent out by the contact center.

    The copies are reserved from the stock when the order is placed; cancelling gives them
    back. Name and address are personal data, erased ``RETENTION_DAYS`` after the order.
    """

    RETENTION_DAYS = 180

    class Status(models.TextChoices):
        NEW = "new", _("te versturen")
        SENT = "sent", _("verstuurd")
        CANCELLED = "cancelled", _("geannuleerd")

    publication = models.ForeignKey(
        Publication, on_delete=models.PROTECT, related_name="orders", verbose_name=_("publicatie")
    )
    quantity = models.PositiveSmallIntegerField(_("aantal"))
    name = models.CharField(_("naam"), max_length=200)
    street = models.CharField(_("straat en nummer"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=4)
    municipality = models.CharField(_("gemeente"), max_length=100)
    received_at = models.DateTimeField(_("besteld op"), default=timezone.now, db_index=True)
    due_at = models.DateTimeField(_("te versturen tegen"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True
    )
    handled_at = models.DateTimeField(_("behandeld op"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("behandeld door"),
    )
    erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["received_at", "id"]
        verbose_name = _("bestelling")
        verbose_name_plural = _("bestellingen")
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gte=1), name="order_quantity_positive"),
            models.CheckConstraint(
                condition=Q(status__in=["new", "sent", "cancelled"]), name="order_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.quantity} × {self.publication}"

    @property
    def reference(self) -> str:
        return f"BST-{self.pk:06d}"
