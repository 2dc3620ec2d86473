"""Intake errors with stable codes; the Dutch messages live here and nowhere else."""

import enum

from infolijn.core.errors import CodedError


class IntakeErrorCode(enum.Enum):
    NOT_ALLOWED = "not_allowed"
    WRONG_STATE = "wrong_state"
    COMMENT_REQUIRED = "comment_required"
    NO_QUESTIONS = "no_questions"
    UNKNOWN_SCRIPT = "unknown_script"
    NOT_AN_EDITOR = "not_an_editor"
    NOT_LINE_STAFF = "not_line_staff"
    NOT_READY = "not_ready"
    NOT_AN_AGENT = "not_an_agent"
    OVER_CAPACITY = "over_capacity"
    GO_LIVE_PASSED = "go_live_passed"


MESSAGES = {
    IntakeErrorCode.NOT_ALLOWED: "Je mag dit niet doen met je rol.",
    IntakeErrorCode.WRONG_STATE: "Dit kan niet: het dossier is {status}.",
    IntakeErrorCode.COMMENT_REQUIRED: "Schrijf een toelichting: de partner ziet waarom.",
    IntakeErrorCode.NO_QUESTIONS: (
        "Geef minstens één vraag die burgers zullen stellen, anders is er niets te schrijven."
    ),
    IntakeErrorCode.UNKNOWN_SCRIPT: "Er is geen script met id ‘{script_id}’.",
    IntakeErrorCode.NOT_AN_EDITOR: "{name} is geen redacteur.",
    IntakeErrorCode.NOT_LINE_STAFF: "{name} werkt niet bij de lijn en kan geen eigenaar zijn.",
    IntakeErrorCode.NOT_READY: "Het dossier is nog niet klaar: {items}.",
    IntakeErrorCode.NOT_AN_AGENT: "{name} is geen voorlichter.",
    IntakeErrorCode.OVER_CAPACITY: (
        "Er zijn {count} uitnodigingen voor {capacity} plaatsen: plan een extra sessie of "
        "nodig minder voorlichters uit."
    ),
    IntakeErrorCode.GO_LIVE_PASSED: "De go-live ({day}) ligt in het verleden.",
}


class IntakeError(CodedError):
    messages = MESSAGES
