"""Where the tests' own data files are: everything a test reads lives inside the repository, so a clone
in any folder runs the suite (tests/fixtures/README.md says where each came from)."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLES = FIXTURES / "samples"
SAMPLE_ZH = SAMPLES / "contract-bride.zh.txt"
SAMPLE_FOUNTAIN = SAMPLES / "contract-bride.fountain"
FOUNTAIN_SUITE = FIXTURES / "fountain-conformance"
REAL = FIXTURES / "real"
