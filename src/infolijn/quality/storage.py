"""Private file storage for call recordings: outside MEDIA_ROOT, so never served as media."""

import os
import uuid
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible
class RecordingStorage(FileSystemStorage):
    """``DATA_DIR/private/recordings``, read from the settings at use (tests change DATA_DIR)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)

    @property
    def base_location(self) -> str:
        return str(Path(settings.DATA_DIR) / "private" / "recordings")

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    def url(self, name: str | None) -> str:
        raise ValueError("recordings have no public URL; serve them through quality:recording")


def recording_path(instance: Any, filename: str) -> str:
    """A random name: the original name may hold personal data and says nothing we need."""
    extension = os.path.splitext(filename)[1].lower()[:5]
    return f"{uuid.uuid4().hex}{extension}"
