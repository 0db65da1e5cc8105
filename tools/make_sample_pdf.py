"""Write corpora/samples/zibo_county_health_plan.pdf, the sample PDF with a text layer.

Run once when the sample text changes (needs fpdf2 and a CJK font such as Debian's fonts-wqy-microhei):
    python tools/make_sample_pdf.py [FONT_PATH]
"""
from __future__ import annotations

import sys
from pathlib import Path

from fpdf import FPDF

OUT = Path(__file__).resolve().parents[1] / "corpora" / "samples" / "zibo_county_health_plan.pdf"
FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

PAGES = [
    ["淄博市卫生健康委员会文件", "", "淄卫发〔2024〕7号", "",
     "淄博市卫生健康委员会", "关于印发淄博市县域医疗服务次中心建设实施方案的通知", "",
     "各区县卫生健康局，高新区、经济开发区、文昌湖区卫生健康主管部门：",
     "现将《淄博市县域医疗服务次中心建设实施方案》印发给你们，请认真贯彻执行。", "",
     "淄博市卫生健康委员会", "2024年7月29日"],
    ["淄博市县域医疗服务次中心建设实施方案", "",
     "一、建设目标。2026年年底前，全市建成10家县域医疗服务次中心，每家次中心床位数不少于100张，"
     "全市村卫生室中具备执业（助理）医师资格的乡村医生占比达到48%以上。",
     "二、支持政策。市级财政对验收合格的次中心给予一次性奖补50万元；次中心引进的全科医生",
     "，按每人每年2万元的标准给予生活补助，补助期限不超过3年。",
     "三、进度安排。各区县于2024年9月30日前上报建设计划，2025年6月底前完成首批4家建设任务。"],
]


def main() -> int:
    font = sys.argv[1] if len(sys.argv) > 1 else FONT
    pdf = FPDF(format="A4")
    pdf.add_font("cjk", fname=font)
    pdf.set_auto_page_break(False)
    for no, lines in enumerate(PAGES, 1):
        pdf.add_page()
        pdf.set_font("cjk", size=11)
        pdf.set_xy(20, 12)
        pdf.cell(170, 6, "淄博市卫生健康委员会规范性文件", align="C")
        y = 30
        for line in lines:
            pdf.set_xy(20, y)
            if len(line) < 30 and not line.startswith(("各", "现将")):
                pdf.cell(170, 7, line, align="C")
                y += 8
            else:  # body paragraphs wrap at the right margin, as a word processor would
                pdf.multi_cell(170, 7, line, align="L")
                y = pdf.get_y() + 1
        pdf.set_xy(20, 280)
        pdf.cell(170, 6, f"- {no} -", align="C")
    pdf.output(str(OUT))
    print(f"wrote {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
