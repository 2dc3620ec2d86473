"""Listening evaluations (beluisteringen): forms, recordings, weekly samples, calibration."""

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel

from infolijn.contacts.models import Contact
from infolijn.partners.models import Partner
from infolijn.quality.engine import scoring
from infolijn.quality.storage import RecordingStorage, recording_path


class QuestionKind(models.TextChoices):
    YES_NO = scoring.QuestionKind.YES_NO.value, _("ja/nee")
    SCALE = scoring.QuestionKind.SCALE.value, _("schaal")


class CommentRule(models.TextChoices):
    NEVER = scoring.CommentRule.NEVER.value, _("nooit verplicht")
    ON_FAIL = scoring.CommentRule.ON_FAIL.value, _("verplicht bij een onvoldoende")
    BELOW_MAX = scoring.CommentRule.BELOW_MAX.value, _("verplicht onder de maximumscore")


class EvaluationForm(ClusterableModel):
    """A listening form; edited as a Wagtail snippet with its questions inline."""

    name: "models.CharField[str, str]" = models.CharField(_("naam"), max_length=200, unique=True)
    pass_percentage: "models.DecimalField[Any, Any]" = models.DecimalField(
        _("drempel (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    active: "models.BooleanField[bool, bool]" = models.BooleanField(_("in gebruik"), default=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("pass_percentage"),
        FieldPanel("active"),
        InlinePanel("questions", label=_("vragen")),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("beluisteringsformulier")
        verbose_name_plural = _("beluisteringsformulieren")

    def __str__(self) -> str:
        return self.name


class EvaluationQuestion(models.Model):
    form = ParentalKey(EvaluationForm, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    text = models.CharField(_("vraag"), max_length=300)
    kind = models.CharField(
        _("soort"), max_length=10, choices=QuestionKind.choices, default=QuestionKind.YES_NO
    )
    weight = models.DecimalField(_("gewicht"), max_digits=5, decimal_places=2, default=1)
    max_score = models.PositiveSmallIntegerField(_("maximumscore"), default=1)
    pass_mark = models.PositiveSmallIntegerField(_("voldoende vanaf"), null=True, blank=True)
    na_allowed = models.BooleanField(_("‘niet van toepassing’ toegelaten"), default=False)
    critical = models.BooleanField(_("knock-outvraag"), default=False)
    comment_rule = models.CharField(
        _("toelichting"), max_length=10, choices=CommentRule.choices, default=CommentRule.NEVER
    )

    class Meta:
        ordering = ["form", "position", "id"]
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        constraints = [
            models.CheckConstraint(condition=Q(weight__gt=0), name="question_weight_positive"),
            models.CheckConstraint(
                condition=~Q(kind="yes_no") | Q(max_score=1), name="question_yes_no_max_1"
            ),
            models.CheckConstraint(condition=Q(max_score__gte=1), name="question_max_score_min"),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def key(self) -> str:
        """The question's id in answers and in the engine."""
        return str(self.pk)

    @property
    def scale(self) -> range:
        return range(self.max_score + 1)


class Recording(models.Model):
    """A call recording; served only through a view that checks the role, never as media."""

    contact = models.ForeignKey(
        Contact, on_delete=models.PROTECT, related_name="+", verbose_name=_("contact")
    )
    file = models.FileField(_("bestand"), storage=RecordingStorage(), upload_to=recording_path)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField(_("grootte (bytes)"))
    duration_seconds = models.PositiveIntegerField(_("duur (seconden)"), null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("opgeladen op"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = _("opname")
        verbose_name_plural = _("opnames")

    def __str__(self) -> str:
        return f"opname {self.pk} van contact {self.contact_id}"


class WeeklySample(models.Model):
    """The listening sample of one ISO week, reproducible from its stored seed."""

    iso_year = models.PositiveSmallIntegerField(_("jaar"))
    iso_week = models.PositiveSmallIntegerField(_("week"))
    per_agent = models.PositiveSmallIntegerField(_("per voorlichter"))
    per_partner = models.PositiveSmallIntegerField(_("minimum per partner"))
    seed = models.BigIntegerField(_("seed"))
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    drawn_at = models.DateTimeField(_("getrokken op"), default=timezone.now)
    shortfalls = models.JSONField(_("tekorten"), default=dict, blank=True)

    class Meta:
        ordering = ["-iso_year", "-iso_week"]
        constraints = [
            models.UniqueConstraint(fields=["iso_year", "iso_week"], name="sample_week_once")
        ]

    def __str__(self) -> str:
        return f"{self.iso_year}-W{self.iso_week:02d}"


class SampleItem(models.Model):
    sample = models.ForeignKey(WeeklySample, on_delete=models.CASCADE, related_name="items")
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="+")
    agent = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="+")

    class Meta:
        ordering = ["sample", "agent_id", "contact_id"]
        constraints = [
            models.UniqueConstraint(fields=["sample", "contact"], name="sample_contact_once")
        ]

    def __str__(self) -> str:
        return f"{self.sample}: contact {self.contact_id}"


class CalibrationSession(models.Model):
    """Several evaluators score the same contact on the same form, blind, then compare."""

    title = models.CharField(_("titel"), max_length=200)
    contact = models.ForeignKey(Contact, on_delete=models.PROTECT, related_name="+")
    form = models.ForeignKey(EvaluationForm, on_delete=models.PROTECT, related_name="+")
    recording = models.ForeignKey(
        Recording, on_delete=models.SET_NULL, null=True, blank=True, related_name="calibrations"
    )
    evaluators = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("kalibratiesessie")
        verbose_name_plural = _("kalibratiesessies")

    def __str__(self) -> str:
        return self.title


class EvaluationStatus(models.TextChoices):
    DRAFT = "draft", _("concept")
    SUBMITTED = "submitted", _("ingediend")
    ACKNOWLEDGED = "acknowledged", _("gezien door de voorlichter")
    DISPUTED = "disputed", _("betwist")
    RESOLVED = "resolved", _("betwisting beslist")


class EvaluationQuerySet(models.QuerySet["Evaluation"]):
    def regular(self) -> "EvaluationQuerySet":
        """Evaluations of an agent's work; calibration scores are kept out of agents' views."""
        return self.filter(session__isnull=True)

    def visible_to_agent(self, agent: Any) -> "EvaluationQuerySet":
        return self.regular().filter(agent=agent).exclude(status=EvaluationStatus.DRAFT)

    def final(self) -> "EvaluationQuerySet":
        return self.regular().exclude(status=EvaluationStatus.DRAFT)


class Evaluation(models.Model):
    """A scored listening of one contact. ``answers``: {question id: {value, na, comment}}."""

    contact = models.ForeignKey(Contact, on_delete=models.PROTECT, related_name="+")
    form = models.ForeignKey(EvaluationForm, on_delete=models.PROTECT, related_name="evaluations")
    evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recording = models.ForeignKey(
        Recording, on_delete=models.SET_NULL, null=True, blank=True, related_name="evaluations"
    )
    session = models.ForeignKey(
        CalibrationSession,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="evaluations",
    )
    answers = models.JSONField(_("antwoorden"), default=dict)
    score = models.FloatField(_("score (%)"), null=True, blank=True)
    passed = models.BooleanField(_("geslaagd"), default=False)
    status = models.CharField(
        _("status"), max_length=15, choices=EvaluationStatus.choices, default=EvaluationStatus.DRAFT
    )
    dispute_text = models.TextField(_("reden van betwisting"), max_length=4000, blank=True)
    reply = models.TextField(_("beslissing"), max_length=4000, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EvaluationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("beluistering")
        verbose_name_plural = _("beluisteringen")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=EvaluationStatus.values), name="evaluation_status_valid"
            ),
            models.UniqueConstraint(
                fields=["session", "evaluator"],
                condition=Q(session__isnull=False),
                name="calibration_one_score_per_evaluator",
            ),
        ]

    def __str__(self) -> str:
        return f"beluistering {self.pk} van contact {self.contact_id}"
