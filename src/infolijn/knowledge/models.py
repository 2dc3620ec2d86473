import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page, PageManager
from wagtail.models.pages import PageQuerySet
from wagtail.search import index

from infolijn.knowledge.forms import ScriptPageForm
from infolijn.knowledge.markdown import Section, render_markdown, split_sections
from infolijn.knowledge.panels import BodyWithPlainLanguagePanel
from infolijn.partners.models import Partner


class Audience(models.TextChoices):
    CITIZEN = "burger", _("burger")
    COMPANY = "onderneming", _("onderneming")
    ORGANISATION = "organisatie", _("organisatie")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("publiek en voorlichters")
    AGENTS_ONLY = "agents_only", _("alleen voorlichters")


script_id_validator = RegexValidator(
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
    _("Gebruik alleen kleine letters, cijfers en koppeltekens (bv. groeipakket-startbedrag)."),
)


class ThemeIndexPage(Page):
    """Container for the theme pages (the site's 'Thema's' section)."""

    parent_page_types = ["website.HomePage"]
    subpage_types = ["knowledge.ThemePage"]
    max_count = 1

    class Meta:
        verbose_name = _("overzicht thema's")

    intro = _("Alle informatie van de Vlaamse overheid, geordend per thema.")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["themes"] = ThemePage.objects.child_of(self).live().public().order_by("title")
        return context


class ThemePage(Page):
    """A theme from the citizen's point of view (Gezin en kinderen, Wonen ...)."""

    intro = models.TextField(_("inleiding"), blank=True)

    parent_page_types = ["knowledge.ThemeIndexPage"]
    subpage_types: list[str] = []
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")

    def public_scripts(self) -> "ScriptPageQuerySet":
        return ScriptPage.objects.public(timezone.now()).filter(theme_links__theme=self).distinct()

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["scripts"] = self.public_scripts().order_by("title")
        return context


class KnowledgeBasePage(Page):
    """Parent of all information scripts; its slug is the scripts' URL prefix."""

    parent_page_types = ["website.HomePage"]
    subpage_types = ["knowledge.ScriptPage"]
    max_count = 1

    class Meta:
        verbose_name = _("kennisbank")

    def serve(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        raise Http404

    def get_sitemap_urls(self, request: HttpRequest | None = None) -> list[dict]:
        return []


class ScriptPageQuerySet(PageQuerySet):
    def for_agents(self) -> "ScriptPageQuerySet":
        """Published scripts agents may use on a call (agent-only and not yet public included)."""
        return self.live()

    def public(self, now: dt.datetime) -> "ScriptPageQuerySet":
        return self.live().filter(
            Q(public_from__isnull=True) | Q(public_from__lte=now),
            visibility=Visibility.PUBLIC,
        )

    def of_partner(self, partner: Partner) -> "ScriptPageQuerySet":
        return self.filter(partner=partner)

    def review_due(self, on: dt.date) -> "ScriptPageQuerySet":
        return self.live().filter(review_by__isnull=False, review_by__lte=on)


ScriptPageManager = PageManager.from_queryset(ScriptPageQuerySet)


class ScriptPage(Page):
    """An information script: one plain-language answer, for citizens and agents."""

    script_id = models.SlugField(
        _("script-id"),
        max_length=120,
        unique=True,
        validators=[script_id_validator],
        help_text=_(
            "Vaste sleutel van het script; verandert nooit, ook niet als het webadres verandert."
        ),
    )
    summary = models.TextField(_("samenvatting"), max_length=1000)
    body = models.TextField(
        _("inhoud"),
        help_text=_(
            "Markdown: ## voor tussentitels, - voor opsommingen, 1. voor stappen, [tekst](link)."
        ),
    )
    partner = models.ForeignKey(
        Partner, on_delete=models.PROTECT, related_name="scripts", verbose_name=_("partner")
    )
    audience = models.JSONField(_("doelgroep"), default=list, blank=True)
    keywords = models.JSONField(_("trefwoorden"), default=list, blank=True)
    agent_notes = models.TextField(
        _("nota voor voorlichters"),
        blank=True,
        help_text=_("Intern: alleen voor voorlichters en redacteurs, nooit op de website."),
    )
    review_by = models.DateField(_("nakijken tegen"), null=True, blank=True)
    valid_until = models.DateField(_("geldig tot en met"), null=True, blank=True)
    visibility = models.CharField(
        _("zichtbaarheid"), max_length=20, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    plain_language_reason = models.TextField(
        _("waarom moeilijker dan B1?"),
        blank=True,
        help_text=_("Alleen nodig als de klaretaalcheck een niveau boven B1 geeft."),
    )
    public_from = models.DateTimeField(
        _("publiek vanaf"),
        null=True,
        blank=True,
        help_text=_(
            "Leeg: publiek zodra gepubliceerd. Tot dan zien alleen voorlichters het script."
        ),
    )

    objects = ScriptPageManager()

    base_form_class = ScriptPageForm
    parent_page_types = ["knowledge.KnowledgeBasePage"]
    subpage_types: list[str] = []

    content_panels = [
        FieldPanel("title"),
        FieldPanel("script_id"),
        FieldPanel("summary"),
        BodyWithPlainLanguagePanel("body"),
        FieldPanel("plain_language_reason"),
        MultiFieldPanel(
            [
                FieldPanel("partner"),
                InlinePanel("theme_links", label=_("thema's"), min_num=1),
                FieldPanel("audience"),
                FieldPanel("keywords"),
            ],
            heading=_("Indeling"),
        ),
        FieldPanel("agent_notes"),
    ]
    settings_panels = [
        MultiFieldPanel(
            [
                FieldPanel("visibility"),
                FieldPanel("public_from"),
                FieldPanel("review_by"),
                FieldPanel("valid_until"),
            ],
            heading=_("Zichtbaarheid en geldigheid"),
        ),
        *Page.settings_panels,
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("agent_notes"),
        index.FilterField("partner"),
        index.FilterField("visibility"),
    ]

    class Meta:
        verbose_name = _("informatiescript")
        verbose_name_plural = _("informatiescripts")
        constraints = [
            models.CheckConstraint(
                condition=Q(visibility__in=[v.value for v in Visibility]),
                name="script_visibility_valid",
            ),
        ]

    def clean(self) -> None:
        super().clean()
        unknown = [value for value in self.audience if value not in Audience.values]
        if unknown:
            raise ValidationError(
                {"audience": _("Onbekende doelgroep: %s") % ", ".join(map(str, unknown))}
            )

    @cached_property
    def themes(self) -> list["ThemePage"]:
        return [link.theme for link in self.theme_links.all()]

    @property
    def primary_theme(self) -> "ThemePage | None":
        themes = self.themes
        return themes[0] if themes else None

    def is_public(self, now: dt.datetime) -> bool:
        return (
            self.live
            and self.visibility == Visibility.PUBLIC
            and (self.public_from is None or self.public_from <= now)
        )

    def related_scripts(self, limit: int = 5) -> list["ScriptPage"]:
        """Other public scripts that share a theme with this one (main theme first)."""
        themes = [link.theme_id for link in self.theme_links.all()]
        related = (
            ScriptPage.objects.public(timezone.now())
            .filter(theme_links__theme_id__in=themes)
            .exclude(pk=self.pk)
            .distinct()
            .order_by("title")
        )
        return list(related[:limit])

    def sections(self) -> list[Section]:
        return split_sections(self.body)

    def body_html(self) -> str:
        return render_markdown(self.body)

    def agent_notes_html(self) -> str:
        return render_markdown(self.agent_notes)

    def serve(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not self.is_public(timezone.now()):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request: HttpRequest | None = None) -> list[dict]:
        if not self.is_public(timezone.now()):
            return []
        return super().get_sitemap_urls(request)


class ScriptTheme(Orderable):
    """A script's themes, in order: the first is its main theme (breadcrumbs)."""

    script = ParentalKey(ScriptPage, on_delete=models.CASCADE, related_name="theme_links")
    theme = models.ForeignKey(
        ThemePage, on_delete=models.PROTECT, related_name="script_links", verbose_name=_("thema")
    )

    panels = [FieldPanel("theme")]

    class Meta(Orderable.Meta):
        verbose_name = _("thema")
        constraints = [
            models.UniqueConstraint(fields=["script", "theme"], name="script_theme_unique")
        ]


class ReviewReminder(models.Model):
    """One reminder per script and review-by date; its unique key makes the sweeper idempotent."""

    script = models.ForeignKey(
        ScriptPage, on_delete=models.CASCADE, related_name="review_reminders"
    )
    review_by = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["script", "review_by"], name="review_reminder_once"),
        ]

    def __str__(self) -> str:
        return f"{self.script_id} nakijken tegen {self.review_by:%d-%m-%Y}"


class ScriptWithdrawal(models.Model):
    """A script taken off the site and the desk, with why and where its address now leads."""

    script = models.ForeignKey(ScriptPage, on_delete=models.CASCADE, related_name="withdrawals")
    withdrawn_at = models.DateTimeField(default=timezone.now)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reason = models.TextField()
    replacement = models.ForeignKey(
        Page, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-withdrawn_at"]

    def __str__(self) -> str:
        return f"{self.script_id} ingetrokken op {self.withdrawn_at:%d-%m-%Y}"


from infolijn.knowledge.language_models import GlossaryTerm, OfficialeseEntry  # noqa: E402
from infolijn.knowledge.workflows import EditorialReviewTask, PartnerApprovalTask  # noqa: E402

__all__ = [
    "EditorialReviewTask",
    "GlossaryTerm",
    "KnowledgeBasePage",
    "OfficialeseEntry",
    "PartnerApprovalTask",
    "ReviewReminder",
    "ScriptPage",
    "ScriptTheme",
    "ScriptWithdrawal",
    "ThemeIndexPage",
    "ThemePage",
]
