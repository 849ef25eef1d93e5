"""The server on a real socket: the SDK over TCP, the example script, ``offline-classify serve``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

llama_cloud = pytest.importorskip("llama_cloud", reason="the llama-cloud SDK is not installed")
httpx = pytest.importorskip("httpx", reason="the server extra is not installed")
pytest.importorskip("uvicorn", reason="the server extra is not installed")

from offline_classify.scoring import KeywordScorer  # noqa: E402
from offline_classify.server import create_app  # noqa: E402
from offline_classify.service import LocalCloud  # noqa: E402
from offline_classify.testing import ServeProcess, serve_in_thread  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "sdk_against_local_server.py"
INVOICE_TEXT = "Invoice number 4711\nLine items: consulting, 3 hours\nTotal amount due: 450 EUR"
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


@pytest.fixture
def live_url() -> Iterator[str]:
    with LocalCloud(None, scorer=KeywordScorer()) as cloud:
        app = create_app(cloud, api_keys=["live-key"])
        with serve_in_thread(app) as base_url:
            yield base_url


@pytest.fixture
def invoice_pdf(pdf_factory, tmp_path: Path) -> Path:
    path = tmp_path / "invoice.pdf"
    path.write_bytes(pdf_factory([INVOICE_TEXT]))
    return path


def test_the_sdk_over_tcp_uploads_classifies_and_downloads(live_url, invoice_pdf):
    client = llama_cloud.LlamaCloud(api_key="live-key", base_url=live_url)

    uploaded = client.files.create(file=invoice_pdf, purpose="classify")
    job = client.classify.run(
        file_input=uploaded.id,
        configuration={"rules": RULES},
        polling_interval=0.05,
        backoff="constant",
        polling_timeout=60,
    )
    presigned = client.files.content(uploaded.id)

    assert job.status == "COMPLETED" and job.result.type == "invoice"
    assert presigned.url.startswith(live_url)
    # A presigned URL needs no bearer key, as in the cloud; a tampered one is refused.
    assert httpx.get(presigned.url).content == invoice_pdf.read_bytes()
    tampered = presigned.url.replace("signature=", "signature=0")
    assert httpx.get(tampered).status_code == 403
    intruder = llama_cloud.LlamaCloud(api_key="guess", base_url=live_url, max_retries=0)
    with pytest.raises(llama_cloud.AuthenticationError):
        intruder.files.list()


def test_the_example_script_runs_unchanged_against_a_live_server(live_url, invoice_pdf):
    environment = {
        **os.environ,
        "LLAMA_CLOUD_BASE_URL": live_url,
        "LLAMA_CLOUD_API_KEY": "live-key",
    }

    finished = subprocess.run(
        [sys.executable, str(EXAMPLE), str(invoice_pdf)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert finished.returncode == 0, finished.stderr
    job = json.loads(finished.stdout)
    assert job["status"] == "COMPLETED"
    assert job["result"]["type"] == "invoice"
    assert job["result"]["confidence"] > 0.5 and job["result"]["reasoning"]


def test_the_local_cloud_url_fixture_points_a_default_client_at_the_server(
    local_cloud_url, local_cloud
):
    client = llama_cloud.LlamaCloud()  # configured by the environment alone

    created = client.configurations.create(
        name="from-env", parameters={"product_type": "classify_v2", "rules": RULES}
    )

    assert str(client.base_url).rstrip("/") == local_cloud_url
    assert local_cloud.get_configuration(created.id).name == "from-env"


@pytest.mark.slow
def test_offline_classify_serve_answers_the_example_script(three_class_checkpoint, invoice_pdf):
    environment = {**os.environ, "OFFLINE_CLASSIFY_API_KEY": "k-one, k-two", "OMP_NUM_THREADS": "1"}
    with ServeProcess(["--model", str(three_class_checkpoint)], env=environment) as server:
        base_url = server.base_url
        # What serve prints is what a user pastes into the SDK's environment.
        assert f"export LLAMA_CLOUD_BASE_URL={base_url}" in "".join(server.output)
        assert httpx.get(f"{base_url}/health").json()["status"] == "ok"
        assert httpx.get(f"{base_url}/api/v2/classify").status_code == 401

        finished = subprocess.run(
            [sys.executable, str(EXAMPLE), str(invoice_pdf)],
            env={**environment, "LLAMA_CLOUD_BASE_URL": base_url, "LLAMA_CLOUD_API_KEY": "k-two"},
            capture_output=True,
            text=True,
            timeout=180,
        )
        returncode = server.stop()

    assert finished.returncode == 0, finished.stderr
    job = json.loads(finished.stdout)
    # A random-weight model decides nothing meaningful, but the job runs the whole way.
    assert job["status"] == "COMPLETED"
    assert set(job["result"]) == {"type", "confidence", "reasoning"}
    assert job["result"]["type"] in {None, "invoice", "receipt", "contract"}
    assert returncode == 0, "".join(server.output)


def test_serve_without_a_model_is_a_usage_error(tmp_path):
    finished = subprocess.run(
        [sys.executable, "-m", "offline_classify.cli", "serve", "--model", str(tmp_path / "none")],
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert finished.returncode == 2
    assert "no model found" in finished.stderr and "Traceback" not in finished.stderr
