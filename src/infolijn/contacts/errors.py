"""Stable codes for what can be wrong with a contact, with the two texts each one has.

Agents see the Dutch message (through the translation machinery); operators running
`infolijn import-contacts` see the English one. Both live here, next to the code.
"""

from enum import Enum

from django.utils.translation import gettext_lazy as _


class ContactErrorCode(Enum):
    REQUIRED = "required"
    TOO_LONG = "too_long"
    UNKNOWN_CHANNEL = "unknown_channel"
    UNKNOWN_OUTCOME = "unknown_outcome"
    UNKNOWN_PARTNER = "unknown_partner"
    MALFORMED_TIME = "malformed_time"
    NAIVE_TIME = "naive_time"
    BEFORE_RECEIVED = "before_received"
    CLOSED_BEFORE_ANSWERED = "closed_before_answered"
    ABANDONED_BUT_ANSWERED = "abandoned_but_answered"
    ABANDONED_WITHOUT_HANGUP = "abandoned_without_hangup"
    ANSWERED_WITHOUT_MOMENT = "answered_without_moment"
    OPEN_BUT_REPLIED = "open_but_replied"
    OUTSIDE_CALENDAR = "outside_calendar"
    DUPLICATE_ID = "duplicate_id"
    NOT_ALLOWED = "not_allowed"


MESSAGES = {
    ContactErrorCode.REQUIRED: _("Dit veld is verplicht."),
    ContactErrorCode.TOO_LONG: _("Deze waarde is te lang."),
    ContactErrorCode.UNKNOWN_CHANNEL: _("Kies telefoon, e-mail, webformulier of chat."),
    ContactErrorCode.UNKNOWN_OUTCOME: _("Kies beantwoord, opgehangen, doorgestuurd of open."),
    ContactErrorCode.UNKNOWN_PARTNER: _("Deze partner bestaat niet."),
    ContactErrorCode.MALFORMED_TIME: _("Dit is geen geldige datum en tijd."),
    ContactErrorCode.NAIVE_TIME: _("Geef een tijdstip met tijdzone."),
    ContactErrorCode.BEFORE_RECEIVED: _("Dit tijdstip ligt vóór de ontvangst van het contact."),
    ContactErrorCode.CLOSED_BEFORE_ANSWERED: _(
        "Het contact kan niet afgesloten zijn vóór het antwoord."
    ),
    ContactErrorCode.ABANDONED_BUT_ANSWERED: _(
        "Een opgehangen oproep heeft geen tijdstip van beantwoorden."
    ),
    ContactErrorCode.ABANDONED_WITHOUT_HANGUP: _("Geef het tijdstip waarop de beller ophing."),
    ContactErrorCode.ANSWERED_WITHOUT_MOMENT: _("Geef het tijdstip van het antwoord."),
    ContactErrorCode.OPEN_BUT_REPLIED: _(
        "Een open e-mail of webformulier heeft nog geen tijdstip van antwoord."
    ),
    ContactErrorCode.OUTSIDE_CALENDAR: _("Voor dit jaar is er geen kalender met werkdagen."),
    ContactErrorCode.DUPLICATE_ID: _("Er is al een contact met dit id."),
    ContactErrorCode.NOT_ALLOWED: _("Je mag geen contacten registreren of importeren."),
}

OPERATOR_MESSAGES = {
    ContactErrorCode.REQUIRED: "required, but empty",
    ContactErrorCode.TOO_LONG: "too long (at most {limit} characters)",
    ContactErrorCode.UNKNOWN_CHANNEL: "{value!r} is not one of {allowed}",
    ContactErrorCode.UNKNOWN_OUTCOME: "{value!r} is not one of {allowed}",
    ContactErrorCode.UNKNOWN_PARTNER: "{value!r} is not the name or code of a partner",
    ContactErrorCode.MALFORMED_TIME: (
        "{value!r} is not an ISO 8601 date and time (e.g. 2026-06-12T09:30:00+02:00)"
    ),
    ContactErrorCode.NAIVE_TIME: (
        "{value!r} has no UTC offset, so the moment is ambiguous; add one "
        "(e.g. 2026-06-12T09:30:00+02:00, or Z for UTC)"
    ),
    ContactErrorCode.BEFORE_RECEIVED: "{value} is before received_at",
    ContactErrorCode.CLOSED_BEFORE_ANSWERED: "{value} is before answered_at",
    ContactErrorCode.ABANDONED_BUT_ANSWERED: "must be empty for an abandoned contact",
    ContactErrorCode.ABANDONED_WITHOUT_HANGUP: (
        "required for an abandoned call (when the caller hung up)"
    ),
    ContactErrorCode.ANSWERED_WITHOUT_MOMENT: "required when the outcome is answered",
    ContactErrorCode.OPEN_BUT_REPLIED: (
        "must be empty while an e-mail or web form is open (outcome open)"
    ),
    ContactErrorCode.OUTSIDE_CALENDAR: "{value}",
    ContactErrorCode.DUPLICATE_ID: "a contact with id {value!r} already exists",
    ContactErrorCode.NOT_ALLOWED: "only agents, team leads and administrators may do this",
}


class ContactError(ValueError):
    """A contact that cannot be stored; ``field`` names the input at fault."""

    def __init__(self, code: ContactErrorCode, field: str, **params: object) -> None:
        self.code = code
        self.field = field
        self.params = params
        super().__init__(f"{field}: {self.operator_message}")

    @property
    def message(self) -> str:
        """Dutch, for the people at the desk."""
        return str(MESSAGES[self.code])

    @property
    def operator_message(self) -> str:
        """English, for operators (import reports, logs)."""
        return OPERATOR_MESSAGES[self.code].format_map(_Params(self.params))


class _Params(dict[str, object]):
    """Format parameters where a forgotten one shows as ``?`` instead of raising."""

    def __missing__(self, key: str) -> object:
        return "?"
