"""Planning errors with stable codes; the Dutch messages live here and nowhere else."""

import enum

from infolijn.core.errors import CodedError


class PlanningErrorCode(enum.Enum):
    NOT_ALLOWED = "not_allowed"
    NO_HISTORY = "no_history"
    BAD_HORIZON = "bad_horizon"
    BAD_CHANNEL = "bad_channel"
    BAD_FREQ = "bad_freq"
    ENGINE = "engine"
    NEEDS_HALF_HOURS = "needs_half_hours"
    NOT_WRITTEN = "not_written"
    MISMATCH = "mismatch"
    NO_OPENING_HOURS = "no_opening_hours"
    BAD_PARAMETER = "bad_parameter"


MESSAGES = {
    PlanningErrorCode.NOT_ALLOWED: "Je mag dit niet doen met je rol.",
    PlanningErrorCode.NO_HISTORY: (
        "Er zijn geen contacten in het jaar voor {start} voor deze keuze: zonder historiek "
        "kan er geen prognose gemaakt worden."
    ),
    PlanningErrorCode.BAD_HORIZON: "De horizon moet tussen 1 en {limit} dagen liggen.",
    PlanningErrorCode.BAD_CHANNEL: "Onbekend kanaal ‘{value}’.",
    PlanningErrorCode.BAD_FREQ: "Kies per dag of per half uur, niet ‘{value}’.",
    PlanningErrorCode.ENGINE: "De prognose lukte niet: {detail}",
    PlanningErrorCode.NEEDS_HALF_HOURS: (
        "Een personeelsplan heeft een prognose per half uur nodig; deze is per dag."
    ),
    PlanningErrorCode.NOT_WRITTEN: (
        "De tweede prognose moet over e-mail of webformulieren gaan, niet over ‘{value}’."
    ),
    PlanningErrorCode.MISMATCH: (
        "De prognose voor e-mail moet dezelfde periode en partner hebben als de hoofdprognose."
    ),
    PlanningErrorCode.NO_OPENING_HOURS: (
        "Er zijn geen openingsuren in deze periode: vul de openingsuren in de "
        "samenwerkingsovereenkomst aan."
    ),
    PlanningErrorCode.BAD_PARAMETER: "Ongeldige waarde voor {name}: {detail}",
}


class PlanningError(CodedError):
    messages = MESSAGES
