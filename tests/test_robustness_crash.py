"""A server killed with SIGKILL loses nothing it accepted.

``offline-classify serve`` runs as a real process on 127.0.0.1 with a data folder and a
tiny random-weight cross-encoder. Files are uploaded and classify jobs queued, each with
a ``transaction_id``; while some jobs are RUNNING and others still PENDING the process is
killed outright. A new server on the same folder must bring every accepted job to a
terminal state, once: re-sending the creates returns the same jobs, the listing holds
exactly one job per key, and every uploaded file still downloads byte for byte.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import THREE_CLASS, build_nli_checkpoint
from offline_classify.testing import ServeProcess

httpx = pytest.importorskip("httpx", reason="the server extra is not installed")
pytest.importorskip("uvicorn", reason="the server extra is not installed")

RULES = [
    {"type": "invoice", "description": "an invoice with a number and a total amount"},
    {"type": "contract", "description": "a contract with terms that are signed"},
    {"type": "report", "description": "a report of a meeting with minutes and an agenda"},
]
JOBS = 16
STARTUP_S = 120.0


def _document(number: int) -> bytes:
    # Long enough (about 80 windows) that jobs are still queued and running at the kill.
    page = f"invoice number {number} total amount due this page contains the terms " * 40
    return "\f".join(page for _ in range(10)).encode()


def start_server(data_dir: Path, model: Path) -> ServeProcess:
    environment = {**os.environ, "OMP_NUM_THREADS": "1"}
    environment.pop("OFFLINE_CLASSIFY_API_KEY", None)
    arguments = ["--data-dir", str(data_dir), "--model", str(model), "--workers", "2"]
    return ServeProcess(arguments, env=environment, startup_timeout=STARTUP_S)


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_nli_checkpoint(tmp_path_factory.mktemp("crash-model"), THREE_CLASS)


@pytest.fixture
def servers() -> Iterator[list[ServeProcess]]:
    started: list[ServeProcess] = []
    yield started
    for server in started:
        server.kill()


def _create(client: Any, index: int, file_id: str) -> dict[str, Any]:
    answer = client.post(
        "/api/v2/classify",
        json={
            "file_input": file_id,
            "configuration": {"rules": RULES},
            "transaction_id": f"crash-{index}",
        },
    )
    assert answer.status_code == 200, answer.text
    return answer.json()


def _all_jobs(client: Any) -> list[dict[str, Any]]:
    listing = client.get("/api/v2/classify", params={"page_size": 100}).json()
    assert listing["next_page_token"] is None
    return listing["items"]


@pytest.mark.slow
def test_every_accepted_job_survives_a_sigkill_once_and_files_stay_readable(
    tmp_path: Path, tiny_model: Path, servers: list[ServeProcess]
) -> None:
    data_dir = tmp_path / "data"
    first = start_server(data_dir, tiny_model)
    servers.append(first)
    documents = {f"doc-{n}.txt": _document(n) for n in range(6)}
    with httpx.Client(base_url=first.base_url, timeout=30) as client:
        files = {}
        for name, content in documents.items():
            answer = client.post(
                "/api/v1/beta/files", files={"file": (name, content)}, data={"purpose": "classify"}
            )
            assert answer.status_code == 201, answer.text
            files[answer.json()["id"]] = content
        file_ids = list(files)
        accepted = {
            index: _create(client, index, file_ids[index % len(file_ids)])["id"]
            for index in range(JOBS)
        }
        # Kill while at least one job is running and others still wait their turn.
        deadline = time.monotonic() + 120
        while True:
            statuses = [job["status"] for job in _all_jobs(client)]
            if "RUNNING" in statuses and "PENDING" in statuses and "COMPLETED" in statuses:
                break
            assert "PENDING" in statuses, f"every job ran before the kill: {statuses}"
            assert time.monotonic() < deadline, statuses
            time.sleep(0.02)
    first.kill()
    assert statuses.count("RUNNING") >= 1 and statuses.count("PENDING") >= 1

    second = start_server(data_dir, tiny_model)
    servers.append(second)
    with httpx.Client(base_url=second.base_url, timeout=30) as client:
        # Re-sending every create after the restart returns the original job.
        for index, job_id in accepted.items():
            assert _create(client, index, file_ids[index % len(file_ids)])["id"] == job_id
        deadline = time.monotonic() + 300
        jobs = _all_jobs(client)
        while any(job["status"] in ("PENDING", "RUNNING") for job in jobs):
            assert time.monotonic() < deadline, [job["status"] for job in jobs]
            time.sleep(0.1)
            jobs = _all_jobs(client)

        assert sorted(job["id"] for job in jobs) == sorted(accepted.values())
        assert sorted(job["transaction_id"] for job in jobs) == sorted(
            f"crash-{index}" for index in range(JOBS)
        )
        assert {job["status"] for job in jobs} == {"COMPLETED"}, [
            (job["status"], job["error_message"]) for job in jobs
        ]
        # The same document gives the same result, whether or not its job was interrupted.
        by_file: dict[str, set[str]] = {}
        for job in jobs:
            by_file.setdefault(job["file_input"], set()).add(repr(job["result"]))
        assert all(len(results) == 1 for results in by_file.values()), by_file

        for file_id, content in files.items():
            url = client.get(f"/api/v1/beta/files/{file_id}/content").json()["url"]
            assert client.get(url).content == content
        assert client.get("/api/v1/beta/files").json()["total_size"] == len(files)
