"""The cloud's asynchronous API as a local service: files, parse jobs, configurations, jobs.

:class:`LocalCloud` keeps what the cloud keeps (uploaded files ``dfl-...``, parse jobs
``pjb-...``, saved configurations ``cfg-...`` and classify jobs ``cls-...``) in an
embedded SQLite store, and runs jobs on a small pool of background threads that share
one :class:`~offline_classify.classifier.Classifier`. Jobs survive a restart: a job
that was running when the process stopped runs again when the service next opens the
same data folder. The HTTP server is a thin skin over this class.

Usage::

    from offline_classify import LocalCloud

    with LocalCloud("./classify-data") as cloud:
        file = cloud.create_file("invoice.pdf", purpose="classify")
        job = cloud.create_classify_job({
            "file_input": file.id,
            "configuration": {"rules": [
                {"type": "invoice", "description": "an invoice with a number and a total"},
                {"type": "receipt", "description": "a receipt for a purchase already paid"},
            ]},
        })
        job = cloud.wait(job.id, timeout=120)
        print(job.status, job.result)

Beyond the agreed sketch (all additions, nothing renamed): ``LocalCloud(ocr=...)``;
``create_parse_job(tier=, user_metadata=)``; ``list_files(file_ids=, file_name=,
external_file_id=)``; ``get_classify_job(expand=["usage"])``; ``list_parse_jobs``,
``cancel_parse_job``, ``delete_parse_job`` and ``wait_parse_job``; ``start()``; and
:class:`~offline_classify.errors.WaitTimeoutError` (a ``TimeoutError`` too) from the
waits. ``list_configurations(product_type=)`` takes one type or a list.

Behaviour worth knowing:

- Every method takes ``project_id`` (default :data:`DEFAULT_PROJECT_ID`); objects of
  another project are reported as not found, exactly like unknown ids.
- A classify job with both an inline ``configuration`` and a ``configuration_id`` uses
  the inline one (the id must still name a saved configuration, and is recorded on the
  job). A saved configuration is copied into the job when the job is created, so later
  edits do not change jobs already queued.
- A classify job whose input is a parse job classifies that job's stored pages and does
  not parse again; the classify configuration's ``target_pages`` / ``max_pages`` then
  pick among those pages by their page numbers in the document.
- ``transaction_id`` is an idempotency key per project: reusing it returns the original
  job and ignores the new body, also across restarts and racing callers.
- Lists are in creation order, oldest first; ``page_token`` is opaque, ``total_size`` is
  always filled in.
- Cancelling makes a PENDING or RUNNING job CANCELLED (a running job's result is
  discarded when it arrives); cancelling a finished job leaves it unchanged. Only
  finished jobs can be deleted (:class:`~offline_classify.errors.ConflictError`).
- :meth:`LocalCloud.wait` and :meth:`LocalCloud.run` return on CANCELLED too (the SDK's
  waiter keeps polling a cancelled job until its timeout).
- Limits that protect the machine: uploads larger than ``max_file_bytes`` (default
  :data:`DEFAULT_MAX_FILE_BYTES`, 100 MB) are refused before anything is stored; each
  document is read within ``limits`` (:class:`~offline_classify.parsing.DocumentLimits`:
  1000 pages and 5,000,000 characters unless ``OFFLINE_CLASSIFY_MAX_PAGES`` /
  ``OFFLINE_CLASSIFY_MAX_CHARACTERS`` say otherwise), and a larger selection fails the
  job saying so; a job still running ``job_timeout`` seconds after it started (default
  :data:`DEFAULT_JOB_TIMEOUT_S`) fails with a reason that names the timeout.
- A thread cannot be stopped from outside in Python, so a timed-out job is failed in
  two ways. A watchdog thread marks it FAILED at its deadline, so clients see the end
  on time, and whatever the job computes afterwards is discarded, as for a cancelled
  job. The worker itself checks the deadline (and whether the job was cancelled)
  between stages: after reading the file, after parsing, and while it waits for its turn
  on the model; there it stops at once. A stage already under way (parsing one
  document, or one model call over all of its windows) runs to its end first, and the
  worker takes its next job only then, so the pool never runs more than ``workers``
  jobs' CPU work at a time.
- Parse results offer ``text``, ``markdown`` (the page text: there is no layout model
  offline), ``text_full``, ``markdown_full``, ``metadata``, ``job_metadata`` and
  ``usage`` through ``expand``; other expansions are left empty. Usage is always 0.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import os
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, BinaryIO

from pydantic import TypeAdapter, ValidationError

from offline_classify.classifier import Classifier
from offline_classify.cloud_schema import (
    FILE_PURPOSES,
    TERMINAL_STATUSES,
    ClassifyJob,
    ClassifyJobCreateRequest,
    ClassifyJobPage,
    ClassifyJobUsage,
    ClassifyV2Parameters,
    Configuration,
    ConfigurationListPage,
    ConfigurationParameters,
    File,
    FileListPage,
    JobUsage,
    MarkdownResult,
    MarkdownResultPage,
    MetadataResult,
    MetadataResultPage,
    OtherProductParameters,
    ParseJob,
    ParseJobListPage,
    ParseResult,
    TextResult,
    TextResultPage,
)
from offline_classify.errors import (
    ClassifyError,
    InvalidRequestError,
    NotFoundError,
    PageSelectionError,
    PayloadTooLargeError,
    WaitTimeoutError,
)
from offline_classify.pages import parse_target_pages, select_pages
from offline_classify.parsing import DocumentLimits, Page, ParsedDocument, parse_document
from offline_classify.schema import ClassifyConfiguration, ParsingConfiguration
from offline_classify.scoring import Scorer
from offline_classify.settings import Settings
from offline_classify.store import (
    ConfigurationRecord,
    FileRecord,
    JobRecord,
    Store,
    format_time,
    utc_now,
)

__all__ = [
    "LocalCloud",
    "DEFAULT_PROJECT_ID",
    "DEFAULT_ORGANIZATION_ID",
    "DEFAULT_USER_ID",
    "DEFAULT_MAX_FILE_BYTES",
    "DEFAULT_JOB_TIMEOUT_S",
]

logger = logging.getLogger(__name__)

DEFAULT_PROJECT_ID = "prj-local"
DEFAULT_ORGANIZATION_ID = "org-local"
DEFAULT_USER_ID = "usr-local"
DEFAULT_MAX_FILE_BYTES = Settings.max_file_bytes
"""The largest upload :class:`LocalCloud` accepts unless told otherwise (100 MB)."""
DEFAULT_JOB_TIMEOUT_S = Settings.job_timeout
"""Seconds a job may run before it fails as timed out, unless told otherwise (10 minutes)."""
DEFAULT_PAGE_SIZE = 50
MAX_INTERRUPTIONS = 3
"""A job interrupted this many times (the process died while it ran) fails for good."""

_FILE_PREFIX, _PARSE_PREFIX, _CONFIG_PREFIX, _CLASSIFY_PREFIX = "dfl-", "pjb-", "cfg-", "cls-"
_PARSE, _CLASSIFY = "parse", "classify"
_IDLE_POLL_SECONDS = 0.5
_READ_CHUNK = 1024 * 1024
_PARAMETERS = TypeAdapter(ConfigurationParameters)


class _ServiceStopping(Exception):
    """The service closed while a job waited; the job stays RUNNING and is re-queued."""


class _JobTimedOut(Exception):
    """The job passed its deadline; the worker fails it (unless the watchdog did first)."""


class _JobAbandoned(Exception):
    """The job is no longer RUNNING (cancelled, or failed by the watchdog): stop work on it."""


class LocalCloud:
    """Files, parse jobs, saved configurations and classify jobs, kept locally.

    Args:
        data_dir: Folder for the database and uploaded files; ``None`` or ``":memory:"``
            keeps everything in memory until :meth:`close`.
        classifier: The classifier that runs jobs.
        scorer: A scorer to wrap in a :class:`Classifier` (tests pass a fake).
        model: A model location for the default :class:`Classifier`. With none of
            ``classifier``, ``scorer`` and ``model``, ``Classifier()`` is used; it is
            built on the first job, so a missing model fails jobs, not the service.
        workers: How many jobs run at once. They share one classifier: documents are
            parsed side by side, model calls take turns.
        max_file_bytes: The largest upload accepted, in bytes (default 100 MB).
        limits: Pages and characters read per document; default: the given
            classifier's limits, else those of the environment (``Settings``).
        job_timeout: Seconds a job may run (from the moment a worker takes it) before it
            fails as timed out; ``None`` lets jobs run as long as they need. See the
            module notes for what happens to the work already under way.
        start: Start the workers now; otherwise call :meth:`start`.
        ocr: OCR pages without a text layer (when Tesseract is installed).

    Raises:
        ClassifyError: The data folder cannot be opened or is in use by another service.
    """

    def __init__(
        self,
        data_dir: str | os.PathLike | None = None,
        *,
        classifier: Classifier | None = None,
        scorer: Scorer | None = None,
        model: str | os.PathLike | None = None,
        workers: int = 1,
        max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
        limits: DocumentLimits | None = None,
        job_timeout: float | None = DEFAULT_JOB_TIMEOUT_S,
        start: bool = True,
        ocr: bool = True,
    ) -> None:
        if sum(option is not None for option in (classifier, scorer, model)) > 1:
            raise InvalidRequestError("give at most one of classifier, scorer and model")
        if workers < 1:
            raise InvalidRequestError(f"workers must be at least 1, got {workers}")
        if max_file_bytes < 1:
            raise InvalidRequestError(f"max_file_bytes must be positive, got {max_file_bytes}")
        if job_timeout is not None and not job_timeout > 0:
            raise InvalidRequestError(f"job_timeout must be positive or None, got {job_timeout}")
        self.max_file_bytes = max_file_bytes
        self.job_timeout = job_timeout
        self.workers = workers
        self._ocr = ocr
        self._model = model
        self._classifier = Classifier(scorer, ocr=ocr) if scorer is not None else classifier
        if limits is None and self._classifier is not None:
            limits = self._classifier.limits
        self.limits = limits or Settings.from_env().document_limits
        # Deadlines of the jobs the workers hold, watched by the watchdog thread.
        self._deadlines: dict[str, float] = {}
        self._deadlines_changed = threading.Condition()
        self._classifier_lock = threading.Lock()
        self._model_lock = threading.Lock()
        self._store = Store(data_dir)
        requeued, failed = self._store.requeue_interrupted(MAX_INTERRUPTIONS)
        if requeued or failed:
            logger.info("re-queued %d interrupted job(s); failed %d", requeued, failed)
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._threads: list[threading.Thread] = []
        if start:
            self.start()

    # --- life cycle ----------------------------------------------------------------------

    def start(self) -> None:
        """Start the worker threads (once; later calls do nothing)."""
        if self._threads or self._stopping.is_set():
            return
        for number in range(self.workers):
            thread = threading.Thread(
                target=self._work, name=f"offline-classify-worker-{number}", daemon=True
            )
            thread.start()
            self._threads.append(thread)
        if self.job_timeout is not None:
            watchdog = threading.Thread(
                target=self._watch_deadlines, name="offline-classify-watchdog", daemon=True
            )
            watchdog.start()
            self._threads.append(watchdog)

    def close(self, *, wait: bool = True) -> None:
        """Stop taking jobs and close the store.

        Args:
            wait: Let running jobs finish first. Without waiting, running jobs are
                abandoned: they stay RUNNING in the store and run again on the next open.
        """
        self._stopping.set()
        self._wake.set()
        with self._deadlines_changed:
            self._deadlines_changed.notify_all()
        if wait:
            for thread in self._threads:
                thread.join()
        self._store.close()

    def __enter__(self) -> LocalCloud:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- files -----------------------------------------------------------------------------

    def create_file(
        self,
        content: bytes | bytearray | memoryview | str | os.PathLike | BinaryIO,
        *,
        name: str | None = None,
        purpose: str = "user_data",
        external_file_id: str | None = None,
        project_id: str | None = None,
    ) -> File:
        """Upload a file: bytes, a path (``str`` is a path) or a binary stream.

        Raises:
            PayloadTooLargeError: The content is larger than ``max_file_bytes``.
            InvalidRequestError: No name can be found, the path cannot be read, or the
                purpose is not one the cloud knows.
        """
        if purpose not in FILE_PURPOSES:
            raise InvalidRequestError(
                f"purpose {purpose!r} is not one of {', '.join(FILE_PURPOSES)}"
            )
        _check_type("external_file_id", external_file_id, str | None)
        data, found_name = _read_upload(content, self.max_file_bytes)
        name = name if name is not None else found_name
        if not name:
            raise InvalidRequestError("the file needs a name, with its extension (invoice.pdf)")
        if len(name) > 3000:
            raise InvalidRequestError("the file name is longer than 3000 characters")
        suffix = Path(name).suffix.lower().lstrip(".")
        record = FileRecord(
            seq=0,
            id=_new_id(_FILE_PREFIX),
            project_id=_project(project_id),
            name=name,
            file_type=suffix or None,
            purpose=purpose,
            external_file_id=external_file_id,
            size_bytes=len(data),
            created_at=utc_now(),
        )
        return _file_model(self._store.add_file(record, data))

    def get_file(self, file_id: str, *, project_id: str | None = None) -> File:
        return _file_model(self._file_record(file_id, project_id))

    def list_files(
        self,
        *,
        page_size: int | None = None,
        page_token: str | None = None,
        file_ids: Sequence[str] | None = None,
        file_name: str | None = None,
        external_file_id: str | None = None,
        order_by: str | None = None,
        project_id: str | None = None,
    ) -> FileListPage:
        """Files of a project, a page at a time, in upload order unless ``order_by``.

        Args:
            order_by: As in the cloud: comma-separated fields, each ascending unless
                followed by ``desc`` (``"name, last_modified_at desc"``). The fields are
                ``id``, ``name``, ``file_type``, ``purpose``, ``external_file_id`` and
                ``last_modified_at`` (also ``created_at``: a file here is never modified).

        Raises:
            InvalidRequestError: An unknown ``order_by`` field, or a ``page_token`` that
                this listing (with this order) did not issue.
        """
        _check_type("order_by", order_by, str | None)
        order = _file_order(order_by)
        # A token names its order, so a page of one order is never continued in another.
        listing_name = "files" if not order else f"files by {order}"
        limit = _page_size(page_size, maximum=1000)
        after_seq, after_key = _read_cursor(page_token, listing_name, key_length=len(order))
        listing = self._store.list_files(
            _project(project_id),
            after_seq=after_seq,
            limit=limit,
            file_ids=file_ids,
            file_name=file_name,
            external_file_id=external_file_id,
            order=order,
            after_key=after_key if page_token else None,
        )
        return FileListPage(
            items=[_file_model(record) for record in listing.records],
            next_page_token=_next_page_token(listing, listing_name),
            total_size=listing.total,
        )

    def delete_file(self, file_id: str, *, project_id: str | None = None) -> None:
        """Delete a file and its content; jobs that still need it will fail saying so."""
        _check_prefix(file_id, _FILE_PREFIX, "file")
        if not self._store.delete_file(_project(project_id), file_id):
            raise _not_found("file", file_id)

    def read_file_content(
        self, file_id: str, *, project_id: str | None = None
    ) -> tuple[File, bytes]:
        record = self._file_record(file_id, project_id)
        return _file_model(record), self._store.read_file(record.id)

    # --- parse jobs --------------------------------------------------------------------------

    def create_parse_job(
        self,
        *,
        file_id: str,
        target_pages: str | None = None,
        max_pages: int | None = None,
        lang: str | None = None,
        tier: str = "fast",
        user_metadata: dict[str, str] | None = None,
        project_id: str | None = None,
    ) -> ParseJob:
        """Queue the parsing of an uploaded file; the job is PENDING when this returns.

        As in LlamaParse's page ranges, ``target_pages`` takes precedence over
        ``max_pages`` when both are given (a classify configuration applies both).

        Raises:
            NotFoundError: No such file in the project.
            InvalidRequestError: ``target_pages`` cannot be read or ``max_pages`` < 1.
        """
        _check_type("tier", tier, str)
        _check_type("user_metadata", user_metadata, dict[str, str] | None)
        project = _project(project_id)
        file = self._file_record(file_id, project)
        _check_page_options(target_pages, max_pages)
        if target_pages is not None and target_pages.strip():
            # LlamaParse's page ranges: target_pages takes precedence over max_pages.
            max_pages = None
        now = utc_now()
        request = {
            "parsing": {
                key: value
                for key, value in (
                    ("target_pages", target_pages),
                    ("max_pages", max_pages),
                    ("lang", lang),
                )
                if value is not None
            },
            "name": file.name,
            "tier": tier,
            "user_metadata": user_metadata,
        }
        record = JobRecord(
            seq=0,
            id=_new_id(_PARSE_PREFIX),
            kind=_PARSE,
            project_id=project,
            status="PENDING",
            file_input=file.id,
            configuration_id=None,
            transaction_id=None,
            request=request,
            result=None,
            error_message=None,
            attempts=0,
            created_at=now,
            updated_at=now,
        )
        job, _ = self._store.add_job(record)
        self._wake.set()
        return _parse_job_model(job, expand=())

    def upload_and_parse(
        self,
        content: bytes | bytearray | memoryview | str | os.PathLike | BinaryIO,
        *,
        name: str | None = None,
        target_pages: str | None = None,
        max_pages: int | None = None,
        lang: str | None = None,
        tier: str = "fast",
        project_id: str | None = None,
    ) -> ParseJob:
        """Upload a file (purpose ``parse``) and queue its parsing in one call."""
        _check_page_options(target_pages, max_pages)
        file = self.create_file(content, name=name, purpose="parse", project_id=project_id)
        return self.create_parse_job(
            file_id=file.id,
            target_pages=target_pages,
            max_pages=max_pages,
            lang=lang,
            tier=tier,
            project_id=project_id,
        )

    def get_parse_job(
        self, job_id: str, *, expand: Sequence[str] = (), project_id: str | None = None
    ) -> ParseResult:
        """A parse job, with the content named in ``expand`` once it is COMPLETED."""
        record = self._job_record(_PARSE, job_id, project_id)
        return _parse_result_model(record, expand)

    def list_parse_jobs(
        self,
        *,
        status: str | None = None,
        job_ids: Sequence[str] | None = None,
        created_at_on_or_after: datetime | str | None = None,
        created_at_on_or_before: datetime | str | None = None,
        page_size: int | None = None,
        page_token: str | None = None,
        project_id: str | None = None,
    ) -> ParseJobListPage:
        listing = self._store.list_jobs(
            _project(project_id),
            _PARSE,
            after_seq=_read_page_token(page_token, _PARSE),
            limit=_page_size(page_size, maximum=100),
            status=_check_status(status),
            job_ids=job_ids,
            created_on_or_after=_moment(created_at_on_or_after, "created_at_on_or_after"),
            created_on_or_before=_moment(created_at_on_or_before, "created_at_on_or_before"),
        )
        return ParseJobListPage(
            items=[_parse_job_model(record, expand=()) for record in listing.records],
            next_page_token=_next_page_token(listing, _PARSE),
            total_size=listing.total,
        )

    def cancel_parse_job(self, job_id: str, *, project_id: str | None = None) -> ParseJob:
        return _parse_job_model(self._cancel(_PARSE, job_id, project_id), expand=())

    def delete_parse_job(self, job_id: str, *, project_id: str | None = None) -> None:
        """Delete a finished parse job (``ConflictError`` while it is PENDING or RUNNING)."""
        self._delete_job(_PARSE, job_id, project_id)

    def wait_parse_job(
        self,
        job_id: str,
        *,
        timeout: float | None = None,
        poll_interval: float = 0.05,
        expand: Sequence[str] = (),
        project_id: str | None = None,
    ) -> ParseResult:
        """Block until the parse job is COMPLETED, FAILED or CANCELLED."""
        record = self._wait(_PARSE, job_id, timeout, poll_interval, project_id)
        return _parse_result_model(record, expand)

    # --- configurations ------------------------------------------------------------------------

    def create_configuration(
        self,
        *,
        name: str,
        parameters: dict[str, Any] | ClassifyV2Parameters | OtherProductParameters,
        project_id: str | None = None,
    ) -> Configuration:
        """Save a configuration, or update the one with this name and product type.

        Raises:
            InvalidRequestError: The name or the parameters do not fit the schema (a
                ``classify_v2`` rule is held to the same limits as in an inline
                configuration).
        """
        _check_configuration_name(name)
        validated = _validate_parameters(parameters)
        now = utc_now()
        record = ConfigurationRecord(
            seq=0,
            id=_new_id(_CONFIG_PREFIX),
            project_id=_project(project_id),
            name=name,
            product_type=validated.product_type,
            parameters=_stored_parameters(validated),
            created_at=now,
            updated_at=now,
        )
        return _configuration_model(self._store.upsert_configuration(record))

    def get_configuration(self, config_id: str, *, project_id: str | None = None) -> Configuration:
        return _configuration_model(self._configuration_record(config_id, project_id))

    def update_configuration(
        self,
        config_id: str,
        *,
        name: str | None = None,
        parameters: dict[str, Any] | ClassifyV2Parameters | OtherProductParameters | None = None,
        project_id: str | None = None,
    ) -> Configuration:
        """Change a configuration's name and/or parameters; ``None`` leaves one unchanged.

        Raises:
            NotFoundError: No such configuration in the project.
            ConflictError: The new name is taken for that product type.
        """
        project = _project(project_id)
        self._configuration_record(config_id, project)
        if name is not None:
            _check_configuration_name(name)
        validated = None if parameters is None else _validate_parameters(parameters)
        record = self._store.update_configuration(
            project,
            config_id,
            name=name,
            product_type=None if validated is None else validated.product_type,
            parameters=None if validated is None else _stored_parameters(validated),
        )
        if record is None:
            raise _not_found("configuration", config_id)
        return _configuration_model(record)

    def list_configurations(
        self,
        *,
        product_type: str | Sequence[str] | None = None,
        name: str | None = None,
        page_size: int | None = None,
        page_token: str | None = None,
        project_id: str | None = None,
    ) -> ConfigurationListPage:
        """Saved configurations; each name has one (the latest) version, so the cloud's
        ``latest_only`` would change nothing here."""
        types = [product_type] if isinstance(product_type, str) else product_type
        listing = self._store.list_configurations(
            _project(project_id),
            after_seq=_read_page_token(page_token, "configurations"),
            limit=_page_size(page_size, maximum=100),
            product_types=types,
            name=name,
        )
        return ConfigurationListPage(
            items=[_configuration_model(record) for record in listing.records],
            next_page_token=_next_page_token(listing, "configurations"),
            total_size=listing.total,
        )

    def delete_configuration(self, config_id: str, *, project_id: str | None = None) -> None:
        """Delete a saved configuration; jobs already created keep their copy of it."""
        _check_prefix(config_id, _CONFIG_PREFIX, "configuration")
        if not self._store.delete_configuration(_project(project_id), config_id):
            raise _not_found("configuration", config_id)

    # --- classify jobs -------------------------------------------------------------------------

    def create_classify_job(
        self, request: ClassifyJobCreateRequest | dict[str, Any], *, project_id: str | None = None
    ) -> ClassifyJob:
        """Queue a classify job; it is PENDING (or, for a reused ``transaction_id``,
        whatever the original job is) when this returns.

        Raises:
            InvalidRequestError: The body does not fit the schema, names no input, names
                two different inputs, or gives no configuration.
            NotFoundError: The input file / parse job or the configuration does not exist
                in the project.
        """
        if not isinstance(request, ClassifyJobCreateRequest):
            try:
                request = ClassifyJobCreateRequest.model_validate(request)
            except ValidationError as error:
                raise InvalidRequestError(_describe_validation(error)) from None
        project = _project(project_id)
        if request.transaction_id is not None:
            existing = self._store.find_transaction(project, _CLASSIFY, request.transaction_id)
            if existing is not None:
                return _classify_job_model(existing, expand=())
        if request.configuration is None and request.configuration_id is None:
            raise InvalidRequestError(
                "give configuration (inline rules) or configuration_id (a saved configuration)"
            )
        file_input, input_type = self._resolve_input(request, project)
        configuration = self._resolve_configuration(request, project)
        parsing = configuration.parsing_configuration
        if parsing is not None:
            _check_page_options(parsing.target_pages, parsing.max_pages)
        now = utc_now()
        record = JobRecord(
            seq=0,
            id=_new_id(_CLASSIFY_PREFIX),
            kind=_CLASSIFY,
            project_id=project,
            status="PENDING",
            file_input=file_input,
            configuration_id=request.configuration_id,
            transaction_id=request.transaction_id,
            request={
                # exclude_unset keeps "lang was given" apart from "lang defaulted to en".
                "configuration": configuration.model_dump(mode="json", exclude_unset=True),
                "document_input_type": input_type,
            },
            result=None,
            error_message=None,
            attempts=0,
            created_at=now,
            updated_at=now,
        )
        job, _ = self._store.add_job(record)
        self._wake.set()
        return _classify_job_model(job, expand=())

    def get_classify_job(
        self, job_id: str, *, expand: Sequence[str] = (), project_id: str | None = None
    ) -> ClassifyJob:
        """A classify job; ``expand=["usage"]`` adds its (zero) usage."""
        return _classify_job_model(self._job_record(_CLASSIFY, job_id, project_id), expand)

    def list_classify_jobs(
        self,
        *,
        status: str | None = None,
        job_ids: Sequence[str] | None = None,
        configuration_id: str | None = None,
        created_at_on_or_after: datetime | str | None = None,
        created_at_on_or_before: datetime | str | None = None,
        page_size: int | None = None,
        page_token: str | None = None,
        project_id: str | None = None,
    ) -> ClassifyJobPage:
        """Classify jobs matching every filter given, oldest first; ``page_size`` 1-100."""
        listing = self._store.list_jobs(
            _project(project_id),
            _CLASSIFY,
            after_seq=_read_page_token(page_token, _CLASSIFY),
            limit=_page_size(page_size, maximum=100),
            status=_check_status(status),
            job_ids=job_ids,
            configuration_id=configuration_id,
            created_on_or_after=_moment(created_at_on_or_after, "created_at_on_or_after"),
            created_on_or_before=_moment(created_at_on_or_before, "created_at_on_or_before"),
        )
        return ClassifyJobPage(
            items=[_classify_job_model(record, expand=()) for record in listing.records],
            next_page_token=_next_page_token(listing, _CLASSIFY),
            total_size=listing.total,
        )

    def cancel_classify_job(self, job_id: str, *, project_id: str | None = None) -> ClassifyJob:
        """PENDING and RUNNING jobs become CANCELLED; finished jobs are returned unchanged."""
        return _classify_job_model(self._cancel(_CLASSIFY, job_id, project_id), expand=())

    def delete_classify_job(self, job_id: str, *, project_id: str | None = None) -> None:
        """Delete a finished classify job (``ConflictError`` while PENDING or RUNNING)."""
        self._delete_job(_CLASSIFY, job_id, project_id)

    def wait(
        self,
        job_id: str,
        *,
        timeout: float | None = None,
        poll_interval: float = 0.05,
        project_id: str | None = None,
    ) -> ClassifyJob:
        """Block until the classify job is COMPLETED, FAILED or CANCELLED, and return it.

        Raises:
            WaitTimeoutError: ``timeout`` seconds passed first.
            NotFoundError: No such job in the project.
        """
        record = self._wait(_CLASSIFY, job_id, timeout, poll_interval, project_id)
        return _classify_job_model(record, expand=())

    def run(
        self,
        request: ClassifyJobCreateRequest | dict[str, Any],
        *,
        timeout: float | None = None,
        project_id: str | None = None,
    ) -> ClassifyJob:
        """Create a classify job and wait for it, like the SDK's ``classify.run``."""
        job = self.create_classify_job(request, project_id=project_id)
        return self.wait(job.id, timeout=timeout, project_id=project_id)

    # --- lookups -----------------------------------------------------------------------------

    def _file_record(self, file_id: str, project_id: str | None) -> FileRecord:
        _check_prefix(file_id, _FILE_PREFIX, "file")
        record = self._store.get_file(_project(project_id), file_id)
        if record is None:
            raise _not_found("file", file_id)
        return record

    def _configuration_record(self, config_id: str, project_id: str | None) -> ConfigurationRecord:
        _check_prefix(config_id, _CONFIG_PREFIX, "configuration")
        record = self._store.get_configuration(_project(project_id), config_id)
        if record is None:
            raise _not_found("configuration", config_id)
        return record

    def _job_record(self, kind: str, job_id: str, project_id: str | None) -> JobRecord:
        noun, prefix = _JOB_NOUNS[kind]
        _check_prefix(job_id, prefix, noun)
        record = self._store.get_job(_project(project_id), kind, job_id)
        if record is None:
            raise _not_found(noun, job_id)
        return record

    def _cancel(self, kind: str, job_id: str, project_id: str | None) -> JobRecord:
        self._job_record(kind, job_id, project_id)
        record = self._store.cancel_job(_project(project_id), kind, job_id)
        if record is None:  # deleted between the two statements
            raise _not_found(_JOB_NOUNS[kind][0], job_id)
        return record

    def _delete_job(self, kind: str, job_id: str, project_id: str | None) -> None:
        noun, prefix = _JOB_NOUNS[kind]
        _check_prefix(job_id, prefix, noun)
        if not self._store.delete_job(_project(project_id), kind, job_id):
            raise _not_found(noun, job_id)

    def _wait(
        self,
        kind: str,
        job_id: str,
        timeout: float | None,
        poll_interval: float,
        project_id: str | None,
    ) -> JobRecord:
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            record = self._job_record(kind, job_id, project_id)
            if record.status in TERMINAL_STATUSES:
                return record
            if deadline is not None and time.monotonic() >= deadline:
                raise WaitTimeoutError(
                    f"{_JOB_NOUNS[kind][0]} {job_id!r} is still {record.status} after {timeout:g} s"
                )
            time.sleep(poll_interval)

    def _resolve_input(self, request: ClassifyJobCreateRequest, project: str) -> tuple[str, str]:
        given = [
            value
            for value in (request.file_input, request.file_id, request.parse_job_id)
            if value is not None
        ]
        if not given:
            raise InvalidRequestError(
                "give file_input: the id of an uploaded file (dfl-...) or of a parse job (pjb-...)"
            )
        if len(set(given)) > 1:
            raise InvalidRequestError(
                f"file_input, file_id and parse_job_id name different inputs "
                f"({', '.join(sorted(set(given)))}); give one"
            )
        file_input = given[0]
        if file_input.startswith(_PARSE_PREFIX):
            self._job_record(_PARSE, file_input, project)
            return file_input, "parse_job_id"
        if file_input.startswith(_FILE_PREFIX):
            self._file_record(file_input, project)
            return file_input, "file_id"
        raise NotFoundError(
            f"no file or parse job {file_input!r} in this project (file ids start with "
            f"'{_FILE_PREFIX}', parse job ids with '{_PARSE_PREFIX}')"
        )

    def _resolve_configuration(
        self, request: ClassifyJobCreateRequest, project: str
    ) -> ClassifyConfiguration:
        saved = None
        if request.configuration_id is not None:
            saved = self._configuration_record(request.configuration_id, project)
        if request.configuration is not None:
            return request.configuration
        assert saved is not None  # create_classify_job checked that one of them is given
        if saved.product_type != "classify_v2":
            raise InvalidRequestError(
                f"configuration {saved.id!r} is a {saved.product_type} configuration, "
                "not classify_v2"
            )
        return ClassifyV2Parameters.model_validate(saved.parameters).to_configuration()

    # --- workers --------------------------------------------------------------------------------

    def _work(self) -> None:
        while not self._stopping.is_set():
            try:
                job = self._store.claim_next_job()
            except ClassifyError:  # the store closed under us: the service is stopping
                return
            if job is None:
                self._wake.wait(_IDLE_POLL_SECONDS)
                self._wake.clear()
                continue
            self._run_job(job)

    def _run_job(self, job: JobRecord) -> None:
        deadline = None if self.job_timeout is None else time.monotonic() + self.job_timeout
        self._hold_deadline(job.id, deadline)
        result, error_message = None, None
        try:
            execute = self._execute_parse if job.kind == _PARSE else self._execute_classify
            result = execute(job, deadline)
        except (_ServiceStopping, _JobAbandoned):
            return
        except _JobTimedOut:
            error_message = self._timeout_message()
        except ClassifyError as error:
            error_message = str(error)
        except Exception as error:  # one job's bug must not stop the worker or other jobs
            logger.exception("job %s failed unexpectedly", job.id)
            error_message = f"internal error while running the job: {type(error).__name__}: {error}"
        finally:
            self._release_deadline(job.id)
        status = "FAILED" if error_message is not None else "COMPLETED"
        try:
            # Only a job still RUNNING is updated: a late result of a job that was
            # cancelled or timed out meanwhile is dropped here.
            self._store.finish_job(job.id, status, result=result, error_message=error_message)
        except ClassifyError:
            # The service was closed without waiting; the job stays RUNNING in the store
            # and runs again when it is next opened.
            return

    def _execute_parse(self, job: JobRecord, deadline: float | None) -> dict[str, Any]:
        data, name = self._input_file(job)
        self._checkpoint(job.id, deadline)
        options = job.request["parsing"]
        parsed = parse_document(
            data,
            ParsingConfiguration(**options),
            filename=name,
            ocr=self._ocr,
            limits=self.limits,
        )
        self._checkpoint(job.id, deadline)
        return _parsed_to_json(parsed)

    def _execute_classify(self, job: JobRecord, deadline: float | None) -> dict[str, Any]:
        configuration = ClassifyConfiguration.model_validate(job.request["configuration"])
        classifier = self._get_classifier()
        if job.request["document_input_type"] == "parse_job_id":
            parsed = self._parsed_pages(job, configuration.parsing_configuration, deadline)
        else:
            data, name = self._input_file(job)
            self._checkpoint(job.id, deadline)
            parsed = parse_document(
                data,
                configuration.parsing_configuration,
                filename=name,
                ocr=classifier.ocr,
                limits=self.limits,
            )
        self._checkpoint(job.id, deadline)
        with self._model_turn(job.id, deadline):
            result = classifier.classify_parsed(parsed, configuration).result
        return result.model_dump(mode="json")

    # --- deadlines and cancellation ----------------------------------------------------------

    def _checkpoint(self, job_id: str, deadline: float | None) -> None:
        """Stop work on a job that passed its deadline or is no longer RUNNING."""
        if _past(deadline):
            raise _JobTimedOut
        if self._store.job_status(job_id) != "RUNNING":
            raise _JobAbandoned

    @contextmanager
    def _model_turn(self, job_id: str, deadline: float | None) -> Iterator[None]:
        """The model to this job alone, waiting no longer than the job's deadline.

        Workers parse side by side but take turns on the one model: a fast tokenizer
        shared between threads can fail with "Already borrowed".
        """
        wait = -1 if deadline is None else max(0.0, deadline - time.monotonic())
        if not self._model_lock.acquire(timeout=wait):
            raise _JobTimedOut
        try:
            self._checkpoint(job_id, deadline)  # it may have been cancelled while it waited
            yield
        finally:
            self._model_lock.release()

    def _timeout_message(self) -> str:
        return (
            f"the job did not finish within the service's job timeout of {self.job_timeout:g} s "
            "and was stopped; classify fewer pages (target_pages, max_pages) or give the "
            "service a longer job_timeout"
        )

    def _hold_deadline(self, job_id: str, deadline: float | None) -> None:
        if deadline is None:
            return
        with self._deadlines_changed:
            self._deadlines[job_id] = deadline
            self._deadlines_changed.notify_all()

    def _release_deadline(self, job_id: str) -> None:
        with self._deadlines_changed:
            self._deadlines.pop(job_id, None)

    def _watch_deadlines(self) -> None:
        """Fail each job at its deadline, even while its worker is still busy with it."""
        while True:
            with self._deadlines_changed:
                if self._stopping.is_set():
                    return
                now = time.monotonic()
                overdue = [job_id for job_id, due in self._deadlines.items() if due <= now]
                if not overdue:
                    upcoming = min(self._deadlines.values(), default=None)
                    self._deadlines_changed.wait(None if upcoming is None else upcoming - now)
                    continue
                for job_id in overdue:
                    del self._deadlines[job_id]
            for job_id in overdue:
                try:
                    failed = self._store.finish_job(
                        job_id, "FAILED", error_message=self._timeout_message()
                    )
                except ClassifyError:  # closed without waiting: the job runs again later
                    return
                if failed:
                    logger.warning(
                        "job %s passed its %g s timeout and was failed; its worker stops "
                        "at the end of the current stage",
                        job_id,
                        self.job_timeout,
                    )

    def _input_file(self, job: JobRecord) -> tuple[bytes, str]:
        record = self._store.get_file(job.project_id, job.file_input)
        if record is None:
            raise ClassifyError(f"file {job.file_input!r} was deleted before the job ran")
        return self._store.read_file(record.id), record.name

    def _parsed_pages(
        self, job: JobRecord, parsing: ParsingConfiguration | None, deadline: float | None
    ) -> ParsedDocument:
        parse_job = self._store.get_job(job.project_id, _PARSE, job.file_input)
        while parse_job is not None and parse_job.status not in TERMINAL_STATUSES:
            # Another worker is parsing it; a classify job is queued after its parse job.
            if self._stopping.is_set():
                raise _ServiceStopping
            self._checkpoint(job.id, deadline)
            time.sleep(0.05)
            parse_job = self._store.get_job(job.project_id, _PARSE, job.file_input)
        if parse_job is None:
            raise ClassifyError(f"parse job {job.file_input!r} was deleted before the job ran")
        if parse_job.status != "COMPLETED":
            reason = f": {parse_job.error_message}" if parse_job.error_message else ""
            raise ClassifyError(
                f"parse job {job.file_input!r} is {parse_job.status}{reason}; "
                "there are no pages to classify"
            )
        assert parse_job.result is not None
        parsed = _parsed_from_json(parse_job.result)
        return _select_parsed_pages(parsed, parsing)

    def _get_classifier(self) -> Classifier:
        with self._classifier_lock:
            if self._classifier is None:
                self._classifier = Classifier(self._model, ocr=self._ocr)
            return self._classifier


def _past(deadline: float | None) -> bool:
    return deadline is not None and time.monotonic() >= deadline


_JOB_NOUNS = {_PARSE: ("parse job", _PARSE_PREFIX), _CLASSIFY: ("classify job", _CLASSIFY_PREFIX)}


# --- ids, pages and checks ------------------------------------------------------------------------


def _new_id(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4()}"


def _project(project_id: str | None) -> str:
    return project_id or DEFAULT_PROJECT_ID


def _not_found(noun: str, object_id: str) -> NotFoundError:
    return NotFoundError(f"no {noun} {object_id!r} in this project")


def _check_prefix(object_id: str, prefix: str, noun: str) -> None:
    if not isinstance(object_id, str) or not object_id.startswith(prefix):
        raise NotFoundError(
            f"no {noun} {object_id!r} in this project ({noun} ids start with {prefix!r})"
        )


def _page_size(page_size: int | None, *, maximum: int) -> int:
    if page_size is None:
        return min(DEFAULT_PAGE_SIZE, maximum)
    if not 1 <= page_size <= maximum:
        raise InvalidRequestError(f"page_size must be between 1 and {maximum}, got {page_size}")
    return page_size


def _read_page_token(token: str | None, listing: str) -> int:
    """The ``seq`` a page of a listing in upload order starts after."""
    return _read_cursor(token, listing)[0]


def _read_cursor(
    token: str | None, listing: str, key_length: int = 0
) -> tuple[int, tuple[str, ...]]:
    """The ``seq`` (and, in an ordered listing, the ordered values) a page starts after."""
    if not token:
        return 0, ()
    try:
        padded = token + "=" * (-len(token) % 4)
        payload = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        after, key = payload["after"], payload.get("key", [])
        # A forged token must not reach SQLite with a number it cannot hold.
        if (
            payload["list"] == listing
            and type(after) is int
            and 0 <= after < 2**63
            and isinstance(key, list)
            and len(key) == key_length
            and all(isinstance(value, str) for value in key)
        ):
            # A forged key must not reach SQLite with text it cannot encode.
            "".join(key).encode("utf-8")
            return after, tuple(key)
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeEncodeError, binascii.Error):
        pass
    raise InvalidRequestError(
        f"page_token {token!r} was not issued by this list; pass next_page_token as returned"
    )


def _next_page_token(listing: Any, name: str) -> str | None:
    if not listing.has_more:
        return None
    page = {"list": name, "after": listing.next_after}
    if listing.next_key:
        page["key"] = list(listing.next_key)
    return base64.urlsafe_b64encode(json.dumps(page).encode()).decode("ascii").rstrip("=")


# The File fields a listing may be ordered by, and the store's column for each.
_FILE_ORDER_FIELDS = {
    "id": "id",
    "name": "name",
    "file_type": "file_type",
    "purpose": "purpose",
    "external_file_id": "external_file_id",
    "last_modified_at": "created_at",
    "created_at": "created_at",
}


def _file_order(order_by: str | None) -> tuple[tuple[str, bool], ...]:
    """``"name, last_modified_at desc"`` as (column, descending) pairs."""
    order: list[tuple[str, bool]] = []
    for item in (order_by or "").split(","):
        words = item.split()
        if not words:
            continue
        field, direction = words[0], (words[1].lower() if len(words) > 1 else "asc")
        if field not in _FILE_ORDER_FIELDS or len(words) > 2 or direction not in ("asc", "desc"):
            fields = ", ".join(_FILE_ORDER_FIELDS)
            raise InvalidRequestError(
                f"order_by {order_by!r}: {item.strip()!r} is not 'FIELD' or 'FIELD desc' "
                f"with FIELD one of {fields}"
            )
        order.append((_FILE_ORDER_FIELDS[field], direction == "desc"))
    return tuple(order)


def _check_status(status: str | None) -> str | None:
    if status is not None and status not in ("PENDING", "RUNNING", *TERMINAL_STATUSES):
        raise InvalidRequestError(
            f"status {status!r} is not one of PENDING, RUNNING, COMPLETED, FAILED, CANCELLED"
        )
    return status


def _moment(value: datetime | str | None, field: str) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime):
        try:
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise InvalidRequestError(f"{field} {value!r} is not an ISO-8601 date-time") from None
    if value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    try:
        return value.astimezone(timezone.utc)
    except OverflowError:
        raise InvalidRequestError(f"{field} {value.isoformat()!r} is out of range") from None


def _check_type(field: str, value: Any, expected: Any) -> None:
    """Refuse a value of the wrong type before it is stored (HTTP callers are checked earlier)."""
    try:
        TypeAdapter(expected).validate_python(value, strict=True)
    except ValidationError as error:
        raise InvalidRequestError(_describe_validation(error, prefix=field)) from None


def _check_page_options(target_pages: str | None, max_pages: int | None) -> None:
    """Refuse at creation what can be refused without the document."""
    try:
        if target_pages is not None and target_pages.strip():
            parse_target_pages(target_pages)
    except PageSelectionError as error:
        raise InvalidRequestError(str(error)) from None
    if max_pages is not None and max_pages < 1:
        raise InvalidRequestError(f"max_pages must be at least 1, got {max_pages}")


def _check_configuration_name(name: str) -> None:
    if not isinstance(name, str) or not 1 <= len(name) <= 255:
        raise InvalidRequestError("a configuration name must be 1 to 255 characters")


def _validate_parameters(
    parameters: dict[str, Any] | ClassifyV2Parameters | OtherProductParameters,
) -> ClassifyV2Parameters | OtherProductParameters:
    validated = _parameters_model(parameters)
    if isinstance(validated, ClassifyV2Parameters) and validated.parsing_configuration:
        # A saved configuration no job could use is refused when it is saved.
        pages = validated.parsing_configuration
        _check_page_options(pages.target_pages, pages.max_pages)
    return validated


def _parameters_model(
    parameters: dict[str, Any] | ClassifyV2Parameters | OtherProductParameters,
) -> ClassifyV2Parameters | OtherProductParameters:
    if isinstance(parameters, (ClassifyV2Parameters, OtherProductParameters)):
        return parameters
    # Validated by the tagged type directly, so errors read "parameters.rules.0..."
    # rather than carrying the union's tag in their location.
    is_classify = isinstance(parameters, dict) and parameters.get("product_type") == "classify_v2"
    try:
        if is_classify:
            return ClassifyV2Parameters.model_validate(parameters)
        return _PARAMETERS.validate_python(parameters)
    except ValidationError as error:
        raise InvalidRequestError(_describe_validation(error, prefix="parameters")) from None


def _stored_parameters(parameters: ClassifyV2Parameters | OtherProductParameters) -> dict:
    # exclude_unset keeps "lang was given" apart from "lang defaulted to en".
    stored = parameters.model_dump(mode="json", exclude_unset=True)
    stored["product_type"] = parameters.product_type
    return stored


def _describe_validation(error: ValidationError, prefix: str = "") -> str:
    problems = []
    for item in error.errors():
        location = ".".join(str(part) for part in (prefix, *item["loc"]) if part != "")
        problems.append(f"{location or 'body'}: {item['msg']}")
    return "invalid request: " + "; ".join(problems)


def _read_upload(
    content: bytes | bytearray | memoryview | str | os.PathLike | BinaryIO, limit: int
) -> tuple[bytes, str | None]:
    """The bytes and, when it has one, the name; never more than ``limit`` bytes read."""
    if isinstance(content, (bytes, bytearray, memoryview)):
        data, name = bytes(content), None
    elif isinstance(content, (str, os.PathLike)):
        path = Path(content)
        try:
            size = path.stat().st_size
            if size > limit:
                raise _too_large(size, limit)
            # stat() says 0 for pipes and devices: read no more than one byte past the limit.
            with path.open("rb") as stream:
                data, name = stream.read(limit + 1), path.name
        except FileNotFoundError:
            raise InvalidRequestError(f"no such file: {str(path)!r}") from None
        except IsADirectoryError:
            raise InvalidRequestError(f"{str(path)!r} is a directory, not a file") from None
        except OSError as error:
            raise InvalidRequestError(f"cannot read {str(path)!r}: {error.strerror}") from None
    elif hasattr(content, "read"):
        chunks, size = [], 0
        while chunk := content.read(_READ_CHUNK):
            if isinstance(chunk, str):
                chunk = chunk.encode("utf-8")
            size += len(chunk)
            if size > limit:
                raise _too_large(None, limit)
            chunks.append(chunk)
        data = b"".join(chunks)
        stream_name = getattr(content, "name", None)
        name = Path(stream_name).name if isinstance(stream_name, str) else None
    else:
        raise InvalidRequestError(
            f"cannot upload a {type(content).__name__}; give bytes, a path or a binary stream"
        )
    if len(data) > limit:
        raise _too_large(len(data), limit)
    return data, name


def _too_large(size: int | None, limit: int) -> PayloadTooLargeError:
    actual = f"{size:,} bytes" if size is not None else "larger than that"
    return PayloadTooLargeError(
        f"the file is {actual}; this service accepts files up to {limit:,} bytes "
        f"({limit / (1024 * 1024):g} MB). Nothing was stored"
    )


# --- parsed pages ---------------------------------------------------------------------------------


def _parsed_to_json(parsed: ParsedDocument) -> dict[str, Any]:
    return {
        "pages": [
            {"number": page.number, "text": page.text, "ocr": page.ocr} for page in parsed.pages
        ],
        "page_count": parsed.page_count,
        "format": parsed.format,
        "requested_lang": parsed.requested_lang,
        "detected_lang": parsed.detected_lang,
    }


def _parsed_from_json(stored: dict[str, Any]) -> ParsedDocument:
    return ParsedDocument(
        pages=[Page(number=p["number"], text=p["text"], ocr=p["ocr"]) for p in stored["pages"]],
        page_count=stored["page_count"],
        format=stored["format"],
        requested_lang=stored["requested_lang"],
        detected_lang=stored["detected_lang"],
    )


def _select_parsed_pages(
    parsed: ParsedDocument, parsing: ParsingConfiguration | None
) -> ParsedDocument:
    """Apply a classify configuration's page options to a parse job's pages."""
    if parsing is None:
        return parsed
    requested_lang = parsed.requested_lang
    if "lang" in parsing.model_fields_set:
        requested_lang = parsing.lang
    pages = parsed.pages
    if parsing.target_pages or parsing.max_pages is not None:
        wanted = set(select_pages(parsed.page_count, parsing.target_pages, None))
        pages = [page for page in pages if page.number in wanted]
        if parsing.max_pages is not None:
            pages = pages[: parsing.max_pages]
        if not pages:
            parsed_numbers = ", ".join(str(page.number) for page in parsed.pages)
            raise PageSelectionError(
                f"target_pages {parsing.target_pages!r} selects none of the pages the parse "
                f"job read ({parsed_numbers})"
            )
        if not any(page.has_text for page in pages):
            numbers = ", ".join(str(page.number) for page in pages)
            raise ClassifyError(
                f"the selected pages ({numbers}) have no text; there is nothing to classify"
            )
    return ParsedDocument(
        pages=pages,
        page_count=parsed.page_count,
        format=parsed.format,
        requested_lang=requested_lang,
        detected_lang=parsed.detected_lang,
    )


# --- wire models ----------------------------------------------------------------------------------


def _file_model(record: FileRecord) -> File:
    return File(
        id=record.id,
        name=record.name,
        project_id=record.project_id,
        external_file_id=record.external_file_id,
        file_type=record.file_type,
        last_modified_at=record.created_at,
        expires_at=None,
        purpose=record.purpose,
    )


def _configuration_model(record: ConfigurationRecord) -> Configuration:
    return Configuration(
        id=record.id,
        name=record.name,
        product_type=record.product_type,
        version=format_time(record.updated_at),
        parameters=record.parameters,
        created_at=record.created_at,
        updated_at=record.updated_at,
    )


def _parse_job_model(record: JobRecord, expand: Sequence[str]) -> ParseJob:
    return ParseJob(
        id=record.id,
        project_id=record.project_id,
        status=record.status,
        created_at=record.created_at,
        updated_at=record.updated_at,
        error_message=record.error_message if record.status == "FAILED" else None,
        name=record.request.get("name"),
        tier=record.request.get("tier"),
        user_metadata=record.request.get("user_metadata"),
        usage=JobUsage(credits=0.0) if "usage" in expand else None,
    )


def _parse_result_model(record: JobRecord, expand: Sequence[str]) -> ParseResult:
    result = ParseResult(job=_parse_job_model(record, expand))
    if record.status != "COMPLETED" or record.result is None:
        return result
    stored = record.result
    pages = stored["pages"]
    if "text" in expand:
        result.text = TextResult(
            pages=[TextResultPage(page_number=p["number"], text=p["text"]) for p in pages]
        )
    if "markdown" in expand:
        result.markdown = MarkdownResult(
            pages=[MarkdownResultPage(page_number=p["number"], markdown=p["text"]) for p in pages]
        )
    if "text_full" in expand:
        result.text_full = "\n\n".join(p["text"] for p in pages)
    if "markdown_full" in expand:
        result.markdown_full = "\n\n".join(p["text"] for p in pages)
    if "metadata" in expand:
        result.metadata = MetadataResult(
            pages=[MetadataResultPage(page_number=p["number"]) for p in pages]
        )
    if "job_metadata" in expand:
        result.job_metadata = {
            "page_count": stored["page_count"],
            "pages_read": [p["number"] for p in pages],
            "ocr_pages": [p["number"] for p in pages if p["ocr"]],
            "format": stored["format"],
            "detected_lang": stored["detected_lang"],
        }
    return result


def _classify_job_model(record: JobRecord, expand: Sequence[str]) -> ClassifyJob:
    input_type = record.request["document_input_type"]
    return ClassifyJob(
        id=record.id,
        file_input=record.file_input,
        project_id=record.project_id,
        user_id=DEFAULT_USER_ID,
        status=record.status,
        document_input_type=input_type,
        configuration=record.request["configuration"],
        created_at=record.created_at,
        updated_at=record.updated_at,
        result=record.result if record.status == "COMPLETED" else None,
        error_message=record.error_message if record.status == "FAILED" else None,
        configuration_id=record.configuration_id,
        transaction_id=record.transaction_id,
        parse_job_id=record.file_input if input_type == "parse_job_id" else None,
        usage=ClassifyJobUsage(credits=0.0) if "usage" in expand else None,
    )
