"""Chinese display labels for the record vocabularies (kind, comparator, region level), one table each;
the web UI, the report and the comparison all use these."""
from __future__ import annotations

from extractors.records import LEVEL_RANK, LEVELS

KIND_LABELS = {"target": "目标", "provision": "政策规定", "reported": "已有数据"}
# comparator → (symbol before a value in a table cell, word in a sentence)
COMPARATORS = {">=": ("≥", "不低于"), ">": (">", "超过"), "<=": ("≤", "不高于"), "<": ("<", "低于"), "~": ("约", "约"),
               "=": ("", "")}
COMPARATOR_SYMBOLS = {k: symbol for k, (symbol, _) in COMPARATORS.items()}
COMPARATOR_LABELS = {k: word for k, (_, word) in COMPARATORS.items()}
LEVEL_LABELS = dict(zip(LEVELS, ("省级", "市级", "县级")))

__all__ = ["COMPARATORS", "COMPARATOR_LABELS", "COMPARATOR_SYMBOLS", "KIND_LABELS", "LEVELS", "LEVEL_LABELS", "LEVEL_RANK"]
