"""Contacts: one call, e-mail, web form or chat, with the deadline it must be answered by."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from infolijn.calendar import local_moment
from infolijn.contacts.errors import ContactError, ContactErrorCode
from infolijn.partners.models import Channel, Partner

WRITTEN_CHANNELS = (Channel.EMAIL, Channel.WEBFORM)
# On the due day itself (the due moment is 23:59:59) an open e-mail is at risk.
AT_RISK_WINDOW = dt.timedelta(hours=24)
EXTERNAL_ID_MAX_LENGTH = 100
TOPIC_MAX_LENGTH = 200


class Outcome(models.TextChoices):
    ANSWERED = "answered", _("beantwoord")
    ABANDONED = "abandoned", _("opgehangen")
    FORWARDED = "forwarded", _("doorgestuurd naar de partner")
    OPEN = "open", _("open")


class SlaState(models.TextChoices):
    OK = "ok", _("op tijd")
    AT_RISK = "at_risk", _("dreigt te laat")
    OVERDUE = "overdue", _("te laat")


def _local_range(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The aware half-open interval [start 00:00, end+1 00:00) in Brussels."""
    if end < start:
        raise ValueError(f"end {end.isoformat()} is before start {start.isoformat()}")
    midnight = dt.time(0, 0)
    return local_moment(start, midnight), local_moment(end + dt.timedelta(days=1), midnight)


class ContactQuerySet(models.QuerySet["Contact"]):
    def received_between(self, start: dt.date, end: dt.date) -> "ContactQuerySet":
        """Received on a local (Brussels) date from ``start`` up to and including ``end``."""
        lower, upper = _local_range(start, end)
        return self.filter(received_at__gte=lower, received_at__lt=upper)

    def due_between(self, start: dt.date, end: dt.date) -> "ContactQuerySet":
        """Due on a local (Brussels) date from ``start`` up to and including ``end``."""
        lower, upper = _local_range(start, end)
        return self.filter(due_at__gte=lower, due_at__lt=upper)

    def for_partner(self, partner: Partner) -> "ContactQuerySet":
        return self.filter(partner=partner)

    def phone(self) -> "ContactQuerySet":
        return self.filter(channel=Channel.PHONE)

    def written(self) -> "ContactQuerySet":
        """E-mails and web forms: the contacts with a due moment."""
        return self.filter(channel__in=WRITTEN_CHANNELS)

    def open(self) -> "ContactQuerySet":
        return self.filter(outcome=Outcome.OPEN)

    def overdue(self, now: dt.datetime) -> "ContactQuerySet":
        """Still open after their due moment."""
        return self.open().filter(due_at__lt=now)

    def at_risk(self, now: dt.datetime, within: dt.timedelta = AT_RISK_WINDOW) -> "ContactQuerySet":
        """Still open, not yet overdue, but due within ``within`` from ``now``."""
        return self.open().filter(due_at__gte=now, due_at__lt=now + within)


class Contact(models.Model):
    """One contact with a citizen, as registered at the desk or imported (DESIGN §7.3).

    ``due_at`` is stamped when the contact is stored (e-mails and web forms only) and indexed;
    ``sla_state`` is only ever changed by the sweeper (``actions.sweep_sla``).
    """

    source = models.CharField(
        _("bron"), max_length=20, default="csv", help_text=_("Waar het contact vandaan komt.")
    )
    external_id = models.CharField(
        _("extern id"),
        max_length=EXTERNAL_ID_MAX_LENGTH,
        blank=True,
        help_text=_("Id in de bron, bv. de export."),
    )
    channel = models.CharField(_("kanaal"), max_length=10, choices=Channel.choices)
    partner = models.ForeignKey(
        Partner, on_delete=models.PROTECT, related_name="contacts", verbose_name=_("partner")
    )
    received_at = models.DateTimeField(_("ontvangen op"))
    answered_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    outcome = models.CharField(
        _("resultaat"), max_length=10, choices=Outcome.choices, default=Outcome.OPEN
    )
    # A script id as text, not a foreign key: exports name scripts that may not exist (yet).
    topic = models.CharField(_("onderwerp"), max_length=TOPIC_MAX_LENGTH, blank=True)
    due_at = models.DateTimeField(_("te beantwoorden tegen"), null=True, blank=True, db_index=True)
    sla_state = models.CharField(
        _("termijn"), max_length=10, choices=SlaState.choices, default=SlaState.OK, db_index=True
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("behandeld door"),
    )
    note = models.CharField(_("korte nota"), max_length=500, blank=True)
    # The desk: who is working on an e-mail now (taken under a row lock, see desk_mail.take).
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("in behandeling bij"),
    )
    taken_at = models.DateTimeField(_("genomen op"), null=True, blank=True)
    # Forwarding to the partner's second line, and its answer coming back.
    forwarded_at = models.DateTimeField(_("doorgestuurd op"), null=True, blank=True)
    partner_answered_at = models.DateTimeField(
        _("antwoord van de partner op"), null=True, blank=True
    )
    last_reminder_at = models.DateTimeField(_("laatste herinnering op"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)
    # A call answered now that needs a call back (the answer needs looking up first).
    callback_requested = models.BooleanField(_("terugbellen"), default=False)
    callback_done_at = models.DateTimeField(_("teruggebeld op"), null=True, blank=True)
    created_at = models.DateTimeField(_("geregistreerd op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = ContactQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacten")
        indexes = [
            models.Index(fields=["channel", "received_at"], name="contact_channel_received"),
            models.Index(fields=["partner", "received_at"], name="contact_partner_received"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"],
                condition=~Q(external_id=""),
                name="contact_unique_external_id",
            ),
            models.CheckConstraint(
                condition=Q(channel__in=Channel.values), name="contact_channel_valid"
            ),
            models.CheckConstraint(
                condition=Q(outcome__in=Outcome.values), name="contact_outcome_valid"
            ),
            models.CheckConstraint(
                condition=Q(sla_state__in=SlaState.values), name="contact_sla_state_valid"
            ),
            models.CheckConstraint(
                condition=Q(answered_at__isnull=True) | Q(answered_at__gte=F("received_at")),
                name="contact_answered_after_received",
            ),
            models.CheckConstraint(
                condition=Q(closed_at__isnull=True) | Q(closed_at__gte=F("received_at")),
                name="contact_closed_after_received",
            ),
            models.CheckConstraint(
                condition=Q(closed_at__isnull=True)
                | Q(answered_at__isnull=True)
                | Q(closed_at__gte=F("answered_at")),
                name="contact_closed_after_answered",
            ),
            models.CheckConstraint(
                condition=~Q(outcome=Outcome.ABANDONED) | Q(answered_at__isnull=True),
                name="contact_abandoned_not_answered",
            ),
            models.CheckConstraint(
                condition=~Q(outcome=Outcome.ABANDONED, channel=Channel.PHONE)
                | Q(closed_at__isnull=False),
                name="contact_abandoned_call_has_hangup",
            ),
            models.CheckConstraint(
                condition=~Q(outcome=Outcome.ANSWERED) | Q(answered_at__isnull=False),
                name="contact_answered_has_moment",
            ),
            models.CheckConstraint(
                condition=~Q(outcome=Outcome.OPEN, channel__in=WRITTEN_CHANNELS)
                | Q(answered_at__isnull=True),
                name="contact_open_written_not_replied",
            ),
            models.CheckConstraint(
                condition=~Q(channel__in=WRITTEN_CHANNELS) | Q(due_at__isnull=False),
                name="contact_written_has_due",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.external_id or self.pk} – {self.partner_id}"

    @property
    def is_written(self) -> bool:
        return self.channel in WRITTEN_CHANNELS


def invariant_errors(
    *,
    channel: str,
    outcome: str,
    received_at: dt.datetime,
    answered_at: dt.datetime | None,
    closed_at: dt.datetime | None,
) -> list[ContactError]:
    """Everything wrong with these values under the invariants of ``Contact`` (no query).

    The same rules as the CheckConstraints, said once more in Python so that a form or an import
    can name the field at fault instead of failing on an IntegrityError.
    """
    errors: list[ContactError] = []
    if answered_at is not None and answered_at < received_at:
        errors.append(
            ContactError(
                ContactErrorCode.BEFORE_RECEIVED, "answered_at", value=answered_at.isoformat()
            )
        )
    if closed_at is not None and closed_at < received_at:
        errors.append(
            ContactError(ContactErrorCode.BEFORE_RECEIVED, "closed_at", value=closed_at.isoformat())
        )
    elif closed_at is not None and answered_at is not None and closed_at < answered_at:
        errors.append(
            ContactError(
                ContactErrorCode.CLOSED_BEFORE_ANSWERED, "closed_at", value=closed_at.isoformat()
            )
        )
    if outcome == Outcome.ABANDONED:
        if answered_at is not None:
            errors.append(ContactError(ContactErrorCode.ABANDONED_BUT_ANSWERED, "answered_at"))
        if channel == Channel.PHONE and closed_at is None:
            errors.append(ContactError(ContactErrorCode.ABANDONED_WITHOUT_HANGUP, "closed_at"))
    elif outcome == Outcome.ANSWERED and answered_at is None:
        errors.append(ContactError(ContactErrorCode.ANSWERED_WITHOUT_MOMENT, "answered_at"))
    elif outcome == Outcome.OPEN and channel in WRITTEN_CHANNELS and answered_at is not None:
        errors.append(ContactError(ContactErrorCode.OPEN_BUT_REPLIED, "answered_at"))
    return errors


class ContactScript(models.Model):
    """A script used to answer a contact (the knowledge-centred service link rate)."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="script_links")
    script_id = models.CharField(max_length=TOPIC_MAX_LENGTH)
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    linked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["linked_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["contact", "script_id"], name="contact_script_once"),
        ]

    def __str__(self) -> str:
        return f"{self.contact_id} ↔ {self.script_id}"


class MailKind(models.TextChoices):
    PENDING = "pending", _("nog te verwerken")
    NEW_CONTACT = "new_contact", _("nieuw contact")
    THREADED = "threaded", _("bij een bestaand contact")
    AUTO_REPLY = "auto_reply", _("automatisch bericht")
    NEEDS_ATTENTION = "needs_attention", _("handmatig te behandelen")
    DISMISSED = "dismissed", _("nagekeken, geen contact")


MAIL_WITH_CONTACT = (MailKind.NEW_CONTACT, MailKind.THREADED)


class InboundMessage(models.Model):
    """One e-mail as it arrived: the raw bytes, stored before anything else, and where it went.

    ``message_id`` is the Message-ID (without brackets) or ``sha256:<hex>`` of the raw bytes
    when there is none; it makes intake idempotent. ``kind`` starts as ``pending`` and is set
    once, by ``mailintake.take_in_message``; a pending row is a message whose processing was
    interrupted, and the next intake finishes it.
    """

    message_id = models.CharField(_("message-id"), max_length=255, unique=True)
    raw = models.BinaryField(_("origineel bericht"))
    raw_size = models.PositiveIntegerField(_("grootte (bytes)"), default=0)
    source = models.CharField(_("bron"), max_length=20, default="folder")
    filename = models.CharField(_("bestand"), max_length=255, blank=True)
    received_at = models.DateTimeField(_("ontvangen op"), db_index=True)
    fetched_at = models.DateTimeField(_("opgehaald op"), auto_now_add=True)
    from_address = models.CharField(_("afzender"), max_length=320, blank=True)
    recipients = models.TextField(_("geadresseerden"), blank=True)
    subject = models.CharField(_("onderwerp"), max_length=500, blank=True)
    text = models.TextField(_("tekst"), blank=True)
    text_truncated = models.BooleanField(_("tekst ingekort"), default=False)
    attachments = models.PositiveIntegerField(_("bijlagen"), default=0)
    kind = models.CharField(
        _("soort"), max_length=20, choices=MailKind.choices, default=MailKind.PENDING
    )
    problem = models.TextField(_("probleem"), blank=True)
    contact = models.ForeignKey(
        Contact,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="messages",
        verbose_name=_("contact"),
    )

    class Meta:
        ordering = ["received_at", "id"]
        verbose_name = _("inkomende e-mail")
        verbose_name_plural = _("inkomende e-mails")
        indexes = [models.Index(fields=["kind", "received_at"], name="inbound_kind_received")]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=MailKind.values), name="inbound_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=MAIL_WITH_CONTACT, contact__isnull=False)
                | (~Q(kind__in=MAIL_WITH_CONTACT) & Q(contact__isnull=True)),
                name="inbound_contact_iff_routed",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.message_id} ({self.kind})"


class TelephonyQueue(models.Model):
    """A queue (Avaya split/skill, Genesys queue) of a telephony platform, mapped to a partner."""

    source = models.CharField(_("bron"), max_length=40)
    queue = models.CharField(_("wachtrij"), max_length=200)
    partner = models.ForeignKey(
        Partner, on_delete=models.PROTECT, related_name="queues", verbose_name=_("partner")
    )
    channel = models.CharField(
        _("kanaal"), max_length=10, choices=Channel.choices, default=Channel.PHONE
    )

    class Meta:
        ordering = ["source", "queue"]
        verbose_name = _("telefoniewachtrij")
        verbose_name_plural = _("telefoniewachtrijen")
        constraints = [
            models.UniqueConstraint(fields=["source", "queue"], name="queue_unique_per_source")
        ]

    def __str__(self) -> str:
        return f"{self.source}/{self.queue} → {self.partner}"


class QueueIntervalStat(models.Model):
    """What one queue saw in one interval, as the telephony platform reported it.

    Keyed on (queue, interval_start): importing the same interval again replaces its figures.
    Sums are seconds; ``offered`` and ``abandoned`` include the short abandons.
    """

    queue = models.ForeignKey(TelephonyQueue, on_delete=models.CASCADE, related_name="intervals")
    interval_start = models.DateTimeField(_("begin interval"), db_index=True)
    interval_seconds = models.PositiveIntegerField(_("lengte (seconden)"))
    offered = models.PositiveIntegerField(_("aangeboden"))
    answered = models.PositiveIntegerField(_("beantwoord"))
    answered_within_threshold = models.PositiveIntegerField(_("beantwoord binnen drempel"))
    threshold_seconds = models.PositiveIntegerField(_("drempel (seconden)"))
    abandoned = models.PositiveIntegerField(_("opgehangen"))
    short_abandons = models.PositiveIntegerField(_("kort opgehangen"))
    wait_seconds_sum = models.FloatField(_("som wachttijd beantwoord"))
    handle_seconds_sum = models.FloatField(_("som behandeltijd"))
    abandon_wait_seconds_sum = models.FloatField(null=True, blank=True)
    imported_at = models.DateTimeField(_("geïmporteerd op"), auto_now=True)

    class Meta:
        ordering = ["interval_start"]
        verbose_name = _("intervalstatistiek")
        verbose_name_plural = _("intervalstatistieken")
        constraints = [
            models.UniqueConstraint(
                fields=["queue", "interval_start"], name="interval_stat_unique"
            ),
            models.CheckConstraint(
                condition=Q(short_abandons__lte=F("abandoned")), name="interval_short_le_abandoned"
            ),
            models.CheckConstraint(
                condition=Q(answered_within_threshold__lte=F("answered")),
                name="interval_within_le_answered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.queue} {self.interval_start:%Y-%m-%d %H:%M}"


class OutboundMessage(models.Model):
    """An e-mail we send: stored first (``queued``), then sent over SMTP (``sent``/``failed``).

    The subject carries "[IL-<contact id>]" so that answers thread into the same contact.
    """

    class Kind(models.TextChoices):
        REPLY = "reply", _("antwoord")
        ACKNOWLEDGEMENT = "ack", _("ontvangstbevestiging")
        FORWARD = "forward", _("doorgestuurd naar de partner")
        REMINDER = "reminder", _("herinnering aan de partner")
        NOTIFICATION = "notification", _("melding voor teamleiders")

    class Status(models.TextChoices):
        QUEUED = "queued", _("klaar om te versturen")
        SENT = "sent", _("verstuurd")
        FAILED = "failed", _("niet verstuurd")

    contact = models.ForeignKey(
        Contact, on_delete=models.PROTECT, null=True, blank=True, related_name="outbound"
    )
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    to_address = models.TextField(_("aan"))
    subject = models.CharField(_("onderwerp"), max_length=500)
    body = models.TextField(_("tekst"))
    message_id = models.CharField(_("message-id"), max_length=255, unique=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    error = models.TextField(_("fout"), blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    sent_at = models.DateTimeField(_("verstuurd op"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verstuurd door"),
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("uitgaande e-mail")
        verbose_name_plural = _("uitgaande e-mails")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.subject}"


class ReplyTemplate(models.Model):
    """A standard answer agents start from; for one partner, or for every partner."""

    partner = models.ForeignKey(
        Partner,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reply_templates",
        verbose_name=_("partner"),
        help_text=_("Leeg: voor alle partners."),
    )
    name = models.CharField(_("naam"), max_length=120)
    body = models.TextField(
        _("tekst"), help_text=_("{naam} wordt vervangen door de naam van de burger, als die er is.")
    )

    class Meta:
        ordering = ["partner__name", "name"]
        verbose_name = _("antwoordsjabloon")
        verbose_name_plural = _("antwoordsjablonen")

    def __str__(self) -> str:
        return self.name


class PersonalDataAccess(models.Model):
    """Who looked at a contact's personal data (e-mail texts, addresses), and when."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    viewed_at = models.DateTimeField(auto_now_add=True, db_index=True)
    purpose = models.CharField(max_length=40, default="desk")

    class Meta:
        ordering = ["-viewed_at"]
        verbose_name = _("inzage persoonsgegevens")
        verbose_name_plural = _("inzages persoonsgegevens")

    def __str__(self) -> str:
        return f"{self.user_id} → {self.contact_id} ({self.viewed_at:%Y-%m-%d %H:%M})"
