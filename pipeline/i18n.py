"""Every label the dashboard shows, in English and Chinese."""

from __future__ import annotations

from typing import Literal

Language = Literal["en", "zh"]
LANGUAGES: dict[Language, str] = {"en": "English", "zh": "中文"}

LABELS: dict[str, tuple[str, str]] = {
    # page
    "title": ("goalpost — were the goals met?", "goalpost — 目标完成了吗?"),
    "subtitle": ("Official numeric targets (MIIT work conferences, Government Work Reports, "
                 "plans) against the results reported later.",
                 "官方量化目标(全国工业和信息化工作会议、政府工作报告、规划)与其后公布的结果对照。"),
    "language": ("Language", "语言"),
    "view": ("View", "视图"),
    "overview": ("Overview", "总览"),
    "indicator_view": ("Indicator", "指标"),
    "scorecard": ("Year scorecard", "年度记分卡"),
    "ambition": ("How ambitious?", "目标松紧"),
    "evidence": ("Nothing hidden", "全部证据"),
    # filters
    "filters": ("Filters", "筛选"),
    "scope": ("Scope", "范围"),
    "category": ("Category", "类别"),
    "source_kind": ("Source kind", "来源类型"),
    "years": ("Years", "年份"),
    "status": ("Verdict", "结论"),
    "search": ("Search (Chinese or English)", "搜索(中文或英文)"),
    "no_match": ("No goals match these filters.", "没有符合筛选条件的目标。"),
    "nothing_rated": ("Nothing could be rated: fix the problems above first.",
                      "无法评定任何目标:请先修正上方列出的问题。"),
    "share_link": ("The address bar holds this view: copy it to share exactly what you see.",
                   "地址栏保存了当前视图:复制链接即可分享所见内容。"),
    # problems
    "problems": ("{n} problems: some records were left out", "{n} 个问题:部分记录未载入"),
    "banner": ("{file}: {n} problem(s), first at {where}: {problem} — {cost}",
               "{file}:{n} 个问题,第一个在 {where}:{problem} — {cost}"),
    "banner_file_out": ("the whole file is left out, so verdicts for {low}–{high} may be "
                        "incomplete", "整个文件未载入,{low}–{high}年的评定可能不完整"),
    "banner_entries_out": ("those entries are left out", "这些条目未载入"),
    "banner_registry": ("a registry is broken: goals that depend on it cannot be rated",
                        "登记表有误:依赖它的目标无法评定"),
    "where": ("Where", "位置"),
    "field": ("Field", "字段"),
    "problem": ("Problem", "问题"),
    # overview
    "per_year": ("Goals per year", "各年目标"),
    "per_source_note": ("A goal restated by several sources counts once; the scorecard "
                        "shows how many statements it has and who made them.",
                        "同一目标被多个来源重复表述时只计一次;记分卡列出表述次数和来源。"),
    "grid": ("Status by indicator and year", "按指标和年份的结论"),
    "grid_scopes": ("Verdicts by scope and year (pick one scope to see its indicators)",
                    "按范围和年份的结论(选择一个范围可查看其指标)"),
    "goals": ("goals", "目标数"),
    "goals_metric": ("Goals", "目标"),
    "all": ("All", "全部"),
    "rated_share": ("rated", "已评定"),
    # indicator view
    "pick_indicator": ("Indicator", "指标"),
    "goal": ("Goal", "目标"),
    "result": ("Result", "结果"),
    "final": ("final", "最终"),
    "estimate": ("estimate", "预计"),
    "floor": ("floor (at least)", "下限(不低于)"),
    "ceiling": ("ceiling (at most)", "上限(不高于)"),
    "band": ("about / range", "左右 / 区间"),
    "exact_goal": ("exact goal", "确切目标"),
    "unit": ("Unit", "单位"),
    "better_higher": ("higher is better", "越高越好"),
    "better_lower": ("lower is better", "越低越好"),
    "milestones": ("Milestones", "里程碑"),
    # scorecard
    "pick_year": ("Year", "年份"),
    "year": ("Year", "年份"),
    "period": ("Period", "时期"),
    "indicator": ("Indicator", "指标"),
    "target": ("Target", "目标"),
    "gap": ("Margin (+ = better than the goal)", "差距(+ 表示好于目标)"),
    "relative_gap": ("Gap vs target", "相对差距"),
    "target_quote": ("Target as printed", "目标原文"),
    "target_note": ("Target (English)", "目标(英文)"),
    "target_source": ("Target source", "目标来源"),
    "target_date": ("Stated on", "提出日期"),
    "target_link": ("Target link", "目标链接"),
    "result_quote": ("Result as printed", "结果原文"),
    "result_note": ("Result (English)", "结果(英文)"),
    "result_source": ("Result source", "结果来源"),
    "result_date": ("Reported on", "公布日期"),
    "result_link": ("Result link", "结果链接"),
    "flags": ("Flags", "提示"),
    "download_csv": ("Download CSV", "下载 CSV"),
    "download_xlsx": ("Download Excel", "下载 Excel"),
    # ambition
    "ambition_intro": ("Margin = how far the result beat (+) or fell short of (−) the goal, in "
                       "the direction that is better; relative margin is that margin divided by "
                       "the goal.", "超出幅度 = 结果优于(+)或不及(−)目标的程度(按“越好”方向计);"
                       "相对幅度 = 超出幅度 ÷ 目标值。"),
    "by_indicator": ("By indicator", "按指标"),
    "by_source_kind": ("By source kind", "按来源类型"),
    "rated": ("Rated", "已评定"),
    "median_margin": ("Median relative margin", "相对幅度中位数"),
    "median_margin_unit": ("Median margin (in the unit)", "超出幅度中位数(原单位)"),
    "share_exceeded": ("Exceeded", "超额"),
    "share_missed": ("Missed", "未达成"),
    "margin": ("Margin", "超出幅度"),
    "relative_margin": ("Relative margin", "相对幅度"),
    # evidence
    "disagreements": ("Sources that disagree", "来源不一致"),
    "revisions": ("Estimates revised by final figures", "预计数与最终数不同"),
    "differing_results": ("Every result that sources report differently",
                          "各来源报告不一致的全部结果"),
    "commitments": ("Qualitative commitments (no verdict)", "定性任务(不评定)"),
    "all_results": ("Every result considered", "参与评定的全部结果"),
    "source": ("Source", "来源"),
    "published": ("Published", "发布日期"),
    "reliability": ("Reliability", "可靠性"),
    "value": ("Value", "数值"),
    "quote": ("As printed", "原文"),
    "note": ("English", "英文说明"),
    "link": ("Link", "链接"),
    "decides": ("Decides", "采用"),
    "none": ("None.", "无。"),
    # goals in words
    "headline": ("Of {due} goals due by the end of {year}: {met} met or beaten, {missed} missed, "
                 "{claimed} reported done without a figure, {none} with no public result, "
                 "{unsure} can't tell; {later} not yet due ({on_track} on track).",
                 "截至{year}年底到期的{due}个目标中:{met}个达成或超额完成,{missed}个未达成,"
                 "{claimed}个官方称完成但未公布数据,{none}个未找到公开结果,{unsure}个无法判断;"
                 "另有{later}个尚未到期(其中{on_track}个进度正常)。"),
    "goal_word": ("Goal: ", "目标:"),
    "in_words": ("In words", "一句话结论"),
    "result_word": ("result ", "结果"),
    "verdict_met": ("met it", "达成"),
    "verdict_exceeded": ("beat it", "超额完成"),
    "verdict_missed": ("missed it", "未达成"),
    "verdict_exceeded_by": ("beat it by {size}", "超出{size}"),
    "verdict_missed_by": ("missed it by {size}", "差{size}"),
    "verdict_claimed": ("reported done, no figure", "官方称完成,未公布数据"),
    "verdict_unratable": ("can't tell", "无法判断"),
    "verdict_no_result": ("no result found", "未找到结果"),
    "verdict_not_due": ("not due yet", "尚未到期"),
    "publisher": ("Original publisher", "原发布方"),
    "reliability_note": ("About this copy", "关于此副本"),
    "goal_page": ("Goal", "目标详情"),
    "statements_of": ("Every statement of this goal", "该目标的全部表述"),
    "results_of": ("Every result considered", "参与评定的全部结果"),
    "how_reached": ("How the verdict was reached", "评定过程"),
    "official_vs": ("Official judgement: {official}", "官方评价:{official}"),
    "differs_note": ("The official judgement and goalpost's verdict differ; both are shown.",
                     "官方评价与本评定不同,两者均列出。"),
    "back": ("← All goals", "← 全部目标"),
    "open_goal": ("Goal page", "目标详情"),
    "data_as_of": ("Data as of {date} (the latest source date in the records).",
                   "数据截至{date}(记录中最新的来源日期)。"),
    "rules": ("How verdicts are reached", "评定规则"),
    # statuses
    "met": ("met", "达成"),
    "exceeded": ("beat the goal", "超额完成"),
    "missed": ("missed", "未达成"),
    "claimed": ("reported done, no figure", "官方称完成"),
    "unratable": ("can't tell", "无法判断"),
    "no_result": ("no result found", "未找到结果"),
    "not_due": ("not due yet", "尚未到期"),
    "on_track": ("on track", "进度正常"),
    "off_track": ("off track", "进度落后"),
    "early": ("early", "提前达成"),
    "derived": ("derived", "推算"),
    "weak_evidence": ("weak evidence", "证据薄弱"),
    "official_judgement": ("Official judgement", "官方评价"),
    "judgement_differs": ("differs from ours", "与本评定不同"),
    "band_words": ("How it was judged", "评定依据"),
    "statements": ("Statements", "表述次数"),
    "progress": ("Progress", "进度"),
    "evidence_strength": ("Evidence", "证据强度"),
    "search_note": ("Search for a result", "结果检索记录"),
    "disagreement": ("sources differ", "来源不一致"),
    "revised": ("estimate revised", "预计数已修正"),
    "estimate_only": ("estimate only", "仅有预计数"),
    "unreliable": ("unreliable source", "来源可靠性存疑"),
    # categories and source kinds
    "macro": ("Macro economy", "宏观经济"),
    "industry": ("Industry", "工业"),
    "telecom": ("Telecom", "通信"),
    "digital_economy": ("Digital economy", "数字经济"),
    "innovation": ("Innovation", "创新"),
    "environment": ("Energy and environment", "节能环保"),
    "enterprise": ("Enterprises", "企业"),
    "work_conference": ("Work conference", "工作会议"),
    "government_work_report": ("Government Work Report", "政府工作报告"),
    "press_conference": ("Press conference", "新闻发布会"),
    "statistical_communique": ("Statistical communiqué", "统计公报"),
    "news_report": ("News report", "新闻报道"),
    "plan": ("Plan", "规划"),
    "primary": ("primary", "原始"),
    "reprint": ("reprint", "转载"),
    "mirror": ("mirror copy", "镜像转载"),
    "official": ("official", "官方"),
}


def t(key: str, language: Language, **values: object) -> str:
    """The label ``key`` in ``language``; unknown keys come back as themselves."""
    pair = LABELS.get(key)
    if pair is None:
        return key
    text = pair[0] if language == "en" else pair[1]
    return text.format(**values) if values else text
