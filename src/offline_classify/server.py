"""The local server: LlamaCloud's classify, files, parse and configurations paths over HTTP.

A thin skin over :class:`~offline_classify.service.LocalCloud`: every route validates
its input with the wire types of :mod:`offline_classify.cloud_schema`, calls one
service method and returns its answer. Paths, methods, status codes and JSON follow
the cloud's OpenAPI description, so the official ``llama-cloud`` SDK works against it
unchanged once ``LLAMA_CLOUD_BASE_URL`` points here::

    offline-classify serve --port 8080
    LLAMA_CLOUD_BASE_URL=http://127.0.0.1:8080 python my_llama_cloud_script.py

Errors have the cloud's shapes: ``422 {"detail": [{"type", "loc", "msg", "input"}]}``
for a request that does not validate, ``{"detail": "..."}`` with 401, 404, 409 and 413
otherwise. A 5xx body never holds a traceback (that goes to the server's log).

Authentication: with API keys configured (``OFFLINE_CLASSIFY_API_KEY``, comma-separated)
every route but ``GET /health`` needs ``Authorization: Bearer <key>``; with none the
server is open, accepts any bearer, and says so in its log when it starts.

``GET /api/v1/beta/files/{id}/content`` answers, as the cloud does, with a presigned
URL. Here that URL points back at this server (``/local/files/{id}/download``) and
carries an expiry and an HMAC signature instead of needing the bearer key.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import mimetypes
import secrets
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import datetime, timedelta, timezone
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, FastAPI, File, Form, Query, Request, UploadFile
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from offline_classify import __version__
from offline_classify.cloud_schema import (
    PARSE_VERSIONS,
    ClassifyJob,
    ClassifyJobCreateRequest,
    ClassifyJobPage,
    Configuration,
    ConfigurationCreateRequest,
    ConfigurationListPage,
    ConfigurationUpdateRequest,
    FileFilter,
    FileListPage,
    FileQueryRequest,
    JobStatus,
    ParseJob,
    ParseJobCreateRequest,
    ParseJobListPage,
    ParseResult,
    ParseVersions,
    PresignedUrl,
    ProductType,
)
from offline_classify.cloud_schema import (
    File as CloudFile,
)
from offline_classify.errors import (
    ClassifyError,
    ConflictError,
    DocumentError,
    InvalidRequestError,
    ModelError,
    NotFoundError,
    PageSelectionError,
    PayloadTooLargeError,
)
from offline_classify.service import LocalCloud

__all__ = ["create_app", "DEFAULT_MAX_JSON_BYTES"]

logger = logging.getLogger("offline_classify.server")

DEFAULT_MAX_JSON_BYTES = 16 * 1024 * 1024
"""Largest body accepted by the routes that take JSON (a classify job's rules, say)."""

_MULTIPART_ALLOWANCE = 1024 * 1024
"""Room for the multipart envelope and form fields on top of an upload's file size limit."""

_UPLOAD_PATHS = frozenset({"/api/v1/beta/files", "/api/v2/parse/upload"})
_DOWNLOAD_PREFIX = "/local/files/"
_PUBLIC_PATHS = frozenset({"/health"})
_DEFAULT_URL_LIFETIME_S = 3600
_MAX_URL_LIFETIME_S = 7 * 24 * 3600
"""A presigned URL lives at most a week; a longer lifetime is a 422, not an overflow."""

# The SDK retries 409 and 5xx answers five times with backoff; ours are deterministic,
# so a retry would only repeat the same answer more slowly.
_NO_RETRY = {"x-should-retry": "false"}


def create_app(
    cloud: LocalCloud,
    *,
    api_keys: Sequence[str] = (),
    max_json_bytes: int = DEFAULT_MAX_JSON_BYTES,
) -> FastAPI:
    """The HTTP application over a running :class:`LocalCloud`.

    The application does not own ``cloud``: whoever created it closes it.

    Args:
        cloud: The service that stores files and runs jobs.
        api_keys: Bearer keys the server accepts; empty means any bearer (an open server).
        max_json_bytes: Largest JSON body accepted; uploads are capped by the service's
            file size limit instead.

    Returns:
        A FastAPI application to serve with uvicorn, or to call in-process through an
        httpx transport (see :mod:`offline_classify.testing`).
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Said when a server starts, not when the app is built: an in-process test client
        # cannot be reached from outside, so there is nothing to warn about there.
        if not api_keys:
            logger.warning(
                "no API key configured (OFFLINE_CLASSIFY_API_KEY): the server accepts any "
                "bearer token; anyone who can reach it can use it"
            )
        yield

    app = FastAPI(
        title="offline-classify",
        version=__version__,
        summary="LlamaCloud's Classify v2, files, parse v2 and configurations paths, offline.",
        lifespan=lifespan,
    )
    app.state.cloud = cloud
    app.state.url_secret = secrets.token_bytes(32)
    app.include_router(_router)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(ClassifyError, _service_error)
    app.add_exception_handler(Exception, _unexpected_error)
    max_upload = cloud.max_file_bytes + _MULTIPART_ALLOWANCE
    app.add_middleware(
        _Guard, api_keys=tuple(api_keys), max_json_bytes=max_json_bytes, max_upload=max_upload
    )
    return app


# --- plumbing shared by the routes ----------------------------------------------------------


def _cloud(request: Request) -> LocalCloud:
    return request.app.state.cloud


def _project(
    project_id: Annotated[str | None, Query(description="Project to act in")] = None,
    organization_id: Annotated[
        str | None, Query(description="Accepted for compatibility; there is one organization")
    ] = None,
) -> str | None:
    return project_id


Cloud = Annotated[LocalCloud, Depends(_cloud)]
Project = Annotated[str | None, Depends(_project)]
PageSize = Annotated[int | None, Query(ge=1, le=1000, description="Items per page")]
PageToken = Annotated[str | None, Query(description="next_page_token of the previous page")]

_router = APIRouter()


# --- classify jobs ----------------------------------------------------------------------------


@_router.post("/api/v2/classify", response_model=ClassifyJob, tags=["classify"])
def create_classify_job(
    body: ClassifyJobCreateRequest, cloud: Cloud, project_id: Project
) -> ClassifyJob:
    """Create a classify job; it is PENDING at once and runs in the background."""
    return cloud.create_classify_job(body, project_id=project_id)


@_router.get("/api/v2/classify", response_model=ClassifyJobPage, tags=["classify"])
def list_classify_jobs(
    cloud: Cloud,
    project_id: Project,
    page_size: PageSize = None,
    page_token: PageToken = None,
    status: JobStatus | None = None,
    job_ids: Annotated[list[str] | None, Query()] = None,
    configuration_id: str | None = None,
    created_at_on_or_after: datetime | None = None,
    created_at_on_or_before: datetime | None = None,
) -> ClassifyJobPage:
    """List classify jobs, oldest first, a page at a time."""
    return cloud.list_classify_jobs(
        status=status,
        job_ids=job_ids,
        configuration_id=configuration_id,
        created_at_on_or_after=created_at_on_or_after,
        created_at_on_or_before=created_at_on_or_before,
        page_size=page_size,
        page_token=page_token,
        project_id=project_id,
    )


@_router.get("/api/v2/classify/{job_id}", response_model=ClassifyJob, tags=["classify"])
def get_classify_job(
    job_id: str,
    cloud: Cloud,
    project_id: Project,
    expand: Annotated[list[str] | None, Query(description="Extra fields: usage")] = None,
) -> ClassifyJob:
    """A classify job, with its result once COMPLETED."""
    return cloud.get_classify_job(job_id, expand=expand or (), project_id=project_id)


@_router.delete("/api/v2/classify/{job_id}", tags=["classify"])
def delete_classify_job(job_id: str, cloud: Cloud, project_id: Project) -> dict[str, str]:
    """Delete a job in a terminal state; answers the deleted job's identifiers."""
    job = cloud.get_classify_job(job_id, project_id=project_id)
    cloud.delete_classify_job(job_id, project_id=project_id)
    return {"id": job.id, "project_id": job.project_id}


@_router.post("/api/v2/classify/{job_id}/cancel", response_model=ClassifyJob, tags=["classify"])
def cancel_classify_job(job_id: str, cloud: Cloud, project_id: Project) -> ClassifyJob:
    """Cancel a PENDING or RUNNING job."""
    return cloud.cancel_classify_job(job_id, project_id=project_id)


# --- files -------------------------------------------------------------------------------------


@_router.post("/api/v1/beta/files", status_code=201, response_model=CloudFile, tags=["files"])
async def upload_file(
    cloud: Cloud,
    project_id: Project,
    file: Annotated[UploadFile, File(description="The file to upload")],
    purpose: Annotated[str, Form(description="How the file will be used")],
    external_file_id: Annotated[str | None, Form()] = None,
) -> CloudFile:
    """Upload a file (multipart ``file`` + ``purpose``)."""
    return await run_in_threadpool(
        cloud.create_file,
        file.file,
        name=file.filename or "upload",
        purpose=purpose,
        external_file_id=external_file_id,
        project_id=project_id,
    )


@_router.post("/api/v1/beta/files/query", response_model=FileListPage, tags=["files"])
def query_files(body: FileQueryRequest, cloud: Cloud, project_id: Project) -> FileListPage:
    """Files matching a filter, a page at a time (deprecated in the cloud; kept for the SDK).

    A ``page_size`` above 1000 is lowered to 1000, as the cloud does. Local files have no
    data source: a ``data_source_id`` filter matches none, ``only_manually_uploaded``
    matches all. ``order_by`` works as in ``GET /api/v1/beta/files``.
    """
    query = body.filter or FileFilter()
    if query.data_source_id is not None:
        return FileListPage(items=[], total_size=0)
    page_size = None if body.page_size is None else min(body.page_size, 1000)
    return cloud.list_files(
        page_size=page_size,
        page_token=body.page_token,
        file_ids=query.file_ids,
        file_name=query.file_name,
        external_file_id=query.external_file_id,
        order_by=body.order_by,
        project_id=query.project_id or project_id,
    )


@_router.get("/api/v1/beta/files", response_model=FileListPage, tags=["files"])
def list_files(
    request: Request,
    cloud: Cloud,
    project_id: Project,
    page_size: PageSize = None,
    page_token: PageToken = None,
    file_ids: Annotated[list[str] | None, Query()] = None,
    file_name: str | None = None,
    external_file_id: str | None = None,
    order_by: Annotated[
        str | None, Query(description="Fields to order by, comma-separated: 'name, id desc'")
    ] = None,
    expand: Annotated[list[str] | None, Query(description="Extra fields: download_url")] = None,
) -> FileListPage:
    """List files, a page at a time, optionally filtered and ordered."""
    page = cloud.list_files(
        page_size=page_size,
        page_token=page_token,
        file_ids=file_ids,
        file_name=file_name,
        external_file_id=external_file_id,
        order_by=order_by,
        project_id=project_id,
    )
    if expand and "download_url" in expand:
        page.items = [_with_download_url(request, file) for file in page.items]
    return page


@_router.get("/api/v1/beta/files/{file_id}", response_model=CloudFile, tags=["files"])
def get_file(
    file_id: str,
    request: Request,
    cloud: Cloud,
    project_id: Project,
    expand: Annotated[list[str] | None, Query(description="Extra fields: download_url")] = None,
) -> CloudFile:
    """A file's metadata; ``expand=download_url`` adds a presigned URL."""
    file = cloud.get_file(file_id, project_id=project_id)
    if expand and "download_url" in expand:
        file = _with_download_url(request, file)
    return file


@_router.delete("/api/v1/beta/files/{file_id}", status_code=204, tags=["files"])
def delete_file(file_id: str, cloud: Cloud, project_id: Project) -> Response:
    """Delete a file and its content."""
    cloud.delete_file(file_id, project_id=project_id)
    return Response(status_code=204)


@_router.get("/api/v1/beta/files/{file_id}/content", response_model=PresignedUrl, tags=["files"])
def read_file_content(
    file_id: str,
    request: Request,
    cloud: Cloud,
    project_id: Project,
    expires_at_seconds: Annotated[
        int | None,
        Query(ge=1, le=_MAX_URL_LIFETIME_S, description="Lifetime of the URL in seconds"),
    ] = None,
) -> PresignedUrl:
    """A presigned URL that downloads the file's bytes from this server."""
    file = cloud.get_file(file_id, project_id=project_id)
    return _presign(request, file.id, file.project_id, expires_at_seconds)


@_router.get("/local/files/{file_id}/download", tags=["files"], include_in_schema=False)
def download_file(
    file_id: str,
    request: Request,
    cloud: Cloud,
    project: str = "",
    expires: int = 0,
    signature: str = "",
) -> Response:
    """The target of a presigned URL: the file's bytes, if the signature holds."""
    expected = _signature(request.app.state.url_secret, project, file_id, expires)
    if not hmac.compare_digest(expected, signature) or expires < time.time():
        return JSONResponse({"detail": "the download URL is invalid or has expired"}, 403)
    file, content = cloud.read_file_content(file_id, project_id=project)
    media_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    disposition = f"attachment; filename*=UTF-8''{quote(file.name, safe='')}"
    return Response(content, media_type=media_type, headers={"content-disposition": disposition})


def _with_download_url(request: Request, file: CloudFile) -> CloudFile:
    download_url = _presign(request, file.id, file.project_id, None)
    return file.model_copy(update={"download_url": download_url})


def _presign(
    request: Request, file_id: str, project_id: str, lifetime_s: int | None
) -> PresignedUrl:
    expires_at = datetime.now(timezone.utc) + timedelta(
        seconds=lifetime_s or _DEFAULT_URL_LIFETIME_S
    )
    expires = int(expires_at.timestamp())
    signature = _signature(request.app.state.url_secret, project_id, file_id, expires)
    url = request.url_for("download_file", file_id=file_id).include_query_params(
        project=project_id, expires=expires, signature=signature
    )
    return PresignedUrl(url=str(url), expires_at=expires_at)


def _signature(secret: bytes, project_id: str, file_id: str, expires: int) -> str:
    # The project is signed too: a URL names one file of one project, and no other.
    message = f"{project_id}:{file_id}:{expires}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


# --- parse jobs --------------------------------------------------------------------------------


@_router.post("/api/v2/parse", response_model=ParseJob, tags=["parse"])
def create_parse_job(body: ParseJobCreateRequest, cloud: Cloud, project_id: Project) -> ParseJob:
    """Parse an uploaded file (``file_id``); ``page_ranges`` and the OCR language apply."""
    _check_parse_request(body)
    if body.file_id is None:
        raise InvalidRequestError("give file_id: the id of a file uploaded to this server")
    ranges = body.page_ranges
    return cloud.create_parse_job(
        file_id=body.file_id,
        target_pages=ranges.target_pages if ranges else None,
        max_pages=ranges.max_pages if ranges else None,
        lang=body.lang,
        tier=body.tier,
        user_metadata=body.user_metadata,
        project_id=project_id,
    )


@_router.post("/api/v2/parse/upload", response_model=ParseJob, tags=["parse"])
async def upload_and_parse(
    cloud: Cloud,
    project_id: Project,
    file: Annotated[UploadFile, File(description="The file to upload and parse")],
    configuration: Annotated[
        str, Form(description="The parse configuration, as a JSON string")
    ] = "{}",
) -> ParseJob:
    """Upload a file and parse it (multipart ``file`` + ``configuration`` JSON string)."""
    try:
        request = ParseJobCreateRequest.model_validate_json(configuration)
    except ValidationError as error:
        raise RequestValidationError(_located(error, ("body", "configuration"))) from None
    _check_parse_request(request)
    ranges = request.page_ranges
    return await run_in_threadpool(
        cloud.upload_and_parse,
        file.file,
        name=file.filename or "upload",
        target_pages=ranges.target_pages if ranges else None,
        max_pages=ranges.max_pages if ranges else None,
        lang=request.lang,
        tier=request.tier,
        project_id=project_id,
    )


@_router.get("/api/v2/parse", response_model=ParseJobListPage, tags=["parse"])
def list_parse_jobs(
    cloud: Cloud,
    project_id: Project,
    page_size: PageSize = None,
    page_token: PageToken = None,
    status: JobStatus | None = None,
    job_ids: Annotated[list[str] | None, Query()] = None,
    created_at_on_or_after: datetime | None = None,
    created_at_on_or_before: datetime | None = None,
) -> ParseJobListPage:
    """List parse jobs, a page at a time."""
    return cloud.list_parse_jobs(
        status=status,
        job_ids=job_ids,
        created_at_on_or_after=created_at_on_or_after,
        created_at_on_or_before=created_at_on_or_before,
        page_size=page_size,
        page_token=page_token,
        project_id=project_id,
    )


# Declared before /api/v2/parse/{job_id}, which would otherwise take "versions" for an id.
@_router.get("/api/v2/parse/versions", response_model=ParseVersions, tags=["parse"])
def list_parse_versions() -> ParseVersions:
    """The parse versions each tier accepts, as the cloud lists them (one local parser)."""
    return ParseVersions(**{tier: list(dates) for tier, dates in PARSE_VERSIONS.items()})


@_router.get("/api/v2/parse/{job_id}", response_model=ParseResult, tags=["parse"])
def get_parse_job(
    job_id: str,
    cloud: Cloud,
    project_id: Project,
    expand: Annotated[
        list[str] | None, Query(description="Content to include: text, markdown, ...")
    ] = None,
) -> ParseResult:
    """A parse job, with the content named in ``expand`` once COMPLETED."""
    return cloud.get_parse_job(job_id, expand=expand or (), project_id=project_id)


@_router.delete("/api/v2/parse/{job_id}", tags=["parse"])
def delete_parse_job(job_id: str, cloud: Cloud, project_id: Project) -> dict[str, str]:
    """Delete a parse job in a terminal state; answers the deleted job's identifiers."""
    job = cloud.get_parse_job(job_id, project_id=project_id).job
    cloud.delete_parse_job(job_id, project_id=project_id)
    return {"id": job.id, "project_id": job.project_id}


@_router.post("/api/v2/parse/{job_id}/cancel", response_model=ParseJob, tags=["parse"])
def cancel_parse_job(job_id: str, cloud: Cloud, project_id: Project) -> ParseJob:
    """Cancel a PENDING or RUNNING parse job."""
    return cloud.cancel_parse_job(job_id, project_id=project_id)


def _check_parse_request(request: ParseJobCreateRequest) -> None:
    if request.source_url is not None:
        raise InvalidRequestError(
            "source_url cannot be fetched: this server works offline; upload the file "
            "(POST /api/v1/beta/files) and pass its file_id"
        )
    if request.configuration_id is not None:
        raise InvalidRequestError(
            "saved parse configurations (configuration_id) are not supported here; "
            "give page_ranges and processing_options in the request"
        )


# --- saved configurations -----------------------------------------------------------------------


@_router.post(
    "/api/v1/beta/configurations",
    status_code=201,
    response_model=Configuration,
    tags=["configurations"],
)
def create_configuration(
    body: ConfigurationCreateRequest, cloud: Cloud, project_id: Project
) -> Configuration:
    """Save a configuration (an upsert on name and product type)."""
    return cloud.create_configuration(
        name=body.name, parameters=body.parameters, project_id=project_id
    )


@_router.get(
    "/api/v1/beta/configurations", response_model=ConfigurationListPage, tags=["configurations"]
)
def list_configurations(
    cloud: Cloud,
    project_id: Project,
    product_type: ProductType | None = None,
    name: str | None = None,
    page_size: PageSize = None,
    page_token: PageToken = None,
    latest_only: bool | None = None,
) -> ConfigurationListPage:
    """List saved configurations, a page at a time.

    ``latest_only`` is accepted and changes nothing: each name has one version here.
    """
    return cloud.list_configurations(
        product_type=product_type,
        name=name,
        page_size=page_size,
        page_token=page_token,
        project_id=project_id,
    )


@_router.get(
    "/api/v1/beta/configurations/{config_id}",
    response_model=Configuration,
    tags=["configurations"],
)
def get_configuration(config_id: str, cloud: Cloud, project_id: Project) -> Configuration:
    """A saved configuration."""
    return cloud.get_configuration(config_id, project_id=project_id)


@_router.put(
    "/api/v1/beta/configurations/{config_id}",
    response_model=Configuration,
    tags=["configurations"],
)
def update_configuration(
    config_id: str, body: ConfigurationUpdateRequest, cloud: Cloud, project_id: Project
) -> Configuration:
    """Change a saved configuration's name or parameters."""
    return cloud.update_configuration(
        config_id, name=body.name, parameters=body.parameters, project_id=project_id
    )


@_router.delete("/api/v1/beta/configurations/{config_id}", status_code=204, tags=["configurations"])
def delete_configuration(config_id: str, cloud: Cloud, project_id: Project) -> Response:
    """Delete a saved configuration."""
    cloud.delete_configuration(config_id, project_id=project_id)
    return Response(status_code=204)


# --- health ---------------------------------------------------------------------------------------


@_router.get("/health", tags=["health"])
def health() -> dict[str, str]:
    """Liveness: answers without authentication."""
    return {"status": "ok", "version": __version__}


# --- errors -------------------------------------------------------------------------------------


def _located(error: ValidationError, prefix: tuple[str | int, ...]) -> list[dict[str, Any]]:
    return [{**item, "loc": (*prefix, *item["loc"])} for item in error.errors(include_url=False)]


async def _validation_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    detail = []
    for item in error.errors():
        entry = {key: item[key] for key in ("type", "loc", "msg", "input") if key in item}
        if "ctx" in item:
            # pydantic puts the raised exception itself in ctx; the client gets its text.
            entry["ctx"] = {
                key: str(value) if isinstance(value, Exception) else value
                for key, value in item["ctx"].items()
            }
        detail.append(entry)
    return JSONResponse({"detail": _json_safe(detail)}, status_code=422)


_STATUS_BY_ERROR: tuple[tuple[type[ClassifyError], int], ...] = (
    (NotFoundError, 404),
    (ConflictError, 409),
    (PayloadTooLargeError, 413),
    (ModelError, 503),
)


async def _service_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, ClassifyError)
    message = str(error)
    if isinstance(error, InvalidRequestError | DocumentError | PageSelectionError):
        # Request-level problems are validation errors to a client: same 422 shape. GET
        # and DELETE carry everything in the query string, the others in the body.
        where = "query" if request.method in {"GET", "DELETE"} else "body"
        item = {"type": "value_error", "loc": [where], "msg": message, "input": None}
        return JSONResponse({"detail": [item]}, status_code=422)
    for error_type, status in _STATUS_BY_ERROR:
        if isinstance(error, error_type):
            headers = _NO_RETRY if status >= 409 else None
            return JSONResponse({"detail": message}, status_code=status, headers=headers)
    return JSONResponse({"detail": message}, status_code=400)


async def _unexpected_error(request: Request, error: Exception) -> JSONResponse:
    logger.error("unexpected error on %s %s", request.method, request.url.path, exc_info=error)
    return JSONResponse(
        {"detail": "internal server error; the server's log has the details"},
        status_code=500,
        headers=_NO_RETRY,
    )


def _json_safe(value: Any) -> Any:
    """``value`` with anything JSON cannot hold (bytes, exceptions) turned into text."""
    try:
        return jsonable_encoder(value)
    except (TypeError, ValueError):
        return json.loads(json.dumps(value, default=repr))


# --- authentication and body size, before any route reads the body ---------------------------


class _BodyTooLarge(Exception):
    pass


class _Guard:
    """ASGI middleware: checks the bearer key and caps the body before routes run.

    Both checks happen before the body is read: an unauthenticated client cannot make
    the server parse a large upload, and a declared ``Content-Length`` over the limit is
    refused at once. A body without one is counted as it streams in.
    """

    def __init__(
        self, app: ASGIApp, *, api_keys: tuple[str, ...], max_json_bytes: int, max_upload: int
    ) -> None:
        self.app = app
        self.api_keys = tuple(key.encode() for key in api_keys)
        self.max_json_bytes = max_json_bytes
        self.max_upload = max_upload

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        headers = dict(scope["headers"])
        if not self._authorized(path, headers.get(b"authorization", b"")):
            await _send_json(
                send,
                401,
                {"detail": "missing or invalid API key: send 'Authorization: Bearer <key>'"},
                {b"www-authenticate": b"Bearer"},
            )
            return
        limit = self.max_upload if path in _UPLOAD_PATHS else self.max_json_bytes
        declared = headers.get(b"content-length", b"")
        if declared.isdigit() and int(declared) > limit:
            await _send_json(send, 413, _too_large(limit), {})
            return

        received = 0
        started = False
        overflowed = False

        async def counting_receive() -> Message:
            nonlocal received, overflowed
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    overflowed = True
                    raise _BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if overflowed:
                # FastAPI answers 400 for any error raised while it reads a form, ours
                # included; the cause was the size, so the client gets the 413 instead.
                if not started:
                    started = True
                    await _send_json(send, 413, _too_large(limit), {})
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _BodyTooLarge:
            if not started:
                await _send_json(send, 413, _too_large(limit), {})

    def _authorized(self, path: str, authorization: bytes) -> bool:
        if not self.api_keys or path in _PUBLIC_PATHS or path.startswith(_DOWNLOAD_PREFIX):
            return True
        scheme, _, token = authorization.partition(b" ")
        if scheme.lower() != b"bearer":
            return False
        token = token.strip()
        # Compare against every key so the time taken does not tell which one was close.
        matches = [hmac.compare_digest(token, key) for key in self.api_keys]
        return any(matches)


def _too_large(limit: int) -> dict[str, str]:
    return {"detail": f"request body is larger than this server accepts ({limit} bytes)"}


async def _send_json(
    send: Send, status: int, body: dict[str, Any], headers: dict[bytes, bytes]
) -> None:
    payload = json.dumps(body).encode()
    raw_headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(payload)).encode()),
        *headers.items(),
    ]
    if status >= 409:
        raw_headers.append((b"x-should-retry", b"false"))
    await send({"type": "http.response.start", "status": status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": payload})
