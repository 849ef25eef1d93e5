"""The local job service: life cycles, pagination, idempotency, isolation and restarts."""

from __future__ import annotations

import base64
import io
import json
import threading
import time
from collections.abc import Iterator, Sequence
from datetime import timedelta, timezone
from pathlib import Path

import numpy as np
import pytest

from offline_classify import (
    ClassifyError,
    ConflictError,
    InvalidRequestError,
    KeywordScorer,
    LocalCloud,
    NotFoundError,
    PayloadTooLargeError,
    WaitTimeoutError,
)
from offline_classify.service import DEFAULT_PROJECT_ID, MAX_INTERRUPTIONS

RULES = [
    {"type": "invoice", "description": "an invoice with a number and a total amount due"},
    {"type": "resume", "description": "a resume listing work experience and education"},
]
INVOICE = b"INVOICE number 4711. Total amount due: 1,250.00 EUR, payable within 30 days."
RESUME = b"Resume. Work experience: ten years as an engineer. Education: MSc in physics."
WAIT = 30.0


class GatedScorer(KeywordScorer):
    """Keyword scoring that holds every job RUNNING until the test opens the gate."""

    def __init__(self) -> None:
        super().__init__()
        self.started = threading.Event()
        self.gate = threading.Event()

    def score(self, premises: Sequence[str], hypotheses: Sequence[str]) -> np.ndarray:
        self.started.set()
        self.gate.wait(WAIT)
        return super().score(premises, hypotheses)


class BrokenScorer(KeywordScorer):
    """A scorer with a bug that only documents mentioning 'explode' trigger."""

    def score(self, premises: Sequence[str], hypotheses: Sequence[str]) -> np.ndarray:
        if any("explode" in premise for premise in premises):
            raise IndexError("list index out of range")
        return super().score(premises, hypotheses)


@pytest.fixture
def cloud() -> Iterator[LocalCloud]:
    with LocalCloud(scorer=KeywordScorer()) as service:
        yield service


@pytest.fixture
def gated() -> Iterator[GatedScorer]:
    scorer = GatedScorer()
    yield scorer
    scorer.gate.set()  # lets abandoned worker threads end


def classify_request(file_input: str, **extra: object) -> dict:
    return {"file_input": file_input, "configuration": {"rules": RULES}, **extra}


# --- files ------------------------------------------------------------------------------------


def test_file_life_cycle_from_upload_to_delete(tmp_path: Path) -> None:
    with LocalCloud(tmp_path, scorer=KeywordScorer()) as cloud:
        file = cloud.create_file(
            INVOICE, name="Invoice 4711.TXT", purpose="classify", external_file_id="ext-1"
        )
        assert file.id.startswith("dfl-") and file.project_id == DEFAULT_PROJECT_ID
        assert (file.name, file.file_type, file.purpose) == ("Invoice 4711.TXT", "txt", "classify")
        assert file.external_file_id == "ext-1"
        assert file.last_modified_at.tzinfo is not None
        assert file.last_modified_at.utcoffset() == timedelta(0)
        assert cloud.get_file(file.id) == file
        assert cloud.read_file_content(file.id) == (file, INVOICE)
        assert [item.id for item in cloud.list_files().items] == [file.id]
        # Stored by id: the user's name never becomes a path.
        assert [path.name for path in (tmp_path / "files").iterdir()] == [file.id]

        cloud.delete_file(file.id)

        with pytest.raises(NotFoundError, match=file.id):
            cloud.get_file(file.id)
        with pytest.raises(NotFoundError, match=file.id):
            cloud.delete_file(file.id)
        assert list((tmp_path / "files").iterdir()) == []
        assert cloud.list_files().total_size == 0


def test_paths_and_streams_are_uploaded_under_their_own_names(
    cloud: LocalCloud, tmp_path: Path
) -> None:
    path = tmp_path / "resume.md"
    path.write_bytes(RESUME)
    from_path = cloud.create_file(path)
    from_stream = cloud.create_file(io.BytesIO(INVOICE), name="scan.pdf")
    assert (from_path.name, from_path.file_type) == ("resume.md", "md")
    assert cloud.read_file_content(from_path.id)[1] == RESUME
    assert (from_stream.name, from_stream.file_type) == ("scan.pdf", "pdf")
    with pytest.raises(InvalidRequestError, match="name"):
        cloud.create_file(b"no name")
    with pytest.raises(InvalidRequestError, match="no such file"):
        cloud.create_file(tmp_path / "missing.pdf")
    with pytest.raises(InvalidRequestError, match="purpose"):
        cloud.create_file(RESUME, name="a.txt", purpose="archive")


def test_a_file_over_the_size_limit_is_refused_and_nothing_is_stored(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 11)
    with LocalCloud(tmp_path / "data", scorer=KeywordScorer(), max_file_bytes=10) as cloud:
        for content in (b"x" * 11, io.BytesIO(b"x" * 11), big):
            with pytest.raises(PayloadTooLargeError, match="up to 10 bytes"):
                cloud.create_file(content, name="big.txt")
        assert cloud.create_file(b"x" * 10, name="fits.txt").name == "fits.txt"
        assert cloud.list_files().total_size == 1
        assert len(list((tmp_path / "data" / "files").iterdir())) == 1


# --- parse jobs -------------------------------------------------------------------------------


def test_parse_job_reads_the_selected_pages_and_expands_text_and_markdown(
    cloud: LocalCloud,
) -> None:
    document = b"first page about cats\fsecond page invoice\fthird page total amount"
    job = cloud.upload_and_parse(document, name="three.txt", target_pages="2-3")
    assert job.id.startswith("pjb-") and job.status == "PENDING"

    bare = cloud.wait_parse_job(job.id, timeout=WAIT)
    assert bare.job.status == "COMPLETED"
    assert bare.text is None and bare.markdown is None

    full = cloud.get_parse_job(job.id, expand=["text", "markdown", "text_full", "usage"])
    assert [(page.page_number, page.text) for page in full.text.pages] == [
        (2, "second page invoice"),
        (3, "third page total amount"),
    ]
    assert [page.markdown for page in full.markdown.pages] == [
        "second page invoice",
        "third page total amount",
    ]
    assert all(page.success for page in full.markdown.pages)
    assert full.text_full == "second page invoice\n\nthird page total amount"
    assert full.job.usage.credits == 0
    assert [item.id for item in cloud.list_parse_jobs().items] == [job.id]

    cloud.delete_parse_job(job.id)
    with pytest.raises(NotFoundError, match=job.id):
        cloud.get_parse_job(job.id)


def test_parse_job_of_a_broken_document_fails_with_the_reason(cloud: LocalCloud) -> None:
    job = cloud.upload_and_parse(b"", name="empty.pdf")
    result = cloud.wait_parse_job(job.id, timeout=WAIT, expand=["text"])
    assert result.job.status == "FAILED"
    assert "empty" in result.job.error_message
    assert result.text is None


def test_bad_page_ranges_are_refused_when_the_job_is_created(cloud: LocalCloud) -> None:
    file = cloud.create_file(INVOICE, name="a.txt")
    with pytest.raises(InvalidRequestError, match="reversed range"):
        cloud.create_parse_job(file_id=file.id, target_pages="5-2")
    bad_classify = classify_request(file.id)
    bad_classify["configuration"]["parsing_configuration"] = {"target_pages": "1,,2"}
    with pytest.raises(InvalidRequestError, match="empty item"):
        cloud.create_classify_job(bad_classify)
    assert cloud.list_parse_jobs().total_size == 0
    assert cloud.list_classify_jobs().total_size == 0


def test_classify_job_on_a_parse_job_uses_its_pages_and_does_not_parse_again(
    cloud: LocalCloud,
) -> None:
    parse_job = cloud.upload_and_parse(INVOICE + b"\f" + RESUME, name="two.txt")
    cloud.wait_parse_job(parse_job.id, timeout=WAIT)
    file_id = cloud.list_files().items[0].id
    # With the file gone, only the parse job's stored pages can answer.
    cloud.delete_file(file_id)

    job = cloud.run(classify_request(parse_job.id), timeout=WAIT)
    assert job.status == "COMPLETED", job.error_message
    assert job.document_input_type == "parse_job_id"
    assert job.parse_job_id == parse_job.id
    assert job.result.type == "invoice"

    # The classify configuration's page options pick among the parse job's pages.
    request = classify_request(parse_job.id)
    request["configuration"]["parsing_configuration"] = {"target_pages": "2"}
    second_page = cloud.run(request, timeout=WAIT)
    assert second_page.result.type == "resume"
    assert "page 2" in second_page.result.reasoning

    request["configuration"]["parsing_configuration"] = {"target_pages": "3"}
    beyond = cloud.run(request, timeout=WAIT)
    assert beyond.status == "FAILED"
    assert "selects no page" in beyond.error_message


def test_classify_job_on_a_failed_parse_job_fails_saying_why(cloud: LocalCloud) -> None:
    parse_job = cloud.upload_and_parse(b"", name="empty.txt")
    job = cloud.run(classify_request(parse_job.id), timeout=WAIT)
    assert job.status == "FAILED"
    assert parse_job.id in job.error_message and "empty" in job.error_message


# --- configurations ---------------------------------------------------------------------------


def test_configuration_life_cycle_with_upsert_on_name(cloud: LocalCloud) -> None:
    created = cloud.create_configuration(
        name="routing", parameters={"product_type": "classify_v2", "rules": RULES}
    )
    assert created.id.startswith("cfg-") and created.product_type == "classify_v2"
    assert [rule.type for rule in created.parameters.rules] == ["invoice", "resume"]

    # Same name and product type: the cloud updates in place rather than adding one.
    upserted = cloud.create_configuration(
        name="routing", parameters={"product_type": "classify_v2", "rules": RULES[:1]}
    )
    assert upserted.id == created.id
    assert [rule.type for rule in cloud.get_configuration(created.id).parameters.rules] == [
        "invoice"
    ]

    renamed = cloud.update_configuration(created.id, name="routing-v2")
    assert renamed.name == "routing-v2" and len(renamed.parameters.rules) == 1
    other = cloud.create_configuration(
        name="extraction", parameters={"product_type": "extract_v2", "data_schema": {"a": 1}}
    )
    assert other.parameters.model_dump() == {"product_type": "extract_v2", "data_schema": {"a": 1}}

    assert [c.id for c in cloud.list_configurations(product_type="classify_v2").items] == [
        created.id
    ]
    assert [c.id for c in cloud.list_configurations(name="extraction").items] == [other.id]
    taken = cloud.create_configuration(
        name="taken", parameters={"product_type": "classify_v2", "rules": RULES}
    )
    with pytest.raises(ConflictError, match=created.id):
        cloud.update_configuration(created.id, name="taken")
    # A name is unique per product type only.
    assert cloud.update_configuration(other.id, name="taken").name == "taken"
    assert cloud.get_configuration(taken.id).product_type == "classify_v2"

    cloud.delete_configuration(created.id)
    with pytest.raises(NotFoundError, match=created.id):
        cloud.get_configuration(created.id)


def test_saved_rules_are_held_to_the_inline_limits(cloud: LocalCloud) -> None:
    # The body the SDK sent in the captured requests: its description is one character.
    with pytest.raises(InvalidRequestError, match=r"parameters\.rules\.0\.description"):
        cloud.create_configuration(
            name="my-cls",
            parameters={
                "product_type": "classify_v2",
                "rules": [{"type": "x", "description": "y"}],
            },
        )
    with pytest.raises(InvalidRequestError, match="product_type"):
        cloud.create_configuration(name="n", parameters={"product_type": "classify_v9"})
    assert cloud.list_configurations().total_size == 0


def test_classify_job_uses_saved_rules_and_inline_rules_win_over_them(cloud: LocalCloud) -> None:
    saved = cloud.create_configuration(
        name="resumes-only", parameters={"product_type": "classify_v2", "rules": RULES[1:]}
    )
    file = cloud.create_file(INVOICE, name="invoice.txt")

    by_id = cloud.run({"file_input": file.id, "configuration_id": saved.id}, timeout=WAIT)
    assert by_id.status == "COMPLETED"
    assert [rule.type for rule in by_id.configuration.rules] == ["resume"]
    assert by_id.result.type is None  # the invoice rule was not among the saved ones

    both = cloud.run(classify_request(file.id, configuration_id=saved.id), timeout=WAIT)
    assert [rule.type for rule in both.configuration.rules] == ["invoice", "resume"]
    assert both.result.type == "invoice"
    assert both.configuration_id == saved.id
    assert [job.id for job in cloud.list_classify_jobs(configuration_id=saved.id).items] == [
        by_id.id,
        both.id,
    ]

    extraction = cloud.create_configuration(
        name="x", parameters={"product_type": "extract_v2", "data_schema": {}}
    )
    with pytest.raises(InvalidRequestError, match="not classify_v2"):
        cloud.create_classify_job({"file_input": file.id, "configuration_id": extraction.id})
    with pytest.raises(NotFoundError, match="cfg-missing"):
        cloud.create_classify_job({"file_input": file.id, "configuration_id": "cfg-missing"})


# --- classify jobs ----------------------------------------------------------------------------


def test_classify_job_is_pending_at_once_and_has_a_result_only_when_completed() -> None:
    with LocalCloud(scorer=KeywordScorer(), start=False) as cloud:
        file = cloud.create_file(INVOICE, name="invoice.txt")
        job = cloud.create_classify_job(classify_request(file.id, transaction_id="tx-1"))
        assert job.id.startswith("cls-")
        assert (job.status, job.result, job.error_message) == ("PENDING", None, None)
        assert (job.document_input_type, job.file_input) == ("file_id", file.id)
        assert job.created_at.tzinfo == timezone.utc
        assert job.configuration.mode == "FAST"

        cloud.start()
        done = cloud.wait(job.id, timeout=WAIT)
        assert done.status == "COMPLETED" and done.error_message is None
        assert done.result.type == "invoice"
        assert done.updated_at >= done.created_at
        assert cloud.get_classify_job(job.id, expand=["usage"]).usage.credits == 0


def test_deprecated_inputs_and_explicit_nulls_are_accepted(cloud: LocalCloud) -> None:
    file = cloud.create_file(INVOICE, name="invoice.txt")
    parse_job = cloud.upload_and_parse(RESUME, name="resume.txt")
    via_file_id = cloud.run({"file_id": file.id, "configuration": {"rules": RULES}}, timeout=WAIT)
    via_parse_job_id = cloud.run(
        {"parse_job_id": parse_job.id, "configuration": {"rules": RULES}}, timeout=WAIT
    )
    # As the SDK sends them when a caller passes None explicitly.
    with_nulls = cloud.run(
        {
            "configuration": {"rules": RULES, "mode": None, "parsing_configuration": None},
            "configuration_id": None,
            "file_input": file.id,
            "parse_job_id": None,
            "transaction_id": None,
        },
        timeout=WAIT,
    )
    assert (via_file_id.document_input_type, via_file_id.result.type) == ("file_id", "invoice")
    assert via_parse_job_id.document_input_type == "parse_job_id"
    assert via_parse_job_id.result.type == "resume"
    assert with_nulls.status == "COMPLETED"


@pytest.mark.parametrize(
    ("request_body", "error", "match"),
    [
        ({"configuration": {"rules": RULES}}, InvalidRequestError, "file_input"),
        ({"file_input": "dfl-1", "file_id": "dfl-2", "configuration": {"rules": RULES}},
         InvalidRequestError, "different inputs"),
        ({"file_input": "dfl-missing"}, InvalidRequestError, "configuration"),
        ({"file_input": "dfl-missing", "configuration": {"rules": RULES}}, NotFoundError,
         "dfl-missing"),
        ({"file_input": "pjb-missing", "configuration": {"rules": RULES}}, NotFoundError,
         "pjb-missing"),
        ({"file_input": "https://example.com/a.pdf", "configuration": {"rules": RULES}},
         NotFoundError, "example.com"),
        ({"file_input": "dfl-1", "configuration": {"rules": []}}, InvalidRequestError,
         "configuration.rules"),
        ({"file_input": "dfl-1", "configuration": {"rules": [{"type": "a", "description": "b"}]}},
         InvalidRequestError, "description"),
    ],
)  # fmt: skip
def test_bad_classify_requests_are_refused_with_the_reason(
    cloud: LocalCloud, request_body: dict, error: type, match: str
) -> None:
    with pytest.raises(error, match=match):
        cloud.create_classify_job(request_body)
    assert cloud.list_classify_jobs().total_size == 0


def test_unknown_ids_and_wrong_prefixes_are_not_found_naming_the_id(cloud: LocalCloud) -> None:
    for call, object_id in [
        (cloud.get_classify_job, "cls-nope"),
        (cloud.get_classify_job, "pjb-wrong-kind"),
        (cloud.get_parse_job, "cls-wrong-kind"),
        (cloud.get_file, "cfg-wrong-kind"),
        (cloud.get_configuration, "dfl-wrong-kind"),
        (cloud.cancel_classify_job, "cls-nope"),
        (cloud.delete_classify_job, "cls-nope"),
    ]:
        with pytest.raises(NotFoundError, match=object_id):
            call(object_id)


def test_a_bad_document_fails_its_own_job_and_the_next_good_job_completes(
    cloud: LocalCloud,
) -> None:
    broken = cloud.create_file(b"%PDF-1.7 this is not really a pdf", name="broken.pdf")
    empty = cloud.create_file(b"", name="empty.pdf")
    good = cloud.create_file(INVOICE, name="invoice.txt")
    jobs = [cloud.create_classify_job(classify_request(f.id)) for f in (broken, empty, good)]
    broken_job, empty_job, good_job = (cloud.wait(job.id, timeout=WAIT) for job in jobs)

    assert broken_job.status == "FAILED" and "broken.pdf" in broken_job.error_message
    assert empty_job.status == "FAILED" and "empty" in empty_job.error_message
    for failed in (broken_job, empty_job):
        assert failed.result is None
        assert "Traceback" not in failed.error_message
    assert good_job.status == "COMPLETED" and good_job.result.type == "invoice"


def test_an_unexpected_error_fails_only_that_job() -> None:
    with LocalCloud(scorer=BrokenScorer()) as cloud:
        bad = cloud.create_file(b"this text will explode the scorer", name="bad.txt")
        good = cloud.create_file(INVOICE, name="good.txt")
        failed = cloud.run(classify_request(bad.id), timeout=WAIT)
        completed = cloud.run(classify_request(good.id), timeout=WAIT)
    assert failed.status == "FAILED"
    assert failed.error_message == (
        "internal error while running the job: IndexError: list index out of range"
    )
    assert completed.status == "COMPLETED"


def test_a_missing_model_fails_the_job_not_the_service(tmp_path: Path) -> None:
    with LocalCloud(model=tmp_path / "no-model-here") as cloud:
        file = cloud.create_file(INVOICE, name="invoice.txt")
        job = cloud.run(classify_request(file.id), timeout=WAIT)
    assert job.status == "FAILED"
    assert "no model found" in job.error_message and "no-model-here" in job.error_message


def test_a_file_deleted_before_its_job_runs_fails_the_job() -> None:
    with LocalCloud(scorer=KeywordScorer(), start=False) as cloud:
        file = cloud.create_file(INVOICE, name="invoice.txt")
        job = cloud.create_classify_job(classify_request(file.id))
        cloud.delete_file(file.id)
        cloud.start()
        failed = cloud.wait(job.id, timeout=WAIT)
    assert failed.status == "FAILED" and "was deleted" in failed.error_message


# --- pagination and filters -------------------------------------------------------------------


def test_pages_cover_every_job_once_in_creation_order() -> None:
    with LocalCloud(scorer=KeywordScorer(), start=False) as cloud:
        file = cloud.create_file(INVOICE, name="invoice.txt")
        created = [cloud.create_classify_job(classify_request(file.id)).id for _ in range(7)]
        seen, token, pages = [], None, 0
        while True:
            page = cloud.list_classify_jobs(page_size=3, page_token=token)
            pages += 1
            assert page.total_size == 7
            seen += [job.id for job in page.items]
            token = page.next_page_token
            if token is None:
                break
        assert (seen, pages) == (created, 3)

        for size in (0, 101):
            with pytest.raises(InvalidRequestError, match="between 1 and 100"):
                cloud.list_classify_jobs(page_size=size)
        with pytest.raises(InvalidRequestError, match="page_token"):
            cloud.list_classify_jobs(page_token="not-a-token")
        file_token = cloud.list_files(page_size=1).next_page_token
        assert file_token is None  # one file: a single page
        for _ in range(2):
            cloud.create_file(RESUME, name="resume.txt")
        file_token = cloud.list_files(page_size=1).next_page_token
        with pytest.raises(InvalidRequestError, match="page_token"):
            cloud.list_classify_jobs(page_token=file_token)
        assert len(cloud.list_files(page_size=1, page_token=file_token).items) == 1


def test_files_list_in_any_order_pages_through_every_file_once() -> None:
    with LocalCloud(scorer=KeywordScorer(), start=False) as cloud:
        names = ["c.txt", "a.txt", "b.txt", "a.txt", "d.txt"]
        ids = [cloud.create_file(b"x", name=name, external_file_id=name[0]).id for name in names]

        def every_page(order_by: str) -> list[tuple[str, str]]:
            seen, token = [], None
            while True:
                page = cloud.list_files(page_size=2, page_token=token, order_by=order_by)
                seen += [(file.name, file.id) for file in page.items]
                token = page.next_page_token
                if token is None:
                    return seen

        # Equal names keep upload order, ascending or not: the tie-break is the upload.
        by_name = sorted(zip(names, ids, strict=True), key=lambda item: item[0])
        assert every_page("name") == by_name
        by_name_desc = sorted(zip(names, ids, strict=True), key=lambda item: item[0], reverse=True)
        assert [name for name, _ in every_page("name desc")] == [n for n, _ in by_name_desc]
        assert every_page(" last_modified_at desc ") == list(zip(names, ids, strict=True))[::-1]
        assert every_page("external_file_id DESC, name") == [
            ("d.txt", ids[4]),
            ("c.txt", ids[0]),
            ("b.txt", ids[2]),
            ("a.txt", ids[1]),
            ("a.txt", ids[3]),
        ]

        # A file deleted between pages moves no other file off its page.
        first = cloud.list_files(page_size=2, order_by="name")
        cloud.delete_file(first.items[0].id)
        rest = cloud.list_files(page_size=10, order_by="name", page_token=first.next_page_token)
        assert [f.name for f in rest.items] == ["b.txt", "c.txt", "d.txt"]

        # A file with no external id sorts as the empty string: first, and listed once.
        plain = cloud.create_file(b"x", name="e.txt")
        assert [i for _, i in every_page("external_file_id")][0] == plain.id
        assert len(set(every_page("external_file_id desc, name"))) == 5

        token = cloud.list_files(page_size=2, order_by="name").next_page_token
        with pytest.raises(InvalidRequestError, match="page_token"):
            cloud.list_files(page_size=2, page_token=token)  # issued for another order
        # A forged token whose key SQLite could not encode is refused like any other.
        payload = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        payload["key"] = ["\ud800"]
        forged = base64.urlsafe_b64encode(json.dumps(payload).encode()).decode()
        with pytest.raises(InvalidRequestError, match="page_token"):
            cloud.list_files(page_size=2, order_by="name", page_token=forged)
        for bad in ("size", "name sideways", "name desc extra", "name; DROP TABLE files"):
            with pytest.raises(InvalidRequestError, match="order_by"):
                cloud.list_files(order_by=bad)


def test_classify_job_filters_combine() -> None:
    with LocalCloud(scorer=KeywordScorer(), start=False) as cloud:
        file = cloud.create_file(INVOICE, name="invoice.txt")
        first, second, third = (
            cloud.create_classify_job(classify_request(file.id)) for _ in range(3)
        )
        cloud.cancel_classify_job(second.id)

        def ids(**filters: object) -> list[str]:
            return [job.id for job in cloud.list_classify_jobs(**filters).items]

        assert ids(status="CANCELLED") == [second.id]
        assert ids(status="PENDING") == [first.id, third.id]
        assert ids(job_ids=[first.id, second.id], status="PENDING") == [first.id]
        assert ids(created_at_on_or_after=second.created_at) == [second.id, third.id]
        assert ids(created_at_on_or_before=second.created_at) == [first.id, second.id]
        assert ids(created_at_on_or_after=third.created_at + timedelta(seconds=1)) == []
        assert ids(created_at_on_or_after=first.created_at.isoformat()) == [
            first.id,
            second.id,
            third.id,
        ]
        with pytest.raises(InvalidRequestError, match="status"):
            cloud.list_classify_jobs(status="DONE")


# --- idempotency ------------------------------------------------------------------------------


def test_racing_creates_with_one_transaction_id_make_one_job(tmp_path: Path) -> None:
    with LocalCloud(tmp_path, scorer=KeywordScorer(), start=False) as cloud:
        file = cloud.create_file(INVOICE, name="invoice.txt")
        barrier = threading.Barrier(8)
        answers: list[str] = []

        def create(index: int) -> None:
            body = classify_request(file.id, transaction_id="tx-race")
            if index % 2:  # the new body is ignored: the key alone decides
                body["configuration"] = {"rules": RULES[:1]}
            barrier.wait()
            answers.append(cloud.create_classify_job(body).id)

        threads = [threading.Thread(target=create, args=(i,)) for i in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(answers) == 8 and len(set(answers)) == 1
        assert cloud.list_classify_jobs().total_size == 1
        # Another project has its own keys.
        elsewhere = cloud.create_classify_job(
            classify_request(cloud.create_file(INVOICE, name="a.txt", project_id="prj-b").id,
                             transaction_id="tx-race"),
            project_id="prj-b",
        )  # fmt: skip
        assert elsewhere.id != answers[0]

    with LocalCloud(tmp_path, scorer=KeywordScorer()) as reopened:
        again = reopened.create_classify_job(classify_request(file.id, transaction_id="tx-race"))
        assert again.id == answers[0]
        assert reopened.wait(again.id, timeout=WAIT).status == "COMPLETED"
        assert reopened.list_classify_jobs().total_size == 1


# --- cancel and delete ------------------------------------------------------------------------


def test_cancelling_a_pending_job_and_deleting_only_finished_ones() -> None:
    with LocalCloud(scorer=KeywordScorer(), start=False) as cloud:
        file = cloud.create_file(INVOICE, name="invoice.txt")
        job = cloud.create_classify_job(classify_request(file.id))
        with pytest.raises(ConflictError, match="PENDING"):
            cloud.delete_classify_job(job.id)

        cancelled = cloud.cancel_classify_job(job.id)
        assert cancelled.status == "CANCELLED"
        # wait() returns on CANCELLED rather than polling until its timeout.
        assert cloud.wait(job.id, timeout=1).status == "CANCELLED"
        cloud.start()
        assert cloud.run(classify_request(file.id), timeout=WAIT).status == "COMPLETED"
        assert cloud.get_classify_job(job.id).status == "CANCELLED"  # never ran

        cloud.delete_classify_job(job.id)
        with pytest.raises(NotFoundError, match=job.id):
            cloud.get_classify_job(job.id)


def test_cancelling_a_running_job_discards_its_result(gated: GatedScorer) -> None:
    with LocalCloud(scorer=gated) as cloud:
        file = cloud.create_file(INVOICE, name="invoice.txt")
        job = cloud.create_classify_job(classify_request(file.id))
        assert gated.started.wait(WAIT)
        assert cloud.get_classify_job(job.id).status == "RUNNING"
        with pytest.raises(ConflictError, match="RUNNING"):
            cloud.delete_classify_job(job.id)

        assert cloud.cancel_classify_job(job.id).status == "CANCELLED"
        gated.gate.set()
        follow_up = cloud.run(classify_request(file.id), timeout=WAIT)
        assert follow_up.status == "COMPLETED"  # the worker finished the cancelled one first
        cancelled = cloud.get_classify_job(job.id)
        assert (cancelled.status, cancelled.result) == ("CANCELLED", None)
        # Cancelling a finished job changes nothing.
        assert cloud.cancel_classify_job(follow_up.id).status == "COMPLETED"


def test_the_worker_pool_runs_at_most_its_size_at_once(gated: GatedScorer) -> None:
    with LocalCloud(scorer=gated, workers=2) as cloud:
        file = cloud.create_file(INVOICE, name="invoice.txt")
        jobs = [cloud.create_classify_job(classify_request(file.id)) for _ in range(3)]
        deadline = time.monotonic() + WAIT
        while cloud.list_classify_jobs(status="RUNNING").total_size < 2:
            assert time.monotonic() < deadline, "two workers never ran two jobs at once"
            time.sleep(0.01)
        assert cloud.list_classify_jobs(status="PENDING").total_size == 1
        gated.gate.set()
        assert [cloud.wait(job.id, timeout=WAIT).status for job in jobs] == ["COMPLETED"] * 3


def test_waiting_past_the_timeout_raises() -> None:
    with LocalCloud(scorer=KeywordScorer(), start=False) as cloud:
        file = cloud.create_file(INVOICE, name="invoice.txt")
        job = cloud.create_classify_job(classify_request(file.id))
        with pytest.raises(WaitTimeoutError, match="still PENDING"):
            cloud.wait(job.id, timeout=0.1)


# --- projects ---------------------------------------------------------------------------------


def test_objects_of_another_project_are_never_visible(cloud: LocalCloud) -> None:
    file = cloud.create_file(INVOICE, name="invoice.txt", project_id="prj-a")
    parse_job = cloud.upload_and_parse(INVOICE, name="p.txt", project_id="prj-a")
    config = cloud.create_configuration(
        name="c", parameters={"product_type": "classify_v2", "rules": RULES}, project_id="prj-a"
    )
    job = cloud.run(classify_request(file.id), timeout=WAIT, project_id="prj-a")
    cloud.wait_parse_job(parse_job.id, timeout=WAIT, project_id="prj-a")

    b = {"project_id": "prj-b"}
    for call, object_id in [
        (cloud.get_file, file.id),
        (cloud.read_file_content, file.id),
        (cloud.delete_file, file.id),
        (cloud.get_parse_job, parse_job.id),
        (cloud.cancel_parse_job, parse_job.id),
        (cloud.delete_parse_job, parse_job.id),
        (cloud.get_configuration, config.id),
        (cloud.delete_configuration, config.id),
        (cloud.get_classify_job, job.id),
        (cloud.cancel_classify_job, job.id),
        (cloud.delete_classify_job, job.id),
        (cloud.wait, job.id),
    ]:
        with pytest.raises(NotFoundError, match=object_id):
            call(object_id, **b)
    with pytest.raises(NotFoundError, match=config.id):
        cloud.update_configuration(config.id, name="stolen", **b)
    for input_id in (file.id, parse_job.id):
        with pytest.raises(NotFoundError, match=input_id):
            cloud.create_classify_job(classify_request(input_id), **b)
    with pytest.raises(NotFoundError, match=config.id):
        own_file = cloud.create_file(INVOICE, name="mine.txt", **b)
        cloud.create_classify_job({"file_input": own_file.id, "configuration_id": config.id}, **b)
    with pytest.raises(NotFoundError, match=file.id):
        cloud.create_parse_job(file_id=file.id, **b)
    for listing, in_a in (
        (cloud.list_files, 2),  # the upload and the file under the parse job
        (cloud.list_parse_jobs, 1),
        (cloud.list_configurations, 1),
        (cloud.list_classify_jobs, 1),
    ):
        assert listing(project_id="prj-c").total_size == 0
        assert listing(project_id="prj-c").items == []
        assert listing(project_id="prj-a").total_size == in_a
    # The default project is a project like any other.
    assert cloud.list_classify_jobs().total_size == 0
    assert cloud.get_classify_job(job.id, project_id="prj-a").status == "COMPLETED"


# --- restarts ---------------------------------------------------------------------------------


def test_jobs_interrupted_by_a_restart_run_again_and_no_file_is_lost(
    tmp_path: Path, gated: GatedScorer
) -> None:
    cloud = LocalCloud(tmp_path, scorer=gated)
    files = [cloud.create_file(text, name=f"{i}.txt") for i, text in enumerate([INVOICE, RESUME])]
    parse_job = cloud.upload_and_parse(RESUME, name="parsed.txt")
    jobs = [cloud.create_classify_job(classify_request(f.id)) for f in files]
    jobs.append(cloud.create_classify_job(classify_request(parse_job.id)))
    broken = cloud.create_file(b"", name="broken.pdf")
    jobs.append(cloud.create_classify_job(classify_request(broken.id)))
    assert gated.started.wait(WAIT)
    assert cloud.get_classify_job(jobs[0].id).status == "RUNNING"
    cloud.close(wait=False)  # as if the process died mid-job

    with LocalCloud(tmp_path, scorer=KeywordScorer()) as reopened:
        finished = [reopened.wait(job.id, timeout=WAIT) for job in jobs]
        assert [job.status for job in finished] == ["COMPLETED"] * 3 + ["FAILED"]
        assert [job.result.type for job in finished[:3]] == ["invoice", "resume", "resume"]
        assert "empty" in finished[3].error_message
        assert reopened.list_files().total_size == 4
        for file, text in zip(files, [INVOICE, RESUME], strict=True):
            assert reopened.read_file_content(file.id)[1] == text
    gated.gate.set()  # the abandoned worker ends; its late result must not land anywhere
    with LocalCloud(tmp_path, scorer=KeywordScorer()) as again:
        assert again.get_classify_job(jobs[0].id).result.type == "invoice"


def test_a_job_interrupted_again_and_again_fails_with_the_reason(tmp_path: Path) -> None:
    scorers = []
    job_id = None
    for _ in range(MAX_INTERRUPTIONS):
        scorer = GatedScorer()
        scorers.append(scorer)
        cloud = LocalCloud(tmp_path, scorer=scorer)
        if job_id is None:
            file = cloud.create_file(INVOICE, name="invoice.txt")
            job_id = cloud.create_classify_job(classify_request(file.id)).id
        assert scorer.started.wait(WAIT)
        cloud.close(wait=False)
    try:
        with LocalCloud(tmp_path, scorer=KeywordScorer()) as cloud:
            job = cloud.wait(job_id, timeout=WAIT)
        assert job.status == "FAILED"
        assert f"interrupted {MAX_INTERRUPTIONS} times" in job.error_message
    finally:
        for scorer in scorers:
            scorer.gate.set()


def test_one_data_folder_serves_one_service_at_a_time(tmp_path: Path) -> None:
    with (
        LocalCloud(tmp_path, scorer=KeywordScorer()),
        pytest.raises(ClassifyError, match="already in use"),
    ):
        LocalCloud(tmp_path, scorer=KeywordScorer())
    with LocalCloud(tmp_path, scorer=KeywordScorer()) as reopened:
        assert reopened.list_files().total_size == 0


# --- the SDK reads what the service returns ---------------------------------------------------


def test_the_official_sdk_types_read_every_object(cloud: LocalCloud) -> None:
    types = pytest.importorskip("llama_cloud.types")
    file = cloud.create_file(INVOICE, name="invoice.txt", purpose="classify")
    parse_job = cloud.upload_and_parse(INVOICE, name="p.txt")
    parse_result = cloud.wait_parse_job(parse_job.id, timeout=WAIT, expand=["text", "markdown"])
    config = cloud.create_configuration(
        name="c", parameters={"product_type": "classify_v2", "rules": RULES}
    )
    job = cloud.run({"file_input": file.id, "configuration_id": config.id}, timeout=WAIT)

    sdk_file = types.FileCreateResponse.model_validate(file.model_dump(mode="json"))
    sdk_config = types.ConfigurationResponse.model_validate(config.model_dump(mode="json"))
    sdk_job = types.ClassifyGetResponse.model_validate(job.model_dump(mode="json"))
    sdk_page = types.ClassifyListResponse.model_validate(
        cloud.list_classify_jobs().items[0].model_dump(mode="json")
    )
    sdk_parse = types.ParsingGetResponse.model_validate(parse_result.model_dump(mode="json"))
    assert sdk_file.id == file.id and sdk_file.purpose == "classify"
    assert sdk_config.parameters.rules[0].type == "invoice"
    assert (sdk_job.status, sdk_job.result.type) == ("COMPLETED", "invoice")
    assert sdk_job.created_at == job.created_at
    assert sdk_page.id == job.id
    assert sdk_parse.text.pages[0].text == INVOICE.decode()


# --- the real model ---------------------------------------------------------------------------

MODELS = Path(__file__).resolve().parents[1] / "models"


@pytest.mark.slow
def test_the_default_model_classifies_end_to_end(tmp_path: Path) -> None:
    if not (MODELS / "manifest.json").is_file():
        pytest.skip(f"no shipped model yet: {MODELS / 'manifest.json'} does not exist")
    with LocalCloud(tmp_path) as cloud:  # Classifier(): the shipped default model
        file = cloud.create_file(INVOICE, name="invoice.txt", purpose="classify")
        parse_job = cloud.upload_and_parse(RESUME, name="resume.txt")
        on_file = cloud.run(classify_request(file.id), timeout=600)
        on_parse_job = cloud.run(classify_request(parse_job.id), timeout=600)
    assert on_file.status == "COMPLETED", on_file.error_message
    assert on_file.result.type == "invoice"
    assert 0.0 <= on_file.result.confidence <= 1.0
    assert on_parse_job.status == "COMPLETED", on_parse_job.error_message
    assert on_parse_job.result.type == "resume"


def test_wrongly_typed_library_arguments_are_refused_before_anything_is_stored() -> None:
    from offline_classify import InvalidRequestError

    with LocalCloud(None, scorer=KeywordScorer()) as cloud:
        file = cloud.create_file(b"some text to parse", name="a.txt")
        with pytest.raises(InvalidRequestError, match="external_file_id"):
            cloud.create_file(b"x", name="b.txt", external_file_id=123)
        with pytest.raises(InvalidRequestError, match="user_metadata"):
            cloud.create_parse_job(file_id=file.id, user_metadata={"n": 1})
        assert cloud.list_files().total_size == 1
        assert cloud.list_parse_jobs().total_size == 0


def test_forged_page_token_and_out_of_range_dates_are_request_errors() -> None:
    import base64
    import json as json_module

    from offline_classify import InvalidRequestError

    forged = base64.urlsafe_b64encode(
        json_module.dumps({"list": "files", "after": 10**30}).encode()
    ).decode()
    with LocalCloud(None, scorer=KeywordScorer()) as cloud:
        with pytest.raises(InvalidRequestError, match="page_token"):
            cloud.list_files(page_token=forged)
        with pytest.raises(InvalidRequestError, match="out of range"):
            cloud.list_classify_jobs(created_at_on_or_after="0001-01-01T00:00:00+01:00")


def test_saved_configuration_with_unreadable_target_pages_is_refused() -> None:
    from offline_classify import InvalidRequestError

    parameters = {
        "product_type": "classify_v2",
        "rules": [{"type": "a", "description": "long enough text"}],
        "parsing_configuration": {"target_pages": "first page"},
    }
    with (
        LocalCloud(None, scorer=KeywordScorer()) as cloud,
        pytest.raises(InvalidRequestError, match="'first page'"),
    ):
        cloud.create_configuration(name="bad", parameters=parameters)


def test_parse_job_target_pages_take_precedence_over_max_pages() -> None:
    with LocalCloud(None, scorer=KeywordScorer()) as cloud:
        file = cloud.create_file(b"one\ftwo\fthree\ffour\ffive", name="pages.txt")
        job = cloud.create_parse_job(file_id=file.id, target_pages="3-5", max_pages=1)
        result = cloud.wait_parse_job(job.id, timeout=30, expand=["text"])
        assert [page.page_number for page in result.text.pages] == [3, 4, 5]
