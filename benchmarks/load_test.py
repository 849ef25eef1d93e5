"""Bounded load test: many SDK clients against one ``offline-classify serve`` on loopback.

Starts the server as a child process on 127.0.0.1 (a free port, a temporary data folder,
a tiny random-weight cross-encoder built on the spot unless ``--model`` names one), then
runs ``--clients`` threads, each with its own ``llama_cloud.LlamaCloud``. Each client
uploads a document and creates its share of ``--jobs`` classify jobs, sending every
create twice with the same ``transaction_id``, and waits for each job before the next.
It reports throughput and job latency (create to COMPLETED), checks that every job is
COMPLETED and that each ``transaction_id`` made exactly one job, stops the server and
exits 1 if anything was wrong. Everything stops by ``--deadline`` seconds at the latest.

Usage::

    python benchmarks/load_test.py --jobs 200 --clients 20
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from offline_classify.testing import ServeProcess
from offline_classify.tiny_checkpoints import build_tiny_nli_checkpoint

RULES = [
    {"type": "invoice", "description": "an invoice with a number and a total amount due"},
    {"type": "contract", "description": "a contract with terms that are signed"},
    {"type": "report", "description": "a report of a meeting with minutes and an agenda"},
]
DOCUMENT = "\f".join(
    f"invoice number {page} total amount due this page lists the terms of payment " * 12
    for page in range(1, 4)
).encode()


@dataclass
class Tally:
    """What the clients saw, filled in from many threads under one lock."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    job_seconds: list[float] = field(default_factory=list)
    create_seconds: list[float] = field(default_factory=list)
    job_ids: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def problem(self, text: str) -> None:
        with self.lock:
            self.problems.append(text)


def build_tiny_checkpoint(directory: Path) -> Path:
    """A random-weight two-layer BERT NLI cross-encoder knowing the workload's words."""
    words = " ".join(rule["description"] for rule in RULES) + " " + DOCUMENT.decode()
    return build_tiny_nli_checkpoint(directory, words=words.split())


def start_server(data_dir: Path, model: Path, workers: int, deadline: float) -> ServeProcess:
    """``offline-classify serve`` on 127.0.0.1 and a free port, answering."""
    environment = {**os.environ}
    environment.pop("OFFLINE_CLASSIFY_API_KEY", None)
    arguments = ["--data-dir", str(data_dir), "--model", str(model), "--workers", str(workers)]
    try:
        return ServeProcess(
            arguments, env=environment, startup_timeout=max(1.0, deadline - time.monotonic())
        )
    except RuntimeError as error:
        raise SystemExit(f"load_test: {error}") from None


def run_client(
    number: int, jobs: int, base_url: str, tally: Tally, deadline: float, poll: float
) -> None:
    from llama_cloud import LlamaCloud

    client = LlamaCloud(api_key="load-test", base_url=base_url, max_retries=0, timeout=60)
    try:
        file = client.files.create(
            file=(f"client-{number}.txt", DOCUMENT, "text/plain"), purpose="classify"
        )
        for index in range(jobs):
            key = f"load-{number}-{index}"
            started = time.monotonic()
            first = client.classify.create(
                file_input=file.id, configuration={"rules": RULES}, transaction_id=key
            )
            created = time.monotonic()
            again = client.classify.create(
                file_input=file.id, configuration={"rules": RULES}, transaction_id=key
            )
            if again.id != first.id:
                tally.problem(f"{key}: a second create made {again.id}, not {first.id}")
            remaining = max(1.0, deadline - time.monotonic())
            done = client.classify.wait_for_completion(
                first.id, polling_interval=poll, backoff="constant", timeout=remaining
            )
            finished = time.monotonic()
            if done.status != "COMPLETED":
                tally.problem(f"{key}: {done.status} {done.error_message}")
            with tally.lock:
                tally.job_ids[key] = first.id
                tally.job_seconds.append(finished - started)
                tally.create_seconds.append(created - started)
    except Exception as error:  # a client's failure is a finding to report, not a crash
        tally.problem(f"client {number}: {type(error).__name__}: {error}")
    finally:
        client.close()


def audit(base_url: str, tally: Tally, expected: int) -> dict[str, int]:
    """Every job the server holds, by status; each transaction_id must appear once."""
    statuses: dict[str, int] = {}
    keys: list[str] = []
    token = None
    with httpx.Client(base_url=base_url, timeout=30) as http:
        while True:
            params = {"page_size": 100, **({"page_token": token} if token else {})}
            page = http.get("/api/v2/classify", params=params).json()
            for job in page["items"]:
                statuses[job["status"]] = statuses.get(job["status"], 0) + 1
                keys.append(job["transaction_id"])
            token = page["next_page_token"]
            if not token:
                break
    if len(keys) != expected or len(set(keys)) != expected:
        tally.problem(f"the server holds {len(keys)} jobs with {len(set(keys))} keys")
    if statuses != {"COMPLETED": expected}:
        tally.problem(f"job statuses on the server: {statuses}")
    return statuses


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=200, help="classify jobs in all")
    parser.add_argument("--clients", type=int, default=20, help="concurrent SDK clients")
    parser.add_argument("--workers", type=int, default=2, help="the server's job workers")
    parser.add_argument("--model", type=Path, help="checkpoint (default: a tiny random one)")
    parser.add_argument("--poll", type=float, default=0.05, help="seconds between polls")
    parser.add_argument("--deadline", type=float, default=600, help="seconds before giving up")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    if args.jobs % args.clients:
        parser.error("--jobs must be a multiple of --clients")
    deadline = time.monotonic() + args.deadline
    tally = Tally()
    with tempfile.TemporaryDirectory(prefix="offline-classify-load-") as scratch:
        model = args.model or build_tiny_checkpoint(Path(scratch) / "model")
        server = start_server(Path(scratch) / "data", model, args.workers, deadline)
        base_url = server.base_url
        try:
            threads = [
                threading.Thread(
                    target=run_client,
                    args=(n, args.jobs // args.clients, base_url, tally, deadline, args.poll),
                )
                for n in range(args.clients)
            ]
            started = time.monotonic()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(max(0.0, deadline - time.monotonic()))
            wall = time.monotonic() - started
            if any(thread.is_alive() for thread in threads):
                tally.problem("clients were still running at the deadline")
            statuses = audit(base_url, tally, args.jobs)
        finally:
            server.kill()
    figures = {
        "jobs": args.jobs,
        "clients": args.clients,
        "server_workers": args.workers,
        "wall_s": round(wall, 2),
        "throughput_jobs_per_s": round(len(tally.job_seconds) / wall, 2),
        "job_latency_p50_s": round(statistics.median(tally.job_seconds or [0]), 3),
        "job_latency_p95_s": round(percentile(tally.job_seconds or [0], 0.95), 3),
        "job_latency_max_s": round(max(tally.job_seconds or [0]), 3),
        "create_request_p95_s": round(percentile(tally.create_seconds or [0], 0.95), 3),
        "statuses": statuses,
        "problems": tally.problems,
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for key, value in figures.items():
            print(f"{key:>24}: {value}")
    return 1 if tally.problems else 0


if __name__ == "__main__":
    sys.exit(main())
