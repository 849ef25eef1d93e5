"""The HTTP layer itself: authentication, error shapes, size limits, the OpenAPI document."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")
httpx = pytest.importorskip("httpx", reason="the server extra is not installed")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from offline_classify.scoring import KeywordScorer  # noqa: E402
from offline_classify.server import create_app  # noqa: E402
from offline_classify.service import LocalCloud  # noqa: E402
from offline_classify.testing import in_process_http, serve_in_thread  # noqa: E402

REFERENCE = Path(__file__).resolve().parents[1].parent / "shared" / "reference"
RULES = [{"type": "invoice", "description": "An invoice with a number and a total amount due"}]
CLOUD_ROUTES = {
    ("post", "/api/v1/beta/files/query"),
    ("post", "/api/v2/classify"),
    ("get", "/api/v2/classify"),
    ("get", "/api/v2/classify/{job_id}"),
    ("delete", "/api/v2/classify/{job_id}"),
    ("post", "/api/v2/classify/{job_id}/cancel"),
    ("post", "/api/v1/beta/files"),
    ("get", "/api/v1/beta/files"),
    ("get", "/api/v1/beta/files/{file_id}"),
    ("delete", "/api/v1/beta/files/{file_id}"),
    ("get", "/api/v1/beta/files/{file_id}/content"),
    ("post", "/api/v2/parse"),
    ("post", "/api/v2/parse/upload"),
    ("get", "/api/v2/parse"),
    ("get", "/api/v2/parse/versions"),
    ("get", "/api/v2/parse/{job_id}"),
    ("delete", "/api/v2/parse/{job_id}"),
    ("post", "/api/v2/parse/{job_id}/cancel"),
    ("post", "/api/v1/beta/configurations"),
    ("get", "/api/v1/beta/configurations"),
    ("get", "/api/v1/beta/configurations/{config_id}"),
    ("put", "/api/v1/beta/configurations/{config_id}"),
    ("delete", "/api/v1/beta/configurations/{config_id}"),
}


@pytest.fixture
def cloud() -> Iterator[LocalCloud]:
    with LocalCloud(None, scorer=KeywordScorer(), max_file_bytes=4096) as local:
        yield local


@pytest.fixture
def http(cloud: LocalCloud) -> Iterator[Any]:
    with in_process_http(create_app(cloud)) as client:
        yield client


@pytest.fixture
def guarded(cloud: LocalCloud) -> Iterator[Any]:
    with in_process_http(create_app(cloud, api_keys=["key-one", "key-two"])) as client:
        yield client


def _upload(http: Any, content: bytes = b"plain text about an invoice", name: str = "a.txt"):
    return http.post(
        "/api/v1/beta/files", files={"file": (name, content)}, data={"purpose": "classify"}
    )


# --- authentication -------------------------------------------------------------------------


def test_health_needs_no_key_even_when_keys_are_configured(guarded):
    answer = guarded.get("/health")

    assert answer.status_code == 200 and answer.json()["status"] == "ok"


@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer", "Bearer wrong", "Basic a2V5LW9uZQ==", "key-one", "Bearer key-one-and-more"],
)
def test_a_missing_or_wrong_key_is_refused_with_401(guarded, authorization):
    headers = {"authorization": authorization} if authorization else {}

    answer = guarded.get("/api/v2/classify", headers=headers)

    assert answer.status_code == 401
    assert isinstance(answer.json()["detail"], str)
    assert answer.headers["www-authenticate"] == "Bearer"


def test_every_configured_key_is_accepted_and_the_scheme_is_case_insensitive(guarded):
    for authorization in ("Bearer key-one", "bearer key-two"):
        answer = guarded.get("/api/v2/classify", headers={"authorization": authorization})
        assert answer.status_code == 200, authorization


def test_an_unauthenticated_upload_is_refused_before_it_is_stored(guarded, cloud):
    answer = _upload(guarded)

    assert answer.status_code == 401
    assert cloud.list_files().total_size == 0


def test_an_open_server_accepts_any_bearer(http):
    assert http.get("/api/v2/classify", headers={"authorization": "Bearer x"}).is_success
    assert http.get("/api/v2/classify").is_success


def test_an_open_server_warns_when_it_starts_and_a_guarded_one_does_not(cloud, caplog):
    with caplog.at_level(logging.WARNING, logger="offline_classify.server"):
        with serve_in_thread(create_app(cloud, api_keys=["key"])):
            pass
        assert "accepts any bearer token" not in caplog.text
        with serve_in_thread(create_app(cloud)):
            pass

    assert "accepts any bearer token" in caplog.text


# --- validation and error shapes ---------------------------------------------------------------


def _assert_validation_shape(answer: Any) -> list[dict[str, Any]]:
    assert answer.status_code == 422
    detail = answer.json()["detail"]
    assert isinstance(detail, list) and detail
    for item in detail:
        assert {"type", "loc", "msg", "input"} <= set(item)
    return detail


def test_malformed_json_is_a_422_with_the_cloud_shape(http):
    answer = http.post(
        "/api/v2/classify", content=b'{"file_input": ', headers={"content-type": "application/json"}
    )

    (item,) = _assert_validation_shape(answer)
    assert item["type"] == "json_invalid"


def test_a_bad_query_parameter_is_a_422_located_in_the_query(http):
    detail = _assert_validation_shape(http.get("/api/v2/classify", params={"status": "DONE"}))

    assert detail[0]["loc"] == ["query", "status"]
    assert http.get("/api/v2/classify", params={"page_size": 0}).status_code == 422
    forged = _assert_validation_shape(http.get("/api/v2/classify", params={"page_token": "zzz"}))
    assert forged[0]["loc"] == ["query"] and "page_token" in forged[0]["msg"]


def test_nulls_and_unknown_fields_are_accepted(http):
    file_id = _upload(http).json()["id"]
    body = {
        "file_input": file_id,
        "configuration": {"rules": RULES, "mode": None, "parsing_configuration": None},
        "configuration_id": None,
        "webhook_configurations": None,
        "transaction_id": None,
        "a_field_from_a_newer_sdk": {"nested": True},
    }

    answer = http.post("/api/v2/classify", json=body, params={"organization_id": "org-x"})

    assert answer.status_code == 200, answer.text
    assert answer.json()["configuration"]["mode"] == "FAST"


def test_a_request_without_an_input_is_a_422_that_says_so(http):
    detail = _assert_validation_shape(
        http.post("/api/v2/classify", json={"configuration": {"rules": RULES}})
    )

    assert "file_input" in detail[0]["msg"]


def test_unknown_ids_are_404_with_a_message_naming_them(http):
    for path in (
        "/api/v2/classify/cls-nope",
        "/api/v1/beta/files/dfl-nope",
        "/api/v2/parse/pjb-nope",
        "/api/v1/beta/configurations/cfg-nope",
    ):
        answer = http.get(path)
        assert answer.status_code == 404, path
        assert path.rsplit("/", 1)[1] in answer.json()["detail"]


def test_deleting_a_running_job_is_a_409_the_sdk_does_not_retry(cloud):
    idle = LocalCloud(None, scorer=KeywordScorer(), start=False)
    with idle, in_process_http(create_app(idle)) as client:
        file_id = _upload(client).json()["id"]
        job = client.post(
            "/api/v2/classify", json={"file_input": file_id, "configuration": {"rules": RULES}}
        ).json()

        answer = client.delete(f"/api/v2/classify/{job['id']}")

    assert answer.status_code == 409
    assert isinstance(answer.json()["detail"], str)
    assert answer.headers["x-should-retry"] == "false"


def test_deletes_answer_204_without_a_body(http):
    file_id = _upload(http).json()["id"]
    config = http.post(
        "/api/v1/beta/configurations",
        json={"name": "c", "parameters": {"product_type": "classify_v2", "rules": RULES}},
    )
    assert config.status_code == 201

    for path in (
        f"/api/v1/beta/files/{file_id}",
        f"/api/v1/beta/configurations/{config.json()['id']}",
    ):
        answer = http.delete(path)
        assert (answer.status_code, answer.content) == (204, b""), path


def test_parse_from_a_url_is_refused_because_nothing_is_fetched_offline(http):
    detail = _assert_validation_shape(
        http.post(
            "/api/v2/parse",
            json={"tier": "fast", "version": "latest", "source_url": "https://example.com/a.pdf"},
        )
    )

    assert "offline" in detail[0]["msg"]


def test_parse_upload_validates_its_configuration_string(http):
    missing_tier = http.post(
        "/api/v2/parse/upload",
        files={"file": ("a.txt", b"some text")},
        data={"configuration": json.dumps({"version": "latest"})},
    )
    not_json = http.post(
        "/api/v2/parse/upload",
        files={"file": ("a.txt", b"some text")},
        data={"configuration": "{tier: fast"},
    )

    assert _assert_validation_shape(missing_tier)[0]["loc"] == ["body", "configuration", "tier"]
    assert _assert_validation_shape(not_json)[0]["loc"][:2] == ["body", "configuration"]


def test_an_unexpected_failure_is_a_500_without_internals(cloud):
    class BrokenCloud(LocalCloud):
        def get_classify_job(self, *args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("secret internals at /srv/db.sqlite3")

    broken = BrokenCloud(None, scorer=KeywordScorer(), start=False)
    with broken, in_process_http(create_app(broken)) as client:
        answer = client.get("/api/v2/classify/cls-any")

    assert answer.status_code == 500
    assert answer.headers["x-should-retry"] == "false"
    assert "secret" not in answer.text and "Traceback" not in answer.text
    assert isinstance(answer.json()["detail"], str)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    body=st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda children: (
            st.lists(children, max_size=3)
            | st.dictionaries(
                st.sampled_from(
                    ["configuration", "rules", "type", "description", "file_input", "mode", "x"]
                ),
                children,
                max_size=4,
            )
        ),
        max_leaves=12,
    )
)
def test_arbitrary_json_never_causes_a_server_error(http, body):
    for path in ("/api/v2/classify", "/api/v1/beta/configurations", "/api/v2/parse"):
        answer = http.post(path, json=body)
        assert answer.status_code < 500, (path, body, answer.text)


def test_every_request_the_sdk_was_seen_sending_gets_a_cloud_shaped_answer(http):
    capture = REFERENCE / "llama-cloud-2.19.0-requests.jsonl"
    if not capture.is_file():
        pytest.skip(f"the captured SDK requests are not at {capture}")
    statuses = []
    for line in capture.read_text().splitlines():
        sent = json.loads(line)
        headers = {k: v for k, v in sent["headers"].items() if k.lower() != "content-type"}
        if sent["body"].startswith("--"):
            # The capture elides the boundary in the header; the body still has it.
            boundary = sent["body"].split("\r\n", 1)[0][2:]
            headers["content-type"] = f"multipart/form-data; boundary={boundary}"
        elif sent["body"]:
            headers["content-type"] = "application/json"
        answer = http.request(
            sent["method"],
            sent["path"],
            params=sent["query"],
            headers=headers,
            content=sent["body"].encode(),
        )
        statuses.append(answer.status_code)
        if answer.status_code == 422:
            _assert_validation_shape(answer)
        elif answer.status_code >= 400:
            assert isinstance(answer.json()["detail"], str), answer.text

    # The capture's ids (dfl-2222, cls-abc...) name nothing here, so most answers are 404.
    # The upload succeeds and the filtered list is an empty page; 422 for the page token
    # this server never issued, the one-letter rule descriptions and the empty rules.
    ok, missing, invalid = 201, 404, 422
    assert statuses[:8] == [ok, missing, missing, missing, missing, missing, missing, 200]
    assert statuses[8:12] == [invalid, invalid, missing, invalid]
    assert statuses[12:] == [missing, missing, missing, invalid, missing, missing, invalid]


# --- size limits --------------------------------------------------------------------------------


def test_an_upload_over_the_file_size_limit_is_413_and_nothing_is_stored(http, cloud):
    answer = _upload(http, b"x" * 5000)

    assert answer.status_code == 413
    assert isinstance(answer.json()["detail"], str)
    assert cloud.list_files().total_size == 0


def test_a_declared_content_length_over_the_limit_is_refused_before_reading(cloud):
    with in_process_http(create_app(cloud, max_json_bytes=100)) as client:
        answer = client.post(
            "/api/v2/classify", json={"file_input": "dfl-x", "configuration": {"rules": RULES}}
        )

    assert answer.status_code == 413
    assert "100 bytes" in answer.json()["detail"]


def test_a_streamed_body_without_a_length_is_counted_and_refused(cloud):
    def chunks() -> Iterator[bytes]:
        for _ in range(10):
            yield b" " * 50

    with in_process_http(create_app(cloud, max_json_bytes=100)) as client:
        answer = client.post(
            "/api/v2/classify", content=chunks(), headers={"content-type": "application/json"}
        )

    assert answer.status_code == 413


# --- documentation and downloads ------------------------------------------------------------------


def test_the_openapi_document_lists_every_cloud_route(http):
    document = http.get("/openapi.json").json()

    served = {(method, path) for path, item in document["paths"].items() for method in item}
    assert CLOUD_ROUTES.issubset(served)


def test_the_cloud_routes_are_the_reference_routes():
    reference_path = REFERENCE / "llamacloud-openapi-subset.json"
    if not reference_path.is_file():
        pytest.skip(f"the reference OpenAPI is not at {reference_path}")
    reference = json.loads(reference_path.read_text())
    documented = {(method, path) for path, item in reference["paths"].items() for method in item}

    # The DELETE routes of jobs are missing from the subset; the SDK calls them.
    assert CLOUD_ROUTES - documented == {
        ("delete", "/api/v2/classify/{job_id}"),
        ("delete", "/api/v2/parse/{job_id}"),
    }


def test_presigned_urls_expire_and_cannot_be_reused_for_another_file(http):
    first = _upload(http, b"first file").json()["id"]
    second = _upload(http, b"second file").json()["id"]

    url = httpx.URL(http.get(f"/api/v1/beta/files/{first}/content").json()["url"])
    assert http.get(url).content == b"first file"

    other_file = url.copy_with(path=url.path.replace(first, second))
    expired = url.copy_merge_params({"expires": "1"})
    other_project = url.copy_merge_params({"project": "prj-other"})
    assert http.get(other_file).status_code == 403
    assert http.get(expired).status_code == 403
    assert http.get(other_project).status_code == 403


def test_presigned_url_downloads_a_file_of_another_project_than_the_default(http):
    uploaded = http.post(
        "/api/v1/beta/files",
        params={"project_id": "prj-team"},
        files={"file": ("team.txt", b"team file", "text/plain")},
        data={"purpose": "classify"},
    )
    file_id = uploaded.json()["id"]
    content = http.get(f"/api/v1/beta/files/{file_id}/content", params={"project_id": "prj-team"})
    assert http.get(httpx.URL(content.json()["url"])).content == b"team file"


def test_file_with_download_url_expanded_carries_a_working_url(http):
    file_id = _upload(http, b"expanded").json()["id"]
    answer = http.get(f"/api/v1/beta/files/{file_id}", params={"expand": ["download_url"]})
    assert answer.status_code == 200
    assert http.get(httpx.URL(answer.json()["download_url"]["url"])).content == b"expanded"


def test_an_absurd_url_lifetime_is_a_422_not_a_500(http):
    file_id = _upload(http).json()["id"]
    answer = http.get(
        f"/api/v1/beta/files/{file_id}/content", params={"expires_at_seconds": 10**14}
    )
    assert answer.status_code == 422
