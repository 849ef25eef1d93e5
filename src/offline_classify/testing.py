"""pytest plugin: a local, offline stand-in for LlamaCloud, for code written with its SDK.

Installed with offline-classify (through the ``pytest11`` entry point), it offers:

``llama_cloud_client``
    A ``llama_cloud.LlamaCloud`` client wired to an in-process server through an httpx
    transport: no socket, no network, a fresh empty cloud for every test.
``async_llama_cloud_client``
    The same as a ``llama_cloud.AsyncLlamaCloud`` (run its tests with anyio or
    pytest-asyncio).
``local_cloud``
    The :class:`~offline_classify.service.LocalCloud` behind both clients, to upload
    files, look at jobs or wait for them without HTTP.
``local_cloud_app``
    The FastAPI application, for raw HTTP tests.
``local_cloud_url``
    The same application on a real socket (127.0.0.1, a free port), with
    ``LLAMA_CLOUD_BASE_URL`` and ``LLAMA_CLOUD_API_KEY`` set for the test, for code that
    builds its own client::

        def test_my_pipeline(local_cloud_url):
            client = LlamaCloud()  # reaches the local server
            ...

How a rule is picked: by default jobs run with
:class:`~offline_classify.scoring.KeywordScorer`, a deterministic word-overlap fake
that loads no model and takes milliseconds. A rule's score is the share of its
description's content words (lower-cased words of three or more letters, minus a short
stop list such as "the", "document", "contains") that occur in one window of the
document's text, mapped to ``0.05 + 0.9 * share``. The rule with the highest score
wins if it reaches 0.5, that is if at least half of its description's content words
appear in the document; ties go to the rule listed first. When no rule gets there,
``type`` is ``null`` and ``confidence`` is ``1 - best score``. So a test controls the
outcome through its text: a PDF that says "invoice number 42, total amount due"
matches the rule described as "an invoice with a total amount due".

The real model instead: mark a test ``@pytest.mark.offline_classify_model("default")``
(or give a checkpoint or models folder's path), or set it for a whole suite in the
pytest configuration with ``offline_classify_model = default``. ``default`` is the model
the library finds by itself (``OFFLINE_CLASSIFY_MODEL``, else ``models/``); each model is
loaded once per session.

This module imports neither FastAPI nor the SDK until a fixture needs them: when they
are missing, the fixtures skip with the reason and unrelated test runs are untouched.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from fastapi import FastAPI

    from offline_classify.classifier import Classifier
    from offline_classify.service import LocalCloud

__all__ = [
    "in_process_client",
    "in_process_http",
    "serve_in_thread",
    "ServeProcess",
    "TEST_API_KEY",
    "TEST_BASE_URL",
]

TEST_API_KEY = "llx-offline-classify-test"
"""The key the plugin's clients send; the in-process server accepts any."""

TEST_BASE_URL = "http://offline-classify.test"
"""The base URL of the in-process clients; it never resolves, nothing goes on a wire."""

_MODEL_INI = "offline_classify_model"
_MODEL_MARKER = "offline_classify_model"
_KEYWORD = "keyword"
_SERVER_EXTRA = "pip install 'offline-classify[server]'"
_classifiers_key = pytest.StashKey[dict[str, "Classifier"]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        _MODEL_INI,
        help="model behind the offline_classify fixtures: 'keyword' (fast fake, default), "
        "'default' (the installed model) or a checkpoint / models folder path",
        default=_KEYWORD,
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{_MODEL_MARKER}(model): model behind the offline_classify fixtures for this test: "
        "'keyword', 'default' or a checkpoint / models folder path",
    )
    config.stash[_classifiers_key] = {}


@pytest.fixture
def local_cloud(request: pytest.FixtureRequest) -> Iterator[LocalCloud]:
    """An empty in-memory :class:`LocalCloud`, closed after the test."""
    from offline_classify.service import LocalCloud

    with LocalCloud(None, classifier=_classifier_for(request)) as cloud:
        yield cloud


@pytest.fixture
def local_cloud_app(local_cloud: LocalCloud) -> FastAPI:
    """The HTTP application over ``local_cloud``, open to any bearer key."""
    create_app = _server_factory()
    return create_app(local_cloud)


@pytest.fixture
def llama_cloud_client(local_cloud_app: FastAPI) -> Iterator[Any]:
    """A ``llama_cloud.LlamaCloud`` that talks to ``local_cloud_app`` in-process."""
    with in_process_client(local_cloud_app) as client:
        yield client


@pytest.fixture
def async_llama_cloud_client(local_cloud_app: FastAPI) -> Iterator[Any]:
    """A ``llama_cloud.AsyncLlamaCloud`` that talks to ``local_cloud_app`` in-process."""
    llama_cloud = _import_or_skip("llama_cloud", "the llama-cloud SDK is not installed")
    httpx = _import_or_skip("httpx", f"httpx is missing: {_SERVER_EXTRA}")
    transport = httpx.ASGITransport(app=local_cloud_app, raise_app_exceptions=False)
    # The ASGI transport holds no connection, so there is nothing to close afterwards,
    # and the fixture stays usable from any event loop the test runs in.
    http = httpx.AsyncClient(transport=transport, base_url=TEST_BASE_URL)
    yield llama_cloud.AsyncLlamaCloud(
        api_key=TEST_API_KEY, base_url=TEST_BASE_URL, http_client=http
    )


@pytest.fixture
def local_cloud_url(local_cloud_app: FastAPI, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The app on 127.0.0.1 at a free port; the SDK's environment points at it."""
    with serve_in_thread(local_cloud_app) as base_url:
        monkeypatch.setenv("LLAMA_CLOUD_BASE_URL", base_url)
        monkeypatch.setenv("LLAMA_CLOUD_API_KEY", TEST_API_KEY)
        yield base_url


@contextmanager
def in_process_client(app: FastAPI, *, api_key: str = TEST_API_KEY) -> Iterator[Any]:
    """A ``llama_cloud.LlamaCloud`` that reaches ``app`` without a socket.

    For an app of one's own (one that requires API keys, say); the fixtures use it too.
    """
    llama_cloud = _import_or_skip("llama_cloud", "the llama-cloud SDK is not installed")
    with in_process_http(app) as http:
        yield llama_cloud.LlamaCloud(api_key=api_key, base_url=TEST_BASE_URL, http_client=http)


@contextmanager
def in_process_http(app: FastAPI) -> Iterator[Any]:
    """A synchronous ``httpx.Client`` whose requests go to ``app`` without a socket."""
    httpx = _import_or_skip("httpx", f"httpx is missing: {_SERVER_EXTRA}")
    from anyio.from_thread import start_blocking_portal

    # httpx hands requests to an ASGI app only from async code, so the app runs on an
    # event loop in a background thread and each request is passed over to it; server
    # errors come back as 500 answers, as they would over the network.
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    with start_blocking_portal() as portal:

        class Bridge(httpx.BaseTransport):
            def handle_request(self, request: Any) -> Any:
                body = request.read()

                async def forward() -> tuple[int, list[tuple[bytes, bytes]], bytes]:
                    copy = httpx.Request(
                        request.method, request.url, headers=request.headers, content=body
                    )
                    response = await transport.handle_async_request(copy)
                    return response.status_code, response.headers.raw, await response.aread()

                status, headers, content = portal.call(forward)
                return httpx.Response(status, headers=headers, content=content, request=request)

        with httpx.Client(transport=Bridge(), base_url=TEST_BASE_URL) as http:
            yield http


@contextmanager
def serve_in_thread(
    app: FastAPI, *, host: str = "127.0.0.1", port: int = 0, startup_timeout: float = 15.0
) -> Iterator[str]:
    """Serve ``app`` with uvicorn in a background thread; yields its base URL.

    Args:
        app: The application.
        host: The interface to listen on.
        port: The port; 0 picks a free one.
        startup_timeout: Seconds to wait for the server to accept connections.
    """
    uvicorn = _import_or_skip("uvicorn", f"uvicorn is not installed: {_SERVER_EXTRA}")
    listener = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, port))
    bound_port = listener.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [listener]}, name="offline-classify-server"
    )
    thread.daemon = True
    thread.start()
    deadline = time.monotonic() + startup_timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            listener.close()
            raise RuntimeError(f"the local server did not start on {host}:{bound_port}")
        time.sleep(0.01)
    try:
        yield f"http://{f'[{host}]' if ':' in host else host}:{bound_port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        listener.close()


class ServeProcess:
    """``offline-classify serve`` as a child process on 127.0.0.1 and a free port.

    Starting returns once the server answers ``GET /health``; everything the process
    prints (stdout and stderr together) is collected in :attr:`output`. For tests and
    benchmarks of the real command: crash recovery, load, the installed entry point::

        with ServeProcess(["--model", str(checkpoint)]) as server:
            httpx.get(f"{server.base_url}/health")

    Args:
        arguments: ``serve``'s options after ``--host 127.0.0.1 --port 0``.
        env: The child's environment; defaults to this process's.
        startup_timeout: Seconds to wait for the server to answer.

    Raises:
        RuntimeError: The server exited or did not answer in time; the message holds
            what it printed.
    """

    def __init__(
        self,
        arguments: Sequence[str] = (),
        *,
        env: Mapping[str, str] | None = None,
        startup_timeout: float = 120.0,
    ) -> None:
        import httpx

        command = [sys.executable, "-m", "offline_classify.cli", "serve"]
        command += ["--host", "127.0.0.1", "--port", "0", *arguments]
        self.output: list[str] = []
        self.process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=dict(os.environ if env is None else env),
        )
        # The pipe is drained all along, so a talkative server never blocks on it.
        self._reader = threading.Thread(
            target=self._read, name="offline-classify-serve-output", daemon=True
        )
        self._reader.start()
        try:
            self.base_url: str = self._wait_until_serving(httpx, startup_timeout)
        except BaseException:
            self.kill()
            raise

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.output.append(line)

    def _wait_until_serving(self, httpx: Any, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        base_url = None
        while base_url is None and time.monotonic() < deadline and self.process.poll() is None:
            announced = [line for line in self.output if "serving on " in line]
            if announced:
                base_url = announced[0].split("serving on ", 1)[1].strip()
            else:
                time.sleep(0.05)
        # The address is printed once bound; uvicorn answers a moment later.
        while base_url and time.monotonic() < deadline and self.process.poll() is None:
            try:
                if httpx.get(f"{base_url}/health", timeout=5).status_code == 200:
                    return base_url
            except httpx.TransportError:
                time.sleep(0.05)
        self.kill()
        raise RuntimeError("offline-classify serve did not start:\n" + "".join(self.output))

    def kill(self) -> None:
        """SIGKILL: the process ends at once, as in a crash."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=30)
        self._close()

    def stop(self, timeout: float = 30.0) -> int:
        """SIGINT, as Ctrl-C: a clean shutdown; returns the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=30)
        self._close()
        return self.process.returncode

    def _close(self) -> None:
        # Everything the process printed is in output once the reader has seen the end.
        self._reader.join(timeout=10)
        # A reader still blocked on the pipe (something else holds it open) keeps it.
        if self.process.stdout is not None and not self._reader.is_alive():
            self.process.stdout.close()

    def __enter__(self) -> ServeProcess:
        return self

    def __exit__(self, *_: object) -> None:
        self.kill()


def _classifier_for(request: pytest.FixtureRequest) -> Classifier:
    from offline_classify.classifier import Classifier
    from offline_classify.errors import ClassifyError
    from offline_classify.scoring import KeywordScorer

    marker = request.node.get_closest_marker(_MODEL_MARKER)
    if marker is not None:
        choice = str(marker.args[0]) if marker.args else str(marker.kwargs.get("model", ""))
    else:
        choice = str(request.config.getini(_MODEL_INI) or _KEYWORD)
    if choice == _KEYWORD:
        return Classifier(KeywordScorer())
    cache = request.config.stash[_classifiers_key]
    if choice not in cache:
        try:
            cache[choice] = Classifier(None if choice == "default" else choice)
        except ClassifyError as error:
            pytest.fail(f"{_MODEL_INI} = {choice!r}: {error}", pytrace=False)
    return cache[choice]


def _server_factory() -> Any:
    _import_or_skip("fastapi", f"FastAPI is not installed: {_SERVER_EXTRA}")
    try:
        from offline_classify.server import create_app
    except (ImportError, RuntimeError) as error:
        # FastAPI raises RuntimeError at import when python-multipart is missing.
        pytest.skip(f"offline-classify's server cannot load ({error}): {_SERVER_EXTRA}")
    return create_app


def _import_or_skip(module: str, reason: str) -> Any:
    return pytest.importorskip(module, reason=reason)
