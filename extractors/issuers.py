"""Who issued a document: the title's lead before 关于, the metadata's 发文机关, the signature block."""
from __future__ import annotations

import re

_ISSUER_LINE = re.compile(r"(人民政府|政府|办公室|办公厅|委员会|委|局|厅|部|院|会|中心|署|小组|领导小组)$")
_RUN_IN_SIGNATURE = re.compile(r"^[^\s。，]{0,12}?日((?:[\u4e00-\u9fff]{2,20}?(?:厅|局|委|办公室|办公厅|政府)\s?){1,4})")


def issuer_texts(text: str, title: str | None, title_span: tuple[int, int] | None, meta_issuer: str | None,
                 signature_starts: list[int]) -> tuple[list[str], list[tuple[int, int]]]:
    """Issuer names (for region scoring) and their spans in `text` (for agency roles)."""
    names: list[str] = []
    spans: list[tuple[int, int]] = []
    if title_span:
        j = text.find("关于", title_span[0], title_span[1] + 2)  # a title may run over lines
        if j > title_span[0]:
            names.append(text[title_span[0]:j])
            spans.append((title_span[0], j))
    elif title and title.find("关于") > 0:
        names.append(title[:title.find("关于")])
    if meta_issuer:
        names.append(meta_issuer)
    for pos in signature_starts[:1]:
        line_start = text.rfind("\n", 0, pos) + 1
        block_start = line_start
        for _ in range(3):  # up to three short lines of names just above the date
            prev_start = text.rfind("\n", 0, max(0, block_start - 1)) + 1
            cand = text[prev_start:block_start].strip()
            if not cand or len(cand) > 40 or not _ISSUER_LINE.search(cand.replace(" ", "")):
                break
            block_start = prev_start
        same_line = text[line_start:pos].strip()
        if same_line and len(same_line) <= 40:
            names.append(same_line)
            spans.append((line_start, pos))
        if block_start < line_start:
            names.append(text[block_start:line_start])
            spans.append((block_start, line_start))
        if not same_line and block_start == line_start:
            # a signature run into the closing sentence's line (…执行。二〇〇三年一月六日省卫生厅)
            end = text.find("\n", pos)
            m = _RUN_IN_SIGNATURE.match(text[pos:end if end > 0 else len(text)])
            if m:
                spans.append((pos + m.start(1), pos + m.end(1)))
                names.append(m.group(1))
    return names, spans
