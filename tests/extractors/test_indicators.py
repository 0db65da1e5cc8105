"""The indicator taxonomy: every key's example maps to it, near-misses do not, units agree with keys,
and unknown indicators are grouped by the noun phrase they measure."""
from __future__ import annotations

import pytest

from extractors import indicators as ind
from extractors.commitments import find_commitments
from extractors.normalize import normalize

COVERAGE_FLOOR = 0.33  # share of the pool's targets and provisions with an indicator_key (35.9 % reached; see README)


def keys_of(sentence: str) -> list[tuple[float, str, str | None]]:
    text = normalize(sentence).text
    return [(c.value, c.unit, ind.classify_commitment(c, text)) for c in find_commitments(text, text)]


@pytest.mark.parametrize("row", ind.taxonomy(), ids=lambda r: r.key)
def test_each_key_example_maps_to_its_key(row):
    phrase, _, after = row.example.partition("〔#〕")
    assert row.example_unit, f"{row.key}: example lacks |unit"
    assert row.units.fullmatch(row.example_unit), f"{row.key}: example unit {row.example_unit} outside its family"
    assert ind.classify(phrase, row.example_unit, before=phrase, after=after) == row.key


@pytest.mark.parametrize("sentence,expected", [
    # first-home and second-home down payments are different keys; provident fund and commercial loans too
    ("缴存职工家庭使用住房公积金贷款购买首套住房的，首付款比例不低于20%。", [(20, "%", "pf_down_payment_first_home")]),
    ("缴存职工使用住房公积金贷款购买第二套住房的，最低首付款比例调整为30%。", [(30, "%", "pf_down_payment_second_home")]),
    ("居民家庭购买首套住房的商业性个人住房贷款最低首付款比例为15%，购买二套住房的商业贷款最低首付款比例为25%。",
     [(15, "%", "down_payment_first_home"), (25, "%", "down_payment_second_home")]),
    ("首付款比例不低于20%。", [(20, "%", None)]),                      # which home is not said: no key
    ("无住房且无公积金贷款记录的家庭首次购房，申请商业性个人住房贷款的，首付款比例不低于25%。",
     [(25, "%", "down_payment_first_home")]),                         # a commercial loan, though 公积金 is named
    ("已拥有1套住房的家庭，暂停向其销售新建商品住房。", []),  # owned homes: a condition, no quantity at all
    # loan caps for one payer and for a couple are different keys
    ("单方缴存住房公积金的职工，最高贷款额度为40万元；夫妻双方均缴存的，最高贷款额度为70万元。",
     [(40, "万元", "pf_loan_cap_individual"), (70, "万元", "pf_loan_cap_family")]),
    ("夫妻双方缴存住房公积金的最高贷款额度为 80 万元，单方缴存的为 50 万元。",
     [(80, "万元", "pf_loan_cap_family"), (50, "万元", "pf_loan_cap_individual")]),
    ("养育三孩的缴存家庭，住房公积金贷款最高额度提高至100万元。", [(100, "万元", "pf_loan_cap_multichild")]),
    ("租房的多子女家庭，住房公积金租房提取额度提高至每年20000元。", [(20000, "元", "pf_rent_withdrawal_cap")]),
    ("首套住房公积金贷款额度可再提高10万元。", [(10, "万元", "pf_loan_cap_increase")]),   # an increase, not a cap
    ("缴存人连续足额缴存住房公积金满6个月后，可以申请提取。", [(6, "个月", None)]),       # withdrawal, not a loan
    # penalties: the amount, a multiple of the illegal gains, and the threshold of the gains
    ("违反本办法的，由主管部门责令改正，处五千元以上三万元以下罚款。", [(5000, "元", "administrative_fine")]),
    ("没收违法所得，并处违法所得二倍以上五倍以下的罚款。", [(2, "倍", "fine_multiple_of_illegal_gains")]),
    ("对法定罚款5万元以上的案件进行法制审核。", [(5, "万元", None)]),  # a case threshold, not a fine
    # time limits
    ("当事人对决定不服的，可以自收到决定之日起15个工作日内提出复审申请。", [(15, "个工作日", "appeal_period")]),
    ("主管部门应当自受理申请之日起20个工作日内作出决定。", [(20, "个工作日", "processing_time_limit")]),
    ("拟入选名单在官网公示，公示期不少于7个工作日。", [(7, "个工作日", "publicity_period")]),
    ("本办法自发布之日起施行，有效期3年。", [(3, "年", "policy_validity_period")]),
    # subsidies: a share of the deed tax is a subsidy, not a deed tax rate
    ("购房人缴纳契税后，财政给予实际缴纳契税60%的补贴。", [(60, "%", "home_purchase_subsidy_share")]),
    ("个人购买家庭唯一住房且面积为90平方米及以下的，减按1%的税率征收契税。",
     [(90, "平方米", "home_area_threshold"), (1, "%", "deed_tax_rate")]),
    ("对吸纳就业困难人员的企业，按1000元/人给予一次性吸纳就业补贴。", [(1000, "元/人", "employment_subsidy_per_person")]),
    ("对新认定的市级创新平台给予最高100万元奖励。", [(100, "万元", "enterprise_award_cap")]),
    ("对创业担保贷款给予贷款实际利率50%的财政贴息。", [(50, "%", "loan_interest_subsidy_share")]),
    # an interval is not an age threshold; a floor is not a cap; a term of a business loan is not a mortgage's
    ("多业主住宅房龄超过25年的，每10年进行一次体检。", [(10, "年", "building_inspection_interval"), (25, "年", None)]),
    ("单方缴存住房公积金的贷款保底额度由30万元提高至50万元。", [(30, "万元", None), (50, "万元", None)]),
    ("创业担保贷款期限累计不超过3年。", [(3, "年", None)]),
    ("评审专家库备案有效期不得超过3年。", [(3, "年", None)]),
    # pairs written with 分别, look-back windows, unpaid-tax shares, deposits: no key rather than a wrong one
    ("首套房和二套房商业贷款利率分别为4.25%、4.5%。", [(4.25, "%", None), (4.5, "%", None)]),
    ("落户本市未满5年的户籍家庭，在购房之日前2年起已连续缴纳社会保险。",
     [(5, "年", "hukou_years_required"), (2, "年", None)]),
    ("并处不缴或者少缴的税款50%以上5倍以下的罚款。", [(50, "%", None), (5, "倍", "fine_multiple_of_illegal_gains")]),
    ("开发企业首次存入核定监管金额的60%。", [(60, "%", None)]),
    # plan targets
    ("到2027年，全市森林覆盖率达到45%，城镇新增就业12万人。",
     [(45, "%", "forest_coverage"), (12, "万人", "urban_new_jobs")]),
])
def test_sentences_get_their_keys(sentence, expected):
    got = keys_of(sentence)
    for item in expected:
        assert item in got
    assert {k for *_, k in got} == {k for *_, k in expected}  # the other end of a range takes the same key


@pytest.mark.parametrize("indicator,unit", [
    ("首付款比例", "万元"),            # a ratio key never takes money
    ("住房公积金贷款最高额度", "%"),   # a money key never takes a ratio
    ("森林覆盖率", "万亩"),
    ("有效期", "万元"),
])
def test_unit_family_must_agree_with_the_key(indicator, unit):
    assert ind.classify(indicator, unit, before="住房公积金" + indicator) is None


@pytest.mark.parametrize("indicator,phrase", [
    ("首套住房公积金贷款最高额度由40万元提高至", "首套住房公积金贷款最高额度"),
    ("夫妻双方缴存住房公积金的最高贷款额度为", "最高贷款额度"),
    ("企业研发投入强度不低于", "企业研发投入强度"),
])
def test_measured_phrase(indicator, phrase):
    assert ind.measured_phrase(indicator) == phrase


@pytest.mark.parametrize("indicator,after,phrase", [
    ("对单位处", "以上五万元以下罚款", "罚款"),                 # the measure is named after the value
    ("应当自受理之日起", "内作出决定", "作出决定时限"),
    ("对单位处", "", None),                                   # an actor and a verb alone name no measure
    ("应当自", "", None),
])
def test_measured_phrase_after_a_verb(indicator, after, phrase):
    assert ind.measured_phrase(indicator, after) == phrase


def test_unknown_indicators_are_grouped_by_measured_phrase():
    groups = ind.group_unknown(["停车位配建比例不低于", "停车位配建比例应当达到", "新能源停车位配建比例为",
                                ("对单位处", "以下罚款"), ("对个人处", "以上两千元以下罚款"), ("应当自", ""),
                                "绿色建筑占比达到"])
    assert groups[0] == ["停车位配建比例", "新能源停车位配建比例"]
    assert ["罚款"] in groups and ["绿色建筑占比"] in groups
    assert not any(p in g for g in groups for p in ("对单位处", "单位处", "应当自", "当自"))


def test_a_bad_row_names_the_file(tmp_path, monkeypatch):
    from extractors import refdata
    bad = tmp_path / "indicators.tsv"
    bad.write_text("key\tlabel\tunits\tpattern\tqualifier\tscope\texample\nx\tX\tratio\t(\t\t\tx|%\n", encoding="utf-8")
    monkeypatch.setattr(refdata, "data_path", lambda name: bad)
    ind.taxonomy.cache_clear()
    try:
        with pytest.raises(refdata.RefDataError, match="indicators.tsv"):
            ind.taxonomy()
    finally:
        ind.taxonomy.cache_clear()


def test_most_targets_and_provisions_of_the_pool_carry_a_key(pool_store):
    """The coverage floor on the real pool (tools/indicator_coverage.py prints the figure and the
    measured noun phrases still without a key)."""
    from outputs.store import Store

    with Store(pool_store) as st:
        coms = st.table("commitments")
    rows = coms[coms["kind"] != "reported"]
    keyed, total = int(rows["indicator_key"].notna().sum()), len(rows)
    assert total > 1000
    assert keyed / total >= COVERAGE_FLOOR, f"{keyed}/{total} = {keyed / total:.1%} keyed"
