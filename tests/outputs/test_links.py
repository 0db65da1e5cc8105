"""Citations resolved across the store and targets followed to later reports, on the sample chain:
a province plan, the city opinion implementing it (citing its number), a county notice implementing that,
and the city's later work report with figures for two of the city's targets (one met, one not)."""
import pytest

from outputs.links import chain, reached
from outputs.store import Store
from pipeline.process import extract_file
from tests.conftest import SAMPLES

CHAIN = ["luoyang_civil_affairs_summary_2026.txt", "luoning_elderly_care_notice.txt",
         "luoyang_elderly_care_notice.txt", "henan_elderly_care_plan.txt"]  # stored lowest first


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("links") / "policy.sqlite"
    with Store(path) as s:
        for name in CHAIN:  # link after each file: a later document links the citations that named it
            result = extract_file(SAMPLES / name)
            s.put_file(str(SAMPLES / name), result.records, result.text)
            s.link()
        yield s


def _doc(store, title_part):
    [(doc_id,)] = store.conn.execute("SELECT doc_id FROM documents WHERE title LIKE ?", (f"%{title_part}%",)).fetchall()
    return doc_id


def test_implements_links_resolve_up_the_chain(store):
    province, city, county = _doc(store, "河南省人民政府办公厅"), _doc(store, "洛阳市人民政府办公室"), _doc(store, "洛宁县")
    rows = store.conn.execute("SELECT doc_id, relation, number, cited_doc_id FROM citations WHERE cited_doc_id IS NOT NULL").fetchall()
    assert (city, "implements", "豫政办〔2025〕18号", province) in rows
    assert (county, "implements", "洛政办〔2025〕41号", city) in rows
    up, down = chain(store.conn, city)
    assert [[d["doc_id"] for d in level] for level in up] == [[province]]
    assert [[d["doc_id"] for d in level] for level in down] == [[county]]
    up, _ = chain(store.conn, county)
    assert [[d["doc_id"] for d in level] for level in up] == [[city], [province]]


def test_a_cited_law_not_in_the_store_stays_a_named_node(store):
    rows = store.conn.execute("SELECT title, cited_doc_id FROM citations WHERE title LIKE '%老年人权益保障法%'").fetchall()
    assert rows == [("中华人民共和国老年人权益保障法", None)]


def test_follow_ups_of_the_city_targets(store):
    city = _doc(store, "洛阳市人民政府办公室")
    report = _doc(store, "工作总结")
    rows = store.conn.execute("SELECT value, unit, year, report_value, report_doc_id, status FROM follow_ups WHERE doc_id = ? "
                              "ORDER BY value", (city,)).fetchall()
    assert rows == [(75.0, "%", 2026, 71.0, report, "not met"), (90.0, "%", 2026, 92.0, report, "met")]
    # targets elsewhere have no later report for their own region
    statuses = {r[0] for r in store.conn.execute("SELECT status FROM follow_ups WHERE doc_id != ?", (city,))}
    assert statuses == {"no report yet"}


@pytest.mark.parametrize("target, comparator, reported, sentence, target_max, ok", [
    (90, ">=", 92, "", None, True),
    (90, ">=", 89.5, "", None, False),
    (5, "<=", 4.8, "", None, True),
    (5, "<", 5, "", None, False),
    (85, "=", 86, "覆盖率达到85%", None, True),
    (10, "=", 9, "死亡率降至10‰", None, True),
    (10, "=", 11, "死亡率降至10‰", None, False),
    (90, "=", 96, "", 95, False),
])
def test_reached(target, comparator, reported, sentence, target_max, ok):
    assert reached(target, comparator, reported, sentence, target_max) is ok


def _store_with(tmp_path, docs, cites):
    """A store holding bare document rows and citation rows, as `put_file` would leave them."""
    from outputs.links import link

    s = Store(tmp_path / "links.sqlite")
    for d in docs:
        s.conn.execute("INSERT INTO documents (doc_id, title, own_doc_numbers, issuer, publish_date, region_adcode, doc_type)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?)", d)
    for doc_id, number, title in cites:
        s.conn.execute("INSERT INTO citations (doc_id, cited_key, text, relation, number, title, start, \"end\") "
                       "VALUES (?, ?, ?, 'cites', ?, ?, 0, 1)", (doc_id, f"{number}|{title}", title or number, number, title))
    link(s.conn)
    return dict(s.conn.execute("SELECT doc_id, cited_doc_id FROM citations").fetchall())


@pytest.mark.parametrize("docs, cites, expected", [
    # a title that names no issuer resolves only inside the citing document's province
    ([("a", "某市新闻", "", "", "2024-05-01", "370300", "news"),
      ("b", "关于优化住房公积金贷款套数认定标准的通知", "琼公积金〔2024〕1号", "某省公积金局", "2024-03-01", "460000", "notice")],
     [("a", None, "关于优化住房公积金贷款套数认定标准的通知")], {"a": None}),
    ([("a", "某市新闻", "", "", "2024-05-01", "460100", "news"),
      ("b", "关于优化住房公积金贷款套数认定标准的通知", "琼公积金〔2024〕1号", "某省公积金局", "2024-03-01", "460000", "notice")],
     [("a", None, "关于优化住房公积金贷款套数认定标准的通知")], {"a": "b"}),
    # nothing cites what was published after it
    ([("a", "某市通知", "", "", "2024-01-01", "370300", "notice"),
      ("b", "关于推进示范工作的意见", "", "某市政府", "2024-06-01", "370300", "opinion")],
     [("a", None, "关于推进示范工作的意见")], {"a": None}),
    # a number printed by the interpretation of a notice resolves to the notice
    ([("a", "某县通知", "", "", "2024-05-01", "370321", "notice"),
      ("i", "关于调整提取规定的解读", "示公积金委〔2020〕2号", "", "2020-03-01", "370300", "interpretation"),
      ("n", "关于调整提取规定的通知", "示公积金委〔2020〕2号", "", "2020-03-01", "370300", "notice")],
     [("a", "示公积金委〔2020〕2号", None)], {"a": "n"}),
])
def test_resolution_rules(tmp_path, docs, cites, expected):
    assert _store_with(tmp_path, docs, cites) == expected


def test_a_decision_amending_a_document_does_not_answer_to_its_title():
    from extractors.citations import title_keys

    keys = title_keys("某市人民政府关于修改《某市停车场管理办法》的决定")
    assert "某市停车场管理办法" not in keys
    assert "某市停车场管理办法" in title_keys("某市人民政府关于印发《某市停车场管理办法》的通知")
