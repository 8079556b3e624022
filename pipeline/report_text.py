"""Clean a report's raw text as pasted from a web page, keeping track of where each line was.

Handles traditional characters, pinyin glosses (業(yè)), full-width forms, site navigation
and copyright boilerplate, and a synonym spinner's rewording (添加 for 增加…).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from pipeline.normalize import strip_pinyin_glosses, to_simplified

BOILERPLATE = re.compile(
    r"版权|copyright|©|免责声明|责任编辑|阅读[:：]|您当前的位置|本站|本网|转载请|联系我们|"
    r"关于我们|首页\s*[|>]|分享到|扫一扫|上一篇|下一篇|作\s*者[:：]|来源[:：]", re.IGNORECASE)

# A synonym spinner's substitutions, undone for matching only (quotes keep the printed text).
SPUN_WORDS = {
    "添加值": "增加值", "添加": "增长", "规划以上": "规模以上", "作业": "工作", "掩盖": "覆盖",
    "展开": "发展", "思维": "思想", "辅导": "指导", "遵循": "贯彻", "根底": "基础",
    "立异": "创新", "完结": "完成", "估计": "预计", "力求": "力争", "方针": "目标",
    "到达": "达到", "超越": "超过", "制作业": "制造业", "制作": "制造", "事务总量": "业务总量",
    "职业收入": "行业收入", "全职业": "全行业", "拟定": "制定", "搬家": "搬迁",
    "出产": "生产", "培养": "培育", "悉数": "全部", "决议计划": "决策部署", "方针任务": "目标任务",
    "出资": "投资",
}
# Taiwan and Hong Kong words for mainland ones, as reprints there print them (固定宽频): a
# few words only, since OpenCC's tw2sp also rewrites mainland words (新增 → 添加, 核心 → 内核).
REGIONAL_WORDS = {"宽频": "宽带", "网路": "网络", "行动电话": "移动电话", "软体": "软件"}
_STANDARD = {**SPUN_WORDS, **REGIONAL_WORDS}
_NONSTANDARD = re.compile("|".join(sorted(map(re.escape, _STANDARD), key=len, reverse=True)))


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One kept line of the report: its text as printed (glosses removed, simplified)."""

    line: int
    text: str


def clean_text(text: str) -> str:
    """Glosses removed, full-width forms folded, traditional converted to simplified."""
    text = strip_pinyin_glosses(text)
    text = unicodedata.normalize("NFKC", text)
    return to_simplified(text)


def unspin(text: str) -> str:
    """Standard wording for matching: 全国规划以上工业添加值添加 → 全国规模以上工业增加值增长."""
    return _NONSTANDARD.sub(lambda m: _STANDARD[m.group(0)], text)


def is_boilerplate(line: str) -> bool:
    """Navigation bars, bylines and copyright notices: not part of the report."""
    if line.count("|") >= 3 or line.count(">>") >= 2:
        return True
    return bool(BOILERPLATE.search(line)) and len(line) < 120


def paragraphs(raw: str) -> list[Paragraph]:
    """The report's paragraphs, cleaned, with their 1-based line numbers in the raw text."""
    kept = []
    for number, line in enumerate(raw.splitlines(), start=1):
        text = clean_text(line).strip()
        if text and not is_boilerplate(text):
            kept.append(Paragraph(number, text))
    return kept
