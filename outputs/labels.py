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

# why an input gave no document (`errors.error`), for a reader; `error_reason` refines a few by their detail
ERROR_LABELS = {"unsupported_format": "不支持的格式", "no_text_layer": "扫描件无文字层", "decode_error": "无法解码",
                "empty_after_cleaning": "去除页眉页脚等内容后没有正文", "not_a_document": "不是政策文件（列表页、错误页或空白页）",
                "read_error": "读取时出错", "too_large": "文件过大，超出读取上限", "fetch_error": "下载失败"}
_ERROR_DETAILS = (  # (reason, words in the detail, what a reader is told)
    ("decode_error", "font map", "字体无法解码（PDF 内嵌字体缺少到汉字的映射）"),
    ("decode_error", "PDF", "PDF 文件已损坏，无法打开"),
    ("decode_error", "DOCX", "DOCX 文件已损坏，无法打开"),
    ("decode_error", "", "文字编码无法识别或文件已损坏"),
    ("no_text_layer", "", "扫描件无文字层（需要先做文字识别）"),
    ("unsupported_format", "RAR", "不支持的格式：RAR 压缩包"),
    ("unsupported_format", "ZIP", "不支持的格式：ZIP 压缩包"),
    ("unsupported_format", "legacy Office", "不支持的格式：旧版 Office 或 WPS 文件（.doc/.wps/.xls），请另存为 DOCX 或 PDF"),
    ("unsupported_format", "spreadsheet", "不支持的格式：电子表格"),
    ("not_a_document", "challenge", "不是政策文件：错误页或访问验证页"),
    ("fetch_error", "HTTP", "下载失败：网站返回错误"),
    ("fetch_error", "not one of this source", "未下载：不属于该来源的网站"),
    ("fetch_error", "private or loopback", "未下载：内网或本机地址"),
)


def error_reason(error: str | None, detail: str | None = None) -> str:
    """The reason an input gave no document, in Chinese (扫描件无文字层, 字体无法解码, 不支持的格式…)."""
    for reason, words, label in _ERROR_DETAILS:
        if error == reason and words in (detail or ""):
            return label
    return ERROR_LABELS.get(error or "", "其他原因")
