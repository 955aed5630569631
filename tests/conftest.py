"""Shared helpers for the test suite (no test needs ../shared)."""
from __future__ import annotations

import pathlib

import pytest

FIXTURES = pathlib.Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures() -> pathlib.Path:
    """The folder of fixture pages."""
    return FIXTURES
