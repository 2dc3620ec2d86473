"""One thing wrong with an input file, as operators read it (pure: imported by pure parsers)."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """Reported as ``FILE:LINE: field: problem``.

    ``line`` is the physical line (1-based); 0 when the whole file is at fault or, for JSON,
    when no line could be told (``field`` then holds the JSON path)."""

    line: int
    field: str
    problem: str

    def format(self, filename: str) -> str:
        where = f"{filename}:{self.line}" if self.line else filename
        return f"{where}: {self.field}: {self.problem}"
