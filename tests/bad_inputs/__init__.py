"""The bad-input corpus: hostile or broken inputs, each with what a user must see.

Every case is a file (its bytes built here, so the corpus needs no binary fixtures), the records
that must go through (``good``), and the records that must be rejected, each with text its
error must name (record and field). ``tests/test_bad_input.py`` runs every case through every
command that reads records; ``python -m tests.bad_inputs`` prints the corpus figures per reader.
Add a case for every input that ever crashed or lost a record. One module per reader family.
"""

from __future__ import annotations

from . import citations, json_apis, linked_data, notice_forms, notice_json, xml_records
from .case import Case, Rejected

__all__ = ["CASES", "Case", "Rejected"]

CASES: tuple[Case, ...] = (
    *notice_json.CASES,
    *notice_forms.CASES,
    *json_apis.CASES,
    *xml_records.CASES,
    *citations.CASES,
    *linked_data.CASES,
)
