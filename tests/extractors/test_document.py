"""The document stage: a read source → typed documents with their text, offsets, title, noise and flags."""
from __future__ import annotations

import pytest

from corpora.records import SourceText
from extractors.document import documents
from extractors.records import Script

BODY = "各县区人民政府：现将有关事项通知如下。到2025年，全市村卫生室达到100所以上。请认真贯彻执行。\n" * 4
SIGNED = "某市人民政府办公室\n2024年3月1日\n"


def _source(text: str, **kw) -> SourceText:
    return SourceText(source="test.txt", text=text, media_type="text/plain", **kw)


def test_offsets_of_a_document_map_back_to_the_source():
    # full-width digits are normalized; the offset map still points at the characters as written
    text = "某市人民政府关于加强村卫生室建设的通知\n" + BODY.replace("2025", "２０２５")
    (doc,) = documents(_source(text))
    i = doc.text.index("2025")
    s, e = doc.to_source(i, i + 4)
    assert text[s:e] == "２０２５"
    assert doc.to_source(0, len(doc.text)) == (0, len(text))


def test_compilation_gives_one_document_per_notice_with_its_title():
    titles = ["临沂市人民政府办公室关于调整市级救灾物资储备标准的通知", "德州市教育局关于做好秋季学期学生资助工作的通知"]
    text = "".join(f"{t}\n{BODY}{SIGNED}" for t in titles)
    docs = documents(_source(text))
    assert [d.title for d in docs] == titles
    assert [d.index for d in docs] == [0, 1]
    for d in docs:
        a, b = d.title_span
        assert d.text[a:b] == d.title
    assert docs[0].end == docs[1].start


@pytest.mark.parametrize("line,kind,flag", [
    ("版权所有：某市人民政府办公室 ICP备12345678号", "footer", "boilerplate_removed"),
    ("上一篇：某县召开工作会议", "navigation", "boilerplate_removed"),
])
def test_noise_is_blanked_counted_and_flagged(line, kind, flag):
    text = f"某市人民政府关于加强村卫生室建设的通知\n{BODY}{line}\n"
    (doc,) = documents(_source(text))
    assert len(doc.text) == len(text)  # blanked with spaces, not removed
    assert line not in doc.text
    assert doc.noise == {kind: 1}
    assert flag in doc.flags


def test_page_title_from_metadata_wins_over_the_title_line_and_spans_are_in_the_document():
    header = "标题：某市卫生健康委员会关于印发村卫生室建设方案的通知_政策文件_某市政府网\n"
    text = header + "某市卫生健康委员会文件\n" + BODY
    meta_span = (len("标题："), len(header) - 1)
    st = _source(text, metadata={"标题": text[slice(*meta_span)]}, metadata_spans={"标题": meta_span},
                 body_start=len(header), flags=["from_reader"])
    (doc,) = documents(st)
    assert doc.title == "某市卫生健康委员会关于印发村卫生室建设方案的通知"
    a, b = doc.metadata_spans["标题"]
    assert doc.text[a:b] == st.metadata["标题"]
    assert doc.metadata == st.metadata
    assert doc.flags[0] == "from_reader"


@pytest.mark.parametrize("text,script,flags", [
    ("某市人民政府关于加强村卫生室建设的通知\n" + BODY, Script.SIMPLIFIED, []),
    ("某市人民政府關於加強村衛生室建設的通知\n" + "各縣區人民政府：現將有關事項通知如下。請認真貫徹執行。\n" * 6,
     Script.TRADITIONAL, ["traditional_script"]),
    ("某市人民政府关于加强村卫生室建设的通知\n" + BODY + "锟斤拷锟斤拷\n", Script.SIMPLIFIED, ["mojibake"]),
])
def test_script_and_mojibake_flags(text, script, flags):
    (doc,) = documents(_source(text))
    assert doc.script is script
    assert doc.flags == flags


_ATTRIBUTE_HEAD = ("首页 >> 政务公开 >> 正文\n信息名称：{title}\n索 引 号：000000000/2024-00011\n{label}：主动公开\n"
                   "文件编号：某政办发〔2024〕12号\n发布机构：某市人民政府办公室\n生成日期：2024-05-06\n"
                   "内容概述：为促进住房消费，经市政府同意，现就有关事项通知如下：\n")


@pytest.mark.parametrize("label", ["公开方式", "公开范围", "法定主动公开分类", "公开形式"])
def test_a_head_of_attributes_naming_the_document_then_its_title_again_is_one_document(label):
    # a government site's attribute block (信息名称：…, 公开方式：…) above the notice, whose title and number follow
    title = "某市人民政府办公室关于促进住房消费的通知"
    text = _ATTRIBUTE_HEAD.format(title=title, label=label) + f"{title}\n某政办发〔2024〕12号\n{BODY}"
    (doc,) = documents(_source(text))
    assert doc.title == title
    assert doc.metadata["发文字号"] == "某政办发〔2024〕12号"
    assert doc.metadata["成文日期"] == "2024-05-06"


@pytest.mark.parametrize("footer", ["法律声明建议意见", "隐私声明 网站地图", "免责声明 意见建议"])
def test_a_footer_of_site_links_is_no_document(footer):
    text = f"某市人民政府关于加强村卫生室建设的通知\n{BODY}{SIGNED}\n关于我们 网站地图\n{footer}\n联系方式：010-1234567\n"
    docs = documents(_source(text))
    assert [d.title for d in docs] == ["某市人民政府关于加强村卫生室建设的通知"]


def test_the_original_title_of_a_repost_names_it():
    text = "分享\n原标题：某省银保监局要求辖内信托公司报备新增业务\n本报记者 某某 北京报道\n" + BODY
    (doc,) = documents(_source(text))
    assert doc.title.endswith("某省银保监局要求辖内信托公司报备新增业务")


def test_bracketed_attribute_labels_are_no_titles():
    # [主题分类] 城乡建设/城市规划 ends with a title suffix (规划) but is the value of a label
    text = ("[主题分类] 城乡建设、环境保护/城市规划\n[发文机构] 某市住房和城乡建设委员会\n[成文日期] 2024-09-02\n"
            "[发文字号] 某建发〔2024〕35号\n某市住房和城乡建设委员会关于印发《某市城市更新工作指引》的通知\n"
            "某建发〔2024〕35号\n" + BODY)
    (doc,) = documents(_source(text))
    assert doc.title == "某市住房和城乡建设委员会关于印发《某市城市更新工作指引》的通知"
    assert doc.metadata["成文日期"] == "2024-09-02"


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_title_wrapped_inside_its_about_clause_is_one_title(gap):
    text = f"分享到：\n某省人民政府办公厅关于印发某省进一步{gap}扩大消费若干措施的通知\n某办函〔2023〕30号\n" + BODY
    (doc,) = documents(_source(text))
    assert doc.title == "某省人民政府办公厅关于印发某省进一步扩大消费若干措施的通知"


@pytest.mark.parametrize("tail", [
    "政策解读：\n《关于调整住房公积金缴存基数的通知》政策解读\n分享：\n【关闭当前页面】\n",
    "相关文件\n某市发展改革委关于调整供水价格的通知\n某市人民政府关于印发某市节水行动方案的通知\n",
])
def test_titles_linked_under_a_document_with_no_text_of_their_own_are_not_documents(tail):
    text = f"某市住房公积金管理中心关于调整住房公积金缴存比例的通知\n{BODY}{SIGNED}{tail}"
    docs = documents(_source(text))
    assert [d.title for d in docs] == ["某市住房公积金管理中心关于调整住房公积金缴存比例的通知"]
    assert docs[0].end == len(text)


@pytest.mark.parametrize("head,title", [
    # a news headline with its own punctuation above its dateline
    ("换房补贴最高10万元！某区新政十条发布\n2026-06-03 22:02:04来源：某广播网\n", "换房补贴最高10万元！某区新政十条发布"),
    ("某某贷重出江湖？“父贷子还”一日游，已被叫停\n\n2022年04月08日 15:49 某某经济报道\n", "某某贷重出江湖？“父贷子还”一日游，已被叫停"),
    ("某市整顿挂牌价格虚高，规范二手房市场秩序\n( 2021年07月12日 )\n", "某市整顿挂牌价格虚高，规范二手房市场秩序"),
    # under a site's tabs, above its tags (原创 / a column name) and its dateline
    ("电报\n话题\n盯盘\n下载\n\n某省首批白名单12个项目全部落地，融资金额40亿，两地监管局发声\n原创\n金融动态\n"
     "2024-04-11 15:11 星期四\n某社记者 某某\n", "某省首批白名单12个项目全部落地，融资金额40亿，两地监管局发声"),
    # an advertisement line above the repost's 原标题 field
    ("股市瞬息万变，投资难以决策？来超话聊一聊，[点击进入]\n原标题：某部门：合理的资金需求正得到满足，整体态势不会改变 来源：某社\n",
     "某部门：合理的资金需求正得到满足，整体态势不会改变"),
])
def test_a_news_headline_above_its_dateline_titles_the_story(head, title):
    (doc,) = documents(_source(head + "本报讯 " + BODY))
    assert doc.title == title


def test_links_to_interpretations_between_a_head_and_its_text_are_not_documents():
    title = "关于印发《关于加强住房公积金支持退役军人工作的实施意见》的通知"
    text = (_ATTRIBUTE_HEAD.format(title=title, label="公开方式") + "解读：\n"
            "《关于加强住房公积金支持退役军人工作的实施意见》政策解读\n《关于加强住房公积金支持退役军人工作的实施意见》视频解读\n"
            f"{title}\n某政办发〔2024〕12号\n{BODY}{SIGNED}")
    (doc,) = documents(_source(text))
    assert doc.title == title


@pytest.mark.parametrize("text,title", [
    ("小字体\n分享到：\n新华社北京3月5日电 某部门在报告中提出，增进民生福祉，提高生活品质。\n" + BODY,
     "某部门在报告中提出，增进民生福祉，提高生活品质"),
    ("本报讯（记者 某某）某县今年新建农村公路120公里。\n" + BODY, "某县今年新建农村公路120公里"),
    ("某某讯：2月5日，某部召开融资协调机制部署会后，多座城市公布首批项目名单。\n" + BODY,
     "2月5日，某部召开融资协调机制部署会后，多座城市公布首批项目名单"),
])
def test_a_news_story_without_its_headline_is_titled_by_its_lead(text, title):
    (doc,) = documents(_source(text))
    assert doc.title == title
    assert "title_from_lead" in doc.flags


def test_running_text_without_a_dateline_gets_no_title_from_its_first_sentence():
    (doc,) = documents(_source("各住房公积金缴存单位：现就有关问题通知如下。\n" + BODY))
    assert doc.title is None
    assert "title_from_lead" not in doc.flags


# a document printed without any headline: the line a reader would call it by, flagged as guessed
@pytest.mark.parametrize("text,title", [
    ("某房发〔2024〕7号\n\n各有关单位：\n为促进房地产市场平稳健康发展，现将有关事项通知如下。\n" + BODY, "某房发〔2024〕7号"),
    ("一、提高住房公积金贷款最高额度\n（一）购买新建住房的，最高额度调整为80万元。\n" + BODY, "提高住房公积金贷款最高额度"),
    ("据某某银行消息，某省住房城乡建设厅与三家银行联合召开融资协调座谈会，会议通报了项目推进情况。\n" + BODY,
     "某省住房城乡建设厅与三家银行联合召开融资协调座谈会"),
])
def test_a_document_without_a_headline_gets_the_line_a_reader_would_call_it_by(text, title):
    (doc,) = documents(_source(text))
    assert doc.title == title
    assert "title_guessed" in doc.flags


def test_a_reposts_original_title_names_it():
    text = "分享到：\n原标题：某市出台稳楼市新政十条 来源：某某财经\n某市日前出台新政，涉及首付、公积金和购房补贴。\n" + BODY
    (doc,) = documents(_source(text))
    assert doc.title == "某市出台稳楼市新政十条"


def test_page_furniture_is_never_a_guessed_title():
    (doc,) = documents(_source("建议您使用以下浏览器版本访问本站，以获得更好的浏览体验和阅读效果。\n" + BODY))
    assert doc.title is None


# a document printed without a headline, as a reader would call it: what a notice says it is about, the main
# clause of a lead past its source and its purpose clauses, never a line the cut left at the text's end
@pytest.mark.parametrize("text,title", [
    ("各县（市）、区人民政府：\n为促进市场平稳运行，经市政府同意，现就加强住宅用地供应管理通知如下：\n一、科学调控土地市场\n" + BODY,
     "关于加强住宅用地供应管理的通知"),
    ("字号：【大中小】\n为进一步发挥基金的配置优势，满足合理融资需求，近日，某会启动了不动产投资基金试点工作。此次试点是落实部署的重要举措。\n"
     + BODY, "某会启动了不动产投资基金试点工作"),
    ("昨日，从某市稳定市场工作领导小组办公室获悉，为深入贯彻落实有关决策部署，更好满足居民住房需求，进一步降低交易成本，"
     "某市发布《关于进一步促进我市住房消费的通知》。\n" + BODY, "某市发布《关于进一步促进我市住房消费的通知》"),
    ("【字号：\n大\n中\n小】\n\n某监发〔2022〕36号\n\n近年来，各类企业认真落实决策部署，为经济发展提供有力支撑，现就有关事项通知如下：\n"
     + BODY, "某监发〔2022〕36号"),
    ("今日，某市政府网公布了《某市人民政府关于修改〈某市个人住房房产税试点暂行办法〉和〈某市房产税征收管理实施细则〉的决定》。"
     "其中提到，面积未超过180平方米的住房无需再缴税。\n" + BODY,
     "某市人民政府关于修改〈某市个人住房房产税试点暂行办法〉和〈某市房产税征收管理实施细则〉的决定"),
])
def test_a_document_without_a_headline_is_called_by_what_it_says_it_is(text, title):
    (doc,) = documents(_source(text))
    assert doc.title == title
    assert "title_guessed" in doc.flags


def test_the_line_a_cut_leaves_at_the_end_of_a_text_is_no_title():
    text = ("分享到\n为进一步发挥基金的配置优势，满足合理融资需求，近日，某会启动了不动产投资基金试点工作。此次试点是落实部署的"
            "重要举措，有利于盘活存量资产。\n由于不动产基金的投资范围与传统股权投资存在较大差异，某会指导协会新设类别。\n考虑到不动产私募")
    (doc,) = documents(_source(text))
    assert doc.title == "某会启动了不动产投资基金试点工作"


def test_a_short_page_title_names_a_page_that_prints_no_title():
    doc, = documents(_source("相关名词\n" + BODY, metadata={"标题": "政务名词_某都之窗_某市人民政府门户网站"}))
    assert doc.title == "政务名词" and "title_guessed" not in doc.flags


def test_a_topic_heading_is_no_headline_and_a_tagged_original_title_is():
    # a story filed under a site's topic (专题：…): its repost's original title, tag and bar included, names it
    text = ("分享\n\n专题：多家机构密集召开座谈会，释放了哪些信号\n\n原标题：银企合作 | 某银行举办企业座谈会\n\n来源：某银行\n\n"
            "11月2日，某银行举办部分企业代表座谈会，邀请十余家企业开展交流，双方就合作模式进行了沟通。\n" + BODY)
    (doc,) = documents(_source(text))
    assert doc.title == "银企合作 | 某银行举办企业座谈会"


def test_a_topic_heading_alone_is_no_title():
    text = ("分享\n\n专题：多家机构密集召开座谈会，释放了哪些信号\n\n"
            "为落实有关会议精神，近期，某银行积极对接多家重点企业，深入开展业务交流，共商合作。\n" + BODY)
    (doc,) = documents(_source(text))
    assert not doc.title.startswith("专题")


def test_a_classification_path_under_its_label_is_no_title():
    # 信息分类： / 城乡建设、环境保护 / 部门文件 / 通知 — the value of a label, though it ends with 通知
    title = "关于进一步优化土地市场服务管理的通知"
    text = (f"索 引 号：\n012345678/2023-00001\n信息分类：\n城乡建设、环境保护 / 部门文件 / 通知\n\n发布机构：\n某市规划和自然资源局\n"
            f"生成日期：\n2023-09-04\n\n信息名称：\n{title}\n\n文　　号：\n某规划资源规〔2023〕1号\n\n{title}\n某规划资源规〔2023〕1号\n\n"
            + BODY)
    docs = documents(_source(text))
    assert [d.title for d in docs] == [title]


@pytest.mark.parametrize("head,title", [
    ("微博\nQQ空间\n\n相关解读：\n\n", "相关解读"),    # an interpretation cut below its headline, under its heading
    ("政策解读\n", "政策解读"),
])
def test_an_interpretation_cut_below_its_headline_is_called_by_its_heading(head, title):
    text = head + ("昨日获悉，为更好满足居民住房需求，某市房管局、某市不动产登记和交易中心联合发布公告，调整房地产政策。\n"
                   "公告称，在我市五个城区范围内购买商品住房，不再审核购房人资格。\n") + BODY
    (doc,) = documents(_source(text))
    assert doc.title == title and "title_guessed" in doc.flags


def test_a_story_cut_below_its_headline_with_no_lead_clause_is_called_by_the_line_over_its_timestamp():
    text = ("原创\n地产头条\n2024-02-21 18:39 星期三\n某社记者 某某\n责编 某某\n\n"
            "①截至2月20日，全国已有29个省份214个城市建立融资协调机制，分批提出项目名单并推送给商业银行。\n" + BODY)
    (doc,) = documents(_source(text))
    assert doc.title == "地产头条" and "title_guessed" in doc.flags


def test_a_guessed_title_is_never_another_storys_headline_below_the_credits():
    text = ("2022年11月28日19:30 某某新闻\n\n微信\nQQ空间\n\n"
            "11月28日，某市房地产业协会发布《关于延长秋季房地产展示交易会举办时间的通知》。\n\n"
            "通知显示，为积极助企纾困，加大对市民刚性和改善性住房需求支持，决定将交易会举办时间延长2个月。\n\n"
            "(责任编辑：某某)\n\n免责声明：本网转载此文目的在于传递更多信息，不代表本网的观点和立场。\n\n"
            "“黑土粮仓”开启农田“空中护航”\n\n某地推新政稳楼市\n")
    (doc,) = documents(_source(text))
    assert doc.title == "某市房地产业协会发布《关于延长秋季房地产展示交易会举办时间的通知》"


# a compilation of a news story and notices one after another (a portal's list of full texts): a notice title
# after a story starts a document of its own where its head shows one — its own number, its date field or its
# addressees — and a headline printed again under its date line, with its issuer on a line of its own, is one title
@pytest.mark.parametrize("head", [
    "某政发〔2024〕3号\n",
    "发布时间：2017/5/11 8:22:16 信息发布人：管理员\n\n某县人民政府\n\n关于加强房地产市场管控的意见\n",
    "各乡（镇）政府，县政府有关部门：\n",
])
def test_a_notice_after_a_news_story_in_a_compilation_is_a_document_of_its_own(head):
    story = ("某行批复1000亿元住房租赁贷款 试点8城先到先得\n2024-01-11 10:53 星期四\n某某网 某某\n\n"
             "某行已批复总额1000亿元的住房租赁团体购房贷款，支持8个试点城市购买存量房，用于保障性租赁住房。" * 2 + "\n\n")
    title = "某县人民政府关于加强房地产市场管控的意见"
    notice = f"{title}\n\n{head}\n为认真贯彻落实有关房地产市场调控政策，维护正常的市场秩序，提出如下意见。\n{BODY}"
    docs = documents(_source(story + notice))
    assert [d.title for d in docs] == ["某行批复1000亿元住房租赁贷款 试点8城先到先得", title]
    assert docs[1].text.startswith(title)


def test_a_notice_title_a_news_story_quotes_on_a_line_of_its_own_stays_in_the_story():
    story = ("某市出台楼市新政 涉及公积金和购房补贴\n2023-10-13 11:54 来源：某某网\n\n"
             "10月13日，某市住房和城乡建设局发布了新政，涉及公积金、购房补助、团购优惠等，以下为政策要点。" * 2 + "\n\n"
             "关于促进房地产市场平稳健康发展的通知\n\n记者了解到，新政自发布之日起施行，有效期一年，到期后将视情况调整。" * 2 + "\n")
    (doc,) = documents(_source(story))
    assert doc.title == "某市出台楼市新政 涉及公积金和购房补贴"


_STORY = "某市今年以来新增保障性租赁住房1.2万套，筹集房源超过年度计划，全市住房租赁市场总体平稳，租金水平保持稳定。"


# news stories printed one after another (a portal's list of full stories): a headline over its own dateline
# with a story of its own under it starts a document; a related story's teaser (headline, date, one sentence), a
# subheading over a paragraph that opens with a date and the headline printed twice are not documents
def test_news_stories_one_after_another_are_documents_of_their_own():
    first = "某市人民政府关于促进房地产市场平稳健康发展的通知\n\n各区人民政府：\n" + BODY + SIGNED + "\n"
    second = "某地两家银行下调首套房贷首付比例至两成\n2024-03-08 10:21 来源：某某网\n\n" + _STORY * 3 + "\n"
    third = "某省首批白名单项目全部落地 融资金额40亿\n2024-04-11 15:11 星期四\n\n" + _STORY * 3 + "\n"
    docs = documents(_source(first + second + third))
    assert [d.title for d in docs] == ["某市人民政府关于促进房地产市场平稳健康发展的通知",
                                       "某地两家银行下调首套房贷首付比例至两成", "某省首批白名单项目全部落地 融资金额40亿"]
    assert [d.metadata.get("时间戳", "")[:10] for d in docs[1:]] == ["2024-03-08", "2024-04-11"]


@pytest.mark.parametrize("tail", [
    "某行行长：稳妥化解大型企业债券违约风险\n2023-10-23\n一视同仁支持企业合理融资需求，保持融资平稳。\n"
    "土拍规则生变，或重回价高者得？\n2023-10-20\n土拍规则调整顺应市场变化，4城取消地价限制。\n",
    "两区放开限购 五一优惠力度加大\n2017年4月8日，某市限购升级后，全市住宅纳入限购，社保证明从1年提升至5年，新购住宅须满3年才能出售。"
    + _STORY * 2 + "\n",
])
def test_a_teaser_list_or_a_subheading_in_a_story_is_no_document(tail):
    text = "某市首套住房商业贷款利率下调至3.8%\n2023-03-16 09:48:53 来源：某某网\n\n" + _STORY * 3 + "\n" + tail
    (doc,) = documents(_source(text))
    assert doc.title == "某市首套住房商业贷款利率下调至3.8%"


def test_a_headline_over_its_subtitles_is_the_first_line_of_the_stack():
    text = ("\n分析研究明年经济工作\n\n研究部署党风廉政建设和反腐败工作\n\n审议《某某组织选举工作条例》\n\n某某委员会书记某某主持会议\n\n"
            "某某会议12月11日召开，分析研究明年经济工作；研究部署党风廉政建设和反腐败工作；审议《某某组织选举工作条例》。\n" + BODY)
    (doc,) = documents(_source(text))
    assert doc.title == "分析研究明年经济工作"


def test_what_a_notice_says_it_is_about_names_it_before_its_bare_number():
    text = ("某规划资源规〔2023〕1号\n\n各有关单位：\n为促进我市土地市场平稳健康发展，结合我市实际情况，"
            "现对进一步优化土地市场服务管理工作通知如下：\n一、优化土地供应管理\n" + BODY)
    (doc,) = documents(_source(text))
    assert doc.title == "关于进一步优化土地市场服务管理工作的通知" and "title_guessed" in doc.flags


def test_a_document_printed_whole_under_the_story_that_reports_it_is_a_document_of_its_own():
    story = ("某市拟出台楼市新政14条 涉及公积金和购房补助\n2023-10-13 11:54 来源：某某网\n\n"
             "10月13日，某市住房和城乡建设局发布了征求意见的公示，新政涉及公积金、购房补助、团购优惠等内容。" * 2 + "\n以下是原文：\n")
    title = "促进房地产市场平稳健康发展的若干措施"
    measures = f"{title}\n（试行）\n为深入贯彻落实有关决策部署，支持刚性和改善性住房需求，现提出以下措施。\n{BODY}"
    docs = documents(_source(story + measures))
    assert [d.title for d in docs] == ["某市拟出台楼市新政14条 涉及公积金和购房补助", title]


# a story printed without its headline that reports on a document it names in full: called by that document's
# name — the document it then calls by a short name (以下简称《意见》), or the one its lead's main clause names
# after a time of day (6月27日晚间，…就《…》答记者问)
@pytest.mark.parametrize("text,title", [
    ("某某观察网 某某\n\n①某行已批复总额500亿元的专项贷款，支持6个试点城市收购存量商品房用作保障性住房；\n"
     "2024年1月5日，某行、某局发布《关于金融支持住房租赁市场健康发展的意见》（以下简称《意见》）。此前的征求意见稿历经多次修订。\n"
     "《意见》提出，为租赁住房开发建设、购买、运营等多个环节提供多样化融资支持，包括开发贷和经营性贷款等。\n" + BODY,
     "关于金融支持住房租赁市场健康发展的意见"),
    ("某某新闻 来源：某某新闻\n\n6月27日晚间，某委在其官网发布有关负责人就《某委 某部关于完善市场约束机制严格防范外债风险的通知》答记者问。\n"
     "有关负责人表示，近两年部分企业外债发行规模有所增加，申请发债规模与自身实力不相匹配，需要进一步规范。\n" + BODY,
     "某委 某部关于完善市场约束机制严格防范外债风险的通知"),
])
def test_a_story_without_a_headline_is_called_by_the_document_it_reports_on(text, title):
    (doc,) = documents(_source(text))
    assert doc.title == title
    assert "title_guessed" in doc.flags and doc.title_cited


def test_a_guessed_lead_clause_is_no_cited_title():
    text = "据某某银行消息，某省住房城乡建设厅与三家银行联合召开融资协调座谈会，会议通报了项目推进情况。\n" + BODY
    (doc,) = documents(_source(text))
    assert "title_guessed" in doc.flags and not doc.title_cited


# a page printing no headline whose link to its own file names it (PDF文件查看：某发〔2020〕2号关于…的通知): titled
# by the file's name, the number in front of it its own; a link to its interpretation names another document
def test_a_link_to_the_pages_own_file_names_it():
    text = ("2020-09-23 17:00\n来源： 本网\n\n各住房公积金缴存职工：\n" + BODY + "\n某市住房公积金管理委员会\n2020年9月22日\n\n"
            "PDF文件查看：某公积金委〔2020〕2号关于调整部分住房公积金贷款和提取规定的通知\n查看政策解读：关于调整部分住房公积金贷款规定的解读\n")
    (doc,) = documents(_source(text))
    assert doc.title == "关于调整部分住房公积金贷款和提取规定的通知"


# a government order printed below the story that reports it: its number on a line of its own over the sentence that
# promulgates what it names starts a document of its own, called by that name; a story quoting an order does not
def test_a_government_order_printed_under_its_story_is_a_document_of_its_own():
    story = ("某市：面积未超过180平方米的住房无需再缴房产税\n2024-01-24 10:51 星期三\n某某社\n\n"
             "今日，某市人民政府网公布了《某市人民政府关于修改〈某市房产税试点暂行办法〉的决定》，面积未超过180平方米的住房无需再缴税。" * 2
             + "\n\n")
    title = "某市人民政府关于修改〈某市房产税试点暂行办法〉的决定"
    order = (f"某市人民政府令第367号\n\n《{title}》已经2024年1月8日市政府第27次常务会议审议通过，现予公布，自公布之日起施行。\n\n"
             "市长 某某某\n\n2024年1月21日\n")
    docs = documents(_source(story + order))
    assert [d.title for d in docs] == ["某市：面积未超过180平方米的住房无需再缴房产税", title]
    assert docs[1].text.startswith("某市人民政府令第367号")
    (doc,) = documents(_source(story + "据介绍，该决定以某市人民政府令第367号公布，自公布之日起施行。\n" + _STORY * 2))
    assert doc.title == "某市：面积未超过180平方米的住房无需再缴房产税"


# a lead whose first clause is too short to stand alone is called by its first sentence; a lead naming the document
# it reports on over the story's numbered subheadings by that document; a law cut below its title by the law the
# decision its amendment note names amends
@pytest.mark.parametrize("text,title", [
    ("\n2022年04月08日 15:49 某某经济报道 某某\n\n“接力贷”一日游，4月7日晚间被紧急叫停。近日，某市已经有银行再次启动了该产品，"
     "不过随着事情持续发酵，银行已经紧急叫停该项目。\n" + BODY, "“接力贷”一日游，4月7日晚间被紧急叫停"),
    ("字体大小：【 大 中 小 】 打印\n\n4月5日晚，某市发布《关于进一步促进我市房地产市场平稳健康发展的通知》（以下简称《通知》），"
     "其中涉及学位制、二手房限购等政策。\n\n1.稳定增加居住用地供应\n\n《通知》指出，稳定增加居住用地供应，确保全市不少于9000亩。\n"
     + BODY, "关于进一步促进我市房地产市场平稳健康发展的通知"),
    ("字号： 大 中 小\n\n（2020年3月27日某市人民代表大会常务委员会会议通过　根据2022年8月29日某市人民代表大会常务委员会会议通过的"
     "《关于修改〈某市优化营商环境条例〉的决定》第一次修正）\n目录\n第一章　总 则\n第一条　为了持续优化营商环境，推动高质量发展，"
     "结合本市实际情况，制定本条例。\n" + BODY, "某市优化营商环境条例"),
    # what a notice printed under its bare number says it does, in the clause before 现将有关事项公告如下
    ("\n某商消字〔2026〕8号\n为深入贯彻落实有关政策要求，进一步提升我市政策实施质效，经报备确认，增加10类补贴产品，现将有关事项公告如下：\n"
     "一、新增补贴产品\n" + BODY, "关于增加10类补贴产品的公告"),
    # a lead saying only that a notice came out runs on to what the notice does
    ("发布日期：2025-10-24 17:55 浏览次数：\n\n为进一步激发住房消费市场活力，支持居民刚性和改善性住房需求，今天（10月24日），"
     "我市部分区县发布公告，将于近日开展“购房+消费券”限时补贴活动。各区县具体活动时间和活动细则一起看看！\n" + BODY,
     "我市部分区县发布公告，将于近日开展“购房+消费券”限时补贴活动"),
])
def test_a_document_without_a_headline_is_called_as_a_reader_would(text, title):
    (doc,) = documents(_source(text))
    assert doc.title == title and "title_guessed" in doc.flags
