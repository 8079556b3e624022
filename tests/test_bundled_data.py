"""The bundled data validates, and its figures are checked against the source texts.

Tests that read the source pack (``../shared/sources``) skip only when the pack is not
beside the project; CI always has it.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path

import pytest
import yaml
from conftest import PROJECT_ROOT, SOURCES_PACK

from pipeline.coverage import coverage
from pipeline.dataset import Dataset, load_project
from pipeline.normalize import normalise
from pipeline.numbers import figures
from pipeline.quotes import verify_quotes
from pipeline.records import Record
from pipeline.verdicts import Verdict, rate_all

needs_pack = pytest.mark.skipif(not SOURCES_PACK.is_dir(), reason="source pack not present")

# Figures stated in words rather than digits; each was checked by hand against its quote.
WORDED_FIGURES = {
    "2023:outcome:gigabit_users:2023-03:2023-04-23-hbca-miit-scio-q1-2023": "突破亿级 = 1亿",
    "2023:target:fiveg_factories:2025:2023-11-29-lyredcross-cena-5g-factory-list-2023":
        "万家 = 10,000",
    "2023:outcome:gigabit_users_growth:2023-11:miit-conf-2023-12-commentary": "翻番 = +100%",
    "2025:outcome:software_revenue:2024:2025-01-26-zwgefen-miit-2024-software-indicators":
        "a table: the unit 亿元 heads the column, 137276 亿元",
    "2019:outcome:universal_service_villages_broadband:2018:2019-01-31-infocom-china-fttp-2018":
        "130 000 with a space as thousands separator = 130,000",
    "2020:outcome:national_mfg_innovation_centres_total:2019-01:"
    "2020-11-06-buyukreklam-rail-centre-tenth": "第十家 = the 10th",
    "2025:outcome:fiveg_factories_world_leading:2025-11:"
    "2025-11-21-linkoing-2025-5g-industrial-internet-conference": "百家 = about 100",
    "2026:outcome:ai_core_industry_scale:2025:"
    "2026-01-02-othnuq-peoples-daily-dec2025-conference": "万亿元 = 1 trillion yuan",
}
FACT_UNITS = {"100 million yuan": 1e8, "trillion yuan": 1e12, "USD 100 million": 1e8}


@cache
def dataset() -> Dataset:
    return load_project(PROJECT_ROOT)


def numeric_records() -> list[Record]:
    return [r for r in dataset().records if r.entry.value is not None or r.entry.low is not None]


def same(a: float, b: float) -> bool:
    return abs(abs(a) - abs(b)) <= 1e-6 * max(1.0, abs(a))


def test_bundled_data_validates() -> None:
    assert [p.format() for p in dataset().problems] == []


def test_every_target_is_a_statement_of_exactly_one_goal_with_one_verdict() -> None:
    verdicts = rate_all(dataset().records, dataset().indicators, dataset().sources)
    targets = [r for r in dataset().records if r.entry.role == "target"]
    stated = [s for v in verdicts for s in v.goal.statements]
    assert sorted(stated, key=targets.index) == targets
    assert len({v.goal.id for v in verdicts}) == len(verdicts) < len(targets)


def test_enough_goals_meet_their_results() -> None:
    rows = coverage(dataset(), bundled_verdicts())
    assert sum(r.rated + r.statuses["claimed"] for r in rows) >= 110
    assert sum(1 for r in rows if r.rated) >= 9


@cache
def bundled_verdicts() -> list[Verdict]:
    return rate_all(dataset().records, dataset().indicators, dataset().sources, AS_OF)


def verdict_of(goal: str) -> Verdict:
    return next(v for v in bundled_verdicts() if v.goal.id == goal)


AS_OF = date(2026, 12, 1)


def test_no_goal_that_ended_by_2025_is_not_due_and_no_limit_is_exceeded() -> None:
    assert [v.goal.id for v in bundled_verdicts()
            if v.status == "not_due" and v.target.period.end.year <= 2025] == []
    assert [v.goal.id for v in bundled_verdicts() if v.is_limit and v.status == "exceeded"] == []


@pytest.mark.parametrize(("goal", "status", "early"), [
    ("fiveg_base_stations_total:2023:ge2900000", "exceeded", None),  # 337.7万 at end-2023
    ("fiveg_users:2023:ge560000000", "exceeded", date(2022, 12, 31)),  # 5.61亿 a year early
    ("gigabit_users:2023:ge30000000", "exceeded", date(2021, 11, 30)),  # 3389万 by Nov 2021
    ("fiveg_base_stations_per_10k:2023:ge18", "exceeded", None),
    ("fiveg_industry_vpns:2023:ge3000", "exceeded", date(2022, 5, 31)),  # 6518 by May 2022
])
def test_the_2023_telecom_goals_are_settled(goal: str, status: str, early: date | None) -> None:
    verdict = verdict_of(goal)
    assert (verdict.status, verdict.early) == (status, early)


def test_the_2023_new_base_stations_are_derived_from_two_year_end_totals() -> None:
    verdict = verdict_of("fiveg_base_stations_new:2023:600000")
    assert verdict.status == "exceeded"
    assert verdict.derived_from is not None
    assert [r.entry.quote for r in verdict.derived_from] == [
        "截至2023年12月,中国累计建成5G基站337.7万个", "已开通5G基站231.2万个"]
    assert verdict.gap == 465_000


@pytest.mark.parametrize(("goal", "result"), [
    ("cpi_increase:2023:about3", 0.2), ("cpi_increase:2017:about3", 1.6),
    ("surveyed_unemployment_rate:2021:about5.5", 5.1),
    ("surveyed_unemployment_rate:2024:about5.5", 5.1),
    ("registered_unemployment_rate:2019:le4.5", 3.62)])
def test_results_within_a_limit_are_met_not_exceeded(goal: str, result: float) -> None:
    verdict = verdict_of(goal)
    assert verdict.outcome is not None and verdict.outcome.entry.value == result
    assert (verdict.status, verdict.is_limit) == ("met", True)
    assert verdict.band.startswith("a limit (")


def test_a_cpi_goal_to_hit_is_missed_by_flat_prices() -> None:
    verdict = verdict_of("cpi_increase:2025:about2")
    assert (verdict.status, verdict.outcome and verdict.outcome.entry.value) == ("missed", 0.0)


def test_the_surveyed_unemployment_edge_is_decided_in_decimal() -> None:
    verdict = verdict_of("surveyed_unemployment_rate:2023:about5.5")
    assert (verdict.status, verdict.gap) == ("met", -0.3)
    assert verdict.official_judgement == "低于5.5%左右的预期目标"
    assert verdict.judgement_differs is False


def test_restatements_are_statements_of_one_goal() -> None:
    verdict = verdict_of("fiveg_base_stations_new:2021:ge600000")
    assert len(verdict.goal.statements) == 5
    assert verdict.target.entry.source == "2020-12-29-people-sc-dec2020-conference-2021-targets"
    assert len(bundled_verdicts()) < sum(r.entry.role == "target" for r in dataset().records)


def test_the_2019_package_claim_covers_its_tariff_goals() -> None:
    verdict = verdict_of("sme_broadband_tariff_change:2019:-15")
    assert verdict.status == "claimed"
    assert verdict.claim is not None and verdict.claim.entry.quote == "超额完成网络提速降费年度任务"
    assert verdict.search_note.startswith("2026-12: no public figure found")


def test_rounding_is_not_a_disagreement_but_a_real_conflict_is() -> None:
    assert verdict_of("fiveg_base_stations_total:2022:2000000").disagreement is False
    conflict = verdict_of("registered_unemployment_rate:2020:about5.5")
    assert conflict.disagreement is True
    assert sorted(o.entry.value for o in conflict.outcomes) == [3.62, 3.62, 4.24]
    assert conflict.status == "met"
    # the two copies printing 3.62%, the 2019 rate, are set aside: 4.24% decides
    assert (conflict.outcome.entry.value, conflict.gap) == (4.24, -1.26)


def test_a_verdict_resting_on_an_unreliable_page_only_is_weak() -> None:
    verdict = verdict_of("fiveg_village_coverage_share:2025:80")
    assert (verdict.evidence, verdict.weak_evidence) == ("unreliable", True)


def test_this_years_goals_show_their_progress() -> None:
    assert verdict_of("gdp_growth:2026:4.5to5").progress == "on_track"
    assert verdict_of("cpi_increase:2026:about2").progress == "off_track"


def test_an_official_judgement_that_differs_is_flagged() -> None:
    verdict = verdict_of("hazchem_relocation_done:2020:done")
    assert (verdict.status, verdict.official_judgement, verdict.judgement_differs) == (
        "missed", "完成2020年阶段性目标", True)


def test_every_source_has_an_archived_copy_and_every_link_is_web() -> None:
    for source in dataset().sources.values():
        assert source.archive, source.id
        assert source.url is None or source.url.startswith(("http://", "https://"))


@needs_pack
def test_every_quote_is_in_its_source() -> None:
    misses = verify_quotes(dataset(), SOURCES_PACK, PROJECT_ROOT)
    assert [m.format() for m in misses] == []


def test_every_figure_is_printed_in_its_quote() -> None:
    wrong = []
    for record in numeric_records():
        e = record.entry
        if record.record_id in WORDED_FIGURES:
            continue
        printed = figures(e.quote)
        wrong += [(record.location, value, e.quote) for value in (e.value, e.low, e.high)
                  if value is not None and not any(same(value, p) for p in printed)]
    assert wrong == []


@cache
def facts_of(archive: str) -> list[dict[str, object]]:
    data = yaml.safe_load((SOURCES_PACK / archive).read_text(encoding="utf-8"))
    return data["facts"]


@needs_pack
def test_figures_match_the_fact_files_they_came_from() -> None:
    """Compare each figure with the value the page's fact file gives for the same phrase."""
    mismatched, compared = [], 0
    for record in numeric_records():
        source = dataset().sources[record.entry.source]
        if not (source.archive or "").startswith("facts/"):
            continue
        quote = normalise(record.entry.quote)
        stated = [abs(float(v)) * FACT_UNITS.get(str(fact.get("unit")), 1)
                  for fact in facts_of(source.archive)
                  if quote in normalise(str(fact["phrase"]))
                  for v in (fact.get("value"), fact.get("low"), fact.get("high"))
                  if isinstance(v, int | float) and not isinstance(v, bool)]
        if not stated:
            continue  # the fact file gives this figure only as text; the quote check covers it
        compared += 1
        values = [v for v in (record.entry.value, record.entry.low, record.entry.high)
                  if v is not None]
        if not any(same(v, s) for v in values for s in stated):
            mismatched.append((record.record_id, values, stated))
    assert compared > 500
    # The one exception: a Jan–Nov net addition printed in the same phrase as the total;
    # the fact file records only the total.
    assert mismatched == [("2025:outcome:fiveg_base_stations_new:2025-01/11:"
                           "2025-12-23-jjckb-xinhua-jan-nov-2025-telecom", [579000.0], [4830000.0])]


SEED_FIGURES = [  # (seed file, pattern in the seed text, record id, value in base units)
    ("003_771a7e8552942085.txt", r"工业增加值增长约(\d+\.\d)%",
     "2017:outcome:industrial_va_growth:2017:miit-conf-2017-12", 6.5),
    ("003_771a7e8552942085.txt", r"全面完成(\d+)万个行政村光纤",
     "2017:target:universal_service_villages_fibre:2018:miit-conf-2017-12", 130000),
    ("003_771a7e8552942085.txt", r"信息消费规模达到(\d+\.\d)万亿元",
     "2017:outcome:information_consumption:2017:miit-conf-2017-12", 4.5e12),
    ("004_cf486792c33a492e.txt", r"注册5G基站(\d+\.\d)万个",
     "2019:outcome:fiveg_base_stations_total:2019:miit-conf-2019-12", 126000),
    ("004_cf486792c33a492e.txt", r"减税降费(\d+\.\d+)万亿元",
     "2019:outcome:tax_fee_cuts:2019:miit-conf-2019-12", 2.36e12),
    ("004_cf486792c33a492e.txt", r"遴选(\d)家左右国家制作业",
     "2019:target:national_mfg_innovation_centres_new:2020:miit-conf-2019-12", 4),
]


@needs_pack
@pytest.mark.parametrize(("seed", "pattern", "record_id", "expected"), SEED_FIGURES)
def test_seed_figures_read_straight_from_the_seed_text(seed: str, pattern: str, record_id: str,
                                                       expected: float) -> None:
    text = (SOURCES_PACK / "seeds" / seed).read_text(encoding="utf-8")
    match = re.search(pattern, text)
    assert match is not None
    printed = figures(match[0])[-1]
    records = {r.record_id: r for r in dataset().records}
    assert printed == pytest.approx(expected)
    assert records[record_id].entry.value == pytest.approx(printed)


@needs_pack
def test_the_spun_seed_is_quoted_as_printed_with_the_standard_wording_in_the_note() -> None:
    spun = [r for r in dataset().records if r.entry.source == "miit-conf-2019-12"]
    text = normalise(Path(SOURCES_PACK / "seeds" / "004_cf486792c33a492e.txt").read_text(
        encoding="utf-8"))
    assert len(spun) >= 15
    assert all(normalise(r.entry.quote) in text for r in spun)
    reworded = [r for r in spun if any(w in r.entry.quote for w in ("添加", "完结", "掩盖"))]
    assert reworded and all("Standard wording" in r.entry.note for r in reworded)


@needs_pack
def test_every_official_judgement_is_printed_in_its_source() -> None:
    """A judgement (加倍完成, 低于5.5%左右的预期目标 …) is checked like a quote."""
    missing, checked = [], 0
    for record in dataset().records:
        judgement = record.entry.judgement
        if judgement is None:
            continue
        archive = str(dataset().sources[record.entry.source].archive)
        if archive.startswith("facts/"):
            text = "\n".join(normalise(str(f["phrase"])) for f in facts_of(archive))
        else:
            text = normalise((SOURCES_PACK / archive).read_text(encoding="utf-8"))
        checked += 1
        if normalise(judgement) not in text:
            missing.append((record.record_id, judgement))
    assert checked >= 20
    assert missing == []


@needs_pack
def test_every_fact_file_of_the_pack_is_a_registered_source() -> None:
    """New pages added to the pack's facts/ folder are transcribed, not silently left out."""
    archived = {source.archive for source in dataset().sources.values()}
    files = sorted(f"facts/{p.name}" for p in (SOURCES_PACK / "facts").glob("*.yaml"))
    assert [f for f in files if f not in archived] == []


@pytest.mark.parametrize(("goal", "status"), [
    ("industrial_va_growth:2019:5.5to6", "met"),  # a range; the 5.6% estimate was revised
    ("fiveg_factories:2025:ge10000", "unratable"),  # "over 8,000" cannot settle "over 10,000"
    ("fiveg_prefecture_city_coverage:2020:done", "met"),  # a milestone
    ("gdp_growth:2026:4.5to5", "not_due"),
    ("industrial_energy_intensity_change:2018:-4", "no_result"),
    ("gdp_growth:2022:about5.5", "missed"),
    ("steel_capacity_cut:2018:30000000", "claimed"),  # 超额完成3000万吨…目标任务: no figure
    ("ipv6_active_users:2025:850000000", "no_result"),  # an undated interim 8.65亿 settles no
    ("ipv6_active_users:2025:800000000", "no_result"),  # end-of-year level that can fall
    ("specialised_smes_provincial_total:2022:ge50000", "met"),  # a level, passed by 2022-09
    ("fiveg_base_stations_total:2020:ge600000", "met"),  # 将建设…超过60万个: a year-end total
    ("surveyed_unemployment_rate:2021-2025:le5.5", "missed"),  # 2022's 5.6%: every year held
    ("fiveg_traffic_share:2023:ge50", "missed"),  # 接近50% against 超50%
])
def test_more_rules_on_real_records(goal: str, status: str) -> None:
    assert verdict_of(goal).status == status


def test_a_range_estimate_revised_by_the_final_figure() -> None:
    verdict = verdict_of("industrial_va_growth:2019:5.5to6")
    assert (verdict.basis, verdict.revised, verdict.gap) == ("final", True, 0.0)


def test_a_goal_without_a_result_carries_its_search_note() -> None:
    verdict = verdict_of("industrial_energy_intensity_change:2018:-4")
    assert verdict.search_note.startswith("2026-12: no public figure found")
    assert verdict.search_note in verdict.reason


def test_a_deadline_set_later_for_the_same_task_is_not_a_second_goal() -> None:
    """The State Council's end-November deadline for 2019's 在全国实行"携号转网" joins it."""
    goals = [v for v in bundled_verdicts() if v.target.entry.indicator
             == "mobile_number_portability_nationwide"]
    assert [(v.goal.id, v.status, len(v.goal.statements)) for v in goals] == [
        ("mobile_number_portability_nationwide:2019:done", "met", 4)]
