"""Mystery-call campaigns: strata, scenarios, the planned calls and their results."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from infolijn.partners.models import Partner

#: The strata's single theme: scenarios are per partner, so strata are too.
ALL_THEMES = "alle"


class AllocationMethod(models.TextChoices):
    PROPORTIONAL = "proportional", _("evenredig met het aantal oproepen")
    EQUAL = "equal", _("gelijk over de strata")


class MysteryCampaign(models.Model):
    name = models.CharField(_("naam"), max_length=200, unique=True)
    year = models.PositiveSmallIntegerField(_("jaar"))
    margin = models.DecimalField(_("foutenmarge"), max_digits=4, decimal_places=3, default=0.05)
    confidence = models.DecimalField(
        _("betrouwbaarheid"), max_digits=4, decimal_places=3, default=0.95
    )
    method = models.CharField(
        _("verdeling"),
        max_length=15,
        choices=AllocationMethod.choices,
        default=AllocationMethod.PROPORTIONAL,
    )
    minimum_per_stratum = models.PositiveSmallIntegerField(_("minimum per stratum"), default=0)
    starts_on = models.DateField(_("eerste dag"))
    ends_on = models.DateField(_("laatste dag"))
    seed = models.BigIntegerField(_("seed"))
    sample_size = models.PositiveIntegerField(_("aantal oproepen"), default=0)
    plan_warnings = models.JSONField(default=list, blank=True)
    planned_at = models.DateTimeField(null=True, blank=True)
    results_imported_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-year", "name"]
        verbose_name = _("mystery-callcampagne")
        verbose_name_plural = _("mystery-callcampagnes")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="campaign_dates_ordered"
            ),
            models.CheckConstraint(
                condition=Q(margin__gt=0) & Q(margin__lt=1), name="campaign_margin_fraction"
            ),
            models.CheckConstraint(
                condition=Q(confidence__gt=0) & Q(confidence__lt=1),
                name="campaign_confidence_fraction",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class MysteryScenario(models.Model):
    """A question a mystery caller asks; the expected answer is the script."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="+")
    code = models.SlugField(_("code"), max_length=80, unique=True)
    script_id = models.CharField(_("script"), max_length=200)
    question = models.TextField(_("vraag van de beller"), max_length=2000)
    active = models.BooleanField(_("in gebruik"), default=True)

    class Meta:
        ordering = ["partner__name", "code"]
        verbose_name = _("scenario")
        verbose_name_plural = _("scenario's")

    def __str__(self) -> str:
        return self.code


class MysteryStratum(models.Model):
    """Partner × weekday × time block with its expected calls (the population ``N_h``)."""

    campaign = models.ForeignKey(MysteryCampaign, on_delete=models.CASCADE, related_name="strata")
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="+")
    weekday = models.PositiveSmallIntegerField(_("weekdag (1 = maandag)"))
    time_block = models.CharField(_("tijdvak"), max_length=10)
    expected_calls = models.FloatField(_("verwachte oproepen"))
    allocated = models.PositiveIntegerField(_("toegewezen"), default=0)
    weight = models.FloatField(_("gewicht"), null=True, blank=True)

    class Meta:
        ordering = ["campaign", "partner__name", "weekday", "time_block"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "partner", "weekday", "time_block"], name="stratum_once"
            ),
            models.CheckConstraint(
                condition=Q(weekday__gte=1) & Q(weekday__lte=7), name="stratum_weekday_iso"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.partner_id} {self.weekday} {self.time_block}"


class Correct(models.TextChoices):
    YES = "yes", _("juist")
    PARTIAL = "partial", _("gedeeltelijk juist")
    NO = "no", _("fout")


class MysteryCall(models.Model):
    campaign = models.ForeignKey(MysteryCampaign, on_delete=models.CASCADE, related_name="calls")
    call_ref = models.CharField(_("referentie"), max_length=40)
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="+")
    scenario = models.ForeignKey(MysteryScenario, on_delete=models.PROTECT, related_name="+")
    weekday = models.PositiveSmallIntegerField()
    time_block = models.CharField(max_length=10)
    planned_date = models.DateField(null=True, blank=True)
    called_at = models.DateTimeField(_("gebeld op"), null=True, blank=True)
    answered = models.BooleanField(_("opgenomen"), null=True, blank=True)
    correct = models.CharField(
        _("antwoord"), max_length=10, choices=Correct.choices, blank=True, default=""
    )
    waited_seconds = models.FloatField(_("wachttijd (s)"), null=True, blank=True)
    remarks = models.TextField(_("opmerkingen"), blank=True)

    class Meta:
        ordering = ["campaign", "call_ref"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "call_ref"], name="mystery_call_ref_once")
        ]

    def __str__(self) -> str:
        return self.call_ref

    @property
    def has_result(self) -> bool:
        return self.called_at is not None

    @property
    def stratum_key(self) -> tuple[int, int, str]:
        return (self.partner_id, self.weekday, self.time_block)
