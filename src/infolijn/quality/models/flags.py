"""Agents' flags on scripts: this script is wrong, unclear or out of date."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

SCRIPT_ID_MAX_LENGTH = 200
COMMENT_MAX_LENGTH = 2000


class FlagReason(models.TextChoices):
    WRONG = "wrong", _("klopt niet")
    UNCLEAR = "unclear", _("onduidelijk")
    OUTDATED = "outdated", _("verouderd")
    MISSING = "missing", _("informatie ontbreekt")


class ScriptFlagQuerySet(models.QuerySet["ScriptFlag"]):
    def unresolved(self) -> "ScriptFlagQuerySet":
        return self.filter(resolved_at__isnull=True)


class ScriptFlag(models.Model):
    script_id = models.CharField(_("script"), max_length=SCRIPT_ID_MAX_LENGTH, db_index=True)
    reason = models.CharField(_("reden"), max_length=10, choices=FlagReason.choices)
    comment = models.TextField(_("toelichting"), max_length=COMMENT_MAX_LENGTH)
    flagged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("gemeld op"), default=timezone.now)
    resolved_at = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)

    objects = ScriptFlagQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("melding over een script")
        verbose_name_plural = _("meldingen over scripts")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(reason__in=FlagReason.values), name="flag_reason_valid"
            )
        ]

    def __str__(self) -> str:
        return f"{self.script_id}: {self.get_reason_display()}"
