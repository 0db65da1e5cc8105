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
