from enum import Enum

from django.utils.translation import gettext_lazy as _


class KnowledgeErrorCode(Enum):
    SITE_STRUCTURE_MISSING = "site_structure_missing"
    NOT_LIVE = "not_live"
    NOT_AN_EDITOR = "not_an_editor"
    REASON_REQUIRED = "reason_required"
    INVALID_SCRIPT = "invalid_script"
    LEVEL_REASON_REQUIRED = "level_reason_required"


MESSAGES = {
    KnowledgeErrorCode.SITE_STRUCTURE_MISSING: _(
        "De site heeft nog geen startpagina, thema-overzicht of kennisbank. "
        "Voer 'infolijn migrate' uit."
    ),
    KnowledgeErrorCode.NOT_LIVE: _("Dit script is niet gepubliceerd."),
    KnowledgeErrorCode.NOT_AN_EDITOR: _("Alleen redacteurs kunnen dit doen."),
    KnowledgeErrorCode.REASON_REQUIRED: _("Geef een reden op."),
    KnowledgeErrorCode.INVALID_SCRIPT: _("Het script is niet geldig."),
    KnowledgeErrorCode.LEVEL_REASON_REQUIRED: _(
        "Dit script is moeilijker dan B1. Maak het eenvoudiger of geef een reden op."
    ),
}


class KnowledgeError(Exception):
    def __init__(self, code: KnowledgeErrorCode, detail: str = "") -> None:
        self.code = code
        self.detail = detail
        super().__init__(f"{code.value}: {detail}" if detail else code.value)

    @property
    def message(self) -> str:
        base = str(MESSAGES[self.code])
        return f"{base} {self.detail}".strip()
