"""Domain errors with a stable code and one Dutch message per code (for users)."""

import enum
from collections.abc import Mapping
from typing import Any, ClassVar


class CodedError(Exception):
    """Subclasses set ``messages``: code → Dutch message with ``{name}`` placeholders."""

    messages: ClassVar[Mapping[Any, str]] = {}

    def __init__(self, code: enum.Enum, field: str | None = None, **params: object) -> None:
        self.code = code
        self.field = field
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return self.messages[self.code].format(**self.params)
