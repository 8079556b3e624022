"""Draft candidate records from a report's raw text, for an analyst to confirm.

For each clause that carries a figure: the phrase, the value in base units, the qualifier,
target or outcome, the period, and the indicator ranked through the registry's names and
aliases. Nothing here is final: every candidate is written as a draft.

Periods come from context, nearest first: the figure's own clause and sentence (预计2025年,
截至10月底, 1-11月), then what its paragraph said for the same voice (会议总结了2025年工作 is
the year of results, 部署2026年重点工作 the year of goals), then the report's date: a
December conference reports that year's results and next year's goals, a report published in
January to May reports the year before, and a level given without a date between June and
November is as of the report's month (the year's end is still ahead). A sentence opening with
其中 is part of the figure before it and shares its voice and period; 年均 in a five-year
review (过去五年) spans those years. Nothing else carries from one paragraph to the next.

The title speaks for the whole page: its year and part of the year (前三季度), the year of a
Government Work Report's goals (2018年政府工作报告“成绩单”), a review year and a goals year
(预计2016年全年指标及2017年…目标), and a voice: under a title announcing goals (《…工作要点》,
将达到, a meeting that 部署s measures) 达到 and 建成 state goals, except in a December report
or a work conference's; under a deadline two or more years ahead (到2025年…), 预计 is a goal;
in January and February a figure passed (超过, 突破) with no voice of its own is last year's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from pipeline.indicator_match import IndicatorMatcher
from pipeline.indicator_rank import Suggestion, measure_cue, unit_fits
from pipeline.models import Indicator
from pipeline.numbers import MULTIPLIERS, Figure, chinese_numeral, find_figures
from pipeline.periods import PeriodError, parse_period
from pipeline.report_text import Paragraph, paragraphs, unspin

TARGET_CUES = ("预期", "力争", "计划", "目标为", "目标是", "主要目标", "争取", "确保", "要求",
               "努力", "力求", "将", "年内", "承诺", "控制在", "再降", "再提高", "再压减", "有望",
               "准备", "工作要点", "工作安排", "要完成", "要实现", "要达到", "要建成")
REFERRED_GOAL = re.compile(r"的(既定|预期|原定)?目标|原定|既定")
GOAL_FRAMING = re.compile(r"左右|以内|控制在|不超过|不高于")
# 城镇新增就业1100万人以上: a floor with no verb of reaching is how a goal is set; a result
# over a floor says so (超过, 突破, 达到…以上, 1270多万). 规模以上, 县级以上 are scopes.
FLOOR = re.compile(r"(?<!规模)(?<!级)以上")
REACHED = re.compile(r"达|提高到|提升到|增至|突破|超过|已|累计|多")
TARGET_PATTERN = re.compile(r"部署(了)?(\d{4}年|明年|今年)|(到|至|在)\d{4}年(底|末)?|"
                            r"的(既定|总体|预期|原定)?目标")
STRONG_OUTCOME_CUES = ("预计", "截至", "截止", "总结", "完成了", "实现了", "同比", "比上年",
                       "较上年", "比去年", "已经", "目前", "现在", "超额", "超过了", "突破了",
                       "达到了", "提高了", "提升了", "增长了", "下降了")
OUTCOME_CUES = (*STRONG_OUTCOME_CUES, "累计", "已", "完成", "当前", "至今", "建成", "达到", "全年",
                "年末", "年底", "达")
ESTIMATE_CUES = ("预计",)
# 2018年政府工作报告“成绩单”, 2020年《政府工作报告》, 《政府工作报告》(2018): the goals of
# a year's Government Work Report are that year's goals, whenever the page was written.
WORK_REPORT_YEAR = re.compile(r"(\d{4})年?[《“]?政府工作(?:报告)?|"
                              r"政府工作报告[》”]?[((](\d{4})[))]")
PLANNED = re.compile(r"达到|建成")
PAST = re.compile(r"已|累计|完成|当前|至今|了")
NOW_CUES = ("目前", "现在", "当前", "至今", "截至目前", "截止目前")
DECLINE = re.compile(r"(下降|降低|减少|压减|回落|降幅|下调|降价|再降)[^,,。;;]*$")
ABOUT_BEFORE = re.compile(r"(约|大约|近|接近|左右)$")
AT_LEAST_BEFORE = re.compile(r"(超过|超|突破|不少于|不低于|至少|高于|逾)了?$")
AT_MOST_BEFORE = re.compile(r"(不超过|不高于|控制在|低于|以内)$")
SENTENCE = re.compile(r"[^。!?!?]+[。!?!?]?")
CLAUSE = re.compile(r"[^,,;;:：]+")
YEAR = re.compile(r"(比|较|相比|与|同|从|由)?(\d{4})年")
PERFECT_LEVEL = re.compile(r"(超过|达到|突破|提升到|提高到|增至|完成)了")
STATISTICS_DAY = 15  # from this day of the month, last month's statistics are out
DATELINE = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
MONTH_DAY = re.compile(r"^(?:[^,,。]{0,12}?)(\d{1,2})月(\d{1,2})日")
RANGE_JOIN = re.compile(r"^\s*(-|—|–|~|至|到)\s*$")
SHARED = re.compile(r"(各|均|都)(同比)?(增长|下降|降低|提高|超过|达到|达|降|为|在)")
COMPARED = re.compile(r"比上年|较上年|比去年|较去年|同比")  # a figure set against last year's
PART_OF = re.compile(r"\s*其中")  # 其中制造业增加值增长3.1%: part of the figure before it
CHANGE = re.compile(r"增长|下降|降低|降幅|增幅|减少|涨幅|上涨")
END_PUNCTUATION = re.compile(r"[。!?!?\s]+$")


@dataclass
class Candidate:
    """One draft record."""

    role: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    unit: str
    period: str
    estimate: bool
    quote: str
    line: int
    indicator: str = ""
    suggestions: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # why each suggestion, or the match


@dataclass(frozen=True, slots=True)
class Report:
    """When the report was stated: the year given, and the month when its dateline says."""

    year: int
    month: int | None = None
    day: int | None = None

    def default_year(self, role: str) -> int:
        """The year a figure with no year of its own refers to, by its voice."""
        if role == "target":
            return self.year + 1 if self.month == 12 else self.year
        return self.year - 1 if self.month is not None and self.month <= 5 else self.year

    def part_year(self, last_month: int) -> int:
        """The year of ``截至11月底``: this year once November is over, else last year."""
        if self.month is not None and last_month >= self.month:
            return self.year - 1
        return self.year


@dataclass
class _Context:
    """What the paragraph said so far: the year of each voice, and the sentence's voice."""

    report: Report
    years: dict[str, int] = field(default_factory=dict)  # voice -> year, for the paragraph
    sentence_year: int | None = None  # a year the sentence named, for either voice
    role: str = ""
    estimate: bool = False
    part: str = ""  # part of the year named earlier in the sentence: "11", "01/10", "Q1"
    part_end: int = 0  # the last month of that part
    now: bool = False  # 目前, 现在: as of the report's date
    page_part: tuple[str, int] | None = None  # the part of the year the title names
    page_span: str = ""  # a plan's years the title names, for goals
    headline_role: bool = False  # the role came from the page's title: any cue overrides it
    span: str = ""  # a span of years the sentence named: 十四五 → 2021-2025
    sure: bool = False  # the role came from explicit words (预期, 预计…), not weak ones
    lead: str = ""  # the sentence before the current clause: its subject, when the clause has none
    page_conference: bool = False  # the title names a meeting (会议): it reviews and plans
    page_review: str = ""  # the years a review title looks back on (过去五年): for 年均
    paragraph_span: str = ""  # a span of years the paragraph named so far: for 年均
    previous: Candidate | None = None  # the figure before this sentence: what 其中 is part of
    topic: str = ""  # the last words that named an indicator: the subject of a bare 占GDP比重…


def report_date(raw: str, year: int) -> Report:
    """The report's month from a dateline in its first lines (``2019-12-23``, or
    ``12月25日`` opening a line), if any."""
    for paragraph in paragraphs(raw)[:4]:
        for match in DATELINE.finditer(paragraph.text):
            if int(match[1]) == year and 1 <= int(match[2]) <= 12:
                return Report(year, int(match[2]), int(match[3]))
        if (match := MONTH_DAY.match(paragraph.text)) and 1 <= int(match[1]) <= 12:
            return Report(year, int(match[1]), int(match[2]))  # 12月25日,会议在京召开
    return Report(year)


def extract(raw: str, year: int, indicators: Iterable[Indicator]) -> list[Candidate]:
    """Candidate records for every figure in the report ``raw``, stated in ``year``."""
    matcher = IndicatorMatcher(indicators)
    report = report_date(raw, year)
    kept = paragraphs(raw)
    page = _headline(kept[0].text, report) if kept else _Context(report)
    candidates: list[Candidate] = []
    topic = ""
    for paragraph in kept:
        context = _Context(report, dict(page.years), role=_page_role(page, report),
                           page_part=(page.part, page.part_end) if page.part else None,
                           page_span=page.span,
                           headline_role=bool(_page_role(page, report)),
                           page_conference="会议" in kept[0].text,
                           page_review=page.page_review,
                           previous=candidates[-1] if candidates else None, topic=topic)
        for sentence in SENTENCE.findall(paragraph.text):
            candidates.extend(_sentence(sentence, paragraph, context, matcher))
            context.previous = candidates[-1] if candidates else None
        topic = context.topic
    return candidates


def _page_role(page: _Context, report: Report) -> str:
    """The voice the title gives the page's figures. A December page reviews its year, so a
    title's goal (力争2020年底…) dates goals there but speaks for no figure below it."""
    return "" if page.role == "target" and report.month == 12 else page.role


def _headline(title: str, report: Report) -> _Context:
    """What the page's first line (its title) says it is about: a voice, and the year and
    part of the year of that voice only. Every paragraph starts from this and nothing else,
    so 部署2026年重点工作 in a heading never dates a result."""
    context = _Context(report)
    for sentence in SENTENCE.findall(title):
        context.sentence_year, context.part, context.part_end = None, "", 0
        for clause in CLAUSE.findall(sentence):
            _update_context(clause, context)
    year = context.sentence_year
    plain = unspin(title)
    if REVIEW_TITLE.search(plain):  # 过去五年回顾: its 年均 figures are over those years
        end = report.default_year("outcome")
        context.page_review = f"{end - 4}-{end}"
    if not context.role and DEPLOYS.search(plain):  # 国务院常务会议部署…: the measures it sets
        context.role = "target"
    named = sorted({y for y, base in ((int(m[2]), m[1]) for m in YEAR.finditer(plain))
                    if not base}
                   | {report.year + offset for word, offset in (("今年", 0), ("明年", 1))
                      if word in plain})
    if len(named) == 2 and named[0] <= report.year < named[1] + 1:
        # 预计2016年全年指标及2017年…目标: a review of one year and the goals of the next
        context.role, context.years, context.estimate = "", {"outcome": named[0],
                                                             "target": named[1]}, False
        return context
    if context.role:
        context.years = {context.role: year} if year is not None else {}
    elif year is not None:  # no voice: a past year is what it reviews, else the year of goals
        context.years = {"outcome" if year < report.year else "target": year}
    if work_report := WORK_REPORT_YEAR.search(unspin(title)):
        context.years["target"] = int(work_report[1] or work_report[2])
    context.estimate = False
    return context


def _sentence(sentence: str, paragraph: Paragraph, context: _Context,
              matcher: IndicatorMatcher) -> list[Candidate]:
    found = []
    context.sentence_year, context.now, context.span = None, False, ""
    context.part, context.part_end = "", 0
    lead = ""
    part_of = context.previous if PART_OF.match(unspin(sentence)) else None
    for clause in CLAUSE.findall(sentence):
        _update_context(clause, context)
        context.lead, lead = lead, (clause if matcher.match(clause, "") else lead + clause)
        figures = _figures(clause)
        if not figures:
            continue
        role, estimate = _role(clause, sentence, context)
        period = _period(clause, role, context)
        if part_of is not None and not context.sentence_year and not context.part:
            role, estimate, period = part_of.role, part_of.estimate, part_of.period
        drafted: list[Candidate] = []
        if "分别" in clause and len(figures) > 1:
            drafted = _respectively(clause, figures, role, estimate, period, paragraph, matcher)
        else:
            for low, high in _pairs(clause, figures):
                drafted += _shared(clause, low, high, role, estimate, period, paragraph,
                                   matcher, context.lead, context.topic)
        said = context.lead + clause
        if drafted and matcher.match(said, ""):  # names an indicator, in whatever unit
            context.topic = said
        as_of = _as_of(clause, role, context)
        found += drafted if part_of is not None else [_fit_period(c, as_of, matcher)
                                                      for c in drafted]
    return found


def _as_of(clause: str, role: str, context: _Context) -> str:
    """``目前``/``已``, or a level verb's perfect ``了`` (超过了, 完成了: "has passed"), with no
    year or part named, here or in the title: as of the report's month, for a level. A
    year named in an earlier clause yields to this clause's own 现在/目前, or to its 已 when that
    year is the report's own (2024年遴选…400个,已累计遴选700个, said in November 2024). So is
    any level a report of June to November gives without a date and not as an estimate (the
    year's end has not come yet), or of the month before when the report is dated from the
    15th, unless a meeting speaks: the month's statistics are out by then."""
    report = context.report
    plain = unspin(clause)
    perfect = "已" in plain or bool(PERFECT_LEVEL.search(plain))
    said_now = context.now or perfect
    mid_year = report.month is not None and 6 <= report.month <= 11 and not context.estimate
    dated = context.sentence_year or context.years.get(role)
    if dated and _named_year(plain, report) is None and (
            any(cue in plain for cue in NOW_CUES) or (perfect and dated == report.year)):
        dated = None  # 去年新批准的3家,现在共有5家: the year was the flow's, the level is now's
    if role != "outcome" or not (said_now or mid_year) or not report.month or report.month < 3 \
            or context.part or context.page_part or dated or context.span:
        return ""
    if said_now or context.page_conference or not report.day or report.day < STATISTICS_DAY:
        return f"{report.year}-{report.month:02d}"
    # from mid-month, a figure with no 目前 or 已 is last month's: that is when the monthly
    # statistics come out (the ministry's for the month before, around the 20th)
    year, month = (report.year, report.month - 1) if report.month > 1 else (report.year - 1, 12)
    return f"{year}-{month:02d}"


def _fit_period(candidate: Candidate, as_of: str, matcher: IndicatorMatcher) -> Candidate:
    """A level is read at a point: ``2023-Q1/Q3`` → ``2023-09``, ``2021-2025`` → ``2025``,
    and ``as_of`` when it is said to be so now; ``截至12月`` is the whole year."""
    indicator = matcher.indicators.get(candidate.indicator)
    try:
        period = parse_period(candidate.period)
    except PeriodError:
        return candidate
    quote = unspin(candidate.quote)
    measure = indicator.measure if indicator else measure_cue(quote)[0]
    if not indicator and candidate.unit == "percent" and CHANGE.search(quote):
        measure = "rate"  # 单价降幅达45%: a change over its period, not a level
    if measure == "stock":
        candidate.period = as_of or period.end_point()
    elif period.is_whole_years and period.start.year == period.end.year:
        candidate.period = str(period.year)
    return candidate


def _figures(clause: str) -> list[Figure]:
    """Figures with a unit, and bare numbers that open a range (``2-3家``)."""
    found = [_per_people(clause, f) for f in find_figures(clause)]
    kept = []
    for index, figure in enumerate(found):
        following = found[index + 1] if index + 1 < len(found) else None
        opens_range = following is not None and following.unit and \
            RANGE_JOIN.match(clause[figure.end: following.start])
        if figure.unit:
            kept.append(figure)
        elif opens_range:  # 2-3万个: the low end takes the high end's unit and multiplier
            scale = next((m for w, m in MULTIPLIERS.items() if w in following.text), 1)
            scale = 1 if any(w in figure.text for w in MULTIPLIERS) else scale
            kept.append(Figure(figure.value * scale, following.unit, figure.start, figure.end,
                               figure.text))
    return kept


def _per_people(clause: str, figure: Figure) -> Figure:
    """``每万人拥有5G基站数达22.6个`` is a density, not a count."""
    before, after = clause[: figure.start], clause[figure.end: figure.end + 4]
    for words, unit in (("每万人", "per_10k_people"), ("每百人", "per_100_people")):
        per = "/" + words[1:]  # 122.5部/百人
        if (words in before or per in after) and figure.unit in ("count", ""):
            return Figure(figure.value, unit, figure.start, figure.end, figure.text)
    return figure


def _voice(plain: str) -> str:
    """``target`` or ``outcome`` when the clause says which, else ``''``."""
    if any(cue in plain for cue in TARGET_CUES) or _future_year(plain):
        return "target"
    if any(cue in plain for cue in STRONG_OUTCOME_CUES):
        return "strong"
    if any(cue in plain for cue in OUTCOME_CUES):
        return "outcome"
    return ""


def _future_year(plain: str) -> bool:
    """``到2025年`` names a deadline, ``部署2018年重点工作`` the year of goals; but
    ``到2025年…已达69.02%`` says where things stand."""
    return bool(TARGET_PATTERN.search(plain)) and "截至" not in plain and "已" not in plain


PLANS = {"十三五": 2016, "十四五": 2021, "十五五": 2026}
REVIEW_TITLE = re.compile(r"过去五年|五年来|五年(工作)?回顾")
DEPLOYS = re.compile(r"会议部署|部署(?!了)")
LISTED_YEARS = re.compile(r"(\d{4})年?[、和及与至到-](\d{4})年")


def _span(plain: str, report: Report) -> str:
    """``十四五``时期 → ``2021-2025`` (前三年 → ``2021-2023``); 过去五年 → the five years
    the report looks back on; 两年平均, 四年累计 → the years up to the last one over."""
    for name, start in PLANS.items():
        if name in plain:
            years = re.search(r"前([二两三四])年", plain)
            length = {"二": 2, "两": 2, "三": 3, "四": 4}[years[1]] if years else 5
            return f"{start}-{start + length - 1}"
    if (listed := LISTED_YEARS.search(plain)) and 0 < int(listed[2]) - int(listed[1]) <= 5:
        return f"{listed[1]}-{listed[2]}"  # 2017年、2018年两次下调: both years
    if re.search(r"过去五年|五年来|五年年均|近五年", plain):
        end = report.default_year("outcome")
        return f"{end - 4}-{end}"
    if years := re.search(r"([二两三四])年(?:平均|累计|均值)", plain):
        end = report.year - 1  # 两年平均, 四年累计: whole years, so up to the last one over
        return f"{end - {'二': 1, '两': 1, '三': 2, '四': 3}[years[1]]}-{end}"
    return ""


def _span_ahead(span: str, year: int) -> bool:
    """Whether a goal's span runs to ``year`` or later: ``高于“十三五”时期实际`` in a 2021
    goal compares with past years, and is not the goal's own span."""
    return bool(span) and int(span[-4:]) >= year


def _this_year_ahead(plain: str, context: _Context) -> bool:
    """``今年…`` before November, with no part of the year named: a plan for the year."""
    month = context.report.month
    return bool(month and month <= 10 and re.search(r"今年(?!以来|前|上半年|一季度)", plain)
                and not _part_of_year(plain) and not context.part)


def _named_year(plain: str, report: Report) -> int | None:
    """The year a clause is about: ``2019年``; ``比2017年`` is a base, so the year after."""
    years = [(int(m[2]), m[1]) for m in YEAR.finditer(plain)]
    own = [y for y, base in years if not base]
    if own:
        return own[-1]
    if years and years[-1][1] in ("比", "较", "相比"):
        return years[-1][0] + 1
    if "明年" in plain:
        return report.year + 1
    if "今年" in plain or "本年" in plain:
        return report.year
    if re.search(r"去年|上年(?!同期|不变价)", plain) and not re.search(r"[比较](上年|去年)",
                                                                      plain):
        return report.year - 1
    return None


def _update_context(clause: str, context: _Context) -> None:
    plain = unspin(clause)
    strong = _voice(plain) == "strong"
    voice = "outcome" if strong else _voice(plain)
    year = _named_year(plain, context.report)
    if strong and _projects_the_plan(plain, year, context):
        voice, strong = "target", False
    if (year is not None and year > context.report.year) or _this_year_ahead(plain, context):
        voice, strong = "target", False  # a year not yet over: what is planned for it
    elif year is not None and year < context.report.year and not voice:
        voice = "outcome"  # 2020年我国新建5G基站超60万个, said in 2021: a year that is over
    if year is not None:
        context.sentence_year = year
        context.years[voice or "target"] = year
        if not voice:
            context.years["outcome"] = year
    if part := _part_of_year(plain):
        context.part, context.part_end = part
    if span := _span(plain, context.report):
        context.span = context.paragraph_span = span
        if LISTED_YEARS.search(plain):
            context.sentence_year = None  # 2017年、2018年: the span, not its last year
    if any(cue in plain for cue in NOW_CUES):
        context.now = True
    weak_default = context.headline_role and not _keeps_planned_voice(plain, strong, context)
    if voice:
        context.headline_role = False
    if voice == "target" or strong:
        context.sure = True
    if voice == "target":
        context.role, context.estimate = "target", False
    elif voice == "outcome" and (strong or weak_default or context.role != "target"):
        estimate = any(cue in plain for cue in ESTIMATE_CUES)
        context.estimate = estimate or (context.role == "outcome" and context.estimate)
        context.role = "outcome"
    elif voice == "outcome" and any(cue in plain for cue in ESTIMATE_CUES):
        context.role, context.estimate = "outcome", True


def _projects_the_plan(plain: str, year: int | None, context: _Context) -> bool:
    """``预计达到80%`` with no year of its own, under a title whose goals lie two or more
    years ahead (到2025年…, said in 2021): what the plan expects by then, a goal."""
    return ("预计" in plain and year is None and not re.search(r"全年|今年|本年|上半年", plain)
            and context.years.get("target", 0) >= context.report.year + 2
            and "outcome" not in context.years)


def _keeps_planned_voice(plain: str, strong: bool, context: _Context) -> bool:
    """Under a title that announces goals (《…工作要点》, 将达到), ``达到``/``建成`` with no
    past cue (已, 累计, 了) is one of them; a bare ``达`` is how statistics are quoted, and a
    work conference's title never speaks for its review of the year."""
    return (context.role == "target" and context.headline_role and not strong
            and not context.page_conference and bool(PLANNED.search(plain))
            and not PAST.search(plain))


def _role(clause: str, sentence: str, context: _Context) -> tuple[str, bool]:
    """Explicit words decide (预期, 力争; 预计, 截至); else a figure framed as 左右 or 以内, or
    a bare floor (以上), is a goal; else weaker words (达到, 增长) or the page's title, unless
    the figure is set against last year's (比上年); else a result as printed."""
    if context.role and context.sure:
        return context.role, context.estimate
    plain = unspin(clause)
    if (GOAL_FRAMING.search(plain) and "已" not in plain) \
            or (FLOOR.search(plain) and not REACHED.search(plain)):
        return "target", False  # 已达到10%左右 is an approximate result
    if context.headline_role and context.role == "target" and _new_year_review(plain, context):
        return "outcome", False  # 5G应用创新案例超过2万个, in January: last year's result
    if context.headline_role and context.role == "target" and not _voice(plain) \
            and COMPARED.search(unspin(sentence)):
        return "outcome", False  # 占GDP比重为28%,比上年提高0.5个百分点: a result
    if context.role:
        return context.role, context.estimate
    return "outcome", False


def _new_year_review(plain: str, context: _Context) -> bool:
    """In January or February a figure passed (超过, 突破) with no voice or year of its own
    reports the year just ended, whatever goals the title announces."""
    month = context.report.month
    return bool(month and month <= 2 and re.search(r"超过|突破", plain)
                and not _voice(plain) and context.sentence_year is None)


def _part_of_year(plain: str) -> tuple[str, int] | None:
    """``1-10月`` → ``('01/10', 10)``, ``截至11月末`` → ``('11', 11)``, ``前三季度`` →
    ``('Q1/Q3', 9)``, ``三季度`` → ``('Q3', 9)``, else ``None``."""
    if match := re.search(r"(\d{1,2})\s*[-—~至到]\s*(\d{1,2})月", plain):
        return f"{int(match[1]):02d}/{int(match[2]):02d}", int(match[2])
    if match := re.search(r"截[至止](?:\d{4}年|今年)?(\d{1,2})月", plain):
        return f"{int(match[1]):02d}", int(match[1])
    if match := re.search(r"[到至](?:\d{4}年|今年)?(\d{1,2})月(?:份|底|末)", plain):
        return f"{int(match[1]):02d}", int(match[1])  # 上升到今年8月份的98.7%
    if match := re.search(r"前(\d{1,2}|[一二两三四五六七八九十]{1,2})个?月", plain):
        months = int(match[1]) if match[1].isdigit() else chinese_numeral(match[1]) or 0
        if 1 <= months <= 12:
            return f"01/{months:02d}", months
    for word, code, end in (("前三季度", "Q1/Q3", 9), ("上半年", "H1", 6)):
        if word in plain:
            return code, end
    if match := re.search(r"([一二三四])季度", plain):  # 三季度中国用户月使用流量增93.6%
        quarter = "一二三四".index(match[1]) + 1
        return f"Q{quarter}", 3 * quarter
    return None


def _period(clause: str, role: str, context: _Context) -> str:
    part, report = context.part, context.report
    if not part and role == "outcome" and context.page_part and not context.sentence_year:
        part, context.part_end = context.page_part  # 前11个月通信业…: the title's months
    if part:
        year = context.sentence_year or report.part_year(context.part_end)
        return f"{year}-{part}"
    if role == "target" and REFERRED_GOAL.search(unspin(clause)):
        role = "outcome"  # 高于…的预期目标: the goal the results are judged against
    due = context.sentence_year or context.years.get(role) or report.default_year(role)
    if role == "target" and "年均" in clause and not context.sentence_year \
            and not _span_ahead(context.span, due):
        start = 2016 + (due - 2016) // 5 * 5  # 年均增长7%以上: over the plan in force
        return f"{start}-{start + 4}"
    if context.span and not context.sentence_year:
        return context.span  # 十四五期间 in the sentence is nearer than the title's year
    if role == "outcome" and "年均" in clause and not context.sentence_year \
            and (context.paragraph_span or context.page_review):
        return context.paragraph_span or context.page_review  # 过去五年…年均增长5.2%
    year = context.sentence_year or context.years.get(role)
    if role == "target" and context.page_span and not year:
        return context.page_span  # 《“十四五”…规划》: the plan's years
    return str(year or report.default_year(role))


def _pairs(clause: str, figures: list[Figure]) -> list[tuple[Figure, Figure | None]]:
    """Figures one by one, except ``5.5%-6%`` and ``2-3家`` which are one range each."""
    pairs: list[tuple[Figure, Figure | None]] = []
    skip = False
    for index, figure in enumerate(figures):
        if skip:
            skip = False
            continue
        following = figures[index + 1] if index + 1 < len(figures) else None
        if following and following.unit == figure.unit and \
                RANGE_JOIN.match(clause[figure.end: following.start]):
            pairs.append((figure, following))
            skip = True
        else:
            pairs.append((figure, None))
    return pairs


def _qualifier(clause: str, figure: Figure) -> str:
    before = unspin(clause[max(0, figure.start - 4): figure.start]).rstrip()
    after = clause[figure.end: figure.end + 3]
    if "多" in figure.text or "余" in figure.text or after.startswith(("以上", "多", "余")):
        return "at_least"
    if after.startswith("左右") or ABOUT_BEFORE.search(before) or figure.text.startswith("翻"):
        return "about"  # 翻番: doubled, a round +100%
    if after.startswith(("以内", "以下")) or AT_MOST_BEFORE.search(before):
        return "at_most"
    if AT_LEAST_BEFORE.search(before):
        return "at_least"
    return "exact"


def _signed(clause: str, figure: Figure, value: float, qualifier: str) -> tuple[float, str]:
    """A percentage after 下降/降低 is a fall: negative, and a floor on the cut is a ceiling."""
    if figure.unit != "percent" or not DECLINE.search(unspin(clause[: figure.start])):
        return value, qualifier
    flipped = {"at_least": "at_most", "at_most": "at_least"}.get(qualifier, qualifier)
    return -value, flipped


def _indicator(subject: str, unit: str, matcher: IndicatorMatcher,
               own: str | None = None) -> tuple[str, str, list[Suggestion]]:
    """The matched indicator id, the unit it is measured in, and the ranked suggestions."""
    ranked = matcher.suggestions(subject, unit, own=own)
    best = ranked[0] if ranked and (ranked[0].whole_name or ranked[0].id == matcher.sole(unit)) \
        else None  # 普及率为122.5部/百人: the words fit, and nothing else is counted per 100
    if best is None:
        return "", unit, ranked
    return best.id, matcher.indicators[best.id].unit, [best]


def _candidate(clause: str, figure: Figure, upper: Figure | None, role: str, estimate: bool,
               period: str, paragraph: Paragraph, matcher: IndicatorMatcher,
               subject: str | None = None, own: str | None = None) -> Candidate:
    quote = END_PUNCTUATION.sub("", clause.strip())
    indicator, unit, ranked = _indicator(quote if subject is None else subject, figure.unit,
                                         matcher, own)
    reasons = []
    if "百分点" in figure.text:  # 比上年提高0.5个百分点: a change of a share, not the share
        indicator, unit = "", figure.unit
        ranked = matcher.suggestions(quote if subject is None else subject, figure.unit)
        reasons = [f"{s.reason}, but this figure is its change in percentage points"
                   for s in ranked]
    elif not indicator and subject is not None:  # suggest from the quote, as validate will
        ranked = matcher.suggestions(quote, figure.unit)
    suggestions = [] if indicator else [s.id for s in ranked]
    reasons = reasons or [s.reason for s in ranked]
    if upper is not None:
        low, _ = _signed(clause, figure, figure.value, "range")
        high, _ = _signed(clause, upper, upper.value, "range")
        low, high = sorted((low, high))
        return Candidate(role, None, low, high, "range", unit, period, estimate, quote,
                         paragraph.line, indicator, suggestions, reasons)
    value, qualifier = _signed(clause, figure, figure.value, _qualifier(clause, figure))
    return Candidate(role, value, None, None, qualifier, unit, period,
                     estimate and role == "outcome", quote, paragraph.line, indicator,
                     suggestions, reasons)


def _shared(clause: str, figure: Figure, upper: Figure | None, role: str, estimate: bool,
            period: str, paragraph: Paragraph, matcher: IndicatorMatcher,
            lead: str = "", topic: str = "") -> list[Candidate]:
    """``A和B各降低4%``: one candidate per quantity the figure covers; else just one. A
    clause with no indicator of its own (``比上年增长6.9%``) is read with its sentence's
    subject (``国内生产总值827122亿元``), or else with the last words that named one
    (``占GDP比重达到36.2%`` after ``数字经济规模年均增长16.6%``)."""
    if upper is None and (place := _place_share(clause, figure, lead or topic, matcher)):
        return [_candidate(clause, figure, upper, role, estimate, period, paragraph, matcher,
                           place)]
    subjects = _covered(clause, figure, matcher) if SHARED.search(clause[: figure.start]) \
        else _joint(clause[: figure.start], figure.unit, matcher)
    if len(subjects) < 2:
        subject, own = _list_item(clause, figure), None
        listed = subject is not None
        if lead and not listed and not matcher.match(clause, figure.unit):
            subject = lead + "," + clause
        if topic and not listed and not matcher.match(subject or clause, figure.unit) \
                and not _names_its_own(clause, figure) \
                and matcher.match(topic + "," + clause, figure.unit, clause):
            subject, own = topic + "," + clause, clause
        drafted = _candidate(clause, figure, upper, role, estimate, period, paragraph,
                             matcher, subject, own)
        if subject is not None and not listed and drafted.indicator \
                and _has_subject(clause, figure) \
                and not matcher.shares_words(drafted.indicator, _subject_words(clause, figure)):
            drafted = _candidate(clause, figure, upper, role, estimate, period, paragraph,
                                 matcher)
        return [drafted]
    return [_candidate(clause, figure, upper, role, estimate, period, paragraph, matcher,
                       subject) for subject in subjects]


# Words that say how or when a figure is measured, not what: what is left names a subject.
NOT_A_SUBJECT = re.compile(
    r"(比|较|相比)(上年|去年|上一年|同期)(同期|末|底)?|同比|环比|分别|均|各|都|全年|预计|估计|累计|"
    r"年均|其中|约|近|超过|超|突破|达到|达|为|是|增长|下降|降低|提高|提升|增加|减少|上涨|回落|"
    r"完成|实现|已经|已|共|总计|合计|目前|当前|现在|由|从|增至|提高到|提升到|到|至|在|了|的|"
    r"实际|涨幅|增幅|降幅|增速|比重|占比|比例|规模|总量|总数|数量|强度|水平|均值|平均|"
    r"明显|远远|大大|高于|低于|优于|好于|"
    r"今年|去年|上年|本年|明年|年末|年底|上半年|前三季度|季度|将|有望|力争|预期|[二两三四五]年|"
    r"\d+(\.\d+)?\s*[年月日]?|[^\u4e00-\u9fff]")
STOCK_OR_FLOW_VERB = re.compile(r"^\D*?(累计|新增|新建|新培育)")


def _has_subject(clause: str, figure: Figure) -> bool:
    """``高新技术企业达46.3万家`` says what it counts before the figure; ``比上年增长6.9%``,
    ``基站总数达到200万个`` and ``占GDP比重达到36.2%`` need words said before them."""
    before = clause[: figure.start].strip()
    if re.match(r"(其中|同比|比上年|较上年)?占", before):
        return False
    return len(NOT_A_SUBJECT.sub("", before)) >= 4


def _subject_words(clause: str, figure: Figure) -> str:
    """What the words before the figure name, the words of how and when left out."""
    return NOT_A_SUBJECT.sub("|", clause[: figure.start])


def _list_item(clause: str, figure: Figure) -> str | None:
    """``累计培育专精特新中小企业超过14万家、“小巨人”企业1.46万家``: in a list of figures
    each item (between 、) that names what it counts is its own subject, with the list's
    累计 or 新增; ``None`` outside such a list or for an item with no subject (、增长5%)."""
    if "、" not in clause:
        return None
    items, start = [], 0
    for part in clause.split("、"):
        if figures := _figures(part):
            items.append((start, start + len(part), part, figures[0]))
        start += len(part) + 1
    if len(items) < 2:
        return None
    for begin, end, part, first in items:
        if begin <= figure.start < end and (_has_subject(part, first)
                                            or _names_its_own(part, first)):
            verb = STOCK_OR_FLOW_VERB.match(clause)
            return (verb[1] if verb and begin > 0 else "") + part
    return None


COUNTED_AFTER = re.compile(r"^(?!以上|左右|以下|多|余)[\u4e00-\u9fff]{2}")
# 70%的危险化学品…: a share of what follows; not 6%的目标, 30%的承诺, 8.1%的增长, 3.5%的涨幅目标
SHARE_OF_AFTER = re.compile(r"^的(?!(预期|既定|原定)?目标|承诺|任务要求|"
                            r"增长|增幅|涨幅|降幅|增速|下降)[\u4e00-\u9fff]{2}")


def _names_its_own(clause: str, figure: Figure) -> bool:
    """``6万个农村4G基站建设``, ``打造100个标杆工厂``: the figure names what it counts, and
    ``完成70%的危险化学品生产企业搬迁改造任务`` what it is a share of, so no earlier
    subject is read into it."""
    after = clause[figure.end:]
    if figure.unit == "percent":
        return bool(SHARE_OF_AFTER.match(after))
    return figure.unit == "count" and bool(COUNTED_AFTER.match(after))


PLACE_AFTER = re.compile(r"^的?(县城城区|乡镇镇区|行政村|乡镇)")
NETWORKS = ("5G", "4G", "光纤")


def _place_share(clause: str, figure: Figure, lead: str, matcher: IndicatorMatcher) -> str:
    """``超过98%的县城城区和80%的乡镇镇区``: a share names the places it covers after the
    figure. The subject is that place with the network the sentence names, or else the only
    network the registry measures there, as the registry writes it; else ``''``."""
    place = PLACE_AFTER.match(clause[figure.end:]) if figure.unit == "percent" else None
    if place is None:
        return ""
    said = unspin(lead + clause)
    nets = [net for net in NETWORKS if net in said] or [
        net for net in NETWORKS if any(place[1] in name and net in name
                                       for i in matcher.indicators.values()
                                       for name in (i.zh, *i.aliases))]
    if len(nets) != 1:
        return ""
    return next((subject for subject in (f"{place[1]}{nets[0]}覆盖比例",
                                         f"{place[1]}{nets[0]}网络覆盖",
                                         f"{place[1]}通{nets[0]}比例",
                                         f"{place[1]}{nets[0]}通达率")
                 if matcher.match(subject, figure.unit)), "")


def _joint(head: str, unit: str, matcher: IndicatorMatcher) -> list[str]:
    """``中小企业宽带和专线平均资费降低15%``: one goal for two quantities the registry keeps
    apart (宽带 and 专线 平均资费), when each part, with the shared noun, names a different
    indicator; else none."""
    parts = [p for p in re.split(r"和|及|与", head) if p.strip()]
    noun = JOINT_NOUN.search(parts[-1]) if len(parts) == 2 else None
    if noun is None or noun.start() == 0:
        return []
    subjects = [parts[0] + parts[-1][noun.start():], parts[-1]]
    found = [matcher.match(subject, unit) for subject in subjects]
    if all(found) and len(set(found)) == len(found):
        return subjects
    return _joint_alias(head, unit, matcher)


def _joint_alias(head: str, unit: str, matcher: IndicatorMatcher) -> list[str]:
    """``宽带和专线平均资费降低15%`` with its scope said before (中小企业): the indicators a
    joint alias ending in these words names (企业宽带和专线平均资费降低), one subject each."""
    words = head.strip()
    if len(words) < 6:
        return []
    named = [i for i in matcher.indicators.values() if unit_fits(i.unit, unit)
             and any(a != words and a.endswith(words) for a in i.aliases)]
    return [i.zh for i in named] if len(named) >= 2 else []


JOINT_NOUN = re.compile(r"(平均资费|资费|增加值|收入)")


def _covered(clause: str, figure: Figure, matcher: IndicatorMatcher) -> list[str]:
    """The quantities before 各/均 (``A、B和C``), each with the words that follow them. When
    splitting at 和 too breaks a name (软件和信息技术服务业收入), the list is split at 、
    only, whichever names more indicators."""
    head = clause[: figure.start]
    shared = SHARED.search(head)
    assert shared is not None
    subject_text, tail = head[: shared.start()], head[shared.start():]
    readings = [_items(re.split(r"、|和|及|与", subject_text), tail),
                _items(subject_text.split("、"), tail), _crossed(subject_text, tail)]
    known = [sum(bool(matcher.match(s, figure.unit)) for s in r) for r in readings]
    return readings[max(range(len(readings)), key=lambda i: (known[i], -i))]


def _items(parts: list[str], tail: str) -> list[str]:
    """Each listed quantity completed with the list's shared head and noun, or ``[]``."""
    parts = [p for p in parts if p.strip()]
    if len(parts) < 2:
        return []
    # 单位国内生产总值能耗和二氧化碳排放: the first part's head (单位国内生产总值) is shared;
    # 行政村通光纤和4G网络通达比例: so is the last part's noun (比例).
    # 行政村通光纤和4G: so is the first part's verb (通).
    lead = re.match(r"(单位国内生产总值|单位GDP|万元国内生产总值|(?:我国|全国)?行政村|全国)",
                    parts[0])
    head = lead[1] if lead else ""
    verb = "通" if head and parts[0][len(head):].startswith("通") else ""
    noun = re.search(r"(比例|比重|通达率|覆盖率|占比|资费|收入|增加值)$", parts[-1])

    def completed(part: str) -> str:
        if head and not part.startswith(head):
            part = head + ("" if part.startswith(verb) else verb) + part
        return part + (noun[1] if noun and not part.endswith(noun[1]) else "") + tail

    return [completed(p) for p in parts]


def _crossed(subject_text: str, tail: str) -> list[str]:
    """``行政村、贫困村通光纤和通4G的比例``: each place with each network (four quantities),
    or ``[]`` when the list is not places then 通 networks."""
    match = re.fullmatch(r"(.+?、[^通]+)(通.+)", subject_text)
    if match is None:
        return []
    places, networks = match[1].split("、"), re.split(r"和|及|与", match[2])
    if len(networks) < 2:
        return []
    noun = re.search(r"的?(比例|比重|通达率|覆盖率|占比)$", networks[-1])
    networks = [n.removesuffix(noun[0]) if noun else n for n in networks]
    return [place + network + (noun[1] if noun else "") + tail
            for place in places for network in networks]


def _respectively(clause: str, figures: list[Figure], role: str, estimate: bool, period: str,
                  paragraph: Paragraph, matcher: IndicatorMatcher) -> list[Candidate]:
    """``A、B和C分别增长50%、30%和13%左右``: one candidate per subject, in order."""
    subjects_text = LIST_ADVERB.sub("", clause.split("分别")[0])
    verb = re.match(r"(同比)?(增长|下降|达到|提高|降低)", clause.split("分别")[1])
    verb_text = verb[2] if verb else ""
    subjects = [s for s in subjects_text.split("、") if s.strip()]
    if len(subjects) < len(figures) and subjects:
        subjects[-1:] = [s for s in re.split(r"和|及", subjects[-1]) if s.strip()]
    shared_about = END_PUNCTUATION.sub("", clause).endswith("左右")
    found = []
    for position, figure in enumerate(figures):
        subject = None
        if len(subjects) == len(figures):
            subject = next((w + verb_text for w in _listed(subjects, position)
                            if matcher.match(w + verb_text, figure.unit)),
                           subjects[position] + verb_text)
        candidate = _candidate(clause, figure, None, role, estimate, period, paragraph,
                               matcher, subject)
        if shared_about and candidate.qualifier == "exact":
            candidate.qualifier = "about"
        found.append(candidate)
    return found


LIST_ADVERB = re.compile(r"(同比|年均|均)+$")
LIST_NOUN = re.compile(r"(增加值|收入|平均资费|资费|比重|占比|比例|价格)$")


def _listed(subjects: list[str], position: int) -> list[str]:
    """Readings of one item of ``A、B分别…``, plainest first: the item; with the list's last
    noun (装备制造业、高技术制造业增加值 → 装备制造业增加值); with the first item's head
    (电信业务总量、业务收入 → 电信业务收入; 单位工业增加值能耗、水耗 → …水耗); with both."""
    item, first, last = subjects[position], subjects[0], subjects[-1]
    noun = LIST_NOUN.search(last)
    tail = noun[1] if noun and not item.endswith(noun[1]) else ""
    head = ""
    if position:
        at = first.find(item[:2])
        if at > 0:
            head = first[:at]  # 电信|业务总量 before 业务收入
        elif len(first) > len(item):
            head = first[: len(first) - len(item)]  # 单位工业增加值|能耗 before 水耗
    readings = [item, item + tail, head + item, head + item + tail, item + "收入"]
    return list(dict.fromkeys(r for r in readings if r))
