"""pipelines/defs/ahead.py: warehouse jobs run one step ahead, in a worker thread, in the order given,
with the same failure semantics as running them in the caller's thread."""

import threading

import duckdb
import pytest

from pipelines.defs.ahead import in_order


@pytest.fixture
def con(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    con.execute("CREATE TABLE t (step INTEGER)")
    yield con
    con.close()


def _append(step: int):
    def job(cur):
        cur.execute("BEGIN TRANSACTION")
        cur.execute("INSERT INTO t SELECT ? WHERE (SELECT coalesce(max(step), 0) FROM t) = ? - 1", [step, step])
        cur.execute("COMMIT")
        return step, threading.current_thread().name, cur.execute("SELECT count(*) FROM t").fetchall()[0][0]

    return job


def test_jobs_run_in_order_on_a_worker_and_each_sees_the_one_before_committed(con):
    results = list(in_order(con, [_append(i) for i in range(1, 6)]))
    assert [r[0] for r in results] == [1, 2, 3, 4, 5]
    assert {r[1] for r in results} == {"warehouse-ahead"}
    assert [r[2] for r in results] == [1, 2, 3, 4, 5]  # job k saw k-1 rows committed, never more
    assert con.execute("SELECT list(step ORDER BY step) FROM t").fetchall()[0][0] == [1, 2, 3, 4, 5]


def test_a_failing_job_stops_the_rest_and_raises_after_the_results_before_it(con):
    def broken(cur):
        cur.execute("SELECT * FROM no_such_table")

    seen = []
    with pytest.raises(duckdb.CatalogException, match="no_such_table"):
        for result in in_order(con, [_append(1), _append(2), broken, _append(3)]):
            seen.append(result[0])
    assert seen == [1, 2]
    assert con.execute("SELECT list(step ORDER BY step) FROM t").fetchall()[0][0] == [1, 2]  # 3 never ran


def test_a_caller_that_stops_early_stops_the_worker_before_it_returns(con):
    release = threading.Event()

    def slow(step):
        def job(cur):
            if step == 2:
                release.wait(5)
            return _append(step)(cur)

        return job

    results = in_order(con, [slow(i) for i in range(1, 6)])
    assert next(results)[0] == 1
    threading.Timer(0.5, release.set).start()  # job 2 finishes while close() waits for it (well after close() began)
    results.close()  # the step failed elsewhere: no job may start after this returns
    assert con.execute("SELECT list(step ORDER BY step) FROM t").fetchall()[0][0] == [1, 2]
    assert not any(t.name == "warehouse-ahead" for t in threading.enumerate())


def test_no_jobs_no_thread(con):
    assert list(in_order(con, [])) == []
