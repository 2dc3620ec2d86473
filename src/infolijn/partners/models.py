import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel


class Channel(models.TextChoices):
    PHONE = "phone", _("telefoon")
    EMAIL = "email", _("e-mail")
    WEBFORM = "webform", _("webformulier")
    CHAT = "chat", _("chat")


class PartnerQuerySet(models.QuerySet["Partner"]):
    def by_name_or_code(self, value: str) -> "Partner | None":
        value = value.strip()
        return self.filter(Q(name__iexact=value) | Q(code=slugify(value))).first()


class Partner(models.Model):  # type: ignore[django-manager-missing]
    """A government agency on whose behalf the line answers citizens."""

    agreements: "models.Manager[Agreement]"

    name = models.CharField(_("naam"), max_length=200, unique=True)
    code = models.SlugField(_("code"), max_length=200, unique=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    second_line_name = models.CharField(
        _("tweede lijn: contactpersoon of dienst"), max_length=200, blank=True
    )
    second_line_email = models.EmailField(_("tweede lijn: e-mailadres"), blank=True)
    second_line_phone = models.CharField(_("tweede lijn: telefoon"), max_length=40, blank=True)
    active = models.BooleanField(_("actief"), default=True)

    objects = PartnerQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self) -> str:
        return self.name

    def current_agreement(self, on: dt.date) -> "Agreement | None":
        return (
            self.agreements.filter(valid_from__lte=on)
            .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=on))
            .order_by("-valid_from")
            .first()
        )


class Agreement(ClusterableModel):
    """The cooperation agreement: channels, opening hours and service levels."""

    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="agreements", verbose_name=_("partner")
    )
    valid_from = models.DateField(_("geldig vanaf"))
    valid_until = models.DateField(_("geldig tot en met"), null=True, blank=True)
    channels = models.JSONField(_("kanalen"), default=list)
    service_level_target = models.DecimalField(
        _("doel servicelevel"),
        max_digits=4,
        decimal_places=3,
        default=0.8,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("Aandeel oproepen dat binnen de drempel beantwoord wordt, bv. 0,800."),
    )
    service_level_threshold_seconds = models.PositiveIntegerField(
        _("drempel servicelevel (seconden)"), default=20
    )
    email_deadline_working_days = models.PositiveSmallIntegerField(
        _("termijn e-mail (werkdagen)"), default=2, validators=[MinValueValidator(1)]
    )
    send_acknowledgement = models.BooleanField(
        _("ontvangstbevestiging sturen"),
        default=False,
        help_text=_("Stuur de burger meteen een bevestiging met het referentienummer."),
    )
    partner_reminder_working_days = models.PositiveSmallIntegerField(
        _("herinnering tweede lijn na (werkdagen)"),
        default=2,
        validators=[MinValueValidator(1)],
        help_text=_("Na zoveel werkdagen zonder antwoord sturen we de partner een herinnering."),
    )

    class Meta:
        ordering = ["partner__name", "-valid_from"]
        verbose_name = _("samenwerkingsovereenkomst")
        verbose_name_plural = _("samenwerkingsovereenkomsten")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=models.F("valid_from")),
                name="agreement_valid_range",
            ),
            models.CheckConstraint(
                condition=Q(service_level_target__gte=0) & Q(service_level_target__lte=1),
                name="agreement_service_level_target_fraction",
            ),
            models.CheckConstraint(
                condition=Q(email_deadline_working_days__gte=1),
                name="agreement_email_deadline_positive",
            ),
            models.UniqueConstraint(
                fields=["partner", "valid_from"], name="agreement_unique_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.partner} vanaf {self.valid_from:%d-%m-%Y}"

    def handles(self, channel: str) -> bool:
        return channel in self.channels


class OpeningHours(models.Model):
    """One opening window on one weekday (0 = Monday) under an agreement."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("maandag")
        TUESDAY = 1, _("dinsdag")
        WEDNESDAY = 2, _("woensdag")
        THURSDAY = 3, _("donderdag")
        FRIDAY = 4, _("vrijdag")
        SATURDAY = 5, _("zaterdag")
        SUNDAY = 6, _("zondag")

    agreement = ParentalKey(Agreement, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("weekdag"), choices=Weekday.choices)
    opens = models.TimeField(_("opent"))
    closes = models.TimeField(_("sluit"))

    class Meta:
        ordering = ["weekday", "opens"]
        verbose_name = _("openingsuren")
        verbose_name_plural = _("openingsuren")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gt=models.F("opens")), name="opening_hours_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class PartnerMembership(models.Model):
    """Links a partner's staff member (a partner reviewer) to exactly one partner."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partner_membership"
    )
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="memberships")

    class Meta:
        verbose_name = _("lidmaatschap partner")
        verbose_name_plural = _("lidmaatschappen partner")

    def __str__(self) -> str:
        return f"{self.user} – {self.partner}"


class ClosingDay(models.Model):
    """An extra day on which the line is closed, added by an administrator.

    Public holidays and 11 July are closing days already (``infolijn.calendar``); these are
    the others: 2 November, 26 December, bridge days. They stop the e-mail clock like a holiday.
    """

    date = models.DateField(_("datum"), unique=True)
    reason = models.CharField(
        _("reden"), max_length=200, help_text=_("Bijvoorbeeld: Allerzielen, brugdag.")
    )
    created_at = models.DateTimeField(_("toegevoegd op"), auto_now_add=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("sluitingsdag")
        verbose_name_plural = _("sluitingsdagen")

    def __str__(self) -> str:
        return f"{self.date:%d-%m-%Y} – {self.reason}"
