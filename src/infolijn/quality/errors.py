"""Domain errors of the quality app: a stable code and one Dutch message per code."""

import enum

from infolijn.core.errors import CodedError


class QualityErrorCode(enum.StrEnum):
    NOT_ALLOWED = "not_allowed"
    OWN_CONTACT = "own_contact"
    NOT_A_CALL = "not_a_call"
    WRONG_STATUS = "wrong_status"
    TEXT_REQUIRED = "text_required"
    NOT_AN_EVALUATOR = "not_an_evaluator"
    ALREADY_SCORED = "already_scored"
    NO_SCENARIOS = "no_scenarios"
    NO_VOLUME = "no_volume"
    PLAN_HAS_RESULTS = "plan_has_results"
    NO_PLAN = "no_plan"


MESSAGES = {
    QualityErrorCode.NOT_ALLOWED: "Je mag dit niet doen met jouw rol.",
    QualityErrorCode.OWN_CONTACT: "Je kunt geen gesprek beluisteren dat je zelf hebt gevoerd.",
    QualityErrorCode.NOT_A_CALL: "Alleen telefoongesprekken kunnen beluisterd worden.",
    QualityErrorCode.WRONG_STATUS: "Dat kan niet meer: de beluistering is {status}.",
    QualityErrorCode.TEXT_REQUIRED: "Schrijf een korte uitleg.",
    QualityErrorCode.NOT_AN_EVALUATOR: "Je bent geen beoordelaar in deze kalibratiesessie.",
    QualityErrorCode.ALREADY_SCORED: "Je hebt in deze kalibratiesessie al gescoord.",
    QualityErrorCode.NO_SCENARIOS: "Er zijn geen scenario's voor de partners met oproepen.",
    QualityErrorCode.NO_VOLUME: "Er zijn geen telefoongesprekken om de strata op te baseren.",
    QualityErrorCode.PLAN_HAS_RESULTS: "Het plan heeft al resultaten en kan niet opnieuw.",
    QualityErrorCode.NO_PLAN: "Maak eerst een plan.",
}


class QualityError(CodedError, ValueError):
    messages = MESSAGES
