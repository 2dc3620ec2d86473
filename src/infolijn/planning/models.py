"""Planning state: partner events, immutable forecast snapshots and staffing plans."""

import datetime as dt
import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from infolijn.calendar import local_moment
from infolijn.partners.models import Channel, Partner

SLOT_MINUTES = 30
MAX_HORIZON_DAYS = 92


class PublishedSnapshotError(Exception):
    """A published forecast snapshot (or one of its rows) was about to change."""


def new_event_reference() -> str:
    return "EV-" + secrets.token_hex(4).upper()


class EventKind(models.TextChoices):
    MAILING = "mailing", _("mailing")
    DEADLINE = "deadline", _("deadline")
    CAMPAIGN = "campaign", _("campagne")
    OTHER = "other", _("ander")


class Freq(models.TextChoices):
    DAY = "day", _("per dag")
    HALF_HOUR = "30min", _("per half uur")


class PartnerEvent(models.Model):
    """A partner's mailing, deadline or campaign with the extra contacts it expects."""

    reference = models.CharField(
        _("referentie"), max_length=20, unique=True, default=new_event_reference, editable=False
    )
    partner = models.ForeignKey(
        Partner, on_delete=models.PROTECT, related_name="planning_events", verbose_name=_("partner")
    )
    kind = models.CharField(_("soort"), max_length=10, choices=EventKind.choices)
    name = models.CharField(_("naam"), max_length=200)
    day = models.DateField(
        _("datum"), help_text=_("Verzenddatum (mailing), uiterste datum (deadline) of eerste dag.")
    )
    expected_extra = models.PositiveIntegerField(
        _("verwachte extra contacten"), validators=[MinValueValidator(1)]
    )
    channel = models.CharField(_("kanaal"), max_length=10, choices=Channel.choices)
    days = models.PositiveSmallIntegerField(
        _("aantal dagen"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("Over hoeveel dagen de extra contacten binnenkomen (standaard 7)."),
    )
    decay = models.DecimalField(
        _("afname per dag"),
        max_digits=3,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0.05), MaxValueValidator(1)],
        help_text=_("Verhouding tussen twee opeenvolgende dagen, bv. 0,60 (standaard)."),
    )
    dossier_ref = models.CharField(_("dossierreferentie"), max_length=100, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["-day", "id"]
        verbose_name = _("partnergebeurtenis")
        verbose_name_plural = _("partnergebeurtenissen")
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=EventKind.values), name="event_kind_valid"),
            models.CheckConstraint(
                condition=Q(channel__in=Channel.values), name="event_channel_valid"
            ),
            models.CheckConstraint(condition=Q(expected_extra__gte=1), name="event_extra_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.partner}, {self.day:%d-%m-%Y})"


class ForecastSnapshotQuerySet(models.QuerySet["ForecastSnapshot"]):
    def published(self) -> "ForecastSnapshotQuerySet":
        return self.filter(published=True)


class ForecastSnapshot(models.Model):
    """One forecast as it was made. Never changed once published: make a new one instead."""

    partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="forecast_snapshots",
        verbose_name=_("partner"),
        help_text=_("Leeg: de hele lijn."),
    )
    channel = models.CharField(_("kanaal"), max_length=10, choices=Channel.choices)
    freq = models.CharField(_("interval"), max_length=5, choices=Freq.choices)
    start = models.DateField(_("eerste dag"))
    end = models.DateField(_("laatste dag"))
    model_name = models.CharField(_("model"), max_length=100)
    parameters = models.JSONField(_("parameters"), default=dict)
    published = models.BooleanField(_("gepubliceerd"), default=False)
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    objects = ForecastSnapshotQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("prognose")
        verbose_name_plural = _("prognoses")
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="snapshot_range"),
            models.CheckConstraint(condition=Q(freq__in=Freq.values), name="snapshot_freq_valid"),
            models.CheckConstraint(
                condition=Q(published=False) | Q(published_at__isnull=False),
                name="snapshot_published_has_moment",
            ),
        ]

    def __str__(self) -> str:
        who = self.partner.name if self.partner else "hele lijn"
        return f"Prognose {who}, {self.get_channel_display()}, {self.start:%d-%m-%Y}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk and ForecastSnapshot.objects.filter(pk=self.pk, published=True).exists():
            raise PublishedSnapshotError(f"forecast snapshot {self.pk} is published")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        if self.published:
            raise PublishedSnapshotError(f"forecast snapshot {self.pk} is published")
        return super().delete(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def scope(self) -> str:
        return self.partner.name if self.partner else "Hele lijn"


class ForecastSnapshotRow(models.Model):
    """One period of a snapshot: a day, or a 30-minute slot (``minute`` from local midnight)."""

    snapshot = models.ForeignKey(ForecastSnapshot, on_delete=models.CASCADE, related_name="rows")
    day = models.DateField()
    minute = models.PositiveSmallIntegerField(null=True, blank=True)
    forecast = models.FloatField()
    lower = models.FloatField()
    upper = models.FloatField()
    events_uplift = models.FloatField(default=0.0)

    class Meta:
        ordering = ["day", "minute"]
        constraints = [
            models.UniqueConstraint(fields=["snapshot", "day", "minute"], name="snapshot_row_once"),
            models.CheckConstraint(
                condition=Q(lower__lte=models.F("forecast"))
                & Q(upper__gte=models.F("forecast"))
                & Q(lower__gte=0),
                name="snapshot_row_band",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label}: {self.forecast:.1f}"

    def save(self, *args: object, **kwargs: object) -> None:
        if ForecastSnapshot.objects.filter(pk=self.snapshot_id, published=True).exists():
            raise PublishedSnapshotError(f"forecast snapshot {self.snapshot_id} is published")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def period_start(self) -> dt.datetime:
        """The aware start of the period in Brussels."""
        return local_moment(self.day, dt.time(0)) + dt.timedelta(minutes=self.minute or 0)

    @property
    def label(self) -> str:
        if self.minute is None:
            return f"{self.day:%d-%m-%Y}"
        return f"{self.day:%d-%m-%Y} {self.minute // 60:02d}:{self.minute % 60:02d}"


class StaffingPlan(models.Model):
    """Agents per 30-minute interval for a snapshot under stated service parameters."""

    snapshot = models.ForeignKey(
        ForecastSnapshot, on_delete=models.PROTECT, related_name="staffing_plans"
    )
    written_snapshot = models.ForeignKey(
        ForecastSnapshot,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="written_staffing_plans",
        help_text=_("Optioneel: prognose voor e-mail of webformulieren, door dezelfde mensen."),
    )
    aht_seconds = models.PositiveIntegerField(_("gespreksduur (s)"))
    target_service_level = models.DecimalField(
        _("doel servicelevel"), max_digits=4, decimal_places=3
    )
    threshold_seconds = models.PositiveIntegerField(_("drempel (s)"))
    patience_seconds = models.PositiveIntegerField(_("geduld (s)"), null=True, blank=True)
    shrinkage = models.DecimalField(_("shrinkage"), max_digits=4, decimal_places=3)
    max_occupancy = models.DecimalField(
        _("maximale bezetting"), max_digits=4, decimal_places=3, null=True, blank=True
    )
    email_handle_seconds = models.PositiveIntegerField(_("behandeltijd e-mail (s)"), default=600)
    cost_per_agent_hour = models.DecimalField(_("kost per uur"), max_digits=8, decimal_places=2)
    shift_counts = models.JSONField(default=dict)
    agent_hours = models.FloatField(default=0.0)
    cost = models.FloatField(default=0.0)
    solver_status = models.CharField(max_length=20, blank=True)
    written_missed = models.FloatField(default=0.0)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("personeelsplan")
        verbose_name_plural = _("personeelsplannen")

    def __str__(self) -> str:
        return f"Personeelsplan {self.pk} bij {self.snapshot}"


class StaffingPlanRow(models.Model):
    plan = models.ForeignKey(StaffingPlan, on_delete=models.CASCADE, related_name="rows")
    day = models.DateField()
    minute = models.PositiveSmallIntegerField()
    forecast = models.FloatField()
    written_forecast = models.FloatField(default=0.0)
    phone_agents = models.PositiveIntegerField()
    written_agents = models.FloatField(default=0.0)
    required = models.FloatField()
    scheduled = models.PositiveIntegerField()
    under = models.FloatField()
    over = models.FloatField()

    class Meta:
        ordering = ["day", "minute"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "day", "minute"], name="plan_row_once"),
        ]

    def __str__(self) -> str:
        return f"{self.day:%d-%m-%Y} {self.time_label}: {self.required:.1f} nodig"

    @property
    def time_label(self) -> str:
        return f"{self.minute // 60:02d}:{self.minute % 60:02d}"
