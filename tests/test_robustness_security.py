"""Hostile file names, keys on every route, projects kept apart, nothing private in the logs."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")

from conftest import make_pdf  # noqa: E402
from offline_classify import KeywordScorer, LocalCloud  # noqa: E402
from offline_classify.server import create_app  # noqa: E402
from offline_classify.testing import in_process_http  # noqa: E402

KEY = "sk-offline-robustness-7f3a9c"
PARSE = {"tier": "fast", "version": "latest"}
RULES = [{"type": "invoice", "description": "an invoice with a number and a total amount due"}]
SECRET_TEXT = "Xylophonequartz"
HOSTILE_NAMES = [
    "../../etc/passwd",
    "../../../../../../tmp/escape.pdf",
    "/etc/shadow",
    "..\\..\\windows\\system32\\config.pdf",
    "sub/dir/report.pdf",
    "..",
    ".",
    "files/../offline-classify.sqlite3",
    "dfl-00000000-0000-0000-0000-000000000000",
    "名前 with spaces & ampersands.pdf",
    "a" * 250 + ".pdf",
]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def cloud(data_dir: Path) -> Iterator[LocalCloud]:
    with LocalCloud(data_dir, scorer=KeywordScorer(), ocr=False) as local:
        yield local


@pytest.fixture
def app(cloud: LocalCloud) -> Any:
    return create_app(cloud, api_keys=[KEY, "second-key"])


@pytest.fixture
def http(app: Any) -> Iterator[Any]:
    with in_process_http(app) as client:
        client.headers["authorization"] = f"Bearer {KEY}"
        yield client


def _wait(http: Any, job_id: str, project: str | None = None) -> dict[str, Any]:
    params = {"project_id": project} if project else {}
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        job = http.get(f"/api/v2/classify/{job_id}", params=params).json()
        if job["status"] in ("COMPLETED", "FAILED", "CANCELLED"):
            return job
        time.sleep(0.02)
    raise AssertionError(f"{job_id} did not finish")


def _tree(root: Path) -> set[str]:
    return {str(path.relative_to(root)) for path in root.rglob("*")}


# --- file names are data, never paths ---------------------------------------------------------


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_hostile_file_name_is_stored_as_given_and_never_touches_the_disk(
    http, cloud, data_dir, tmp_path, name
) -> None:
    before = _tree(tmp_path)
    content = make_pdf(["INVOICE number 7, total amount due 12 EUR"])

    uploaded = http.post(
        "/api/v1/beta/files", files={"file": (name, content)}, data={"purpose": "classify"}
    )

    assert uploaded.status_code == 201, uploaded.text
    file = uploaded.json()
    assert file["name"] == name
    assert http.get(f"/api/v1/beta/files/{file['id']}").json()["name"] == name
    listed = http.get("/api/v1/beta/files", params={"file_name": name}).json()
    assert [item["id"] for item in listed["items"]] == [file["id"]]
    # The bytes live under the generated id only; nothing appeared anywhere else.
    assert sorted(p.name for p in (data_dir / "files").iterdir()) == [file["id"]]
    journal = {f"data/offline-classify.sqlite3-{suffix}" for suffix in ("wal", "shm")}
    assert _tree(tmp_path) - before <= {f"data/files/{file['id']}"} | journal
    url = http.get(f"/api/v1/beta/files/{file['id']}/content").json()["url"]
    download = http.get(url)
    assert download.content == content
    assert download.headers["content-disposition"].endswith(quote(name, safe=""))
    job = http.post(
        "/api/v2/classify", json={"file_input": file["id"], "configuration": {"rules": RULES}}
    ).json()
    assert _wait(http, job["id"])["status"] == "COMPLETED"


def test_the_service_keeps_hostile_names_out_of_paths_too(cloud, data_dir) -> None:
    for name in HOSTILE_NAMES:
        file = cloud.create_file(b"some text", name=name)
        assert cloud.get_file(file.id).name == name
        assert cloud.read_file_content(file.id)[1] == b"some text"
    stored = {path.name for path in (data_dir / "files").iterdir()}
    assert all(re.fullmatch(r"dfl-[0-9a-f-]{36}", name) for name in stored), stored
    assert not (data_dir.parent / "tmp").exists() and not (data_dir / "etc").exists()


# --- authentication on every route but /health --------------------------------------------------


def _routes(routes: list[Any]) -> Iterator[tuple[str, str]]:
    """Every (method, path) the application serves, including included routers'."""
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            yield from _routes(inner.routes)
        elif hasattr(route, "methods") and hasattr(route, "path"):
            for method in route.methods - {"HEAD"}:
                yield method, route.path


def _concrete(path: str) -> str:
    ids = {"{job_id}": "cls-1", "{file_id}": "dfl-1", "{config_id}": "cfg-1"}
    for placeholder, value in ids.items():
        path = path.replace(placeholder, value)
    return path


def test_every_route_but_health_needs_a_key(app) -> None:
    routes = sorted(set(_routes(app.routes)))
    assert len(routes) >= 20, routes  # the cloud's routes, the docs, health and downloads
    with in_process_http(app) as client:
        for method, path in routes:
            url = _concrete(path)
            if path == "/health":
                assert client.request(method, url).status_code == 200
                continue
            if path.startswith("/local/files/"):
                # The presigned download carries an HMAC signature instead of the bearer.
                assert client.request(method, url).status_code == 403, path
                continue
            for headers in ({}, {"authorization": "Bearer wrong"}, {"authorization": KEY}):
                answer = client.request(method, url, headers=headers)
                assert answer.status_code == 401, (method, path, headers, answer.status_code)
                assert answer.headers["www-authenticate"] == "Bearer"
            authorized = client.request(method, url, headers={"authorization": f"Bearer {KEY}"})
            assert authorized.status_code != 401, (method, path)


def test_a_download_url_cannot_be_forged_or_moved_to_another_file(http) -> None:
    first = http.post(
        "/api/v1/beta/files", files={"file": ("a.txt", b"first")}, data={"purpose": "classify"}
    ).json()["id"]
    second = http.post(
        "/api/v1/beta/files", files={"file": ("b.txt", b"second")}, data={"purpose": "classify"}
    ).json()["id"]
    url = http.get(f"/api/v1/beta/files/{first}/content").json()["url"]
    del http.headers["authorization"]

    assert http.get(url).content == b"first"
    assert http.get(url.replace(first, second)).status_code == 403
    assert http.get(re.sub(r"signature=[0-9a-f]+", "signature=" + "0" * 64, url)).status_code == 403


# --- one project cannot reach another's objects --------------------------------------------------


def test_a_project_cannot_read_list_cancel_or_delete_another_projects_objects(http) -> None:
    owner, intruder = {"project_id": "prj-owner"}, {"project_id": "prj-intruder"}
    file_id = http.post(
        "/api/v1/beta/files",
        params=owner,
        files={"file": ("private.txt", b"INVOICE number 9 total amount due")},
        data={"purpose": "classify"},
    ).json()["id"]
    config_id = http.post(
        "/api/v1/beta/configurations",
        params=owner,
        json={"name": "private", "parameters": {"product_type": "classify_v2", "rules": RULES}},
    ).json()["id"]
    job_id = http.post(
        "/api/v2/classify",
        params=owner,
        json={"file_input": file_id, "configuration_id": config_id},
    ).json()["id"]
    parse_id = http.post("/api/v2/parse", params=owner, json={"file_id": file_id, **PARSE}).json()[
        "id"
    ]
    _wait(http, job_id, "prj-owner")

    attempts = [
        ("get", f"/api/v1/beta/files/{file_id}", None),
        ("get", f"/api/v1/beta/files/{file_id}/content", None),
        ("delete", f"/api/v1/beta/files/{file_id}", None),
        ("get", f"/api/v2/classify/{job_id}", None),
        ("post", f"/api/v2/classify/{job_id}/cancel", None),
        ("delete", f"/api/v2/classify/{job_id}", None),
        ("get", f"/api/v2/parse/{parse_id}", None),
        ("delete", f"/api/v2/parse/{parse_id}", None),
        ("get", f"/api/v1/beta/configurations/{config_id}", None),
        ("put", f"/api/v1/beta/configurations/{config_id}", {"name": "stolen"}),
        ("delete", f"/api/v1/beta/configurations/{config_id}", None),
        # Using the owner's ids as inputs from the other project is just as unknown.
        ("post", "/api/v2/classify", {"file_input": file_id, "configuration": {"rules": RULES}}),
        ("post", "/api/v2/classify", {"file_input": parse_id, "configuration": {"rules": RULES}}),
        ("post", "/api/v2/classify", {"file_input": file_id, "configuration_id": config_id}),
        ("post", "/api/v2/parse", {"file_id": file_id, **PARSE}),
    ]
    for method, path, body in attempts:
        answer = http.request(method, path, params=intruder, json=body)
        assert answer.status_code == 404, (method, path, answer.status_code, answer.text)
    for listing in ("/api/v1/beta/files", "/api/v2/classify", "/api/v2/parse"):
        assert http.get(listing, params=intruder).json()["items"] == [], listing
    assert http.get("/api/v1/beta/configurations", params=intruder).json()["items"] == []

    # The owner still has everything, unchanged.
    assert http.get(f"/api/v1/beta/files/{file_id}", params=owner).status_code == 200
    assert http.get(f"/api/v2/classify/{job_id}", params=owner).json()["status"] == "COMPLETED"
    assert http.get(f"/api/v2/parse/{parse_id}", params=owner).status_code == 200
    config = http.get(f"/api/v1/beta/configurations/{config_id}", params=owner).json()
    assert config["name"] == "private"


# --- logs ----------------------------------------------------------------------------------------


def test_no_key_or_document_text_reaches_the_logs(cloud, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    app = create_app(cloud, api_keys=[KEY])
    document = f"INVOICE number 5. {SECRET_TEXT} total amount due 40 EUR.".encode()
    with in_process_http(app) as http:
        http.headers["authorization"] = f"Bearer {KEY}"
        text_file = http.post(
            "/api/v1/beta/files",
            files={"file": ("note.txt", document)},
            data={"purpose": "classify"},
        ).json()["id"]
        pdf_file = http.post(
            "/api/v1/beta/files",
            files={"file": ("scan.pdf", make_pdf([SECRET_TEXT * 3])[:300])},
            data={"purpose": "classify"},
        ).json()["id"]
        jobs = [
            http.post(
                "/api/v2/classify",
                json={"file_input": file_id, "configuration": {"rules": RULES}},
            ).json()["id"]
            for file_id in (text_file, pdf_file)
        ]
        statuses = [_wait(http, job_id)["status"] for job_id in jobs]
        parse = http.post("/api/v2/parse", json={"file_id": text_file, **PARSE}).json()["id"]
        time.sleep(0.2)
        http.get(f"/api/v2/parse/{parse}", params={"expand": ["text_full"]})
        http.get("/api/v2/classify", headers={"authorization": f"Bearer {KEY}-wrong"})

    assert statuses == ["COMPLETED", "FAILED"]
    logged = caplog.text + "".join(repr(record.args) for record in caplog.records)
    assert KEY not in logged
    assert SECRET_TEXT.lower() not in logged.lower()
