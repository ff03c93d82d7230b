"""Proofreading (soát lỗi) of a `ReportDocument`: the slips of Vietnamese administrative text, and
the figures of the prose against the records."""

from .document import Source, passages, proofread
from .findings import KINDS, Finding, Where
from .records import Records

__all__ = ["KINDS", "Finding", "Records", "Source", "Where", "passages", "proofread"]
