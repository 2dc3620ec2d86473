"""Daily contact facts: numerators and denominators per local day, partner and channel."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from infolijn.partners.models import Channel, Partner


class DailyContactFactQuerySet(models.QuerySet["DailyContactFact"]):
    def between(self, start: "object", end: "object") -> "DailyContactFactQuerySet":
        return self.filter(day__gte=start, day__lte=end)

    def for_partner(self, partner: Partner) -> "DailyContactFactQuerySet":
        return self.filter(partner=partner)


class DailyContactFact(models.Model):
    """One local day × partner × channel, computed by ``rollup.rollup_day`` (DESIGN §8).

    Counts are stored, never percentages: a week or a month is the sum of its days, and a
    service level is ``answered_within_threshold / offered`` over that sum.

    - phone: ``offered``/``answered``/``abandoned`` count the calls received that day (short
      abandons left out and counted apart); ``wait_seconds_answered_sum`` sums the waits of the
      answered calls, so ASA = sum / answered.
    - e-mail and web form: ``offered`` = received that day, ``answered`` = of those, replied
      to by now; ``emails_due``/``emails_on_time`` = due that day / replied by the due moment.
    - ``backlog_open_at_end``: contacts of the channel received by the end of the day and not
      yet answered or closed at that moment.
    """

    day = models.DateField(_("dag"))
    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="+", verbose_name=_("partner")
    )
    channel = models.CharField(_("kanaal"), max_length=10, choices=Channel.choices)
    offered = models.PositiveIntegerField(_("aangeboden"), default=0)
    answered = models.PositiveIntegerField(_("beantwoord"), default=0)
    answered_within_threshold = models.PositiveIntegerField(
        _("beantwoord binnen de drempel"), default=0
    )
    threshold_seconds = models.PositiveIntegerField(_("drempel (seconden)"), default=20)
    abandoned = models.PositiveIntegerField(_("opgehangen"), default=0)
    short_abandons = models.PositiveIntegerField(_("kort opgehangen"), default=0)
    wait_seconds_answered_sum = models.FloatField(_("som wachttijd beantwoord (s)"), default=0)
    emails_due = models.PositiveIntegerField(_("e-mails te beantwoorden"), default=0)
    emails_on_time = models.PositiveIntegerField(_("e-mails op tijd"), default=0)
    backlog_open_at_end = models.PositiveIntegerField(_("open op het einde van de dag"), default=0)
    computed_at = models.DateTimeField(_("berekend op"), auto_now=True)

    objects = DailyContactFactQuerySet.as_manager()

    class Meta:
        ordering = ["day", "partner__name", "channel"]
        verbose_name = _("dagcijfer contacten")
        verbose_name_plural = _("dagcijfers contacten")
        constraints = [
            models.UniqueConstraint(fields=["day", "partner", "channel"], name="fact_once"),
            models.CheckConstraint(
                condition=Q(answered__lte=models.F("offered")) | ~Q(channel=Channel.PHONE),
                name="fact_answered_le_offered",
            ),
            models.CheckConstraint(
                condition=Q(emails_on_time__lte=models.F("emails_due")),
                name="fact_on_time_le_due",
            ),
        ]
        indexes = [models.Index(fields=["partner", "day"], name="fact_partner_day")]

    def __str__(self) -> str:
        return f"{self.day} {self.partner_id} {self.channel}"

    def key(self) -> tuple:
        return (self.day, self.partner_id, self.channel)

    def figures(self) -> tuple:
        """Every stored figure, to compare two computations of the same day."""
        return (
            self.offered,
            self.answered,
            self.answered_within_threshold,
            self.threshold_seconds,
            self.abandoned,
            self.short_abandons,
            round(self.wait_seconds_answered_sum, 6),
            self.emails_due,
            self.emails_on_time,
            self.backlog_open_at_end,
        )
