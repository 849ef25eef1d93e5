"""The official llama-cloud SDK (pinned 2.19.0) against the local server.

Every test drives the real SDK: through the pytest plugin's in-process clients here,
over a real socket in ``test_server_live.py``. What is checked is what a user's code
sees: ids, statuses, results, pagination and the SDK's own exception types.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

llama_cloud = pytest.importorskip("llama_cloud", reason="the llama-cloud SDK is not installed")
pytest.importorskip("fastapi", reason="the server extra is not installed")

from offline_classify.cloud_schema import PARSE_VERSIONS  # noqa: E402
from offline_classify.scoring import KeywordScorer  # noqa: E402
from offline_classify.server import create_app  # noqa: E402
from offline_classify.service import LocalCloud  # noqa: E402
from offline_classify.testing import in_process_client  # noqa: E402

INVOICE_TEXT = "Invoice number 4711\nLine items: consulting, 3 hours\nTotal amount due: 450 EUR"
CONTRACT_TEXT = "This contract sets out the terms and conditions, signed by both parties."
RULES = [
    {
        "type": "invoice",
        "description": "An invoice with an invoice number, line items and a total amount due",
    },
    {
        "type": "contract",
        "description": "A contract with terms and conditions signed by both parties",
    },
]
# The SDK's waiter sleeps before each poll and backs off by a second per poll by default.
FAST_POLL: dict[str, Any] = {"polling_interval": 0.02, "backoff": "constant", "polling_timeout": 60}


@pytest.fixture
def invoice_pdf(pdf_factory, tmp_path: Path) -> Path:
    path = tmp_path / "invoice.pdf"
    path.write_bytes(pdf_factory([INVOICE_TEXT]))
    return path


@pytest.fixture
def invoice_file(llama_cloud_client, invoice_pdf: Path):
    return llama_cloud_client.files.create(file=invoice_pdf, purpose="classify")


def test_files_create_from_a_path_keeps_its_name_and_type(llama_cloud_client, invoice_pdf):
    created = llama_cloud_client.files.create(
        file=invoice_pdf, purpose="classify", external_file_id="ext-1"
    )

    assert created.id.startswith("dfl-")
    assert (created.name, created.file_type, created.purpose) == ("invoice.pdf", "pdf", "classify")
    assert created.external_file_id == "ext-1"
    assert llama_cloud_client.files.retrieve(created.id).model_dump() == created.model_dump()


def test_files_create_from_bytes_with_and_without_a_name(llama_cloud_client, pdf_factory):
    content = pdf_factory([INVOICE_TEXT])

    named = llama_cloud_client.files.create(
        file=("scan.pdf", content, "application/pdf"), purpose="parse"
    )
    bare = llama_cloud_client.files.create(file=content, purpose="user_data")

    assert (named.name, named.file_type, named.purpose) == ("scan.pdf", "pdf", "parse")
    assert bare.id != named.id and bare.purpose == "user_data"
    listed = {file.id for file in llama_cloud_client.files.list()}
    assert listed == {named.id, bare.id}


def test_files_query_filters_by_name_and_coerces_a_large_page_size(llama_cloud_client):
    first = llama_cloud_client.files.create(file=("a.txt", b"alpha"), purpose="classify")
    llama_cloud_client.files.create(file=("b.txt", b"beta"), purpose="classify")

    with pytest.warns(DeprecationWarning):  # the SDK marks files.query deprecated
        found = llama_cloud_client.files.query(filter={"file_name": "a.txt"}, page_size=5000)
        none = llama_cloud_client.files.query(filter={"data_source_id": "dsr-1"})

    assert [file.id for file in found.items] == [first.id]
    assert none.items == []


def test_files_list_orders_pages_and_expands_download_urls(llama_cloud_client):
    for name in ("b.txt", "c.txt", "a.txt"):
        llama_cloud_client.files.create(file=(name, name.encode()), purpose="classify")

    # The SDK's cursor pages follow next_page_token to the end.
    listed = list(llama_cloud_client.files.list(order_by="name desc", page_size=2))
    assert [file.name for file in listed] == ["c.txt", "b.txt", "a.txt"]
    assert all(file.download_url is None for file in listed)

    expanded = llama_cloud_client.files.list(order_by="name", expand=["download_url"]).items
    assert [file.name for file in expanded] == ["a.txt", "b.txt", "c.txt"]
    content = llama_cloud_client._client.get(expanded[0].download_url.url).content
    assert content == b"a.txt"

    with pytest.raises(llama_cloud.UnprocessableEntityError, match="order_by"):
        llama_cloud_client.files.list(order_by="size")


def test_files_delete_makes_the_file_unknown(llama_cloud_client, invoice_file):
    llama_cloud_client.files.delete(invoice_file.id)

    with pytest.raises(llama_cloud.NotFoundError):
        llama_cloud_client.files.retrieve(invoice_file.id)


def test_classify_create_with_inline_configuration_then_get(llama_cloud_client, invoice_file):
    job = llama_cloud_client.classify.create(
        file_input=invoice_file.id, configuration={"rules": RULES}
    )

    assert job.id.startswith("cls-")
    assert job.status in {"PENDING", "RUNNING", "COMPLETED"}
    assert (job.file_input, job.document_input_type) == (invoice_file.id, "file_id")
    done = llama_cloud_client.classify.wait_for_completion(
        job.id, polling_interval=0.02, backoff="constant", timeout=60
    )
    fetched = llama_cloud_client.classify.get(job.id)
    assert fetched.status == "COMPLETED"
    assert fetched.result is not None and fetched.result == done.result
    assert fetched.result.type == "invoice"
    assert 0.5 <= fetched.result.confidence <= 1.0
    assert "invoice" in fetched.result.reasoning


def test_classify_run_returns_a_completed_job_with_type_confidence_and_reasoning(
    llama_cloud_client, pdf_factory
):
    contract = llama_cloud_client.files.create(
        file=("contract.pdf", pdf_factory([CONTRACT_TEXT])), purpose="classify"
    )

    job = llama_cloud_client.classify.run(
        file_input=contract.id, configuration={"rules": RULES}, **FAST_POLL
    )

    assert job.status == "COMPLETED"
    assert job.result.type == "contract"
    assert job.result.confidence > 0.5 and job.result.reasoning


def test_classify_with_a_saved_configuration_id(llama_cloud_client, invoice_file):
    saved = llama_cloud_client.configurations.create(
        name="invoices-vs-contracts",
        parameters={"product_type": "classify_v2", "rules": RULES},
    )

    job = llama_cloud_client.classify.run(
        file_input=invoice_file.id, configuration_id=saved.id, **FAST_POLL
    )

    assert job.configuration_id == saved.id
    assert [rule.type for rule in job.configuration.rules] == ["invoice", "contract"]
    assert job.result.type == "invoice"


def test_parse_then_classify_the_parse_job(llama_cloud_client, pdf_factory):
    document = llama_cloud_client.files.create(
        file=("two-pages.pdf", pdf_factory([CONTRACT_TEXT, INVOICE_TEXT])), purpose="parse"
    )

    parse_job = llama_cloud_client.parsing.create(
        tier="fast", version="latest", file_id=document.id, page_ranges={"target_pages": "2"}
    )
    assert parse_job.id.startswith("pjb-")
    llama_cloud_client.parsing.wait_for_completion(
        parse_job.id, polling_interval=0.02, backoff="constant", timeout=60
    )
    parsed = llama_cloud_client.parsing.get(parse_job.id, expand=["text"])

    assert parsed.job.status == "COMPLETED"
    assert [page.page_number for page in parsed.text.pages] == [2]
    assert "Invoice number 4711" in parsed.text.pages[0].text
    job = llama_cloud_client.classify.run(
        file_input=parse_job.id, configuration={"rules": RULES}, **FAST_POLL
    )
    assert (job.document_input_type, job.result.type) == ("parse_job_id", "invoice")
    deprecated = llama_cloud_client.classify.run(
        parse_job_id=parse_job.id, configuration={"rules": RULES}, **FAST_POLL
    )
    assert deprecated.file_input == parse_job.id and deprecated.result.type == "invoice"


def test_parsing_list_versions_answers_each_tiers_versions(llama_cloud_client):
    versions = llama_cloud_client.parsing.list_versions()
    for tier, dates in PARSE_VERSIONS.items():
        assert getattr(versions, tier) == list(dates), tier
    # A pinned version from the list is accepted for a parse job like "latest".
    parse_job = llama_cloud_client.parsing.create(
        tier="fast", version=versions.fast[0], upload_file=("a.txt", b"some text")
    )
    assert parse_job.tier == "fast"


def test_parsing_create_with_an_upload_reads_its_page_ranges(llama_cloud_client, pdf_factory):
    parse_job = llama_cloud_client.parsing.create(
        tier="fast",
        version="latest",
        upload_file=("three.pdf", pdf_factory(["first page", "second page", "third page"])),
        page_ranges={"max_pages": 2},
    )

    llama_cloud_client.parsing.wait_for_completion(
        parse_job.id, polling_interval=0.02, backoff="constant", timeout=60
    )
    parsed = llama_cloud_client.parsing.get(parse_job.id, expand=["text"])
    assert [page.text.strip() for page in parsed.text.pages] == ["first page", "second page"]
    assert [job.id for job in llama_cloud_client.parsing.list()] == [parse_job.id]
    assert llama_cloud_client.parsing.delete(parse_job.id).id == parse_job.id
    with pytest.raises(llama_cloud.NotFoundError):
        llama_cloud_client.parsing.get(parse_job.id)


def test_classify_list_pages_through_every_job(llama_cloud_client, invoice_file):
    created = [
        llama_cloud_client.classify.create(
            file_input=invoice_file.id, configuration={"rules": RULES}
        ).id
        for _ in range(5)
    ]

    first_page = llama_cloud_client.classify.list(page_size=2)
    pages = list(first_page.iter_pages())
    listed = [job.id for job in llama_cloud_client.classify.list(page_size=2)]

    assert [len(page.items) for page in pages] == [2, 2, 1]
    assert sorted(listed) == sorted(created)
    assert len(set(listed)) == 5
    only_two = llama_cloud_client.classify.list(job_ids=created[:2], page_size=1)
    assert sorted(job.id for job in only_two) == sorted(created[:2])


def test_classify_delete_removes_a_finished_job(llama_cloud_client, invoice_file):
    job = llama_cloud_client.classify.run(
        file_input=invoice_file.id, configuration={"rules": RULES}, **FAST_POLL
    )

    deleted = llama_cloud_client.classify.delete(job.id)

    assert (deleted.id, deleted.project_id) == (job.id, job.project_id)
    with pytest.raises(llama_cloud.NotFoundError):
        llama_cloud_client.classify.get(job.id)


@pytest.fixture
def idle_client(pdf_factory) -> Iterator[Any]:
    """A client over a cloud whose workers never start: jobs stay PENDING."""
    cloud = LocalCloud(None, scorer=KeywordScorer(), start=False)
    with cloud, in_process_client(create_app(cloud)) as client:
        yield client


def test_classify_cancel_stops_a_pending_job_and_then_it_can_be_deleted(idle_client, pdf_factory):
    upload = idle_client.files.create(
        file=("a.pdf", pdf_factory([INVOICE_TEXT])), purpose="user_data"
    )
    job = idle_client.classify.create(file_input=upload.id, configuration={"rules": RULES})

    with pytest.raises(llama_cloud.ConflictError) as conflict:
        idle_client.classify.delete(job.id)
    assert conflict.value.response.headers["x-should-retry"] == "false"
    cancelled = idle_client.classify.cancel(job.id)

    assert cancelled.status == "CANCELLED" and cancelled.result is None
    assert idle_client.classify.get(job.id).status == "CANCELLED"
    assert idle_client.classify.delete(job.id).id == job.id


def test_configurations_create_retrieve_update_list_delete(llama_cloud_client):
    created = llama_cloud_client.configurations.create(
        name="triage", parameters={"product_type": "classify_v2", "rules": RULES[:1]}
    )
    other = llama_cloud_client.configurations.create(
        name="other", parameters={"product_type": "classify_v2", "rules": RULES[1:]}
    )

    assert created.id.startswith("cfg-") and created.product_type == "classify_v2"
    assert llama_cloud_client.configurations.retrieve(created.id) == created
    updated = llama_cloud_client.configurations.update(
        created.id, parameters={"product_type": "classify_v2", "rules": RULES}
    )
    assert [rule.type for rule in updated.parameters.rules] == ["invoice", "contract"]
    assert updated.name == "triage"
    listed = list(llama_cloud_client.configurations.list(page_size=1))
    assert [item.id for item in listed] == [created.id, other.id]
    by_name = list(llama_cloud_client.configurations.list(name="other"))
    assert [item.id for item in by_name] == [other.id]

    llama_cloud_client.configurations.delete(created.id)

    with pytest.raises(llama_cloud.NotFoundError):
        llama_cloud_client.configurations.retrieve(created.id)
    assert [item.id for item in llama_cloud_client.configurations.list()] == [other.id]


def test_an_empty_rules_list_is_unprocessable(llama_cloud_client, invoice_file):
    with pytest.raises(llama_cloud.UnprocessableEntityError) as error:
        llama_cloud_client.classify.create(file_input=invoice_file.id, configuration={"rules": []})

    (item,) = error.value.body["detail"]
    assert item["loc"] == ["body", "configuration", "rules"]
    assert item["type"] == "too_short"


def test_a_nine_character_description_is_unprocessable(llama_cloud_client, invoice_file):
    rules = [{"type": "invoice", "description": "123456789"}]

    with pytest.raises(llama_cloud.UnprocessableEntityError) as error:
        llama_cloud_client.classify.create(
            file_input=invoice_file.id, configuration={"rules": rules}
        )

    (item,) = error.value.body["detail"]
    assert item["loc"] == ["body", "configuration", "rules", 0, "description"]
    assert item["input"] == "123456789"
    with pytest.raises(llama_cloud.UnprocessableEntityError):
        llama_cloud_client.configurations.create(
            name="short", parameters={"product_type": "classify_v2", "rules": rules}
        )


def test_an_unknown_job_is_not_found_and_the_message_names_it(llama_cloud_client):
    with pytest.raises(llama_cloud.NotFoundError) as error:
        llama_cloud_client.classify.get("cls-00000000-0000-0000-0000-000000000000")

    assert "cls-00000000-0000-0000-0000-000000000000" in error.value.body["detail"]


def test_a_wrong_api_key_is_an_authentication_error(pdf_factory):
    with LocalCloud(None, scorer=KeywordScorer()) as cloud:
        app = create_app(cloud, api_keys=["key-one", "key-two"])
        with in_process_client(app, api_key="not-a-key") as intruder:
            with pytest.raises(llama_cloud.AuthenticationError):
                intruder.classify.list()
            with pytest.raises(llama_cloud.AuthenticationError):
                intruder.files.create(file=pdf_factory([INVOICE_TEXT]), purpose="classify")
        with in_process_client(app, api_key="key-two") as member:
            assert list(member.classify.list()) == []


def test_the_real_sdk_sends_null_for_explicit_none_and_it_is_accepted(
    llama_cloud_client, invoice_file
):
    job = llama_cloud_client.classify.run(
        file_input=invoice_file.id,
        configuration={
            "rules": RULES,
            "mode": None,
            "parsing_configuration": {"lang": None, "target_pages": None, "max_pages": None},
        },
        configuration_id=None,
        parse_job_id=None,
        transaction_id=None,
        **FAST_POLL,
    )

    assert job.result.type == "invoice"


def test_a_reused_transaction_id_returns_the_original_job(llama_cloud_client, invoice_file):
    first = llama_cloud_client.classify.create(
        file_input=invoice_file.id, configuration={"rules": RULES}, transaction_id="tx-1"
    )
    again = llama_cloud_client.classify.create(
        file_input=invoice_file.id, configuration={"rules": RULES[:1]}, transaction_id="tx-1"
    )

    assert again.id == first.id
    assert len(again.configuration.rules) == 2


def test_project_id_scopes_what_a_client_sees(llama_cloud_client, invoice_pdf):
    mine = llama_cloud_client.files.create(
        file=invoice_pdf, purpose="classify", project_id="prj-a", organization_id="org-1"
    )

    assert mine.project_id == "prj-a"
    assert [file.id for file in llama_cloud_client.files.list(project_id="prj-a")] == [mine.id]
    assert list(llama_cloud_client.files.list(project_id="prj-b")) == []
    with pytest.raises(llama_cloud.NotFoundError):
        llama_cloud_client.files.retrieve(mine.id, project_id="prj-b")


@pytest.mark.anyio
async def test_the_async_client_runs_a_job_to_completion(async_llama_cloud_client, invoice_pdf):
    upload = await async_llama_cloud_client.files.create(file=invoice_pdf, purpose="classify")

    job = await async_llama_cloud_client.classify.run(
        file_input=upload.id, configuration={"rules": RULES}, **FAST_POLL
    )

    assert job.status == "COMPLETED" and job.result.type == "invoice"
    with pytest.raises(llama_cloud.NotFoundError):
        await async_llama_cloud_client.classify.get("cls-missing")


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
