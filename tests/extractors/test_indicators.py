"""The indicator taxonomy: every key's example maps to it, near-misses do not, units agree with keys,
and unknown indicators are grouped by the noun phrase they measure."""
from __future__ import annotations

import pytest

from extractors import indicators as ind
from extractors.commitments import find_commitments
from extractors.normalize import normalize

COVERAGE_FLOOR = 0.74  # 75.0 % measured at the end of this round (2,048/2,729; 68.7 % at its start)


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
    # a street's comprehensive elderly-care centres and community care facilities are two measures, two keys
    ("到2027年，全县街道（乡镇）综合养老服务中心覆盖率达到90%，社区养老服务设施覆盖率达到100%。",
     [(90, "%", "street_elderly_care_centre_coverage"), (100, "%", "elderly_care_facility_coverage")]),
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
    # which home is named first: a couple's cap for a second home is compared with other second homes' caps
    ("购买第二套住房的，夫妻双方缴存住房公积金的最高贷款额度为60万元。", [(60, "万元", "pf_loan_cap_second_home")]),
    ("首套住房单方缴存的最高贷款额度为45万元，二套住房单方缴存的最高贷款额度为35万元。",
     [(45, "万元", "pf_loan_cap_first_home"), (35, "万元", "pf_loan_cap_second_home")]),
    ("租房的多子女家庭，住房公积金租房提取额度提高至每年20000元。", [(20000, "元", "pf_rent_withdrawal_cap")]),
    ("首套住房公积金贷款额度可再提高10万元。", [(10, "万元", "pf_loan_cap_increase")]),   # an increase, not a cap
    ("缴存人连续足额缴存住房公积金满6个月后，可以申请提取。", [(6, "个月", None)]),       # withdrawal, not a loan
    # penalties: the amount, a multiple of the illegal gains, and the threshold of the gains
    ("违反本办法的，由主管部门责令改正，处五千元以上三万元以下罚款。", [(5000, "元", "administrative_fine")]),
    ("没收违法所得，并处违法所得二倍以上五倍以下的罚款。", [(2, "倍", "fine_multiple_of_illegal_gains")]),
    # employment and social insurance: a loan programme's term and times, refund shares split by firm size,
    # the employee's rate apart from the employer's, rent relief months for tenants of state-owned premises
    ("小微企业可申请最高300万元创业担保贷款，贷款期限最长不超过2年。",   # a firm's loan is not a person's
     [(300, "万元", "startup_guarantee_loan_cap_sme"), (2, "年", "startup_guarantee_loan_term_cap_sme")]),
    ("高校毕业生可申请30万元以内的创业担保贷款，贷款期限最长不超过3年。",
     [(30, "万元", "startup_guarantee_loan_cap"), (3, "年", "startup_guarantee_loan_term_cap")]),
    ("个人创业担保贷款期限累计不超过3年，且贷款次数累计不超过3次。",
     [(3, "年", "startup_guarantee_loan_term_cap"), (3, "次", "startup_guarantee_loan_times_cap")]),
    ("大型企业按上年度实际缴纳失业保险费的30%返还，中小微企业返还比例从60%提高至90%。",
     [(30, "%", "unemployment_insurance_refund_share_large"), (90, "%", "unemployment_insurance_refund_share_sme")]),
    ("失业保险单位费率从1.5%降低到0.8%，个人费率从0.5%降低到0.2%。",
     [(0.8, "%", "unemployment_insurance_employer_rate"), (0.2, "%", "unemployment_insurance_employee_rate")]),
    ("养老保险个人缴费比例为8%。", [(8, "%", None)]),            # another insurance's employee rate
    ("对承租国有房屋的小微企业和个体工商户减免3个月租金。", [(3, "个月", "state_property_rent_relief_months")]),
    ("对承租商业房屋的个体工商户，鼓励出租人减免3个月租金。", [(3, "个月", None)]),  # not state-owned premises
    ("政府信息自形成或者变更之日起15个工作日内予以公开。", [(15, "个工作日", "gov_info_disclosure_deadline")]),
    ("开发投资总额达到25%以上的，方可办理土地使用权转移登记。", [(25, "%", "land_transfer_investment_threshold")]),
    # housing conditions with a number of years: a subsidised home's wait for full title, the years with no
    # home on record that make a household homeless for allocation
    ("经济适用住房购房人签订买卖合同满5年的，可按规定上市交易。", [(5, "年", "economic_housing_full_title_years")]),
    ("转让住房后在限购范围内无自有住房记录满2年的购房人，可认定为无房家庭。", [(2, "年", "no_home_record_years")]),
    ("转让住房满2年的，可以申请贷款。", [(2, "年", None)]),
    ("单身人士申请购买住房的，应当年满28周岁。", [(28, "周岁", "single_buyer_min_age")]),
    ("30周岁以上未婚单身且在本市无自有住房记录的购房人，可认定为无房家庭。", [(30, "周岁", None)]),  # who counts as homeless
    ("公积金贷款偿还年龄限制放宽为男63周岁、女58周岁。",
     [(63, "周岁", "loan_repayment_age_cap_male"), (58, "周岁", "loan_repayment_age_cap_female")]),
    ("住房公积金贷款放款时限由20个工作日缩短至12个工作日。", [(12, "个工作日", "pf_loan_disbursement_time")]),
    ("受疫情影响不能如期交房的，可顺延交房期限，但最长不超过60日。", [(60, "日", "home_delivery_extension")]),
    # social insurance years written before the insurance; 二次 names a second provident-fund loan
    ("无法提供购房之日前3年内累计缴纳2年及以上个人所得税或社会保险证明的，暂停向其售房。",
     [(3, "年", "purchase_social_insurance_lookback_years"), (2, "年", "social_insurance_months_required")]),
    ("二次申请住房公积金贷款的，首付款比例由40%下调至30%。", [(30, "%", "pf_down_payment_second_home")]),
    ("第二次申请公积金贷款的，贷款利率按同期公积金贷款利率的1.1倍执行。", [(1.1, "倍", "second_home_loan_rate_multiple")]),
    ("购买新建商品住房建筑面积在90平方米以上的，按照8000元/套标准发放购房消费券。",
     [(90, "平方米", "home_area_threshold"), (8000, "元/套", "home_purchase_subsidy")]),
    # a fine reckoned on the tax not paid is no multiple of illegal gains; its two ends, a share and a multiple, one range
    ("纳税人逃避缴纳税款的，追缴税款，并处不缴或者少缴的税款60%以上3倍以下的罚款。",
     [(60, "%", "fine_share_of_unpaid_tax")]),  # 60%以上3倍以下: one range, 60-300%
    ("对法定罚款5万元以上的案件进行法制审核。", [(5, "万元", None)]),  # a case threshold, not a fine
    # time limits
    ("当事人对决定不服的，可以自收到决定之日起15个工作日内提出复审申请。", [(15, "个工作日", "appeal_period")]),
    ("主管部门应当自受理申请之日起20个工作日内作出决定。", [(20, "个工作日", "processing_time_limit")]),
    ("拟入选名单在官网公示，公示期不少于7个工作日。", [(7, "个工作日", "publicity_period")]),
    ("本办法自发布之日起施行，有效期3年。", [(3, "年", "policy_validity_period")]),
    # subsidies: a share of the deed tax is a subsidy, not a deed tax rate, nor a share of the price
    ("购房人缴纳契税后，财政给予实际缴纳契税60%的补贴。", [(60, "%", "deed_tax_subsidy_share")]),
    ("由财政部门按其所缴纳契税的50%对购房人予以补贴。", [(50, "%", "deed_tax_subsidy_share")]),
    ("凡在本区购买新建商品住宅的，给予购房者合同价款（不含车位、车库等附属设施）1%的补贴。",
     [(1, "%", "home_purchase_subsidy_share")]),
    # the classes of the third fresh audit: a stacked total of subsidies, the age that brings a building under
    # an insurance, a construction loan's term, the balance a presale account must keep
    ("符合条件的青年人才最高合计补贴17万元。", [(17, "万元", None)]),
    # a down payment named after the value is no rate, though a rate was named before it
    ("采取降低个人首套住房贷款利率、落实首套住房最低20％首付比例等措施，满足购房需求。",
     [(20, "%", "down_payment_first_home_unspecified")]),
    ("逐步将房龄超过25年的多业主住宅纳入房屋安全保险范围。", [(25, "年", None)]),
    ("建造、翻建、大修自住住房，贷款期限最长不超过10年。", [(10, "年", None)]),
    ("购买自住住房的，住房公积金贷款期限最长不超过30年。", [(30, "年", "mortgage_max_term")]),
    ("商品房预售重点监管资金拨付上浮5%（重点监管资金余额不低于10%）。",
     [(5, "%", "presale_funds_release"), (10, "%", "presale_fund_min_balance_share")]),
    ("个人购买家庭唯一住房且面积为90平方米及以下的，减按1%的税率征收契税。",
     [(90, "平方米", "home_area_threshold"), (1, "%", "deed_tax_rate")]),
    ("对吸纳就业困难人员的企业，按1000元/人给予一次性吸纳就业补贴。", [(1000, "元/人", "employment_subsidy_per_person")]),
    ("对新认定的市级创新平台给予最高100万元奖励。", [(100, "万元", "enterprise_award_cap")]),
    ("对创业担保贷款给予贷款实际利率50%的财政贴息。", [(50, "%", "loan_interest_subsidy_share")]),
    # an interval and an age threshold are different keys; a floor is not a cap; a term of a business loan is not a mortgage's
    ("多业主住宅房龄超过25年的，每10年进行一次体检。",
     [(10, "年", "building_inspection_interval"), (25, "年", "building_age_threshold")]),  # scope read after the clause
    ("单方缴存住房公积金的贷款保底额度由30万元提高至50万元。", [(50, "万元", "pf_loan_floor_individual")]),
    ("创业担保贷款期限累计不超过3年。", [(3, "年", "startup_guarantee_loan_term_cap")]),
    ("评审专家库备案有效期不得超过3年。", [(3, "年", None)]),
    # pairs written with 分别, unpaid-tax shares, deposits: no key rather than a wrong one
    ("首套房和二套房商业贷款利率分别为4.25%、4.5%。", [(4.25, "%", None), (4.5, "%", None)]),
    ("落户本市未满5年的户籍家庭，在购房之日前2年起已连续缴纳社会保险。",
     [(5, "年", "hukou_years_required"), (2, "年", "purchase_social_insurance_lookback_years")]),
    ("并处不缴或者少缴的税款50%以上5倍以下的罚款。", [(50, "%", "fine_share_of_unpaid_tax")]),
    ("开发企业首次存入核定监管金额的60%。", [(60, "%", None)]),
    # down payments whose loan type is not written are their own keys, still split by first and second home
    ("居民家庭购买首套自住住房的，首付比例调整为不低于25%。", [(25, "%", "down_payment_first_home_unspecified")]),
    ("对再次购房的家庭，最低首付比例下调至35%。", [(35, "%", "down_payment_second_home_unspecified")]),
    ("购买第二套住房可参照首套住房执行，首付款比例为30%。", [(30, "%", "down_payment_second_home_unspecified")]),
    ("首付款比例不低于40%。", [(40, "%", None)]),
    ("购买二套普通住房、非普通住房的首付款比例分别不低于45%、70%。", [(45, "%", None), (70, "%", None)]),
    ("给予首付款5%的一次性补贴。", [(5, "%", None)]),                  # a subsidy, not a down payment
    # loan-to-value caps, the second-hand home's age, provident fund contributions
    ("购买首套住房的，贷款额度不得超过房屋价格的75%。", [(75, "%", "mortgage_ltv_cap_first_home")]),
    ("购买第二套住房的，贷款金额最高不超过房屋总价的65%。", [(65, "%", "mortgage_ltv_cap_second_home")]),
    ("住房公积金可贷款额度不超过抵押物价值的60%。", [(60, "%", "mortgage_ltv_cap")]),
    ("申请贷款的二手房房龄与贷款期限合计不超过60年。", [(60, "年", "second_hand_home_age_plus_term_cap")]),
    ("存量房贷款房龄限制放宽至35年。", [(35, "年", "second_hand_home_age_cap")]),
    ("单位和职工的住房公积金缴存比例均不得低于6%。", [(6, "%", "pf_contribution_rate")]),
    ("本年度住房公积金月缴存基数上限为28000元，下限按最低工资标准执行。", [(28000, "元", "pf_contribution_base_cap")]),
    ("职工住房公积金月缴存基数下限调整为2100元。", [(2100, "元", "pf_contribution_base_floor")]),
    ("租住公共租赁住房的职工，住房公积金提取限额为每月900元。", [(900, "元", "pf_rent_withdrawal_cap")]),
    ("广州市单职工最高贷款额度为55万元。", [(55, "万元", "pf_loan_cap_individual")]),  # 单职工 is a provident fund term
    # a cap per person and a cap per household: the unit names whose cap it is
    ("缴存人住房公积金贷款最高可贷额度调整为90万元/人、110万元/户。",
     [(90, "万元/人", "pf_loan_cap_individual"), (110, "万元/户", "pf_loan_cap_family")]),
    # land: the share and the deadline of the first payment, signing the contract, paying the rest
    ("竞得人应在出让合同签订后2个月内缴纳出让价款的40%，余款在1年内缴清。",
     [(2, "个月", "land_first_payment_deadline"), (40, "%", "land_first_payment_ratio"), (1, "年", "land_payment_term")]),
    ("竞得人须在地块成交后5个工作日内与出让人签订出让合同。", [(5, "个工作日", "land_contract_signing_deadline")]),
    ("竞得人须在地块成交后30日内与街道签订代建协议。", [(30, "日", None)]),   # another agreement
    ("土地竞拍保证金比例可下调至挂牌价的15%。", [(15, "%", "land_bid_deposit_ratio")]),
    # procedures: the authority's time limit and the applicant's appeal period
    ("（二）办理时限：5个工作日", [(5, "个工作日", "processing_time_limit")]),
    ("不动产登记机构自收到申请之日起10个工作日内予以答复。", [(10, "个工作日", "processing_time_limit")]),
    ("企业投资项目审批时间压减至30个工作日。", [(30, "个工作日", "processing_time_limit")]),
    ("办理时限：申请人在签约后3个工作日内提交材料。", [(3, "个工作日", None)]),  # the applicant's step
    ("申请人对审核结论有异议的，可以自公布之日起7个工作日内", [(7, "个工作日", "appeal_period")]),
    ("对复审结果仍有异议的，应于3个工作日内补充提交证明材料。", [(3, "个工作日", None)]),
    # taxes, social insurance, prices
    ("在均价2倍以下的住房，税率为 0.6%。", [(2, "倍", "premium_home_price_multiple"), (0.6, "%", "property_tax_rate")]),
    ("增值税小规模纳税人减按1%征收率征收增值税。", [(1, "%", "vat_levy_rate_small_taxpayer")]),
    ("开发企业销售未完工开发产品的计税毛利率不得低于15%。", [(15, "%", "presale_taxable_gross_margin")]),
    ("养老保险单位缴费比例降至16%，失业保险单位费率降至0.7%。",
     [(16, "%", "pension_insurance_employer_rate"), (0.7, "%", "unemployment_insurance_employer_rate")]),
    ("年度新建商品住宅销售价格涨幅控制目标为5%，二手住房价格涨幅控制在6%以内。",
     [(5, "%", "new_home_price_growth_cap"), (6, "%", "resale_home_price_growth_cap")]),
    ("个人住房转让增值税免征年限由5年调整为2年。", [(2, "年", "vat_exemption_holding_years")]),
    # subsidies and resale limits
    ("按购房款总额的1.5%给予一次性购房补助。", [(1.5, "%", "home_purchase_subsidy_share")]),
    ("按所购住房面积给予150元/平方米的购房补贴。", [(150, "元/平方米", "home_purchase_subsidy_per_area")]),
    ("项目补助资金比例不超过审定实际投资总额的20%。", [(20, "%", "subsidy_share_of_cost")]),
    ("享受补贴购买的住房，5年内不得上市交易。", [(5, "年", "property_holding_years_before_resale")]),
    ("支持个人、小微企业分别申请最高30万元、300万元创业担保贷款。",  # paired in order since the 分别 pairing
     [(30, "万元", "startup_guarantee_loan_cap"), (300, "万元", "startup_guarantee_loan_cap_sme")]),
    # waiting periods and eligibility years of housing and talent rules, each its own measure
    ("个人将购买3年以上的住房对外销售的，免征增值税。", [(3, "年", "vat_exemption_holding_years")]),  # scope after the clause
    ("个人将购买3年以上的住房对外销售的，按规定办理。", [(3, "年", None)]),
    ("新购商品住房须自网签备案之日起满4年方可上市交易。", [(4, "年", "property_holding_years_before_resale")]),
    ("持有本市居住证满2年并在本市工作的购房人，可购买一套住房。", [(2, "年", "residence_permit_years_required")]),
    ("申请人为离异的，离异时间需满1年。", [(1, "年", "divorce_years_required")]),
    ("将住房赠与他人的，赠与人须满2年方可购买住房。", [(2, "年", "gift_transfer_repurchase_wait")]),
    ("新市民是指获得本市户籍不满4年的职工。", [(4, "年", "new_resident_hukou_years")]),
    ("对毕业3年以内的高校毕业生给予租房补贴。", [(3, "年", "graduate_years_since_graduation")]),
    ("因企业原因未动工开发满1年的，征收土地闲置费。", [(1, "年", "idle_land_years")]),
    # provident fund caps by home: the first home named, a fund's total is not a loan cap
    ("首套房最高贷款额度由80万元调整为100万元。", [(100, "万元", "pf_loan_cap_first_home")]),
    ("二套房最高贷款额度调整为60万元。", [(60, "万元", "pf_loan_cap_second_home")]),
    ("住房公积金贴息贷款资金总额度为30亿元。", [(30, "亿元", None)]),
    ("符合首套房条件的，住房公积金贷款最高额度在现行标准基础上再提高15万元。", [(15, "万元", "pf_loan_cap_increase")]),
    ("新建项目的建筑面积不少于5000平方米，且位于住宅区内。", [(5000, "平方米", None)]),
    ("房产税暂按房产交易价的60%计算缴纳。", [(60, "%", "property_tax_base_share")]),
    ("无租赁合同的，每6个月可以提取一次。", [(6, "个月", "pf_withdrawal_interval")]),
    ("登记机构收到申请后，应当在3个工作日内办结。", [(3, "个工作日", "processing_time_limit")]),
    ("审核通过的，审批窗口在1个工作日内转交规划部门。", [(1, "个工作日", "processing_time_limit")]),
    ("申请人须在10个工作日内到窗口办理登记手续。", [(10, "个工作日", None)]),   # the applicant's step
    ("拟补贴名单在区政府网站进行7个工作日的公示。", [(7, "个工作日", "publicity_period")]),
    # an increase written after 提高 is not the cap; a tier's 个人最高 is one payer's cap; an insurance
    # liability period is not a term of office; an employer paying for its hires is not a buyer's record
    ("提高住房公积金可贷额度，对三孩家庭提高15万元。", [(15, "万元", "pf_loan_cap_increase")]),
    ("缴存住房公积金满2年的，贷款额度个人最高不超过45万元。", [(2, "年", None), (45, "万元", "pf_loan_cap_individual")]),
    ("缴存职工夫妻参贷的，贷款额度按双方个人可贷额度相加，最高额度提高至90万元。", [(90, "万元", "pf_loan_cap_family")]),
    # a formula's multiple of the balances is the loan-to-balance multiple; the coefficient of one term of a sum
    # (余额×N+月缴存额×…) measures nothing alone
    ("住房公积金贷款额度=（本人账户余额+配偶账户余额）×18。", [(18, "倍", "pf_loan_to_balance_multiple")]),
    ("住房公积金贷款额度不高于缴存账户余额×8+月缴存额×剩余工作月数。", [(8, "倍", None)]),
    # a third tier for three or more payers is not the couple's cap; a household's unit still names the family
    ("单人缴存的最高可贷40万元，夫妻双方缴存的最高可贷60万元，家庭成员3人以上缴存的最高可贷75万元。",
     [(40, "万元", "pf_loan_cap_individual"), (60, "万元", "pf_loan_cap_family"), (3, "人", None),
      (75, "万元", "pf_loan_cap_three_plus_contributors")]),
    ("住房公积金贷款最高额度调整为50万元/人、90万元/户。",
     [(50, "万元/人", "pf_loan_cap_individual"), (90, "万元/户", "pf_loan_cap_family")]),
    ("防水工程（责任期为5年）。", [(5, "年", None)]),
    ("企业招用失业人员并为其连续缴纳社会保险费满6个月的，给予一次性补贴。",
     [(6, "个月", "employer_social_insurance_months")]),
    ("非本市户籍家庭在2年内累计缴纳9个月社保的，可购买一套住房。", [(2, "年", "purchase_social_insurance_lookback_years"), (9, "个月", "social_insurance_months_required")]),
    ("缴存职工第二次申请住房公积金贷款的，首次贷款结清后12个月调整为3个月。",
     [(3, "个月", "pf_second_loan_interval")]),  # the replaced 12 is no row
    ("开发企业可申请分期缴纳城市基础设施配套费，最长不超过4个月。", [(4, "个月", "infrastructure_fee_deferral")]),
    ("城市基础设施配套费缓缴期满后，可申请再延长2个月。", [(2, "个月", None)]),   # a further extension
    ("经税务机关批准，可以延期缴纳税款，最长不得超过3个月。", [(3, "个月", "tax_payment_deferral")]),
    ("受疫情影响的，可适当延长商品住房交付期限，最长不超过4个月。", [(4, "个月", "home_delivery_extension")]),
    # housing supply and lending rules
    ("借款人家庭月还款额不得超过家庭月收入的55%。", [(55, "%", "debt_to_income_cap")]),
    ("摇号销售时，开发企业应提供不低于40%比例的房源用于刚需购房。", [(40, "%", "rigid_demand_housing_share")]),
    ("新出让居住用地中商业建筑面积占比不超过8%。", [(8, "%", "residential_land_commercial_share")]),
    ("保障性住房用地占住房用地供应总量的比例不低于30%。", [(30, "%", "affordable_housing_land_share")]),
    ("同一楼幢同一套型的价差幅度控制在8%以内。", [(8, "%", "same_building_price_gap")]),
    # the cap of a home purchase subsidy per home is not the subsidy per square metre nor a loan cap
    ("对购买新建商品住房的，按面积给予每平方米150元的补贴，每户最高不超过3万元。",
     [(150, "元", "home_purchase_subsidy_per_area"), (3, "万元", "home_purchase_subsidy_cap")]),
    ("对购房人给予合同总价1%、最高不超过2万元的补贴。",
     [(1, "%", "home_purchase_subsidy_share"), (2, "万元", "home_purchase_subsidy_cap")]),
    ("购买适老化产品的给予补贴，最高补贴2000元。", [(2000, "元", "elderly_home_adaptation_subsidy_cap")]),  # not a home
    ("购买车位的，可申请住房公积金贷款，最高不超过10万元。", [(10, "万元", None)]),   # a loan, not a subsidy
    # paying a fine after the decision, and appeal periods against it, are different time limits
    ("当事人应当自收到行政处罚决定书之日起十五日内缴纳罚款。", [(15, "日", "fine_payment_deadline")]),
    ("当事人对罚款决定不服的，可以自收到处罚决定书之日起六十日内申请行政复议。", [(60, "日", "appeal_period")]),
    # land payments: the first instalment written without 后
    ("竞得人须在签订出让合同20日内付至土地出让金总额的50%。",
     [(20, "日", "land_first_payment_deadline"), (50, "%", "land_first_payment_ratio")]),
    # operating periods of rental housing
    ("改建类保障性租赁住房运营期不少于6年。", [(6, "年", "affordable_rental_operation_period")]),
    # uplifts of the provident fund's loan cap and of its withdrawal cap are different measures
    ("二孩家庭申请住房公积金贷款的，最高贷款额度在基准额度基础上上浮30%。", [(30, "%", "pf_loan_cap_uplift")]),
    ("多子女家庭租房提取住房公积金的，提取限额按规定额度标准上浮50%。", [(50, "%", "pf_withdrawal_cap_uplift")]),
    # preferential corporate income tax rates; the development investment required before a land transfer
    ("符合条件的高新技术企业，减按15%的税率征收企业所得税。", [(15, "%", "corporate_income_tax_rate")]),
    ("以出让方式取得土地使用权的，开发投资总额未达到25%以上的，不得转让。", [(25, "%", "land_transfer_investment_threshold")]),
    ("商品房项目开发投资达到25%以上的，可申请预售许可。", [(25, "%", None)]),          # a presale condition
    # presale funds replaced by bank guarantees, half-counted balconies, the balance kept to borrow and withdraw
    ("开发企业可用银行保函替代监管资金，保函额度不超过应监管资金的40%。", [(40, "%", "presale_fund_guarantee_cap")]),
    ("住宅套内阳台的折半计容面积上限为套内建筑面积的15%。", [(15, "%", "balcony_half_counted_area_cap")]),
    ("使用住房公积金贷款购房的，在账户中留足贷款额度10%后，可提取余额支付首付。", [(10, "%", "pf_loan_reserve_share")]),
    # building rules in metres: bay windows and air-conditioner platforms are different measures
    ("新建住宅飘窗最大尺寸放宽至0.6米，空调外机搁板最大尺寸为0.8米。",
     [(0.6, "米", "bay_window_depth_cap"), (0.8, "米", "ac_platform_depth_cap")]),
    ("生活垃圾投放点服务半径不大于80米。", [(80, "米", "waste_sorting_point_service_radius")]),  # no building depth
    # home size thresholds written after 购买; per-capita living area to settle, not a home's size
    ("购买120平方米以下新建商品住房的，给予契税补贴。", [(120, "平方米", "home_area_threshold")]),
    ("投靠子女落户的，迁入后人均居住面积不小于20平方米。", [(20, "平方米", "hukou_per_capita_living_area")]),
    # the loan type written nearest before the value names the down payment's key, whatever other loans
    # an eligibility condition names
    ("无商业性住房贷款记录的家庭购买首套住房，申请公积金贷款的首付款比例不低于25%。",
     [(25, "%", "pf_down_payment_first_home")]),
    ("有公积金贷款记录的家庭再次购房，申请商业贷款的最低首付款比例为35%。", [(35, "%", "down_payment_second_home")]),
    ("购买首套住房的商业贷款和公积金贷款最低首付款比例均调整为20%。", [(20, "%", "down_payment_first_home")]),  # both
    # a cap of the loan term plus the home's age is not the loan's term; the term alone still is
    ("公积金贷款期限与房龄之和最长不超过45年。", [(45, "年", "second_hand_home_age_plus_term_cap")]),
    ("商业贷款年限与房龄之和不得超过50年，住房贷款期限最长30年。",
     [(50, "年", "second_hand_home_age_plus_term_cap"), (30, "年", "mortgage_max_term")]),
    # a minimum loan is a floor of its own, never the cap; a living allowance used in the formula is no loan amount
    ("单方缴存职工申请住房公积金贷款的，最低贷款额度为20万元。", [(20, "万元", "pf_loan_floor_individual")]),
    ("夫妻双方缴存住房公积金的，贷款额度不低于35万元。", [(35, "万元", None)]),
    ("核定住房公积金贷款金额时所使用的职工月基本生活费按1500元计算。", [(1500, "元", None)]),
    # school admission: the share allocated to junior schools and the self-admission share are two measures
    ("示范性高中名额分配招生计划占其招生计划总数的比例为60%。", [(60, "%", "school_quota_allocation_share")]),
    ("各特色高中自主招生计划数合计不超过全区高中招生计划总数的8%。", [(8, "%", "school_self_admission_share")]),
    ("其中体育特长生自主招生计划不低于该类计划的10%。", [(10, "%", None)]),
    # a wait after the deed before withdrawing the fund, or before buying again, is no resale limit
    ("在外地购买二手住房的，须取得不动产权证满3个月方可申请提取住房公积金。", [(3, "个月", "pf_withdrawal_deed_wait")]),
    ("已有1套住房的家庭，取得不动产权证书满3年后方可再购买1套住房。", [(1, "套", "purchase_limit_homes"), (3, "年", None)]),
    ("新购住房自取得不动产权证后满3年方可转让。", [(3, "年", "property_holding_years_before_resale")]),
    # 最高 between the phrase and the value makes a subsidy per home its cap
    ("首次购买新建商品住房的，给予每户最高8万元的购房首付补贴。", [(8, "万元", "home_purchase_subsidy_cap")]),
    ("首次购买新建商品住房的，给予每户8万元的购房补贴。", [(8, "万元", "home_purchase_subsidy")]),
    # purchase bans by homes already owned, local and non-local households apart, the qualifier after the value too
    ("本市户籍居民家庭已拥有3套及以上住房的，暂停向其出售新建商品住房。", [(3, "套", "purchase_ban_owned_homes_local")]),
    ("暂停向已拥有2套及以上住房的非本市户籍家庭出售住房。", [(2, "套", "purchase_ban_owned_homes_nonlocal")]),
    # lending rules: years past retirement, the second home's rate multiple, contributions before a loan
    ("贷款到期日不得超过借款人法定退休年龄后3年。", [(3, "年", "loan_term_beyond_retirement_cap")]),
    ("购买第二套住房的，贷款利率不低于同期基准利率的1.2倍。", [(1.2, "倍", "second_home_loan_rate_multiple")]),
    ("申请住房公积金贷款的职工，须已连续足额缴存住房公积金满2年。", [(2, "年", "pf_contribution_months_required")]),
    ("足额缴存住房公积金2年（含）以上的，贷款额度最高不超过40万元。",
     [(2, "年", None), (40, "万元", "pf_loan_cap")]),                               # a tier of the cap
    ("抵押房屋已使用年限和贷款期限之和不超过45年。", [(45, "年", "second_hand_home_age_plus_term_cap")]),
    # land payments: the share written after the deadline; purchase rules written with 连续N年 and 即可
    ("竞得人自签订出让合同后两个月内缴纳70%。",
     [(2, "个月", "land_first_payment_deadline"), (70, "%", "land_first_payment_ratio")]),
    ("非本市户籍家庭须在本市已连续3年缴纳社会保险方可购房。", [(3, "年", "social_insurance_months_required")]),
    ("商品住房网签备案满2年即可上市交易。", [(2, "年", "property_holding_years_before_resale")]),
    # provident-fund loans refused by homes owned and by loans already used
    ("借款人家庭在本市有3套及以上住房的，不予发放住房公积金贷款。", [(3, "套", "pf_loan_ban_owned_homes")]),
    ("暂停向已使用过2次住房公积金贷款的职工发放贷款。", [(2, "次", "pf_loan_ban_prior_loans")]),
    # a term reaching past retirement is not the loan's longest term; a term capped by the mortgaged home
    ("公积金贷款期限可延长至借款人法定退休年龄后4年，最长贷款期限为25年。",
     [(4, "年", "loan_term_beyond_retirement_cap"), (25, "年", "mortgage_max_term")]),
    ("贷款期限不超过25年，且不超过抵押物的土地剩余使用年限。", [(25, "年", "mortgage_max_term")]),
    # 分别 after a clause naming both homes pairs in order; fees paid after a presale permit are a fee deferral, no land payment
    ("首套及二套房贷利率分别上调10及20个基点，利率分别为4.2%及4.6%。",
     [(20, "个基点", None), (4.2, "%", "mortgage_rate_first_home"), (4.6, "%", "mortgage_rate_second_home")]),
    ("城市基础设施配套费可在取得预售许可证后3个月内缴清。", [(3, "个月", "infrastructure_fee_deferral")]),
    # a provident-fund cap written after 单职工 alone; an increase written 贷款额再加
    ("本市单职工40万元，双职工最高贷款额度为70万元。",
     [(40, "万元", "pf_loan_cap_individual"), (70, "万元", "pf_loan_cap_family")]),
    ("调整住房公积金贷款额度，养育三孩的家庭贷款额可再加15万元。", [(15, "万元", "pf_loan_cap_increase")]),
    # contributions before a loan written by the borrower or before 缴存; before a rent withdrawal, its own key
    ("借款人应当连续足额缴存住房公积金12个月（含）以上。", [(12, "个月", "pf_contribution_months_required")]),
    ("职工连续足额缴存住房公积金满6个月，无自有住房且租房居住的，可提取住房公积金支付房租。",
     [(6, "个月", "pf_rent_withdrawal_contribution_months")]),
    ("已使用住房公积金贷款3次及以上的，不予受理贷款。", [(3, "次", "pf_loan_ban_prior_loans")]),
    ("住房公积金贷款额度不得高于夫妻双方账户余额之和的15倍。", [(15, "倍", "pf_loan_to_balance_multiple")]),
    # land: completion counted from the start of works, idle land counted from the agreed start date
    ("高层建筑可自开工之日起2年内竣工。", [(2, "年", "construction_completion_deadline")]),
    ("超过合同约定的动工开发日期满一年未动工开发的，征收土地闲置费。", [(1, "年", "idle_land_years")]),
    ("受让人在合同签订后一个月内缴纳土地出让价款比例不低于40%。",
     [(1, "个月", "land_first_payment_deadline"), (40, "%", "land_first_payment_ratio")]),
    # an interest subsidy as a share of the interest, and its cap as a share of the loan, are two measures
    ("按实际利息的30%给予贴息，且贴息资金不高于实际放款额的1.5%。",
     [(30, "%", "loan_interest_subsidy_share"), (1.5, "%", "loan_interest_subsidy_cap_share_of_loan")]),
    # a guarantee replacing presale funds written as a replacement share; repayments against household income
    ("开发企业可用银行保函替换重点监管资金，替换比例不超过重点监管资金额度的40%。", [(40, "%", "presale_fund_guarantee_cap")]),
    ("每月住房公积金贷款还贷额不超过借款人家庭收入的45%。", [(45, "%", "debt_to_income_cap")]),
    # insurance months before a medical benefit, or paid by an employer for its hires, are no buyer's record:
    # each is a measure of its own
    ("以个人身份参加职工医保，连续缴满6个月后可享受生育医疗待遇。", [(6, "个月", "maternity_benefit_contribution_months")]),
    ("招用员工并依法连续参加养老保险和失业保险满6个月以上的企业，给予一次性补贴。",
     [(6, "个月", "employer_social_insurance_months")]),
    # plan targets
    ("到2027年，全市森林覆盖率达到45%，城镇新增就业12万人。",
     [(45, "%", "forest_coverage"), (12, "万人", "urban_new_jobs")]),
    # other domains: subsidies by what they pay for, their conditions and terms
    ("返乡创业人员首次创办小微企业的，给予5000元一次性创业补贴。", [(5000, "元", "startup_subsidy_one_time")]),
    ("自创办之日起正常经营满6个月的，可申请创业补贴。", [(6, "个月", "startup_operating_months_required")]),
    ("对领取一次性求职补贴的毕业生，每人一次性发放800元。", [(800, "元", None)]),       # not a start-up
    ("企业招用脱贫人口并稳定就业6个月以上的，给予吸纳就业补贴。",
     [(6, "个月", "hiring_subsidy_employment_months_required")]),
    ("场地租金补贴期限最长不超过2年。", [(2, "年", "subsidy_period_cap")]),
    ("对新认定的省级技能大师工作室给予一次性补助10万元。", [(10, "万元", "skill_master_studio_grant_provincial")]),
    ("新购置纯电动物流车的，补贴标准为1万元/辆。", [(1, "万元/辆", "vehicle_purchase_subsidy_per_vehicle")]),
    ("参与以旧换新的家电产品，每件补贴不超过2000元。", [(2000, "元", "appliance_subsidy_cap_per_item")]),
    ("对展览面积达到2万平方米以上的展会给予支持。", [(2, "万平方米", "exhibition_area_threshold")]),
    # procurement, work relief, employment plans
    ("以工代赈项目劳务报酬占中央资金的比例不低于30%。", [(30, "%", "work_relief_labor_pay_share")]),
    ("政府采购工程预留面向中小企业的份额不低于40%。", [(40, "%", "sme_procurement_reserved_share")]),
    ("货物服务采购项目给予小微企业的价格扣除比例为20%。", [(20, "%", "sme_procurement_price_deduction")]),
    ("全省每年新增农民工就近就业20万人以上。", [(20, "万人", "rural_migrant_local_jobs")]),
    ("全市脱贫人口务工规模稳定在5万人以上。", [(5, "万人", "poverty_alleviated_labor_employed")]),
    # a reply to an information request is a named procedure's time limit, whatever office handles it; a case's
    # extension is not
    ("信息公开办收到政府信息公开申请的，自收到申请之日起15个工作日内予以答复。",
     [(15, "个工作日", "info_disclosure_request_reply_deadline")]),
    ("经批准，可以延长办案期限，延长期限最长不得超过30日。", [(30, "日", "penalty_case_extension_cap")]),
    ("经负责人批准，可以延长办案期限，最长不超过90日。", [(90, "日", "penalty_case_extension_cap")]),
    # training subsidies by certificate level; publicity of penalty information by severity and bound
    ("取得职业资格证书的，按以下标准给予培训补贴：五级（初级）1000元、四级（中级工）1500元，三级（高级工）2000元，"
     "二级（技师）2500元，一级（高级技师）3000元。",
     [(1000, "元", "training_subsidy_level5"), (1500, "元", "training_subsidy_level4"), (2000, "元", "training_subsidy_level3"),
      (2500, "元", "training_subsidy_level2"), (3000, "元", "training_subsidy_level1")]),
    ("对于一般违法行为，行政处罚信息的最短公示期为三个月，最长为一年；对于严重违法行为，行政处罚信息的最短公示期为一年，最长为三年。",
     [(3, "个月", "penalty_info_publicity_min_general"), (1, "年", "penalty_info_publicity_max_general"),
      # 最短为一年，最长为三年 in one unit is one range (1 to 3 years), keyed by its lower end
      (1, "年", "penalty_info_publicity_min_serious")]),
    ("一般违法行为的处罚信息最短公示期为6个月，严重违法行为的处罚信息最短公示期为2年。",
     [(6, "个月", "penalty_info_publicity_min_general"), (2, "年", "penalty_info_publicity_min_serious")]),
    # the age under which no penalty is given, and the band given a lighter one (one range 14–18, its own key)
    ("（一）不满十四周岁的未成年人有违法行为的；（二）已满十四周岁不满十八周岁的未成年人有违法行为的。",
     [(14, "周岁", "minor_penalty_exemption_age"), (14, "周岁", "minor_penalty_mitigation_age")]),
    # events held, not events attended (overseas fairs a region's firms attend are a measure of their own)
    ("每年举办消费类展会40场以上。", [(40, "场", "events_held")]),
    ("一季度组织企业参加不少于20场境外展会。", [(20, "场", "overseas_trade_fairs_participated")]),
    # a fine as a share of the contract price is its own measure; a share of a winning bid is not that
    ("未取得施工许可证擅自施工的，责令停止施工，处工程合同价款1%以上2%以下的罚款。",
     [(1, "%", "fine_share_of_contract_price")]),
    ("中标人不履行合同的，处中标项目金额5‰以上10‰以下的罚款。", [(5, "‰", None)]),
    # review panels: a project's experts and a title committee by series or by specialty
    ("每个项目的评审专家不得少于5名。", [(5, "名", "project_review_experts_min")]),
    ("按专业组建的评委会评审专家不少于9人，按系列组建的评委会评审专家不少于21人。",
     [(9, "人", "title_review_committee_experts_min_specialty"), (21, "人", "title_review_committee_experts_min_series")]),
    # a payment to one enterprise, scenic area or guesthouse; a subsidy as a share of an item's price
    ("对新评定的4A级旅游景区给予一次性奖励20万元。", [(20, "万元", "enterprise_award_cap")]),
    ("对吸纳就业的小微企业，每家企业最高补贴10万元。", [(10, "万元", "enterprise_award_cap")]),
    ("补贴标准为该产品扣除商家各项优惠后实际成交价格的20%。", [(20, "%", "subsidy_share_of_cost")]),
    ("执行三星级绿色建筑标准的项目，在容积率计容上给予3%奖励。", [(3, "%", "green_building_far_bonus_three_star")]),  # a floor-area bonus, no money
    # the statutory retirement age differs by sex; an age of majority is neither
    ("年龄在18周岁至法定退休年龄之间，即男性未满60周岁、女性未满50周岁。",
     [(18, "周岁", None), (60, "周岁", "statutory_retirement_age_male"), (50, "周岁", "statutory_retirement_age_female")]),
    ("对符合条件的外国人实施144小时过境免签政策。", [(144, "小时", "visa_free_transit_hours")]),
    # high-school admission: the quota share, the self-enrolment cap and the split of the quota are different
    # measures; a share of one group inside the self-enrolment plan has no key
    ("示范性高中名额分配招生计划占其招生计划总数的60%。", [(60, "%", "school_quota_allocation_share")]),
    ("各校自主招生计划数合计不超过全区普通高中招生计划总数的5%，其中体育特长生计划不低于该类自主招生计划的10%。",
     [(5, "%", "school_self_admission_share"), (10, "%", None)]),
    ("分配到区招生计划约占本校名额分配招生计划的40%，分配到校招生计划约占本校名额分配招生计划的60%。",
     [(40, "%", "school_quota_to_districts_share"), (60, "%", "school_quota_to_schools_share")]),
    # agriculture, schools, data, the economy
    ("到2030年，全区人均地区生产总值达到15万元，地区生产总值年均增长6%。",
     [(15, "万元", "gdp_per_capita"), (6, "%", "gdp_growth")]),
    ("单位地区生产总值能耗下降13.5%，单位地区生产总值二氧化碳排放下降18%。",
     [(13.5, "%", "energy_intensity_reduction"), (18, "%", "carbon_intensity_reduction")]),
    ("数字经济核心产业增加值占地区生产总值比重达到12%，社会消费品零售总额突破9000亿元。",
     [(12, "%", "digital_economy_core_share"), (9000, "亿元", "retail_sales_total")]),
    ("常住人口城镇化率提高到70%，城镇调查失业率控制在5.5%以内。",
     [(70, "%", "urbanization_rate"), (5.5, "%", "urban_unemployment_rate")]),
    ("粮食总产量稳定在1200万吨以上，累计建成高标准农田600万亩。",
     [(1200, "万吨", "grain_output"), (600, "万亩", "high_standard_farmland_area")]),
    ("城市建成区绿化覆盖率达到42%，人均公园绿地面积达到15平方米，城市生活污水集中处理率达到97%。",
     [(42, "%", "built_up_area_green_coverage"), (15, "平方米", "park_green_area_per_capita"),
      (97, "%", "sewage_treatment_rate")]),
    ("学前教育毛入园率达到92%，义务教育巩固率保持在96%以上，高中阶段毛入学率达到95%。",
     [(92, "%", "preschool_gross_enrolment"), (96, "%", "compulsory_education_retention"),
      (95, "%", "high_school_gross_enrolment")]),
    ("每千人口注册护士数达到3.8人，城市轨道交通运营里程达到300公里。",
     [(3.8, "人", "nurses_per_1000"), (300, "公里", "rail_transit_mileage")]),
    ("全年新建充电桩2万个，千兆宽带用户达到150万户，建成一刻钟便民生活圈40个。",
     [(2, "万个", "ev_charging_piles"), (150, "万户", "gigabit_users"), (40, "个", "convenience_life_circles")]),
    # presale: the days to list every home once the permit is granted, and to apply for the permit once
    # the price is filed; a group purchase's number of homes; a bidder's registered capital
    ("已取得预售许可的楼盘，必须在7日内一次性公开全部房源。", [(7, "日", "presale_listing_deadline")]),
    ("开发企业在价格备案后5个工作日内申领商品房预售许可证。", [(5, "个工作日", "presale_permit_application_deadline")]),
    ("对一次性团购5套及以上的购房人，开发企业可给予协议优惠。", [(5, "套", "group_purchase_min_homes")]),
    ("团购会期间共成交住房300套以上。", [(300, "套", None)]),
    ("竞买人须具有二级开发资质且注册资本金不低于2亿元人民币。", [(2, "亿元", "land_bidder_registered_capital_min")]),
    # look-back years with no home deal, the ban after a fraud on the fund, talent age caps by tier
    ("申请人在申请之日前3年内在本县无住房买卖行为。", [(3, "年", "no_home_transaction_lookback_years")]),
    ("出售住房的，须在出售之日前2年内缴纳社会保险。", [(2, "年", None)]),
    ("骗取住房公积金的，全额退回已提取金额3年后方可再次申请提取。", [(3, "年", "pf_fraud_ban_years")]),
    ("硕士研究生放宽至45周岁以下，高级工放宽至40周岁以下。", [(45, "周岁", "talent_age_cap"), (40, "周岁", "talent_age_cap")]),
    # the years a subsidy is paid, written after the subsidy; an area tier written as 面积为
    ("企业为其缴纳社会保险满12个月的，每年给予1万元补贴，累计不超过3年。",
     [(12, "个月", "employer_social_insurance_months"), (1, "万元", None), (3, "年", "subsidy_period_cap")]),
    ("个人购买家庭唯一住房，面积为90平方米以上的，减按1.5%的税率征收契税。",
     [(90, "平方米", "home_area_threshold"), (1.5, "%", "deed_tax_rate")]),
    # parking sold only to owners for a while; the daily surcharge on an unpaid fine; the fine range above which
    # discretion tiers are refined (a case threshold for legal review is not it); guarantee fees
    ("地下配套车位自公告之日起3个月内，每户业主只能购买1个车位。",
     [(3, "个月", "parking_owner_priority_months"), (1, "个", None)]),
    ("到期不缴纳罚款的，每日按罚款数额的3%加处罚款。", [(3, "%", "late_fine_daily_share")]),
    ("对法定罚款幅度超过5万元的事项，进一步细化裁量阶次。", [(5, "万元", "penalty_discretion_refinement_threshold")]),
    ("对个人创业担保贷款给予最高1%/年的担保费补贴。", [(1, "%/年", "guarantee_fee_subsidy_rate")]),
    ("政府性融资担保业务担保费率降至1%以下。", [(1, "%", "guarantee_fee_rate_cap")]),
    ("原商业贷款在申请前24个月内没有逾期记录。", [(24, "个月", "commercial_to_pf_no_overdue_months")]),
    # one payer's and two payers' caps written as 一人/两人缴存…最高
    ("一人缴存住房公积金最高20万元调整为30万元，两人缴存住房公积金最高40万元调整为50万元。",
     [(30, "万元", "pf_loan_cap_individual"), (50, "万元", "pf_loan_cap_family")]),
    # the time limits of named procedures are keys of their own; an unnamed decision stays the general limit
    ("行政机关应当自行政处罚案件立案之日起60日内作出行政处罚决定。", [(60, "日", "penalty_case_decision_deadline")]),
    ("住房公积金管理中心受理借款人贷款申请后，10个工作日内作出准予贷款或者不准贷款的决定。",
     [(10, "个工作日", "pf_loan_approval_time")]),
    ("公积金中心自收到提取申请之日起2个工作日内作出准予提取或者不准予提取的决定。",
     [(2, "个工作日", "pf_withdrawal_approval_time")]),
    ("建立价格备案会商机制，价格备案3个工作日内办结。", [(3, "个工作日", "housing_price_filing_time")]),
    ("工业项目全流程审批时间控制在15个工作日以内。", [(15, "个工作日", "project_approval_total_time")]),
    ("建筑工程施工许可证办理时限压缩至2个工作日。", [(2, "个工作日", "construction_permit_time")]),
    ("不动产转移登记业务由5个工作日压缩至1个工作日办结。", [(1, "个工作日", "property_registration_time")]),
    ("政务公开办收到信息公开申请后，自收到申请之日起15个工作日内予以答复。",
     [(15, "个工作日", "info_disclosure_request_reply_deadline")]),
    # a net-sign price floor against the filed price, for a group purchase and in general; a discounted offer
    # to some buyers is not it
    ("对一次性团购3套及以上的，新建商品住房网签价格下浮不低于备案价格的85%。",
     [(3, "套", "group_purchase_min_homes"), (85, "%", "new_home_price_floor_share_group")]),
    ("网签价格不得高于备案价，也不得低于备案价的90%。", [(90, "%", "new_home_price_floor_share")]),
    ("对在本县就业的务工人员购房，提供部分不低于备案价格85%的优惠房源。", [(85, "%", None)]),
    # an area tier of a purchase subsidy (a restaurant's floor area is none); a trade-in subsidy's cap per home
    ("购买新建商品住房，面积在90平方米以上的，政府每套补贴1万元。",
     [(90, "平方米", "home_area_threshold"), (1, "万元", "home_purchase_subsidy")]),
    ("餐饮门店建筑面积在300平方米以下的，可不办理消防安全检查。",  # no home area: the fire-check exemption's
     [(300, "平方米", "fire_safety_inspection_exempt_area_limit")]),
    ("卖旧买新的，按贷款额1%给予补贴，单套最高3万元。", [(1, "%", None), (3, "万元", "home_purchase_subsidy_cap")]),
    # months of contributions for maternity benefits and for a hiring subsidy; a housing voucher's validity
    ("以个人身份参加职工医保的灵活就业人员，连续缴满6个月后，可享受生育医疗待遇。",
     [(6, "个月", "maternity_benefit_contribution_months")]),
    ("企业新招用高校毕业生，在同一单位依法连续缴纳社会保险费满12个月的，给予社保补贴。",
     [(12, "个月", "employer_social_insurance_months")]),
    ("房票自核发之日起有效期3个月，逾期未使用自动失效。", [(3, "个月", "housing_voucher_validity")]),
    # the months a fund's liquidity trigger must last
    ("若月末个贷率连续3个月达到或超过85%，将调减商转公贷款额度。",
     [(3, "个月", "pf_liquidity_trigger_months"), (85, "%", "pf_loan_to_deposit_ratio")]),
    ("本市住房公积金资金连续3个月净流出时，启动贴息贷款业务。", [(3, "个月", "pf_liquidity_trigger_months")]),
    # land supply shares: small units with affordable homes, and affordable homes alone
    ("今年保障性住房和中小套型普通商品住房用地不低于住房建设用地供应总量的70%，其中保障性住房建设用地供应占全市住房供地30%以上。",
     [(70, "%", "small_unit_and_affordable_land_share"), (30, "%", "affordable_housing_land_share")]),
    # presale: the investment before a permit, the share delivered with deeds that earns relief; land paid before permits
    ("投入开发建设的资金达到工程建设总投资的25%以上的，方可办理预售许可。", [(25, "%", "presale_investment_threshold")]),
    ("实现新建商品住房交房即交证达到首批次集中交付60%以上的，给予开发企业预售监管资金支持。",
     [(60, "%", "delivery_with_deed_share_required")]),
    ("受让人签订《国有建设用地使用权出让合同》并缴纳50%土地出让价款后，可申请办理建设工程规划许可证。",
     [(50, "%", "land_price_paid_share_for_permits")]),
    # the three conditions that raise the homeless households' share of a launch
    ("商品住宅项目每批次上市房源中，144平方米以下套数占比在70%以上，且无房家庭报名数为当批次无房家庭房源数2倍以上的，"
     "无房家庭房源供应比例提高到40%。",
     # the size bound names the group whose share is measured (a qualifier, not a row)
     [(70, "%", "homeless_priority_small_unit_share"),
      (2, "倍", "homeless_priority_subscription_multiple"), (40, "%", "no_home_family_supply_share")]),
    # a non-local household's down payment where no home order is written; with one written, the home's key
    ("非本市户籍居民家庭申请商业性个人住房贷款，首付比例不低于30%。", [(30, "%", "down_payment_nonlocal")]),
    ("非本市户籍居民家庭购买首套住房申请商业性个人住房贷款，首付比例不低于30%。", [(30, "%", "down_payment_first_home")]),
    # ages: a rural parent who may join a child's household registration
    ("城镇地区已退休和农村地区已满55周岁的父母，可以申请投靠在本市落户的子女。", [(55, "周岁", "hukou_parent_join_age_rural")]),
    # years: a normative document's evaluation, a subsidised home's contract, a divorce written in brackets
    ("与经济社会发展或者公众利益密切相关，且实施满5年的规范性文件，应当开展评估。",
     [(5, "年", "normative_document_evaluation_years")]),
    ("原经济适用住房买卖合同签订满5年的，可以上市交易。", [(5, "年", "economic_housing_full_title_years")]),
    ("离异申请人提供（满2年）离婚证书。", [(2, "年", "divorce_years_required")]),
    # a penalty procedure's named steps: serving the decision, filing it, reporting a seizure on the spot
    ("当事人不在场的，行政机关应当在七个工作日内依照《中华人民共和国民事诉讼法》的有关规定，将行政处罚决定书送达当事人。",
     [(7, "个工作日", "penalty_decision_service_deadline")]),
    ("（五）在两个工作日内将行政处罚决定报所属行政机关备案。", [(2, "个工作日", "penalty_decision_filing_deadline")]),
    ("情况紧急，需要当场先行登记保存的，执法人员应当在二十四小时内向行政机关负责人报告，并补办批准手续。",
     [(24, "小时", "evidence_preservation_report_deadline")]),
    # consumption: trade-in items per person and category, the efficiency grade a subsidised product needs,
    # the cap of an aged-care adaptation subsidy, a consumer loan's cap
    ("以旧换新产品每人每类可补贴1件，每件补贴不超过2000元。",
     [(1, "件", "trade_in_items_per_person_category"), (2000, "元", "appliance_subsidy_cap_per_item")]),
    ("有能效或水效标识的，须为1级能效或水效标准。", [(1, "级", "trade_in_efficiency_grade_required")]),
    ("购置居家适老化改造产品的，给予不高于实际成交价格20%的补贴，最高补贴3000元。",
     [(20, "%", "subsidy_share_of_cost"), (3000, "元", "elderly_home_adaptation_subsidy_cap")]),
    ("个人消费贷款上限可阶段性提高至30万元。", [(30, "万元", "consumer_loan_cap")]),
    ("购买新建商品住房的二、三孩家庭，政府每平方米补贴100元，最高补贴额不超过1.44万元。",
     [(100, "元", "home_purchase_subsidy_per_area"), (1.44, "万元", "home_purchase_subsidy_cap")]),
    # overdue payments that bar a loan, consecutive and cumulative; an equivalence (视为连续3次) is no bar
    ("借款人征信记录连续三次（含）以上或累计六次（含）以上逾期的，不允许贷款。",
     [(3, "次", "loan_credit_overdue_consecutive_cap"), (6, "次", "loan_credit_overdue_cumulative_cap")]),
    ("产生超过3个月以上没有还款的，视为连续3次逾期。", [(3, "个月", None), (3, "次", None)]),
    # a presale account's retention for good developers, an extra extension of maturing property loans, the
    # co-payment of class B medical items
    ("对无违规行为的企业，按已办理预售总建筑面积应留存商品房监管资金的70%留存监管资金。",
     [(70, "%", "presale_fund_retention_share")]),
    ("未来半年内到期的房地产融资，可在原规定基础上多展期1年。", [(1, "年", "real_estate_loan_extra_extension_years")]),
    ("基本医疗保险乙类项目，如无特殊标注，参保人员需先行负担10%。", [(10, "%", "medical_insurance_class_b_copay_share")]),
    # an objection's period whose verb is written far after the value; a lawsuit's period apart from review's
    ("项目申请人对不予资助的决定有异议的，可以自收到决定之日起10个工作日内通过依托单位以书面形式向基金办提出复审申请。",
     [(10, "个工作日", "appeal_period")]),
    ("申请人可以在收到答复之日起60日内申请行政复议，或者在收到答复之日起6个月内向人民法院提起行政诉讼。",
     [(60, "日", "appeal_period"), (6, "个月", "admin_litigation_period")]),
    # affordable homes raised or started apart from those completed; rental ones keep their own key
    ("落实建设筹集各类保障性住房16万套，竣工7万套的任务。",
     [(16, "万套", "affordable_housing_units_started"), (7, "万套", "affordable_housing_units_completed")]),
    ("2024年开工建设配售型保障性住房不少于6000套。", [(6000, "套", "affordable_housing_units_started")]),
    ("新增筹建保障性租赁住房5000套。", [(5000, "套", "affordable_rental_housing")]),
    ("按规划今年要实施120个城中村改造项目。", [(120, "个", "urban_village_renovation_projects")]),
    # an area tier written after the verb of buying, with a bracketed note; a cap relaxed as a multiple
    ("采用商业贷款方式购买90平方米（含90平方米）以下新建商品住房的，给予贷款利息补贴。",
     [(90, "平方米", "home_area_threshold")]),
    ("多子女家庭使用公积金贷款购买自住住房的，贷款限额可放宽到当期最高贷款额度的1.3倍。",
     [(1.3, "倍", "pf_loan_cap_multiple")]),
    # a provident-fund down payment for a resale home where no home order is written; a filed price's rise cap
    ("借款人购买二手自住住房申请住房公积金贷款的，最低首付款比例为30%。", [(30, "%", "pf_down_payment_resale_home")]),
    ("借款人购买二手住房申请住房公积金贷款，购买首套住房的，最低首付款比例为20%。", [(20, "%", "pf_down_payment_first_home")]),
    ("对同一套房屋，开发企业调高备案价格幅度超过本通知实施前最后一次备案价格5%（含）的，暂不办理房价备案。",
     [(5, "%", "price_filing_increase_cap")]),
    # a purchase subsidy's total budget written 补贴总额度 after the home it pays for
    ("按照新房成交总价1%发放区级专项补贴，单套上限2万元，补贴总额度3000万元，额度用完即停。",
     [(1, "%", "home_purchase_subsidy_share"), (2, "万元", "home_purchase_subsidy_cap"),
      (3000, "万元", "housing_consumption_voucher_budget")]),
    ("缴存人可通过网上办事大厅自助办理，公积金中心审批通过后（不超过2个工作日），提取转账至申请人的收款账户。",
     [(2, "个工作日", "pf_withdrawal_transfer_time")]),
    # a per-person payment for hiring named after the standard; a contribution paid for the needy is its own measure
    ("对企业招用毕业年度大学生的，按1500元/人的标准发放一次性扩岗补助。", [(1500, "元/人", "employment_subsidy_per_person")]),
    ("由地方政府按100元/人/年的标准为其代缴城乡居民基本养老保险费。", [(100, "元/人/年", "resident_pension_premium_paid_for_needy")]),
    ("新型产业用地允许在同一地块内设置不超过计容建筑面积30%的服务型配套设施。",
     [(30, "%", "industrial_land_supporting_facilities_share")]),
    ("第二轮土地承包到期后再延长三十年。", [(30, "年", "land_contract_extension_years")]),
    ("报考名额分配到校志愿的考生须在本校在籍在读满3年。", [(3, "年", "school_quota_enrolment_years_required")]),
    ("公共数据授权运营期限原则上不超过3年。", [(3, "年", "public_data_authorised_operation_term")]),
    ("到2030年，全省地区生产总值突破8万亿元，人工智能核心产业规模达到1000亿元。",
     [(8, "万亿元", "gdp_total"), (1000, "亿元", "ai_core_industry_scale")]),
    # the destocking period of commercial and office space is not that of housing
    ("对商业办公用房库存去化周期超过24个月的城市，暂停商服用地出让。", [(24, "个月", "commercial_destocking_period")]),
    ("商品住房去化周期在12个月以下的，加快供地节奏。", [(12, "个月", "housing_destocking_period")]),
    # a founder's own insurance period for a start-up subsidy is not the period an employer pays for its hires
    ("毕业生在本县创办企业，以灵活就业人员身份连续缴纳社会保险费6个月以上的，给予一次性创业补贴。",
     [(6, "个月", "startup_founder_social_insurance_months")]),
])
def test_sentences_get_their_keys(sentence, expected):
    got = keys_of(sentence)
    for item in expected:
        assert item in got
    assert {k for *_, k in got} == {k for *_, k in expected}  # the other end of a range takes the same key


@pytest.mark.parametrize("sentence,value,key", [
    # mortgage rate floors written as a spread to the LPR: below and above are different keys, by home
    # (the unit is read as 个基点 or, cut short, 个: both are basis points here)
    ("首套住房商业性个人住房贷款利率下限调整为相应期限贷款市场报价利率减30个基点。", 30,
     "mortgage_rate_lpr_minus_bp_first_home"),
    ("二套住房商业性个人住房贷款利率下限为不低于相应期限贷款市场报价利率加40个基点。", 40,
     "mortgage_rate_lpr_plus_bp_second_home"),
])
def test_rate_spreads_to_the_lpr_get_their_keys(sentence, value, key):
    assert [(v, k) for v, _, k in keys_of(sentence)] == [(value, key)]


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
    # earlier values of a list or of a worked sum are not part of the name
    ("对星级商户分别加4分、2分或", "星级商户分别加"),
    ("岗位补贴标准1800元*40%=", "岗位补贴标准"),
    ("甲类和乙类企业奖励倍数分别为3倍、2倍、", "甲类和乙类企业奖励倍数"),
    ("培育特色小店200家、示范店30家、商业街区", "商业街区"),
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


def test_values_of_a_list_do_not_split_a_group():
    groups = ind.group_unknown(["示范店 40家、旗舰店 15家、特色街区", "培育特色街区", "特色街区",
                                "对企业分别加5分、3分或", "对企业分别加"])
    assert ["特色街区", "培育特色街区"] in groups
    assert ["企业分别加"] in groups                     # one phrase, whatever values were listed before


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


UNITS = sorted({r.example_unit for r in ind.taxonomy()} | {"万元", "元/平方米", "个百分点", "倍", "个工作日", "米", "吨", None},
               key=str)


@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize("comparator", [None, "=", ">=", "<=", ">", "<", "≥", "≤"])
def test_rows_indexed_by_unit_and_comparator_are_the_rows_that_fit(unit, comparator):
    plain = tuple(i for i in ind.taxonomy() if (unit is None or i.units.fullmatch(unit))
                  and comparator not in ind._AGAINST.get(i.bound, ()))
    assert ind._fitting(unit, comparator) == plain


def test_a_reloaded_taxonomy_gets_a_new_index(tmp_path, monkeypatch):
    from extractors import refdata
    assert ind.classify("住房公积金贷款最高额度", "万元", comparator="<=") is not None
    small = tmp_path / "indicators.tsv"
    small.write_text("key\tlabel\tunits\tpattern\tqualifier\tscope\texample\n"
                     "test_fee\t测试费\tmoney\t测试费\t\t\t测试费|元\n", encoding="utf-8")
    monkeypatch.setattr(refdata, "data_path", lambda name: small)
    ind.taxonomy.cache_clear()
    try:
        assert ind.classify("测试费", "元") == "test_fee"
        assert ind.classify("住房公积金贷款最高额度", "万元", comparator="<=") is None
    finally:
        monkeypatch.undo()
        ind.taxonomy.cache_clear()
    assert ind.classify("住房公积金贷款最高额度", "万元", comparator="<=") is not None


@pytest.mark.parametrize("sentence,expected", [
    # time limits of named procedures: each procedure its own key, never the general processing time
    ("违法行为在二年内未被发现的，不再给予行政处罚。", [(2, "年", "penalty_limitation_years")]),
    ("涉及公民生命健康安全且有危害后果的，上述期限延长至五年。", [(5, "年", "penalty_limitation_years_extended")]),
    ("政府信息公开申请内容不明确的，应当自收到申请之日起7个工作日内一次性告知申请人作出补正。",
     [(7, "个工作日", "info_disclosure_correction_notice_deadline")]),
    ("需要延长政府信息公开答复期限的，延长答复的期限最长不得超过20个工作日。", [(20, "个工作日", "info_disclosure_reply_extension_cap")]),
    ("复议机关需要延长答复期限的，延长期限最长不超过30日。", [(30, "日", None)]),   # no information request
    ("第三方应当自收到征求意见书之日起10个工作日内提出意见。", [(10, "个工作日", "info_disclosure_third_party_opinion_deadline")]),
    ("政府信息公开申请人应当自收到收费通知之日起20个工作日内缴纳费用。", [(20, "个工作日", "info_disclosure_fee_payment_deadline")]),
    ("限期改正期限届满后3个工作日内，执法部门对改正情况进行复核。", [(3, "个工作日", "rectification_recheck_deadline")]),
    ("自收到资助决定之日起10个工作日内提交项目任务书。", [(10, "个工作日", "science_project_task_book_deadline")]),
    ("竣工档案应当在竣工验收后3个月内移交城建档案馆。", [(3, "个月", "construction_archives_handover_deadline")]),
    # a wait after which a price may be filed again is a measure of its own, and an operator's own deadline
    # before it stops no processing time; a window counted within a policy's validity is no validity period
    ("价格已审核备案的，6个月后可以重新申报价格备案。", [(6, "个月", "price_refiling_interval")]),
    ("经营者停止运营的，应在停止运营前15日内向管理部门申请取消备案。", [(15, "日", None)]),
    ("在本办法有效期内取得资格证书2年内签约的，给予一次性奖励。", [(2, "年", None)]),
    # business registration: a forced deregistration after a revoked licence, a simplified one's notice period
    ("公司被吊销营业执照满三年未向登记机关申请注销登记的，登记机关可以强制注销。",
     [(3, "年", "company_forced_deregistration_years")]),
    ("企业在公示系统发布拟注销公告满20日且无异议的，可以办理简易注销。", [(20, "日", "simplified_deregistration_notice_days")]),
    ("制定涉企政策应当为经营主体留出不少于30日的适应调整期。", [(30, "日", "regulation_adjustment_period_days")]),
    # shared bicycles: the age below which none is rented, for e-bikes and pedal bikes apart
    ("不得向未满16周岁的人员提供电动自行车租赁服务。", [(16, "周岁", "bike_sharing_min_age_ebike")]),
    ("不得向未满12周岁的人员提供共享自行车服务。", [(12, "周岁", "bike_sharing_min_age")]),
    ("市民热线的响应时间不超过5分钟。", [(5, "分钟", None)]),   # a response time of no bicycle dispatch
    # thresholds below which no construction permit or separate fire acceptance filing is needed
    ("工程投资额在30万元以下或者建筑面积在300平方米以下的建筑工程，可以不申请办理施工许可证。",
     [(30, "万元", "construction_permit_exempt_investment_limit"), (300, "平方米", "construction_permit_exempt_area_limit")]),
    ("工程投资额在500万元以上的项目，施工许可实行告知承诺制。", [(500, "万元", None)]),   # no exemption
    ("投资额在50万元以下的小型工程，不再单独开展消防验收备案。", [(50, "万元", "fire_acceptance_filing_exempt_investment_limit")]),
    # education, health and civil affairs
    ("全区新生入学肺结核筛查率达到98%以上。", [(98, "%", "new_student_tb_screening_rate")]),
    ("年满六周岁的适龄儿童应当入学接受义务教育。", [(6, "周岁", "primary_school_entry_age")]),
    ("已满十八周岁的申请人可以办理。", [(18, "周岁", None)]),   # an adult's age in no penalty rule
    ("年满三周岁的适龄儿童可以进入幼儿园。", [(3, "周岁", None)]),      # kindergarten, not school entry
    ("重点人群肺结核筛查率达到90%。", [(90, "%", None)]),               # not new students
    ("今年为不少于5000户特殊困难老年人家庭实施适老化改造。", [(5000, "户", "elderly_home_adaptation_households")]),
    ("小区生活垃圾分类投放点服务半径不宜大于80米。", [(80, "米", "waste_sorting_point_service_radius")]),
    ("电动自行车集中充电场地与建筑外窗的距离不应小于6米。", [(6, "米", "ebike_charging_site_window_distance")]),
    ("到2026年，非现场监管占比达到40%以上。", [(40, "%", "non_site_inspection_share")]),
    # a screening's deadline after school starts, apart for students from high-risk areas; a report's
    # deadline is a measure of its own
    ("新生肺结核筛查最晚应在开学后2个月内完成，来自高风险地区的学生应在开学后10日内完成。",
     [(2, "个月", "new_student_tb_screening_deadline"), (10, "日", "new_student_tb_screening_deadline_high_risk")]),
    ("学校须于开学后1个月内报送肺结核筛查结果统计表。", [(1, "个月", "new_student_tb_screening_report_deadline")]),
    ("新生视力筛查应在开学后1个月内完成。", [(1, "个月", None)]),          # another screening
    ("院前急救调度响应时间不超过2分钟。", [(2, "分钟", None)]),            # no bicycle dispatch
    ("安排临时救助备用金500万元。", [(500, "万元", None)]),                # a total, not per head
    ("今年推动30个公共体育场馆免费或低收费开放。", [(30, "个", "public_sports_venues_free_or_low_fee_open")]),
    ("全年实施农村公路安防工程120公里，开工建设撤并建制村畅通工程50公里。",
     [(120, "公里", "rural_road_safety_works_km"), (50, "公里", "merged_village_road_km")]),
    ("对信用扣分有异议的，主管部门应当于5个工作日内进行核查。", [(5, "个工作日", "credit_deduction_objection_check_deadline")]),
    ("须确保每一所不选择生源的初中学校至少获得该校2个名额。", [(2, "个", "school_quota_min_places_per_nonselective_school")]),
    ("在籍在读满三年的应届初三学生方可填报。", [(3, "年", "school_quota_enrolment_years_required")]),
    ("到年底，高速公路服务区充电设施覆盖率达到100%。", [(100, "%", "highway_service_area_charging_coverage")]),
    ("全市经济总量今年将突破3万亿元。", [(3, "万亿元", "gdp_total")]),   # 经济总量 is the regional GDP
    ("区主管部门对申报项目进行初审，自收到申报材料起5个工作日内报送初审意见。",
     [(5, "个工作日", "project_application_preliminary_review_deadline")]),
    ("年综合能耗1万吨标准煤以下的项目，可不开展能耗等量替代。", [(1, "万吨标准煤", "energy_replacement_exempt_consumption_limit")]),
    ("考生可以填报2个名额分配到区志愿和1个名额分配到校志愿。",
     [(2, "个", "school_quota_district_choices"), (1, "个", "school_quota_school_choices")]),
])
def test_procedures_enforcement_and_public_services_get_their_keys(sentence, expected):
    assert keys_of(sentence) == expected


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


@pytest.mark.parametrize("title,sentence,expected", [
    # a provident-fund notice's sentences that name no loan type speak of provident-fund loans
    ("某市住房公积金管理中心关于调整贷款政策的通知", "购买首套自住住房的，首付比例不低于25%，购买二套的，首付比例不低于35%。",
     ["pf_down_payment_first_home", "pf_down_payment_second_home"]),
    ("某市公积金新政解读", "购买第二套住房的，最低首付比例为30%。", ["pf_down_payment_second_home"]),
    # a sentence naming a bank loan keeps its own loan type; a title without 公积金 lends nothing
    ("某市住房公积金管理中心关于调整贷款政策的通知", "申请商业银行贷款购买首套住房的，首付比例不低于25%。",
     ["down_payment_first_home"]),
    ("某市关于促进房地产市场平稳健康发展的通知", "购买首套自住住房的，首付比例不低于25%。",
     ["down_payment_first_home_unspecified"]),
    # a sentence of the fund's rules that names neither the fund nor a bank is the fund's; an average, a
    # threshold below which a floor applies, a condition on the term and a cap counted in months are not
    ("某市住房公积金提取管理办法", "未办理按月还贷的，每3个月可以提取一次。", ["pf_withdrawal_interval"]),
    ("某市住房公积金提取政策解读", "缴存人可通过线上渠道或每隔12个月通过银行网点办理提取。", ["pf_withdrawal_interval"]),
    # the balance a loan formula counts when the account holds less
    ("某市住房公积金个人住房贷款管理办法", "夫妻合计月均余额不足1万元的，按1万元计算。",
     ["pf_loan_formula_min_balance", "pf_loan_formula_min_balance"]),
    # a fund notice whose title names one measure speaks of it where a value names none
    ("关于调整职工住房公积金缴存基数下限的通知", "下限标准分为两档：第一档，市区为2270元；第二档，各县为1910元。",
     ["pf_contribution_base_floor", "pf_contribution_base_floor"]),
    ("关于调整职工住房公积金缴存基数下限的通知", "本次调整涉及缴存单位300家。", [None]),
    ("关于调整住房公积金租房提取额度的通知", "缴存人无房租赁的，市区为每月2000元，各县为每月1200元。",
     ["pf_rent_withdrawal_cap", "pf_rent_withdrawal_cap"]),
    ("某市关于促进房地产市场平稳健康发展的通知", "第一档，市区为2270元。", [None]),
    # the title names the loan scheme a sentence of its rules does not; a rate's uplift is no rate, a
    # co-applicant's months counted in a formula no condition of the loan
    ("某市住房公积金个人住房贷款管理办法", "申请人提供资料齐全的，公积金中心应在5个工作日内完成受理、审核和审批手续。",
     ["pf_loan_approval_time"]),
    ("某市住房公积金个人住房贷款管理办法", "第二次申请贷款的，贷款利率按同期基准利率上浮10%执行。",
     ["pf_second_home_loan_rate_uplift"]),
    ("某市住房公积金个人住房贷款管理办法", "共同申请人连续缴存不足6个月的，不纳入计算公式。", [None]),
    ("某市住房公积金个人住房贷款管理办法", "符合贷款发放条件的，放款时限不超过5个工作日。", ["pf_loan_disbursement_time"]),
    # the amount a formula gives raised by a share is no raise of the cap
    ("某市住房公积金个人住房贷款管理办法", "多子女家庭按照贷款计算公式得出的贷款额度上浮20%，但不超过最高可贷额度。", [None]),
    ("某市住房公积金个人住房贷款管理办法", "多子女家庭住房公积金贷款最高额度上浮20%。", ["pf_loan_cap_uplift"]),
    ("某市住房公积金个人住房贷款管理办法", "借款人应在签订商品房买卖合同后6个月内，提出贷款申请。",
     ["pf_loan_application_window"]),
    ("某市促进消费若干措施", "消费者应在签订合同后6个月内，提出补贴申请。", [None]),
    ("某市住房公积金提取管理办法", "租房提取限额不超过12个月的租金，可每年提取一次。", [None]),
    ("某市住房公积金管理中心关于调整贷款政策的通知", "二套房共发放贷款1200笔，平均贷款金额为65.5万元。", [None, None]),
    ("某市住房公积金管理中心关于调整贷款政策的通知", "实际可贷款额度低于15万元的，可按15万元确定。", [None, None]),
    ("某市住房公积金管理中心关于调整贷款政策的通知", "对于贷款期限在1年以内（含1年）的，遇法定利率调整，实行合同利率。",
     [None]),
    # a package of property measures whose title names the fund among others does not say which loan
    ("公积金贷款最高60万 我市出台促进房地产市场平稳发展若干措施", "购买首套住房的，最低首付比例为20%。",
     ["down_payment_first_home_unspecified"]),
])
def test_a_provident_fund_title_names_the_loan_type(title, sentence, expected):
    text = normalize(sentence).text
    assert [ind.classify_commitment(c, text, title) for c in find_commitments(text, text)] == expected


# housing, land and the provident fund: measures grown from the pool's unkeyed rows (sentences written for
# these tests); a value that belongs to no one measure keeps no key
HOUSING_LAND_FINANCE = [
    # the look-back window of a purchase eligibility test is not the insurance period it asks for
    ("外地户籍家庭须提供购房之日前3年内在本市累计缴纳24个月社会保险的证明。",
     [(3, "年", "purchase_social_insurance_lookback_years"), (24, "个月", "social_insurance_months_required")]),
    ("购房条件调整为近2年累计缴纳1年社保或个税。",
     [(2, "年", "purchase_social_insurance_lookback_years"), (1, "年", "social_insurance_months_required")]),
    ("非本县户籍家庭须在购房之日前1年起已连续缴纳社保满12个月。",
     [(1, "年", "purchase_social_insurance_lookback_years"), (12, "个月", "social_insurance_months_required")]),
    ("1、3年内无自有住房登记信息和交易记录。", [(3, "年", "no_home_transaction_lookback_years")]),
    ("申请人前2年内在本县连续就业的，可申请补贴。", [(2, "年", None)]),  # no insurance or tax named
    # a tax refund for selling and buying again is its own window
    ("纳税人出售自有住房并在现住房出售后1年内，在本市重新购买住房的，可申请退还已缴纳的个人所得税。",
     [(1, "年", "home_sale_tax_refund_repurchase_window")]),
    ("纳税人出售自有住房并在现住房出售后1年内在本市重新购买住房的，对其出售现住房已缴纳的个人所得税予以退税。",
     [(1, "年", "home_sale_tax_refund_repurchase_window")]),
    ("居民出售旧房后1年内重新购买新房的，给予每套1万元补贴。", [(1, "年", None), (1, "万元", "home_purchase_subsidy")]),
    # bans on sales whatever the word order; a gifted home that still counts for the giver
    ("暂停向已拥有2套及以上住房的本县户籍居民家庭销售住房。", [(2, "套", "purchase_ban_owned_homes_local")]),
    ("暂停向已拥有1套及以上住房的非本县户籍居民家庭住房，含二手住房。", [(1, "套", "purchase_ban_owned_homes_nonlocal")]),
    ("通过赠与方式转让住房的，该住房自转移登记之日起3年内仍计入赠与人拥有住房套数。",
     [(3, "年", "gift_transfer_repurchase_wait")]),
    # bans after a fraud, divorce periods
    ("以虚假材料骗取购房资格的，3年内不得在本市购买住房。", [(3, "年", "home_purchase_fraud_ban_years")]),
    ("已购住房的家庭3年内不得在本市购买住房。", [(3, "年", None)]),  # no fraud named: another rule
    ("有住房家庭夫妻离异后申请的，距离婚时间不满2年的不予受理。", [(2, "年", "divorce_years_required")]),
    ("夫妻离异后，任何一方3年内购买住房的，其住房套数按离异前家庭套数计算。", [(3, "年", "divorce_years_required")]),
    ("任何一方3年内购买住房的，按家庭计算套数。", [(3, "年", None)]),  # no divorce named
    # a wait before resale told in news; a contract signed in the clause after the time limit
    ("新规规定新房买卖以后需要3年才可以交易。", [(3, "年", "property_holding_years_before_resale")]),
    ("竞得人须在土地成交后5个工作日内，与出让人签订国有建设用地使用权出让合同。",
     [(5, "个工作日", "land_contract_signing_deadline")]),
    ("竞得人须在土地成交后5个工作日内，向管委会提交项目方案。", [(5, "个工作日", None)]),
    # the rent withdrawal's 规定上限 is its cap
    ("租房提取的规定比例从80%上调至100%，规定上限维持1500元不变。",
     [(100, "%", "pf_rent_withdrawal_share"), (1500, "元", "pf_rent_withdrawal_cap")]),
    # provident fund: fraud bans, the window to withdraw for a purchase, to apply for a building loan
    ("对违规提取住房公积金的职工，3年内不受理其提取申请。", [(3, "年", "pf_fraud_ban_years")]),
    ("骗取住房公积金贷款的职工，自查实之日起5年内不得申请贷款。", [(5, "年", "pf_fraud_ban_years")]),
    ("职工已全额退还骗提资金的，退还3年后方可再次申请住房公积金提取。", [(3, "年", "pf_fraud_ban_years")]),
    ("一次性付款购房的，在实际支付购房款1年内提出提取申请。", [(1, "年", "pf_purchase_withdrawal_window")]),
    ("购房提取住房公积金的，提取办理时限由1年放宽至3年。", [(3, "年", "pf_purchase_withdrawal_window")]),
    ("翻建自住住房的，从取得批准文件之日起2年内提出住房公积金贷款申请。", [(2, "年", "pf_loan_application_window")]),
    # loans: an elliptical clause keeps the loan's measure; repayment to income written with 比例
    ("组合贷款额由不高于房价的60%，提高到不高于房价的70%。", [(70, "%", "mortgage_ltv_cap")]),
    ("月还款额占借款人家庭收入的比例上限调整为55%。", [(55, "%", "debt_to_income_cap")]),
    # land and fees: the rest of a land price paid within a year, a fee paid after the presale permit
    ("竞得人先缴纳50%土地出让金，剩余尾款在1年内交清。", [(50, "%", None), (1, "年", "land_payment_term")]),
    ("土地出让金可在成交后6个月内分期缴纳。", [(6, "个月", "land_payment_term")]),
    ("城市基础设施配套费可在取得施工许可证后6个月内交清。", [(6, "个月", "infrastructure_fee_deferral")]),
    # a parking space bought with a home; a rate spread named after the down payment of the same home
    ("同时购买住房和车位的，给予每个车位（车库）3000元的补贴。", [(3000, "元", "parking_space_purchase_subsidy")]),
    ("首套住房首付比例最低可降至25%，贷款利率最低可降至贷款市场报价利率减30个基点。",
     [(25, "%", "down_payment_first_home_unspecified"), (30, "个基点", "mortgage_rate_lpr_minus_bp_first_home")]),
    # school places tied to one home
    ("同一套住房5年内只能享有学区内小学1个学位，3年内只能享有初中1个学位。",
     [(5, "年", "school_place_per_home_primary_years"), (1, "个", None),
      (3, "年", "school_place_per_home_junior_years"), (1, "个", None)]),
    ("同一房产在一个学段内（小学6年、初中3年）只享受一个入学名额。",
     [(6, "年", "school_place_per_home_primary_years"), (3, "年", "school_place_per_home_junior_years")]),
    # values listed with 分别 pair with the qualifiers listed before, in order; new values after a change
    ("住房公积金最高贷款额度首套房和二套房分别从80万元、50万元调整为100万元、60万元。",
     [(100, "万元", "pf_loan_cap_first_home"), (60, "万元", "pf_loan_cap_second_home")]),
    ("职工购买首套和第二套住房的，住房公积金贷款首付款比例分别不低于20%、30%。",
     [(20, "%", "pf_down_payment_first_home"), (30, "%", "pf_down_payment_second_home")]),
    ("夫妻双方和单方缴存住房公积金的，最高贷款额度分别为80万元、50万元。",
     [(80, "万元", "pf_loan_cap_family"), (50, "万元", "pf_loan_cap_individual")]),
    ("个人和小微企业可分别申请最高30万元、300万元的创业担保贷款。",  # the item no qualifier names takes the plain row
     [(30, "万元", "startup_guarantee_loan_cap"), (300, "万元", "startup_guarantee_loan_cap_sme")]),
    ("首套和二套住房公积金贷款最高额度分别为60万元、40万元、30万元。",  # three values for two items
     [(60, "万元", None), (40, "万元", None), (30, "万元", None)]),
    ("首套普通、非普通住房商业贷款首付款比例分别不低于30%、40%。",  # the items name no qualifier
     [(30, "%", None), (40, "%", None)]),
    ("单方缴存的，住房公积金最高贷款额度分别由新房和二手房的不同标准统一提高至80万元。",
     [(80, "万元", "pf_loan_cap_individual")]),
    # a clause that only bounds a term keeps the measure of the clause before
    ("住房公积金贷款期限按借款人可贷年限计算，最长为25年。", [(25, "年", "mortgage_max_term")]),
    ("二手房公积金贷款最低首付比例不再区分房龄，统一按照25%执行。", [(25, "%", "pf_down_payment_resale_home")]),
    # a trade-in subsidy's window to sell the old home
    ("对新购商品住房且在6个月内出售原有住房的，给予新购住房房款1%的补贴。",
     [(6, "个月", "home_trade_in_old_home_sale_window"), (1, "%", "home_purchase_subsidy_share")]),
]


@pytest.mark.parametrize("sentence,expected", HOUSING_LAND_FINANCE, ids=[s[:24] for s, _ in HOUSING_LAND_FINANCE])
def test_housing_land_and_finance_measures(sentence, expected):
    assert keys_of(sentence) == expected


@pytest.mark.parametrize("sentence,expected", [
    # subsidies and awards named by recipient and act; employment and social insurance conditions
    ("毕业五年内的高校毕业生创办小微企业，带动就业5人以上的，给予一次性创业补贴。",
     [(5, "年", "graduate_years_since_graduation"), (5, "人", "startup_jobs_created_required")]),
    ("在带动3人就业的基础上，每多带动1人就业，再给予每人2000元的补贴。",
     [(3, "人", "startup_jobs_created_required"), (2000, "元", None)]),  # (每多带动1人: the step, no quantity)
    ("对吸纳离校3年内未就业高校毕业生参加见习的单位，给予见习补贴。", [(3, "年", "graduate_years_since_graduation")]),
    ("对新招用员工的企业，按每人每月300元的标准给予不超过6个月的稳岗补助。",
     [(300, "元", None), (6, "个月", "subsidy_period_cap")]),
    ("企业新招用员工，签订劳动合同并连续缴纳社会保险满12个月以上的企业，给予一次性吸纳就业补贴。",
     [(12, "个月", "employer_social_insurance_months")]),
    ("对裁员率低于5.5%、职工30人及以下的企业裁员率不高于参保职工总数20%的企业，给予失业保险稳岗返还。",
     [(5.5, "%", "uir_refund_layoff_rate_cap"), (20, "%", "uir_refund_layoff_rate_cap_small")]),
    ("自本年度起，全省月最低工资标准调整为2100元。", [(2100, "元", "minimum_wage_monthly")]),
    ("行业协会举办对接会的，按场地费用实际发生额的60%给予补贴。", [(60, "%", "subsidy_share_of_cost")]),
    # consumption: vouchers' budget apart from a voucher's face value, trade-in budgets and categories
    ("今年安排2000万元用于发放餐饮消费券，每张消费券面额50元。",
     [(2000, "万元", "consumer_voucher_budget"), (50, "元", "consumption_voucher_value")]),
    ("统筹安排3000万元开展家电以旧换新补贴，手机最高补贴500元/台，其余产品最高补贴300元/台。",
     [(3000, "万元", "trade_in_subsidy_budget"), (500, "元/台", None), (300, "元/台", "appliance_subsidy_cap_per_item")]),
    ("对居民购买智能手表、智能眼镜等8类产品给予以旧换新补贴。", [(8, "类", "trade_in_subsidy_product_categories")]),
    ("全年新引进品牌首店100家以上，培育50家以上内外贸一体化企业。",
     [(100, "家", "first_stores_new"), (50, "家", "foreign_domestic_trade_integration_enterprises")]),
    # a commerce support scheme's thresholds
    ("申报的商场营业面积应在1万平方米以上，项目审定实际支出资金在500万元以上，且不低于计划支出资金的60%。",
     [(1, "万平方米", "commercial_store_floor_area_min"), (500, "万元", "commercial_project_min_spending"),
      (60, "%", "project_spending_share_of_plan_min")]),
    ("改造后步行街商户入驻率不低于85%，开业运营后持续经营6个月的累计客流量高于改造前。",
     # a pedestrian street's operation period is not the commercial upgrade project's (an independent review)
     [(85, "%", "pedestrian_street_tenant_occupancy_min"), (6, "个月", None)]),
    ("申报单位近2年内发生重大生产安全事故的，不予支持。", [(2, "年", "safety_accident_lookback_years")]),
    # science and talent: research-fund rules, title review
    ("申请人可以提供2名以内不适宜评审其申请的专家名单。", [(2, "名", "research_grant_excluded_reviewers_max")]),
    ("项目完成研究任务的可以申请提前结题，提前期限不超过6个月。", [(6, "个月", "research_project_early_completion_max")]),
    ("在本省工作2年以上的自由职业专业技术人才可以申报职称评审。", [(2, "年", "title_review_freelancer_local_work_years")]),
    ("评委会下设评议组，每个评议组评审专家不少于5人。", [(5, "人", "title_review_panel_experts_min")]),
    # employment services owed to each unemployed graduate, traineeships, start-up premises, postdoc stations
    ("对离校未就业毕业生至少提供2次政策宣介、1次职业指导、4次岗位推介、2次技能培训或就业见习机会。",
     [(2, "次", "employment_service_policy_briefings_min"), (1, "次", "employment_service_career_guidance_min"),
      (4, "次", "employment_service_job_referrals_min"), (2, "次", "employment_service_training_offers_min")]),
    ("组织16-24周岁的失业青年参加就业见习。", [(16, "周岁", "traineeship_youth_age")]),
    ("大学生在园区外租赁创业场地的，按实际租金给予补贴，补贴金额每年最高不超过2万元。",
     [(2, "万元", "startup_premises_rent_subsidy_annual_cap")]),
    ("对新设立博士后科研工作站的企业，一次性给予50万元建站资助。", [(50, "万元", "postdoc_station_grant")]),
    # commerce, culture and tourism plan figures and thresholds
    ("按步行街评价指标评定总得分90分以上的，给予奖励；按商圈评价指标评定总得分85分以上的，给予奖励。",
     [(90, "分", "pedestrian_street_evaluation_score_min"), (85, "分", "business_district_evaluation_score_min")]),
    ("培育20个左右的直播电商基地，打造40个左右的直播电商示范场景。",
     [(20, "个", "livestream_ecommerce_bases"), (40, "个", None)]),
    ("全年乡村旅游接待游客5000万人次，新增放心消费承诺单位2000家、线下无理由退货承诺店1000家。",
     [(5000, "万人次", "rural_tourism_visitors"), (2000, "家", "trusted_consumption_pledge_units"),
      (1000, "家", "offline_no_reason_return_stores")]),
    ("新培育独角兽企业3家，力争培育5家省级专精特新企业、2家国家级专精特新小巨人企业。",
     [(3, "家", "unicorn_enterprises_new"), (5, "家", "specialized_sme_new_provincial"),
      (2, "家", "specialized_sme_new_national")]),
    ("上半年组织企业参加不少于20场境外展会，完成新签约协议投资100亿元以上，组织500场文艺演出进景区。",
     [(20, "场", "overseas_trade_fairs_participated"), (100, "亿元", "investment_signed_new"), (500, "场", "events_held")]),
    ("春节前对建档困难职工按照800元/户的标准发放帮扶补助。", [(800, "元/户", "needy_worker_relief_per_household")]),
    # technical upgrading of enterprises: the investment that qualifies, the share and the cap of the grant
    ("对设备投资1000万元以上的技术改造项目，按设备投资额8%给予补助，最高给予300万元奖补。",
     [(1000, "万元", "tech_upgrade_equipment_investment_threshold"), (8, "%", "tech_upgrade_subsidy_share"),
      (300, "万元", "tech_upgrade_subsidy_cap")]),
    ("吸纳农村劳动力20人以上的，认定为就业帮扶车间，给予3万元奖补。",
     [(20, "人", "employment_assistance_base_hires_required"), (3, "万元", "employment_assistance_base_award")]),
    ("市财政设立文旅发展专项资金5000万元。", [(5000, "万元", "culture_tourism_special_fund")]),
    ("从文旅发展专项资金中安排2000万元，奖励组织游客来本市的旅行社。", [(2000, "万元", None)]),   # a payment out of the fund
    ("到2027年，全市市场总消费额年均增长6%左右。", [(6, "%", "total_consumption_growth")]),
    ("国际参展商租用展览面积占总展览面积比例达到15%以上的展会，给予奖励。",
     [(15, "%", "exhibition_international_exhibitor_share_min")]),
    ("大学生创业项目经评审的，给予最高10万元的项目无偿资助。", [(10, "万元", "student_startup_project_grant_cap")]),
    ("本次活动消费券补贴总额800万元。", [(800, "万元", None)]),   # a total is no voucher's face value
    # a portfolio of events to cultivate by tier is no count of events held
    ("重点培育10项国际顶级赛事、20项品牌赛事。", [(10, "项", None), (20, "项", None)]),
    # a voucher handed to each person is no budget; an hourly minimum wage no monthly one; a small shop's
    # floor area exempt from a licence no threshold of a commerce scheme
    ("向每位市民发放100元消费券。", [(100, "元", "consumption_voucher_value")]),
    ("非全日制用工小时最低工资标准为22元。", [(22, "元", None)]),
    ("营业面积在300平方米以下的小型餐饮店可不办理许可。", [(300, "平方米", None)]),
    # a list after 分别 whose one item names no qualifier takes the measure's plain row; two such items take none
    ("鼓励个人、小型微型企业分别申请最高20万元、200万元创业担保贷款。",
     [(20, "万元", "startup_guarantee_loan_cap"), (200, "万元", "startup_guarantee_loan_cap_sme")]),
    ("支持个人、个体户分别申请最高30万元、50万元创业担保贷款。", [(30, "万元", None), (50, "万元", None)]),
    # a skill-master studio's grant by level, listed with 分别 too
    ("对新认定的省级技能大师工作室的，一次性给予20万元经费补助。", [(20, "万元", "skill_master_studio_grant_provincial")]),
    ("对成功创建国家级、省级技能大师工作室的，按规定从就业补助资金中分别一次性给予50万元、20万元经费补助。",
     [(50, "万元", "skill_master_studio_grant_national"), (20, "万元", "skill_master_studio_grant_provincial")]),
    ("对招用登记失业人员并与其签订2年以上劳动合同的企业，按每人1000元给予吸纳就业补贴。",
     [(2, "年", "employment_subsidy_labour_contract_term_min"), (1000, "元", None)]),
    ("村（社区）组织劳动者到园区就业并稳定就业6个月以上的，给予一次性劳务协作经费。",
     [(6, "个月", "hiring_subsidy_employment_months_required")]),
    ("企业按月发放不低于本市最低工资标准1.5倍的工资的，给予岗位补贴。",
     [(1.5, "倍", "hiring_subsidy_wage_floor_multiple")]),
    ("公益性岗位补贴按当地最低工资标准的50%执行，全年开发基层服务类岗位200个。",
     [(50, "%", "post_subsidy_share_of_minimum_wage"), (200, "个", "public_service_posts_developed")]),
    # near misses: a plan's jobs created are no condition of a subsidy
    ("到2025年，新增市场主体带动就业5万人。", [(5, "万人", None)]),
])
def test_subsidies_employment_and_commerce_get_their_keys(sentence, expected):
    assert keys_of(sentence) == expected


def test_a_home_purchase_voucher_budget_is_no_consumer_voucher_budget():
    assert [k for *_, k in keys_of("安排500万元用于发放购房消费券。")] != ["consumer_voucher_budget"]


@pytest.mark.parametrize("sentence,expected", [
    # a measure narrower or of another programme than the key's stays unkeyed (an independent review's finds)
    ("暂停拥有2套及以上住房的本市户籍居民家庭在指定学校的学区范围内购买二手住房。", [(2, "套", None)]),
    ("安排5000万元发放汽车购新补贴。", [(5000, "万元", None)]),
    ("安排3000万元用于开展家电以旧换新补贴。", [(3000, "万元", "trade_in_subsidy_budget")]),
    ("步行街街区持续经营时间3个月的累计客流量和销售额保持增长。", [(3, "个月", None)]),
    ("全年新增放心消费承诺单位5000家。", [(5000, "家", "trusted_consumption_pledge_units")]),
    ("全市放心消费承诺单位达到2万家。", [(2, "万家", None)]),  # a total, not the new ones
])
def test_narrower_measures_keep_no_key(sentence, expected):
    assert keys_of(sentence) == expected


# measures defined nationally or by a named scheme, keyed with their band, class or stage where one measure
# splits (sentences written for these tests): tax bands, fee tables, parking standards by flat size, the
# tiers of a penalty discretion table, rules of the provident fund and of price filing
NATIONAL_MEASURES_BY_BAND = [
    # a tax's rate table: the band is in the row's words, the tax in the title (see the titled test below)
    ("应税住房单价在均价4倍以上的，房产税税率为1.2%。", [(4, "倍", "premium_home_price_multiple"), (1.2, "%", "property_tax_rate")]),
    ("将独栋住宅执行的三档税率调整为统一的0.5%一档税率。", [(0.5, "%", "property_tax_rate")]),
    ("个人将购买不足2年的住房对外销售的，按照5%的征收率全额缴纳增值税。",
     [(2, "年", "vat_exemption_holding_years"), (5, "%", "home_resale_vat_levy_rate")]),
    ("个人转让住房能核实原值的，按照转让住房所得的20%计征个人所得税。", [(20, "%", "home_sale_income_tax_rate")]),
    ("对从事二手车经销的纳税人销售其收购的二手车，减按0.5%征收率征收增值税。", [(0.5, "%", "used_car_dealer_vat_levy_rate")]),
    ("允许生产性、生活性服务业纳税人分别按当期可抵扣进项税额的5%和10%加计抵减应纳税额。",
     [(5, "%", "vat_additional_deduction_rate_producer_services"),
      (10, "%", "vat_additional_deduction_rate_lifestyle_services")]),
    ("生活性服务业纳税人按照当期可抵扣进项税额加计10%抵减应纳税额。",
     [(10, "%", "vat_additional_deduction_rate_lifestyle_services")]),
    ("对小型微利企业减按25%计算应纳税所得额。", [(25, "%", "small_low_profit_taxable_income_share")]),
    ("对月销售额15万元以下的增值税小规模纳税人，免征增值税。", [(15, "万元", "small_taxpayer_vat_exemption_monthly_sales")]),
    # a national fee table: the kind of registration and of property name the fee
    ("首次登记、转移登记 住宅类：80元/件", [(80, "元/件", "property_registration_fee_residential")]),
    ("异议登记 住宅类：40元/件", [(40, "元/件", "property_registration_fee_objection_residential")]),
    ("不动产权证书遗失补发的，每本收取工本费10元。", [(10, "元", "property_certificate_fee")]),
    # parking spaces per home by flat size, and the flat-size bands of that standard
    ("户型建筑面积大于或等于144平方米的，按1.5车位/户配建。",
     [(144, "平方米", "residential_parking_flat_area_band"), (1.5, "车位/户", "residential_parking_spaces_per_home")]),
    ("户型建筑面积小于90平方米，按0.8车位/户配建。",
     [(90, "平方米", "residential_parking_flat_area_band"), (0.8, "车位/户", "residential_parking_spaces_per_home")]),
    ("购买建筑面积90平方米以下住房的，契税减按1%征收。", [(90, "平方米", "home_area_threshold"), (1, "%", "deed_tax_rate")]),
    # the tiers of a penalty discretion table: an expected rectification time; a lab animal facility's shares,
    # head counts and months of substandard environment
    ("一般处罚：经评估，预计3个月以上6个月以内可以完成整改的，处5万元以上10万元以下罚款。",
     [(3, "个月", "penalty_tier_expected_rectification_time"), (5, "万元", "administrative_fine")]),
    ("从重处罚：经评估，12个月以内无法改正的。", [(12, "个月", "penalty_tier_expected_rectification_time")]),
    ("实验动物设施中未经培训考核上岗的人数占从业人员总数的比例不超过20%或不超过5人。",
     [(20, "%", "lab_animal_untrained_staff_share"), (5, "人", "lab_animal_untrained_staff_count")]),
    ("未参加继续教育的人数占实验动物专业技术人员总数的比例超过30%。", [(30, "%", "lab_animal_no_continuing_education_share")]),
    ("实验动物生产环境设施连续2个月以上环境技术指标不达标。",
     [(2, "个月", "lab_animal_production_facility_substandard_duration")]),
    ("动物实验环境设施连续3个月以上环境技术指标不达标。", [(3, "个月", "lab_animal_experiment_facility_substandard_duration")]),
    # price filing: an interval by direction of the change, or none named
    ("新建商品住房项目调低备案价格的，间隔时限缩短为30天；调高备案价格的，间隔时限延长至6个月。",
     [(30, "天", "price_filing_reduction_interval"), (6, "个月", "price_filing_increase_interval")]),
    # the provident fund's rules: a balance's look-back, a grace period, a second loan's rate uplift, a
    # balance kept, the contribution base's cap as a multiple of the wage
    ("住房公积金账户月均余额按申请贷款前近6个月的月末余额计算。", [(6, "个月", "pf_loan_average_balance_lookback_months")]),
    ("住房公积金贷款每期还款设5个工作日的宽限期。", [(5, "个工作日", "pf_repayment_grace_period")]),
    ("第二次申请住房公积金贷款的，贷款利率按基准利率上浮10%执行。", [(10, "%", "pf_second_home_loan_rate_uplift")]),
    ("提取住房公积金后个人账户保留余额不少于100元。", [(100, "元", "pf_account_min_retained_balance")]),
    ("住房公积金缴存基数不得高于上一年度职工月平均工资的3倍。", [(3, "倍", "pf_contribution_base_cap_wage_multiple")]),
    # a ban on applying for affordable homes again after fraud; a bank's transition period by excess
    ("提供虚假材料的，禁止其5年内再次申请本市保障性住房。", [(5, "年", "affordable_housing_reapplication_ban_years")]),
    ("房地产贷款占比超出管理要求2个百分点及以上的，业务调整过渡期为4年。",
     [(2, "个百分点", None), (4, "年", "real_estate_loan_concentration_transition_years_major")]),
    # land auctions: the deposit refunded, the result published and the land handed over
    ("土地成交后，出让人在3个工作日内退还未竞得人缴纳的竞买保证金。", [(3, "个工作日", "land_bid_deposit_refund_deadline")]),
    ("《成交确认书》签订后10个工作日内，公布出让结果。", [(10, "个工作日", "land_auction_result_publication_deadline")]),
    ("出让人在《国有建设用地使用权出让合同》签订后60日内，向竞得人办理土地现状移交手续。",
     [(60, "日", "land_handover_deadline")]),
    ("竞得人须在土地成交后10个工作日内签订《国有建设用地使用权出让合同》。", [(10, "个工作日", "land_contract_signing_deadline")]),
    # presale rules: key supervised funds against the construction cost, the least area of one application
    ("重点监管资金额度不低于预售项目工程造价的1.1倍。", [(1.1, "倍", "presale_fund_key_supervision_cost_multiple")]),
    ("分期开发的项目每次申请预售面积不得低于2万平方米。", [(2, "万平方米", "presale_min_area_per_application")]),
    ("住宅用地价格涨幅控制目标为不超过上年度出让地价的15%。", [(15, "%", "residential_land_price_growth_cap")]),
    # a plot-ratio bonus by green-building star, listed with 分别 or named alone
    ("执行一、二、三星级绿色建筑标准的项目，在容积率计容上分别给予2%、3%、4%奖励。",
     [(2, "%", "green_building_far_bonus_one_star"), (3, "%", "green_building_far_bonus_two_star"),
      (4, "%", "green_building_far_bonus_three_star")]),
    ("执行三星级绿色建筑标准的项目，在容积率计容上给予3%奖励。", [(3, "%", "green_building_far_bonus_three_star")]),
    # a fund loan's down payment for an allotted affordable home; a parking space's owner-only period; a fee's deferral
    ("购买配售型保障性住房申请住房公积金贷款的，首付款比例不低于15%。", [(15, "%", "pf_down_payment_affordable_housing")]),
    ("配套车位自公告之日起满6个月后，可以向其他业主出售。", [(6, "个月", "parking_owner_priority_months")]),
    ("属非住宅配套车位的，公告之日起满6个月后，可对外销售。", [(6, "个月", None)]),  # a residential parking rule's key
    ("城市基础设施配套费经批准可延期缴纳，延期缴纳时间最长不超过6个月。", [(6, "个月", "infrastructure_fee_deferral")]),
    # a subsidy's cap per home, a household fund loan's cap for three payers, a credit check's look-back by
    # kind of credit, a borrower's income against the repayment
    ("对购买新建商品住房的给予购房补贴，单套补贴金额标准最高不超过3万元。", [(3, "万元", "home_purchase_subsidy_cap")]),
    ("住房公积金贷款额度：家庭成员3人以上缴存，最高120万元。", [(3, "人", None), (120, "万元", "pf_loan_cap_three_plus_contributors")]),
    ("单笔贷款近3年累计逾期6期以上的，不予贷款。",
     [(3, "年", "loan_credit_overdue_lookback_years_loan"), (6, "期", "loan_credit_overdue_cumulative_cap")]),
    ("单张贷记卡近2年累计逾期6期以上的，不予贷款。",
     [(2, "年", "loan_credit_overdue_lookback_years_card"), (6, "期", "loan_credit_overdue_cumulative_cap")]),
    ("借款人的月平均收入应当大于或等于月还款额的2倍。", [(2, "倍", "loan_income_to_repayment_multiple_min")]),
    ("经济适用住房上市交易的，应缴增值收益＝（市场价格－原购买价格）×50%。",
     [(50, "%", "economic_housing_gain_share_to_government")]),
    # a home-purchase voucher's quota and total; a consumer voucher's total outside housing is not the housing key
    ("购房消费券总额（300名）能够覆盖所有活动对象的，对所有活动对象发放。", [(300, "名", "housing_voucher_quota")]),
    ("购房消费券补贴总额500万元。", [(500, "万元", "housing_consumption_voucher_budget")]),
    ("文旅消费券活动总额500万元。", [(500, "万元", None)]),
    # a land transfer: the declared price below the land price standards, the notice to presale buyers
    ("土地使用权转让申报价格比标定地价低20%以上的，政府可行使优先购买权。",
     [(20, "%", "land_transfer_price_below_standard_land_price")]),
    ("土地使用权转让申报价格比基准地价低30%以上的，政府可行使优先购买权。",
     [(30, "%", "land_transfer_price_below_benchmark_land_price")]),
    ("转让已预售项目的，转让人需通知商品房预购人，公告期限不少于30日。", [(30, "日", "land_transfer_presale_buyer_notice_days")]),
    # more tiers of a discretion table (overdue without correction, repeated offences) and the report deadlines of
    # the national rules on overseas investment
    ("从重处罚：经责令限期改正，超过2个月仍不改正的。", [(2, "个月", "penalty_tier_uncorrected_overdue_time")]),
    ("从重处罚：2年内3次以上实施同类违法行为的。",
     [(2, "年", "penalty_tier_repeat_offence_window"), (3, "次", "penalty_tier_repeat_offence_count")]),
    ("投资主体应当在项目完成之日起20个工作日内通过网络系统提交项目完成情况报告表。",
     [(20, "个工作日", "overseas_investment_completion_report_deadline")]),
    ("投资主体应当在有关情况发生之日起5个工作日内通过网络系统提交重大不利情况报告表。",
     [(5, "个工作日", "overseas_investment_adverse_event_report_deadline")]),
    ("违法行为在2年内未被发现的，不再给予行政处罚。", [(2, "年", "penalty_limitation_years")]),
    # a commercial loan turned into a fund loan: its share of the price and its total term; a fund loan to build
    # or repair a home; a trade-in's protection period and the deposit refunded; an area tier of a sales ban
    ("商转公贷款额度不得高于原商业贷款余额，且不得超过购房总价款的70%。", [(70, "%", "commercial_to_pf_loan_ltv_cap")]),
    ("商转公贷款期限与商业贷款已还年限合计不超过30年。", [(30, "年", "commercial_to_pf_loan_total_term_cap")]),
    ("补贴金额不得高于实际支出，且不得超过购房总价款的1%。", [(1, "%", None)]),   # no loan turned into a fund loan
    ("建造、翻建、大修自住住房申请住房公积金贷款的，不高于住房总费用的60%。",
     [(60, "%", "pf_build_repair_loan_cost_share_cap")]),
    ("建造、翻建、大修自住住房申请住房公积金贷款的，贷款期限最长不超过15年。", [(15, "年", "pf_build_repair_loan_max_term")]),
    ("开发企业为卖旧买新的购房人提供60天“退房无忧保护期”。", [(60, "天", "home_trade_in_protection_days")]),
    ("卖旧买新的购房人旧房未售出的，解除认购协议，开发企业10日内无条件全额退还订金。",
     [(10, "日", "home_trade_in_deposit_refund_days")]),
    ("暂停向非本市户籍家庭销售144平方米及以下商品住房。", [(144, "平方米", "home_area_threshold")]),
    # near misses: a discount by a developer is no fee, a rate of another tax no property tax
    ("个人将购买2年以上的住房对外销售的，免征增值税。", [(2, "年", "vat_exemption_holding_years")]),
    ("户型建筑面积小于90平方米的住房占比不低于70%。", [(90, "平方米", "home_area_threshold"), (70, "%", None)]),
]


@pytest.mark.parametrize("sentence,expected", NATIONAL_MEASURES_BY_BAND, ids=[s[:24] for s, _ in NATIONAL_MEASURES_BY_BAND])
def test_national_measures_by_band_class_or_stage(sentence, expected):
    assert keys_of(sentence) == expected


@pytest.mark.parametrize("title,sentence,expected", [
    # a short line of a rate or price table speaks of the tax or standard its title names
    ("关于修改某市对部分个人住房征收房产税试点办法的决定", "3倍（含3倍）至4倍的，税率为1%；", ["property_tax_rate"]),
    ("某市促进消费若干措施", "3倍（含3倍）至4倍的，税率为1%；", [None]),
    ("关于调整本市普通住房标准的通知", "5环内住房成交价格在80000元/平方米（含）以下。", ["ordinary_housing_price_cap"]),
    ("关于调整本市住房限购政策的通知", "5环内住房成交价格在80000元/平方米（含）以下。", [None]),
    # 非按揭购房 names no bank loan: a fund's rules keep the fund's key
    ("某市住房公积金提取管理办法", "非按揭购买自住住房的，每3个月可以提取一次。", ["pf_withdrawal_interval"]),
    ("某市经济适用住房管理办法", "（二）签订买卖合同满5年的。", ["economic_housing_full_title_years"]),
    ("某市商品住房销售管理办法", "（二）签订买卖合同满5年的。", [None]),
])
def test_a_title_names_the_tax_or_standard_of_a_table_line(title, sentence, expected):
    text = normalize(sentence).text
    got = [ind.classify_commitment(c, text, title) for c in find_commitments(text, text)]
    assert got[-len(expected):] == expected


@pytest.mark.parametrize("sentence,expected", [
    # a clause listing values with 分别 takes the measure the clause before it names
    ("人才购房补贴按照人才层次，分别按A类对象100万元、B类对象60万元、C类对象30万元给予补贴。",
     [(100, "万元", "home_purchase_subsidy"), (60, "万元", "home_purchase_subsidy"), (30, "万元", "home_purchase_subsidy")]),
    # a list clause after a sentence end, or a clause before it that names no measure, lends nothing
    ("人才购房补贴按照人才层次发放。分别按A类对象100万元、B类对象60万元执行。", [(100, "万元", None), (60, "万元", None)]),
    ("今年以来，分别为10家企业、20个项目提供服务。", [(10, "家", None), (20, "个", None)]),
])
def test_a_list_clause_takes_the_measure_of_the_clause_before(sentence, expected):
    assert keys_of(sentence) == expected


@pytest.mark.parametrize("sentence,expected", [
    # work-injury insurance base rates: one key per national industry risk class, a range of classes listed
    # with 分别 pairs with its values in order; a class named before a single value picks its key
    ("工伤保险行业基准费率分别按一类至四类执行0.2%、0.4%、0.7%、0.9%。",
     [(0.2, "%", "work_injury_base_rate_class1"), (0.4, "%", "work_injury_base_rate_class2"),
      (0.7, "%", "work_injury_base_rate_class3"), (0.9, "%", "work_injury_base_rate_class4")]),
    ("工伤保险八类行业基准费率为1.9%。", [(1.9, "%", "work_injury_base_rate_class8")]),
    ("工伤保险费率下调20%。", [(20, "%", None)]),                       # no class named: no key
    ("超过法定退休年龄但年龄在60周岁以下的从业人员可以参加工伤保险。", [(60, "周岁", "work_injury_over_retirement_age_cap")]),
    ("对重度残疾人，由县政府按200元/人/年的标准代缴城乡居民基本养老保险费。",
     [(200, "元/人/年", "resident_pension_premium_paid_for_needy")]),
    ("企业应于劳动合同履行满一年后的次月起60日内提出社会保险补贴申请。",
     [(1, "年", None), (60, "日", "hiring_subsidy_application_window_days")]),
    ("见习留用率达到50%以上的见习单位，见习补贴标准提高10%。",
     [(50, "%", "traineeship_retention_rate_threshold"), (10, "%", None)]),
    ("认定为就业帮扶车间的，按吸纳人数给予奖补，最高不超过10万元。", [(10, "万元", "employment_assistance_base_award_cap")]),
    ("大学生创业团队成员出资额合计不低于注册资本的51%。", [(51, "%", "student_startup_team_equity_share_min")]),
    # household registration: investment and tax thresholds (yuan and dollars apart), a fraud ban, elderly parents
    ("在本县投资50万元以上的，投资人本人及配偶可迁入落户。", [(50, "万元", "hukou_investment_threshold")]),
    ("在本县投资10万美元以上外资的，投资人可申请落户。", [(10, "万美元", "hukou_foreign_investment_threshold_usd")]),
    ("连续3年纳税均达到2万元以上的个体工商户，本人可迁入落户。",
     [(3, "年", "hukou_tax_paid_years"), (2, "万元", "hukou_tax_paid_threshold")]),
    ("以弄虚作假手段办理落户的，3年内不受理其落户申请。", [(3, "年", "hukou_fraud_reapplication_ban_years")]),
    ("75周岁以上老人投靠子女的，可以落户。", [(75, "周岁", "hukou_elderly_join_child_age")]),
    ("本年度取得落户资格人员5000人。", [(5000, "人", "points_hukou_qualified_persons")]),
    # plan figures: investment in infrastructure and in major projects, projects started, the digital economy
    ("上半年基础设施投资增长8%，基础设施领域完成投资120亿元。",
     [(8, "%", "infrastructure_investment_growth"), (120, "亿元", "infrastructure_investment_completed")]),
    ("全年新开工重大项目50个，完成重大项目投资800亿元。",
     [(50, "个", "major_projects_started"), (800, "亿元", "major_project_investment_completed")]),
    ("到2027年，全市数字经济规模达到2万亿元，数字产业规模达到8000亿元。",
     [(2, "万亿元", "digital_economy_scale"), (8000, "亿元", "digital_industry_scale")]),
    # agriculture, energy and utilities, a health programme's demonstration institutions by level
    ("生猪养殖连续亏损2个月以上且每头出栏生猪亏损大于150元的，启动临时救助。",
     [(2, "个月", "hog_farming_loss_trigger_months"), (150, "元", "hog_loss_per_head_trigger")]),
    ("对先进产能项目，能耗等量减量替代比例调整为20%。", [(20, "%", "energy_consumption_replacement_ratio")]),
    ("对困难小微企业实行欠费不停供，设立3个月的费用缓缴期。", [(3, "个月", "utility_arrears_deferral_months")]),
    ("中小企业宽带和专线平均资费降低15%。", [(15, "%", "sme_broadband_fee_cut")]),
    ("创建5家全国医养结合示范机构、20家省级医养结合示范机构。",
     [(5, "家", "medical_elderly_care_demo_institutions_national"),
      (20, "家", "medical_elderly_care_demo_institutions_provincial")]),
    ("各区对新生肺结核筛查的抽查比例不低于20%。", [(20, "%", "new_student_tb_screening_sampling_share")]),
    # exhibitions: the award cap and the look-back that makes a fair new; a cap of another scheme is none
    ("新举办的展会，每增加5000平方米递增10万元奖励，最高奖励不超过60万元。", [(10, "万元", None),
                                                    (60, "万元", "exhibition_award_cap_new")]),
    ("本届展览面积较上届每增加2000平方米，给予5万元奖励，最高奖励不超过30万元。",
     [(5, "万元", None), (30, "万元", "exhibition_award_cap_growth")]),
    ("对近3年未在本市举办的展会给予支持。", [(3, "年", "exhibition_new_lookback_years")]),
    ("对评选出的优秀案例最高奖励不超过60万元。", [(60, "万元", None)]),
])
def test_social_insurance_hukou_plans_and_support_measures_get_their_keys(sentence, expected):
    assert keys_of(sentence) == expected


@pytest.mark.parametrize("sentence,expected", [
    # a start-up's job-creation subsidy: the yearly sum for the required hires, the sum per hire beyond them
    ("毕业生创办企业并带动2人以上就业的，可享受每年3000元补贴；每多带动1人的，可再享受每人每年500元补贴。",
     [(2, "人", "startup_jobs_created_required"), (3000, "元", "startup_job_creation_subsidy_annual"),
      (500, "元", "startup_job_creation_subsidy_per_extra_hire")]),
    ("企业吸纳就业的，可享受每年3000元补贴。", [(3000, "元", None)]),   # no start-up's job creation
    # ultra-HD television targets, critical-care centres for newborns and mothers
    ("新增4K机顶盒用户不少于20万户，新增4K节目时长不少于1000小时。",
     [(20, "万户", "uhd_4k_settop_users_new"), (1000, "小时", "uhd_4k_programme_hours_new")]),
    ("每个区至少设置1个危重新生儿救治中心和1个危重孕产妇救治中心。",
     [(1, "个", "neonatal_critical_care_centres_per_district"),
      (1, "个", "maternal_critical_care_centres_per_district")]),
    ("全省建成危重新生儿救治中心50个。", [(50, "个", None)]),   # a total is no per-district minimum
    # within a high school's self-admission plan, the floor of places for sports and arts students together
    # (sports alone is another share and stays unkeyed, see above)
    ("自主招生计划数不超过招生计划总数的5%，其中体育、艺术特长学生自主招生计划合计不低于该类计划的20%。",
     [(5, "%", "school_self_admission_share"), (20, "%", "school_self_admission_sports_arts_share_min")]),
    # social assistance standards: minimum living allowance by town or country and by year or month, the basic
    # living standard of people in extreme poverty (and its multiple of the allowance), the disability subsidies
    ("此次提标后，全县农村低保标准调整为：6000元/人/年，城市低保标准提高到750元/人/月。",
     [(6000, "元/人/年", "dibao_standard_rural_yearly"), (750, "元/人/月", "dibao_standard_urban_monthly")]),
    ("农村特困供养基本生活标准按照农村低保标准的1.3倍确定，调整为7800元/人/年。",
     [(1.3, "倍", "extreme_poverty_support_multiple_of_dibao"),
      (7800, "元/人/年", "extreme_poverty_support_standard_rural_yearly")]),
    ("农村低保标准每人每月提高30元。", [(30, "元", None)]),          # a rise is no standard
    ("困难残疾人生活补贴按照每人每月不低于100元标准发放；重度残疾人护理补贴按照每人每月不低于120元标准发放。",
     [(100, "元", "disability_living_subsidy_monthly"), (120, "元", "disability_care_subsidy_monthly")]),
    # rural water supply and rural roads; 5G base stations counted in 座
    ("到2025年，农村自来水普及率达到90%，规模化供水工程覆盖农村人口比例达到60%，农村供水水质达标率达到85%。",
     [(90, "%", "rural_tap_water_coverage"), (60, "%", "rural_water_supply_scale_coverage"),
      (85, "%", "rural_water_quality_compliance")]),
    ("城乡供水一体化率达到70%，农村公路列养率达到100%。",
     [(70, "%", "urban_rural_water_supply_integration"), (100, "%", "rural_road_maintenance_listing_rate")]),
    ("全年新增5G基站1200座。", [(1200, "座", "5g_base_stations")]),
    # a labour-cooperation fee per worker placed: the total, and the shares of town and village written right
    # before their values (the organisers named earlier in the sentence pick no share)
    ("对镇（街道）、村（社区）组织劳动者到园区企业就业，并稳定就业3个月以上的，按400元/人（镇（街道）150元/人、"
     "村（社区）250元/人）标准给予一次性劳务协作经费。",
     [(3, "个月", "hiring_subsidy_employment_months_required"), (400, "元/人", "labour_cooperation_fee_per_person"),
      (150, "元/人", "labour_cooperation_fee_per_person_township"),
      (250, "元/人", "labour_cooperation_fee_per_person_village")]),
    ("对村（社区）组织劳动者就业的，按200元/人的标准给予一次性劳务协作经费。",
     [(200, "元/人", "labour_cooperation_fee_per_person")]),
    # routine maintenance of rural roads by road class: each class its own key, none when no class is named
    ("农村公路经常性养护率，县道达到100%，乡道不低于80%，村道不低于60%。",
     [(100, "%", "rural_road_routine_maintenance_rate_county"), (80, "%", "rural_road_routine_maintenance_rate_township"),
      (60, "%", "rural_road_routine_maintenance_rate_village")]),
    ("农村公路经常性养护率达到90%。", [(90, "%", None)]),
])
def test_job_creation_media_and_critical_care_measures_get_their_keys(sentence, expected):
    assert keys_of(sentence) == expected


@pytest.mark.parametrize("sentence,value,key", [
    # a household's cap on a subsidy granted per parking space bought with a home is no home-purchase subsidy
    ("对在城区同时购买新建住房和产权车位的，给予每个车位3000元补贴，每户最高补贴6000元。", 6000, None),
    ("购买新建商品住房并同时购买车库的，每个车库补贴2000元，每户最高补贴4000元。", 4000, None),
    # …while a home-purchase subsidy, and its cap, keep their keys, with a parking space named after them
    ("对购买新建商品住房的家庭，每户最高补贴5万元，每个车位另补贴3000元。", 5, "home_purchase_subsidy_cap"),
    ("对购买新建商品住房的家庭，每套补贴2万元。", 2, "home_purchase_subsidy"),
])
def test_a_parking_space_subsidy_cap_is_no_home_purchase_subsidy(sentence, value, key):
    (k,) = [k for v, _, k in keys_of(sentence) if v == value]
    assert k == key
