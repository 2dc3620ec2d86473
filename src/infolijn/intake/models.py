"""Intake dossiers: a partner's request, the work it creates, and the agents' training."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from infolijn.partners.models import Channel, Partner

#: Channels a dossier can use; the estimate counts contacts on one of the contact channels.
ESTIMATE_CHANNELS = [(c.value, c.label) for c in (Channel.PHONE, Channel.EMAIL, Channel.WEBFORM)]


class DossierKind(models.TextChoices):
    NEW_RULE = "new_rule", _("nieuwe regelgeving")
    CAMPAIGN = "campaign", _("campagne")
    MAILING = "mailing", _("mailing")
    DEADLINE = "deadline", _("deadline")
    OTHER = "other", _("ander")


class DossierStatus(models.TextChoices):
    DRAFT = "draft", _("ontwerp")
    SUBMITTED = "submitted", _("ingediend")
    MORE_INFO = "more_info_requested", _("meer info gevraagd")
    ACCEPTED = "accepted", _("aanvaard")
    LIVE = "live", _("live")
    DECLINED = "declined", _("geweigerd")


#: States in which the partner (or an editor for them) may still change the request.
EDITABLE_STATES = (DossierStatus.DRAFT, DossierStatus.MORE_INFO)


class SiteChannel(models.TextChoices):
    WEBSITE = "website", _("website")
    PHONE = "phone", _("telefoon 1700")
    EMAIL = "email", _("e-mail")


class EstimateUnit(models.TextChoices):
    WEEK = "week", _("per week")
    DAY = "day", _("per werkdag")


class DossierQuerySet(models.QuerySet["Dossier"]):
    def of_partner(self, partner: Partner) -> "DossierQuerySet":
        return self.filter(partner=partner)

    def in_progress(self) -> "DossierQuerySet":
        return self.filter(status=DossierStatus.ACCEPTED)


class Dossier(models.Model):
    """One request of a partner: what changes, when, what citizens will ask, how many."""

    reference = models.CharField(_("referentie"), max_length=20, unique=True, editable=False)
    partner = models.ForeignKey(
        Partner, on_delete=models.PROTECT, related_name="dossiers", verbose_name=_("partner")
    )
    title = models.CharField(_("titel"), max_length=200)
    kind = models.CharField(_("wat verandert er"), max_length=20, choices=DossierKind.choices)
    description = models.TextField(_("beschrijving"), max_length=10000)
    go_live = models.DateField(_("go-live"))
    channels = models.JSONField(_("kanalen"), default=list)
    estimate_number = models.PositiveIntegerField(_("verwachte extra contacten"), default=0)
    estimate_unit = models.CharField(
        _("per"), max_length=4, choices=EstimateUnit.choices, default=EstimateUnit.WEEK
    )
    estimate_channel = models.CharField(
        _("kanaal van de extra contacten"),
        max_length=10,
        choices=ESTIMATE_CHANNELS,
        default=Channel.PHONE,
    )
    estimate_days = models.PositiveSmallIntegerField(
        _("over hoeveel dagen"),
        default=28,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    contact_persons = models.TextField(_("contactpersonen"), max_length=2000, blank=True)
    second_line = models.TextField(_("tweede lijn"), max_length=2000, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=DossierStatus.choices, default=DossierStatus.DRAFT
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_dossiers",
        verbose_name=_("eigenaar bij de lijn"),
    )
    training_needed = models.BooleanField(_("opleiding nodig"), default=False)
    training_minutes = models.PositiveSmallIntegerField(
        _("duur van de opleiding (minuten)"),
        default=60,
        validators=[MinValueValidator(30), MaxValueValidator(480)],
    )
    event_reference = models.CharField(_("gebeurtenis in de prognose"), max_length=20, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    updated_at = models.DateTimeField(_("bijgewerkt op"), default=timezone.now)
    submitted_at = models.DateTimeField(_("ingediend op"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("aanvaard op"), null=True, blank=True)
    live_at = models.DateTimeField(_("live op"), null=True, blank=True)

    objects = DossierQuerySet.as_manager()

    class Meta:
        ordering = ["go_live", "reference"]
        verbose_name = _("intakedossier")
        verbose_name_plural = _("intakedossiers")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=DossierStatus.values), name="dossier_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=DossierKind.values), name="dossier_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(estimate_unit__in=EstimateUnit.values), name="dossier_unit_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status=DossierStatus.ACCEPTED) | Q(accepted_at__isnull=False),
                name="dossier_accepted_has_moment",
            ),
        ]
        indexes = [models.Index(fields=["status", "go_live"])]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def editable(self) -> bool:
        return self.status in EDITABLE_STATES

    def channel_labels(self) -> list[str]:
        labels = dict(SiteChannel.choices)
        return [str(labels.get(c, c)) for c in self.channels]


class DateKind(models.TextChoices):
    MAILING = "mailing", _("mailing")
    DEADLINE = "deadline", _("deadline")
    OTHER = "other", _("andere datum")


class DossierDate(models.Model):
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="dates")
    kind = models.CharField(_("soort"), max_length=10, choices=DateKind.choices)
    date = models.DateField(_("datum"))
    note = models.CharField(_("toelichting"), max_length=200, blank=True)

    class Meta:
        ordering = ["date", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=DateKind.values), name="dossier_date_kind")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date:%d-%m-%Y}"


class QuestionOrigin(models.TextChoices):
    INTAKE = "intake", _("intake")
    AFTERCARE = "aftercare", _("na go-live")


class DossierQuestion(models.Model):
    """A question citizens will ask; after acceptance, the script that answers it."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("vraag"), max_length=500)
    existing_script_id = models.CharField(
        _("bestaand script"),
        max_length=120,
        blank=True,
        help_text=_("Script-id als er al een script is dat herzien moet worden."),
    )
    origin = models.CharField(
        max_length=10, choices=QuestionOrigin.choices, default=QuestionOrigin.INTAKE
    )
    script_id = models.CharField(_("script"), max_length=120, blank=True)
    revision = models.BooleanField(_("herziening"), default=False)
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dossier_questions",
        verbose_name=_("redacteur"),
    )
    due_date = models.DateField(_("klaar tegen"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.text


class CommentAction(models.TextChoices):
    CREATED = "created", _("aangemaakt")
    EDITED = "edited", _("aangepast")
    SUBMITTED = "submitted", _("ingediend")
    MORE_INFO = "more_info", _("meer info gevraagd")
    ACCEPTED = "accepted", _("aanvaard")
    DECLINED = "declined", _("geweigerd")
    LIVE = "live", _("live gezet")
    REVISION = "revision", _("leidt tot herziening")


class DossierComment(models.Model):
    """A step in the dossier with who did it and why: the timeline the partner sees too."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(max_length=10, choices=CommentAction.choices)
    text = models.TextField(blank=True, max_length=4000)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.dossier_id} {self.action} {self.at:%d-%m-%Y}"


class GoLiveWarning(models.Model):
    """One warning to the owner per dossier per local day; the key makes the sweep idempotent."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="warnings")
    day = models.DateField()
    open_items = models.JSONField(default=list)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["dossier", "day"], name="go_live_warning_once")
        ]

    def __str__(self) -> str:
        return f"{self.dossier_id} {self.day}"


class TrainingSession(models.Model):
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="training_sessions")
    title = models.CharField(_("onderwerp"), max_length=200)
    date = models.DateField(_("datum"))
    start_time = models.TimeField(_("begin"))
    length_minutes = models.PositiveSmallIntegerField(
        _("duur (minuten)"), validators=[MinValueValidator(15), MaxValueValidator(480)]
    )
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("opleider"),
    )
    capacity = models.PositiveSmallIntegerField(
        _("plaatsen"), validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    location = models.CharField(_("plaats"), max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["date", "start_time", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=1), name="training_capacity_positive")
        ]

    def __str__(self) -> str:
        return f"{self.title} {self.date:%d-%m-%Y}"


class TrainingInvitation(models.Model):
    session = models.ForeignKey(
        TrainingSession, on_delete=models.CASCADE, related_name="invitations"
    )
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_invitations"
    )
    attended = models.BooleanField(_("aanwezig"), null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    registered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["agent__username"]
        constraints = [
            models.UniqueConstraint(fields=["session", "agent"], name="training_invitation_once")
        ]

    def __str__(self) -> str:
        return f"{self.agent_id} @ {self.session_id}"


class BriefingRead(models.Model):
    """Up to when an agent confirmed "Wat is nieuw": the watermark for their next briefing."""

    agent = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="briefing_read"
    )
    read_at = models.DateTimeField()

    class Meta:
        verbose_name = _("gelezen briefing")

    def __str__(self) -> str:
        return f"{self.agent_id} {self.read_at:%d-%m-%Y %H:%M}"
