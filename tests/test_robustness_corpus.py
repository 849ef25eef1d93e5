"""Every bad document gets a clear answer at every layer, and the machine stays protected.

The corpus is every PDF under ``../shared/data/pdfs/`` (an empty file, a password-protected
one, a malformed one, scans without a text layer, Chinese, French, Dutch and German
documents) plus broken files made here: truncated PDFs, random bytes named ``.pdf``, a
4,096-page PDF and a 0-byte file. Each goes through the library, the job service and the
HTTP server. The library either classifies it or raises one of its named
:class:`~offline_classify.errors.DocumentError` types; the service and the server must then
give exactly the same answer: the same result, or a FAILED job whose ``error_message`` is
the library's message. Workers survive all of it and the next good job completes.

The second half covers the limits: upload size, pages and characters per document, and the
per-job timeout.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pymupdf
import pytest

from conftest import SHARED_PDFS, make_pdf
from offline_classify import (
    Classifier,
    ClassifyError,
    DocumentLimits,
    DocumentTooLargeError,
    InvalidRequestError,
    KeywordScorer,
    LocalCloud,
    PayloadTooLargeError,
)
from offline_classify.errors import (
    CorruptDocumentError,
    DocumentError,
    EmptyDocumentError,
    EncryptedDocumentError,
)
from offline_classify.service import DEFAULT_JOB_TIMEOUT_S, DEFAULT_MAX_FILE_BYTES

RULES = [
    {"type": "invoice", "description": "an invoice with a number, a total amount and tax"},
    {"type": "minutes", "description": "minutes of a meeting with an agenda and members"},
    {"type": "report", "description": "a report with tables of figures for a period"},
]
CONFIGURATION = {"rules": RULES}
GOOD = b"INVOICE number 4711. Total amount with tax: 1,250.00 EUR, payable in 30 days."
WAIT = 60.0

# What the library must say about the shared files whose outcome does not depend on OCR.
SHARED_FAILURES = {
    "empty.pdf": EmptyDocumentError,
    "password-example.pdf": EncryptedDocumentError,
}


def _huge_pdf(pages: int = 4096) -> bytes:
    """A PDF with ``pages`` blank pages, built by doubling (new_page loops are slow)."""
    document = pymupdf.open()
    document.new_page(width=50, height=50)
    while document.page_count < pages:
        document.insert_pdf(pymupdf.open(stream=document.tobytes(), filetype="pdf"))
    return document.tobytes(garbage=1)


def _generated_corpus() -> dict[str, bytes]:
    good_pdf = make_pdf(["INVOICE number 12. Total amount with tax 90 EUR."] * 3)
    noise = random.Random(7)
    return {
        "generated/truncated-half.pdf": good_pdf[: len(good_pdf) // 2],
        "generated/truncated-header-only.pdf": good_pdf[:16],
        "generated/random-bytes.pdf": bytes(noise.getrandbits(8) for _ in range(20_000)),
        "generated/huge-page-count.pdf": _huge_pdf(),
        "generated/zero-bytes.pdf": b"",
        "generated/blank-pages.pdf": make_pdf(["", "", ""]),
        "generated/encrypted.pdf": make_pdf(["secret"], encrypt_with="pw"),
    }


@pytest.fixture(scope="module")
def corpus() -> dict[str, bytes]:
    if not SHARED_PDFS.is_dir():
        pytest.skip(f"shared PDFs not found at {SHARED_PDFS} (they are beside the checkout in CI)")
    documents = {
        str(path.relative_to(SHARED_PDFS)): path.read_bytes()
        for path in sorted(SHARED_PDFS.rglob("*.pdf"))
    }
    assert len(documents) >= 60, "the shared corpus lost files"
    documents.update(_generated_corpus())
    return documents


def _library_outcome(classifier: Classifier, name: str, data: bytes) -> tuple[str, Any]:
    from offline_classify.schema import ClassifyConfiguration

    configuration = ClassifyConfiguration.model_validate(CONFIGURATION)
    try:
        result = classifier.classify(data, configuration, filename=Path(name).name)
    except ClassifyError as error:
        # Only the document errors are expected from a document; the message names it.
        assert isinstance(error, DocumentError), (name, type(error), error)
        assert type(error) is not DocumentError, f"{name}: an unnamed DocumentError: {error}"
        assert str(error), name
        return "FAILED", error
    return "COMPLETED", result.model_dump(mode="json")


@pytest.fixture(scope="module")
def expected(corpus: dict[str, bytes]) -> dict[str, tuple[str, Any]]:
    """The library's answer for every document (OCR off, so that CI with Tesseract agrees)."""
    classifier = Classifier(KeywordScorer(), ocr=False)
    return {name: _library_outcome(classifier, name, data) for name, data in corpus.items()}


def _worker_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("offline-classify-worker-")]


def _assert_same_as_library(
    name: str, outcome: tuple[str, Any], status: str, result: Any, message: Any
) -> None:
    expected_status, detail = outcome
    assert status == expected_status, (name, status, message)
    if status == "COMPLETED":
        assert result == detail, name
    else:
        assert message == str(detail), name
        assert "Traceback" not in message and "internal error" not in message, name


# --- the corpus through each layer ------------------------------------------------------------


def test_the_library_classifies_or_names_the_error_for_every_document(expected) -> None:
    by_name = {name.split("/")[-1]: outcome for name, outcome in expected.items()}
    for file_name, error_type in SHARED_FAILURES.items():
        assert isinstance(by_name[file_name][1], error_type), file_name
    generated = {name: outcome for name, outcome in expected.items() if "generated/" in name}
    assert isinstance(generated["generated/random-bytes.pdf"][1], CorruptDocumentError)
    assert isinstance(generated["generated/zero-bytes.pdf"][1], EmptyDocumentError)
    assert isinstance(generated["generated/encrypted.pdf"][1], EncryptedDocumentError)
    huge = generated["generated/huge-page-count.pdf"][1]
    assert isinstance(huge, DocumentTooLargeError) and "4096 pages" in str(huge)
    completed = [name for name, (status, _) in expected.items() if status == "COMPLETED"]
    # Most real documents have text; the Chinese, French, Dutch and German ones among them.
    assert len(completed) >= 55
    for language_sample in ("issue-336-example.pdf", "2023-06-20-PV.pdf", "coolblue1.pdf"):
        assert any(name.endswith(language_sample) for name in completed), language_sample


def test_the_service_gives_each_document_the_libraries_answer(corpus, expected) -> None:
    with LocalCloud(None, scorer=KeywordScorer(), ocr=False, workers=2) as cloud:
        jobs = {}
        for name, data in corpus.items():
            file = cloud.create_file(data, name=Path(name).name, purpose="classify")
            jobs[name] = cloud.create_classify_job(
                {"file_input": file.id, "configuration": CONFIGURATION}
            ).id
        for name, job_id in jobs.items():
            job = cloud.wait(job_id, timeout=WAIT)
            result = None if job.result is None else job.result.model_dump(mode="json")
            _assert_same_as_library(name, expected[name], job.status, result, job.error_message)

        assert len(_worker_threads()) == 2, "a worker died"
        good = cloud.create_file(GOOD, name="good.txt")
        after = cloud.run({"file_input": good.id, "configuration": CONFIGURATION}, timeout=WAIT)
        assert after.status == "COMPLETED" and after.result.type == "invoice"


def test_parse_jobs_fail_with_the_same_reasons(corpus, expected) -> None:
    broken = {name: data for name, data in corpus.items() if expected[name][0] == "FAILED"}
    with LocalCloud(None, scorer=KeywordScorer(), ocr=False) as cloud:
        for name, data in broken.items():
            job = cloud.upload_and_parse(data, name=Path(name).name)
            parsed = cloud.wait_parse_job(job.id, timeout=WAIT)
            assert parsed.job.status == "FAILED", name
            assert parsed.job.error_message == str(expected[name][1]), name


@pytest.fixture
def server() -> Iterator[tuple[Any, LocalCloud]]:
    pytest.importorskip("fastapi", reason="the server extra is not installed")
    from offline_classify.server import create_app
    from offline_classify.testing import in_process_http

    with (
        LocalCloud(
            None, scorer=KeywordScorer(), ocr=False, max_file_bytes=8 * 1024 * 1024
        ) as cloud,
        in_process_http(create_app(cloud)) as http,
    ):
        yield http, cloud


def _upload(http: Any, name: str, data: bytes) -> Any:
    return http.post(
        "/api/v1/beta/files", files={"file": (name, data)}, data={"purpose": "classify"}
    )


def _wait_http(http: Any, job_id: str) -> dict[str, Any]:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        job = http.get(f"/api/v2/classify/{job_id}").json()
        if job["status"] in ("COMPLETED", "FAILED", "CANCELLED"):
            return job
        time.sleep(0.02)
    raise AssertionError(f"job {job_id} did not finish")


def test_the_server_gives_each_document_the_libraries_answer(server, corpus, expected) -> None:
    http, _ = server
    jobs = {}
    for name, data in corpus.items():
        uploaded = _upload(http, Path(name).name, data)
        assert uploaded.status_code == 201, (name, uploaded.text)
        created = http.post(
            "/api/v2/classify",
            json={"file_input": uploaded.json()["id"], "configuration": CONFIGURATION},
        )
        assert created.status_code == 200, (name, created.text)
        jobs[name] = created.json()["id"]
    for name, job_id in jobs.items():
        job = _wait_http(http, job_id)
        _assert_same_as_library(
            name, expected[name], job["status"], job["result"], job["error_message"]
        )

    good = _upload(http, "good.txt", GOOD).json()["id"]
    after = http.post(
        "/api/v2/classify", json={"file_input": good, "configuration": CONFIGURATION}
    ).json()
    assert _wait_http(http, after["id"])["result"]["type"] == "invoice"


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("post", "/api/v2/classify", b"{not json"),
        ("post", "/api/v2/classify", b'{"file_input": "dfl-x", "configuration": {"rules": []}}'),
        ("post", "/api/v2/classify", b'{"file_input": 12, "configuration": "rules"}'),
        ("post", "/api/v2/classify", b"[]"),
        ("post", "/api/v2/parse", b'{"file_id": "dfl-none"}'),
        ("post", "/api/v1/beta/configurations", b'{"name": "", "parameters": {}}'),
        ("get", "/api/v2/classify/cls-does-not-exist", b""),
        ("get", "/api/v2/classify?page_size=100000", b""),
    ],
)
def test_bad_requests_get_a_4xx_with_a_reason(server, method, path, body) -> None:
    http, _ = server
    answer = http.request(method, path, content=body, headers={"content-type": "application/json"})

    assert 400 <= answer.status_code < 500, answer.text
    assert answer.json()["detail"]


def test_a_zero_byte_upload_is_stored_and_its_job_fails_saying_it_is_empty(server) -> None:
    http, cloud = server
    uploaded = _upload(http, "nothing.pdf", b"")
    assert uploaded.status_code == 201
    job = http.post(
        "/api/v2/classify",
        json={"file_input": uploaded.json()["id"], "configuration": CONFIGURATION},
    ).json()

    finished = _wait_http(http, job["id"])

    assert finished["status"] == "FAILED"
    assert finished["error_message"] == "'nothing.pdf' is empty (0 bytes)"


def test_an_upload_over_the_size_limit_is_refused_at_every_layer(server) -> None:
    http, cloud = server
    too_big = b"%PDF-1.7\n" + b"0" * cloud.max_file_bytes

    answer = _upload(http, "big.pdf", too_big)
    assert answer.status_code == 413 and "larger than" in answer.json()["detail"]
    with pytest.raises(PayloadTooLargeError, match="accepts files up to 8,388,608 bytes"):
        cloud.create_file(too_big, name="big.pdf")
    assert cloud.list_files().total_size == 0
    assert _upload(http, "fits.txt", GOOD).status_code == 201


@pytest.mark.slow
def test_a_real_200_mb_upload_is_refused_before_the_server_reads_it_whole() -> None:
    """Over a socket to the real server with its default 100 MB limit: the 413 arrives
    while most of the body is still unsent, and nothing is stored."""
    import socket

    pytest.importorskip("fastapi", reason="the server extra is not installed")
    from offline_classify.server import create_app
    from offline_classify.testing import serve_in_thread

    size = 200 * 1024 * 1024
    with LocalCloud(None, scorer=KeywordScorer()) as cloud:
        assert cloud.max_file_bytes == DEFAULT_MAX_FILE_BYTES < size
        with serve_in_thread(create_app(cloud)) as base_url:
            host, port = base_url.removeprefix("http://").split(":")
            head = (
                f"POST /api/v1/beta/files HTTP/1.1\r\nHost: {host}\r\n"
                "Content-Type: multipart/form-data; boundary=b\r\n"
                f"Content-Length: {size}\r\n\r\n"
            ).encode()
            chunk = bytes(1024 * 1024)
            with socket.create_connection((host, int(port)), timeout=10) as connection:
                connection.sendall(head + b"--b\r\n" + chunk)
                sent = len(chunk)
                connection.settimeout(0.05)
                reply = b""
                # Keep sending the 200 MB until the server answers; it must answer early.
                while b"\r\n\r\n" not in reply and sent < size:
                    try:
                        reply += connection.recv(65536)
                    except TimeoutError:
                        connection.sendall(chunk)
                        sent += len(chunk)
        assert reply.startswith(b"HTTP/1.1 413"), reply[:200]
        assert sent < size // 2, f"the server read {sent} bytes before answering"
        assert cloud.list_files().total_size == 0


# --- limits: pages and characters ----------------------------------------------------------


def test_the_service_reads_documents_within_its_page_limit() -> None:
    three_pages = make_pdf(["INVOICE number 1 total amount tax"] * 3)
    with LocalCloud(None, scorer=KeywordScorer(), limits=DocumentLimits(max_pages=2)) as cloud:
        file = cloud.create_file(three_pages, name="three.pdf")
        refused = cloud.run({"file_input": file.id, "configuration": CONFIGURATION}, timeout=WAIT)
        narrowed = cloud.run(
            {
                "file_input": file.id,
                "configuration": {**CONFIGURATION, "parsing_configuration": {"max_pages": 2}},
            },
            timeout=WAIT,
        )
        parse = cloud.wait_parse_job(cloud.create_parse_job(file_id=file.id).id, timeout=WAIT)

    assert refused.status == "FAILED"
    assert "3 pages are selected but at most 2 are read" in refused.error_message
    assert narrowed.status == "COMPLETED" and narrowed.result.type == "invoice"
    assert parse.job.status == "FAILED" and "at most 2" in parse.job.error_message


def test_the_service_takes_its_classifiers_limits_or_the_environments(monkeypatch) -> None:
    limited = Classifier(KeywordScorer(), limits=DocumentLimits(max_characters=50))
    with LocalCloud(None, classifier=limited) as cloud:
        assert cloud.limits == DocumentLimits(max_characters=50)
        file = cloud.create_file(GOOD, name="long.txt")
        job = cloud.run({"file_input": file.id, "configuration": CONFIGURATION}, timeout=WAIT)
    assert job.status == "FAILED" and "more than the 50 read per document" in job.error_message

    monkeypatch.setenv("OFFLINE_CLASSIFY_MAX_PAGES", "4")
    monkeypatch.setenv("OFFLINE_CLASSIFY_MAX_CHARACTERS", "400")
    with LocalCloud(None, model="/nowhere", start=False) as lazy:
        assert lazy.limits == DocumentLimits(max_pages=4, max_characters=400)
    assert DocumentLimits() == DocumentLimits(max_pages=1000, max_characters=5_000_000)


# --- limits: the per-job timeout ------------------------------------------------------------


class SlowScorer(KeywordScorer):
    """Keyword scoring that takes as long as the test says (until ``release`` is set)."""

    def __init__(self) -> None:
        super().__init__()
        self.started = threading.Event()
        self.release = threading.Event()
        self.finished = threading.Event()

    def score(self, premises: Sequence[str], hypotheses: Sequence[str]) -> np.ndarray:
        self.started.set()
        self.release.wait(WAIT)
        scores = super().score(premises, hypotheses)
        self.finished.set()
        return scores


@pytest.fixture
def slow() -> Iterator[SlowScorer]:
    scorer = SlowScorer()
    yield scorer
    scorer.release.set()


def test_a_job_past_its_timeout_fails_on_time_and_its_late_result_is_dropped(slow) -> None:
    with LocalCloud(None, scorer=slow, job_timeout=0.5) as cloud:
        file = cloud.create_file(GOOD, name="good.txt")
        started = time.monotonic()
        job = cloud.create_classify_job({"file_input": file.id, "configuration": CONFIGURATION})

        failed = cloud.wait(job.id, timeout=10)
        took = time.monotonic() - started
        assert failed.status == "FAILED" and not slow.finished.is_set()
        assert "job timeout of 0.5 s" in failed.error_message
        assert 0.4 < took < 5.0

        slow.release.set()  # the model call under way ends; its result must not count
        assert slow.finished.wait(10)
        later = cloud.create_classify_job({"file_input": file.id, "configuration": CONFIGURATION})
        assert cloud.wait(later.id, timeout=WAIT).status == "COMPLETED"
        again = cloud.get_classify_job(job.id)
        assert (again.status, again.result) == ("FAILED", None)


def test_a_job_waiting_for_the_model_times_out_without_running(slow) -> None:
    with LocalCloud(None, scorer=slow, job_timeout=1.0, workers=2) as cloud:
        file = cloud.create_file(GOOD, name="good.txt")
        first = cloud.create_classify_job({"file_input": file.id, "configuration": CONFIGURATION})
        assert slow.started.wait(10)
        slow.started.clear()
        second = cloud.create_classify_job({"file_input": file.id, "configuration": CONFIGURATION})

        waited = cloud.wait(second.id, timeout=10)

        assert waited.status == "FAILED" and "job timeout of 1 s" in waited.error_message
        assert not slow.started.is_set(), "the second job reached the model"
        assert cloud.wait(first.id, timeout=10).status == "FAILED"
        slow.release.set()  # lets the first job's model call end, so close() need not wait


def test_no_timeout_lets_slow_jobs_finish_and_bad_timeouts_are_refused(slow) -> None:
    assert DEFAULT_JOB_TIMEOUT_S == 600.0
    with LocalCloud(None, scorer=slow, job_timeout=None) as cloud:
        file = cloud.create_file(GOOD, name="good.txt")
        job = cloud.create_classify_job({"file_input": file.id, "configuration": CONFIGURATION})
        assert slow.started.wait(10)
        time.sleep(0.3)
        assert cloud.get_classify_job(job.id).status == "RUNNING"
        slow.release.set()
        assert cloud.wait(job.id, timeout=WAIT).status == "COMPLETED"
    for bad in (0, -1.0):
        with pytest.raises(InvalidRequestError, match="job_timeout must be positive"):
            LocalCloud(None, scorer=KeywordScorer(), job_timeout=bad)


def test_a_streamed_upload_without_a_length_is_cut_off_with_413() -> None:
    """No Content-Length to refuse up front: the body is counted as it arrives."""
    pytest.importorskip("fastapi", reason="the server extra is not installed")
    import httpx

    from offline_classify.server import create_app
    from offline_classify.testing import serve_in_thread

    boundary = "limit"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nclassify\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n'
        "Content-Type: application/pdf\r\n\r\n"
    ).encode()

    def body() -> Iterator[bytes]:
        yield head
        for _ in range(64):  # 4 MB against a 64 KiB limit (plus the multipart allowance)
            yield bytes(64 * 1024)
        yield f"\r\n--{boundary}--\r\n".encode()

    with LocalCloud(None, scorer=KeywordScorer(), max_file_bytes=64 * 1024) as cloud:
        with serve_in_thread(create_app(cloud)) as base_url:
            answer = httpx.post(
                f"{base_url}/api/v1/beta/files",
                content=body(),
                headers={"content-type": f"multipart/form-data; boundary={boundary}"},
                timeout=30,
            )
        assert answer.status_code == 413, answer.text
        assert "larger than this server accepts" in answer.json()["detail"]
        assert cloud.list_files().total_size == 0
