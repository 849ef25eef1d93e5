"""Wire types of the cloud's asynchronous API: files, parse jobs, configurations, classify jobs.

Names, fields, limits and enums follow ``reference/llamacloud-openapi-subset.json``
(``FileV2``, ``ParseJobResponse``/``ParseResultResponse``, ``ConfigurationResponse``,
``ClassifyV2JobCreateRequest``/``ClassifyV2JobResponse``, the ``*QueryResponse`` pages)
and the requests the official ``llama-cloud`` 2.19.0 SDK sends. As everywhere in the
library, unknown fields are ignored and every optional field accepts ``null``.

The rule, configuration and result types of a classify job are the ones in
:mod:`offline_classify.schema`; they are reused here, not redefined.

Saved configurations validate their rules as strictly as inline ones: the OpenAPI's
``ClassifyV2Parameters.rules`` refers to the same ``ClassifyV2Rule`` (``type`` 1-50
characters, ``description`` 10-2000), so a configuration that no job could use is
refused when it is saved, not when a job later reads it. (The SDK itself does not
check lengths: one captured request saves a rule whose description is one character;
the cloud's schema rejects it, and so does this one.) Parameters of other product
types (``extract_v2``, ``parse_v2``...) are stored as given and returned unchanged.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from offline_classify.schema import (
    ClassifyConfiguration,
    ClassifyResult,
    ClassifyRule,
    ParsingConfiguration,
)

__all__ = [
    "JobStatus",
    "TERMINAL_STATUSES",
    "FILE_PURPOSES",
    "PresignedUrl",
    "File",
    "FileListPage",
    "JobUsage",
    "ParsePageRanges",
    "ParseOcrParameters",
    "ParseProcessingOptions",
    "ParseJobCreateRequest",
    "ParseJob",
    "TextResultPage",
    "TextResult",
    "MarkdownResultPage",
    "FailedMarkdownPage",
    "MarkdownResult",
    "MetadataResultPage",
    "MetadataResult",
    "ParseResult",
    "ParseJobListPage",
    "PARSE_VERSIONS",
    "ParseVersions",
    "ProductType",
    "ClassifyV2Parameters",
    "OtherProductParameters",
    "ConfigurationParameters",
    "ConfigurationCreateRequest",
    "ConfigurationUpdateRequest",
    "Configuration",
    "ConfigurationListPage",
    "ClassifyJobCreateRequest",
    "ClassifyJobUsage",
    "ClassifyJob",
    "ClassifyJobPage",
]

JobStatus = Literal["PENDING", "RUNNING", "COMPLETED", "FAILED", "CANCELLED"]
TERMINAL_STATUSES: frozenset[str] = frozenset({"COMPLETED", "FAILED", "CANCELLED"})
"""A job in one of these states never changes again."""

FILE_PURPOSES = ("user_data", "parse", "extract", "classify", "split", "sheet", "agent_app")
"""The ``purpose`` values the cloud's file upload accepts."""

ProductType = Literal[
    "split_v1", "extract_v2", "classify_v2", "parse_v2", "spreadsheet_v1", "unknown"
]


class _WireModel(BaseModel):
    model_config = ConfigDict(extra="ignore")


# --- files ------------------------------------------------------------------------------


class PresignedUrl(_WireModel):
    """A URL to read a file's content (``PresignedUrl``)."""

    url: str = Field(min_length=1)
    expires_at: datetime
    form_fields: dict[str, str] | None = None


class File(_WireModel):
    """An uploaded file (the cloud's ``FileV2``); ids look like ``dfl-<uuid>``."""

    id: str
    name: str = Field(min_length=1, max_length=3000)
    project_id: str
    external_file_id: str | None = None
    file_type: str | None = Field(default=None, min_length=1, max_length=3000)
    last_modified_at: datetime | None = None
    expires_at: datetime | None = None
    purpose: str | None = None
    download_url: PresignedUrl | None = None


class FileListPage(_WireModel):
    """One page of files (``FileQueryResponseV2``)."""

    items: list[File]
    next_page_token: str | None = None
    total_size: int | None = None


class FileFilter(_WireModel):
    """Which files a query returns (``FileFilter``); every field given must match."""

    project_id: str | None = None
    file_ids: list[str] | None = None
    file_name: str | None = None
    data_source_id: str | None = None
    external_file_id: str | None = None
    only_manually_uploaded: bool | None = None


class FileQueryRequest(_WireModel):
    """The body of the deprecated ``POST /api/v1/beta/files/query``."""

    page_size: int | None = None
    page_token: str | None = None
    filter: FileFilter | None = None
    order_by: str | None = None


# --- parse jobs ---------------------------------------------------------------------------


class JobUsage(_WireModel):
    """Credits billed against a job; always 0 locally."""

    credits: float | None = None


class ParsePageRanges(_WireModel):
    """``LlamaParsePageRanges``: which pages a parse job reads."""

    max_pages: int | None = Field(default=None, ge=1)
    target_pages: str | None = None


class ParseOcrParameters(_WireModel):
    """``LlamaParseOcrParameters``: the first language is the document's language."""

    languages: list[str] | None = None


class ParseProcessingOptions(_WireModel):
    """The part of ``LlamaParseProcessingOptions`` that matters offline."""

    ocr_parameters: ParseOcrParameters | None = None


class ParseJobCreateRequest(_WireModel):
    """``ParseRequestConfiguration`` (``POST /api/v2/parse``), the fields read offline.

    ``tier`` and ``version`` are recorded but change nothing: there is one local parser.
    ``source_url`` exists on the wire but cannot be fetched offline.
    """

    tier: str
    version: str
    file_id: str | None = None
    source_url: str | None = None
    page_ranges: ParsePageRanges | None = None
    processing_options: ParseProcessingOptions | None = None
    configuration_id: str | None = None
    client_name: str | None = None
    user_metadata: dict[str, str] | None = None
    webhook_configuration_ids: list[str] | None = Field(default=None, max_length=4)

    @property
    def lang(self) -> str | None:
        """The first OCR language, taken as the document's language."""
        ocr = self.processing_options.ocr_parameters if self.processing_options else None
        return ocr.languages[0] if ocr and ocr.languages else None


class ParseJob(_WireModel):
    """A parse job (``ParseJobResponse``); ids look like ``pjb-<uuid>``."""

    id: str
    project_id: str
    status: JobStatus
    created_at: datetime | None = None
    updated_at: datetime | None = None
    error_message: str | None = None
    name: str | None = None
    tier: str | None = None
    user_metadata: dict[str, str] | None = None
    usage: JobUsage | None = None


class TextResultPage(_WireModel):
    page_number: int
    text: str


class TextResult(_WireModel):
    pages: list[TextResultPage]


class MarkdownResultPage(_WireModel):
    page_number: int
    markdown: str
    header: str | None = None
    footer: str | None = None
    success: Literal[True] = True


class FailedMarkdownPage(_WireModel):
    page_number: int
    error: str
    success: Literal[False] = False


class MarkdownResult(_WireModel):
    pages: list[MarkdownResultPage | FailedMarkdownPage]


class MetadataResultPage(_WireModel):
    page_number: int
    confidence: float | None = None
    speaker_notes: str | None = None
    slide_section_name: str | None = None
    printed_page_number: str | None = None
    original_orientation_angle: int | None = None
    cost_optimized: bool | None = None
    triggered_auto_mode: bool | None = None


class MetadataResult(_WireModel):
    pages: list[MetadataResultPage]


class ParseResult(_WireModel):
    """A parse job with the content asked for through ``expand`` (``ParseResultResponse``)."""

    job: ParseJob
    text: TextResult | None = None
    markdown: MarkdownResult | None = None
    metadata: MetadataResult | None = None
    text_full: str | None = None
    markdown_full: str | None = None
    job_metadata: dict[str, Any] | None = None
    result_content_metadata: dict[str, Any] | None = None
    raw_parameters: dict[str, Any] | None = None


class ParseJobListPage(_WireModel):
    """One page of parse jobs (``ParseJobQueryResponse``)."""

    items: list[ParseJob]
    next_page_token: str | None = None
    total_size: int | None = None


# --- configurations -------------------------------------------------------------------------

# What ``GET /api/v2/parse/versions`` answers: each tier's dated versions, newest first,
# as the reference lists them. One local parser serves them all; a job records the
# tier and version it was given.
PARSE_VERSIONS: dict[str, tuple[str, ...]] = {
    "fast": tuple(("2026-06-15 2025-12-11").split()),
    "cost_effective": tuple(
        (
            "2026-08-19 2026-08-11 2026-08-08 2026-07-23 2026-06-26 2026-06-18 2026-06-17 "
            "2026-06-11 2026-06-08 2026-06-05 2026-05-28 2026-04-09 2026-03-31 2026-03-27 "
            "2026-03-25"
        ).split()
    ),
    "agentic": tuple(
        (
            "2026-08-19 2026-07-24 2026-07-23 2026-07-15 2026-06-18 2026-06-11 2026-06-04 "
            "2026-06-01 2026-05-26 2026-05-21 2026-05-20 2026-05-19 2026-05-13 2026-05-11 "
            "2026-05-06 2026-05-04 2026-04-27 2026-04-22 2026-04-09 2026-04-06 2026-04-02 "
            "2026-03-31 2026-03-30 2026-03-27 2026-03-25 2026-03-23 2026-03-22 2026-03-20 "
            "2026-03-11 2026-03-10 2026-03-09 2026-03-03 2026-03-02 2026-02-26 2026-02-24 "
            "2026-01-30 2026-01-22 2026-01-21 2026-01-16 2026-01-08 2025-12-31 2025-12-18 "
            "2025-12-11"
        ).split()
    ),
    "agentic_plus": tuple(
        (
            "2026-08-19 2026-07-08 2026-06-18 2026-06-11 2026-06-04 2026-06-01 2026-05-26 "
            "2026-05-21 2026-05-20 2026-05-19 2026-05-11 2026-05-06 2026-05-04 2026-05-01 "
            "2026-04-27 2026-04-19 2026-04-14 2026-04-09 2026-04-02 2026-03-31 2026-03-26 "
            "2026-03-25 2026-03-22 2026-03-20 2026-03-17 2026-03-12 2026-03-10 2026-03-09 "
            "2026-03-02 2026-02-26 2026-02-24 2026-01-30 2026-01-29 2026-01-24 2026-01-22 "
            "2026-01-21 2026-01-16 2025-12-31 2025-12-18 2025-12-11"
        ).split()
    ),
}


class ParseVersions(_WireModel):
    """``ParseVersionsResponse``: the parse versions accepted by each tier."""

    fast: list[str]
    cost_effective: list[str]
    agentic: list[str]
    agentic_plus: list[str]


class ClassifyV2Parameters(_WireModel):
    """Saved classify parameters: a classify configuration tagged ``classify_v2``."""

    product_type: Literal["classify_v2"]
    rules: list[ClassifyRule] = Field(min_length=1)
    mode: Literal["FAST"] = "FAST"
    parsing_configuration: ParsingConfiguration | None = None

    @field_validator("mode", mode="before")
    @classmethod
    def _null_mode_is_the_default(cls, value: Any) -> Any:
        return "FAST" if value is None else value

    def to_configuration(self) -> ClassifyConfiguration:
        """The inline configuration these parameters stand for."""
        return ClassifyConfiguration(
            rules=self.rules, mode=self.mode, parsing_configuration=self.parsing_configuration
        )


class OtherProductParameters(BaseModel):
    """Parameters of another product (extract, parse, split...): kept as given."""

    model_config = ConfigDict(extra="allow")

    product_type: Literal["split_v1", "extract_v2", "parse_v2", "spreadsheet_v1", "unknown"]


ConfigurationParameters = Annotated[
    ClassifyV2Parameters | OtherProductParameters, Field(discriminator="product_type")
]


class ConfigurationCreateRequest(_WireModel):
    """Body of ``POST /api/v1/beta/configurations`` (an upsert on name + product type)."""

    name: str = Field(min_length=1, max_length=255)
    parameters: ConfigurationParameters


class ConfigurationUpdateRequest(_WireModel):
    """Body of ``PUT /api/v1/beta/configurations/{id}``; ``None`` leaves a field unchanged."""

    name: str | None = Field(default=None, min_length=1, max_length=255)
    parameters: ConfigurationParameters | None = None


class Configuration(_WireModel):
    """A saved configuration (``ConfigurationResponse``); ids look like ``cfg-<uuid>``."""

    id: str
    name: str
    product_type: ProductType
    version: str
    parameters: ConfigurationParameters
    created_at: datetime | None = None
    updated_at: datetime | None = None


class ConfigurationListPage(_WireModel):
    """One page of configurations (``ConfigurationQueryResponse``)."""

    items: list[Configuration]
    next_page_token: str | None = None
    total_size: int | None = None


# --- classify jobs --------------------------------------------------------------------------


class ClassifyJobCreateRequest(_WireModel):
    """Body of ``POST /api/v2/classify`` (``ClassifyV2JobCreateRequest``).

    The input is ``file_input`` (a ``dfl-`` file id or a ``pjb-`` parse job id), or one of
    the deprecated ``file_id`` / ``parse_job_id``. The rules come from the inline
    ``configuration`` or the saved ``configuration_id``; when both are given the inline
    one is used. Webhooks are accepted and never called: nothing leaves the machine.
    """

    configuration: ClassifyConfiguration | None = None
    configuration_id: str | None = None
    file_input: str | None = Field(default=None, max_length=200)
    file_id: str | None = None
    parse_job_id: str | None = None
    transaction_id: str | None = Field(default=None, max_length=255)
    webhook_configuration_ids: list[str] | None = Field(default=None, max_length=4)
    webhook_configurations: list[dict[str, Any]] | None = None


class ClassifyJobUsage(_WireModel):
    """Usage of a classify job (``expand=usage``); always 0 locally."""

    credits: float | None = None
    parse_credits: float | None = None


class ClassifyJob(_WireModel):
    """A classify job (``ClassifyV2JobResponse``); ids look like ``cls-<uuid>``."""

    id: str
    file_input: str
    project_id: str
    user_id: str
    status: JobStatus
    document_input_type: Literal["url", "file_id", "parse_job_id"]
    configuration: ClassifyConfiguration
    created_at: datetime | None = None
    updated_at: datetime | None = None
    result: ClassifyResult | None = None
    error_message: str | None = None
    configuration_id: str | None = None
    transaction_id: str | None = None
    parse_job_id: str | None = None
    usage: ClassifyJobUsage | None = None


class ClassifyJobPage(_WireModel):
    """One page of classify jobs (``ClassifyV2JobQueryResponse``)."""

    items: list[ClassifyJob]
    next_page_token: str | None = None
    total_size: int | None = None
