"""Data files shipped under the top-level resources/ folder (templates, demo data, translations)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"


def load_json(relative_path: str) -> Any:
    with (RESOURCES_DIR / relative_path).open(encoding="utf-8") as handle:
        return json.load(handle)
