"""Wire types of the cloud's Classify v2 API (pydantic v2).

Field names, limits and defaults follow the cloud's OpenAPI description
(``ClassifyV2Rule``, ``ClassifyV2ParsingConfiguration``,
``ClassifyV2Configuration`` and ``ClassifyV2Result``), so JSON produced here
round-trips through the cloud's shape unchanged. Unknown fields are ignored, as
the cloud ignores them.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = ["ClassifyRule", "ParsingConfiguration", "ClassifyConfiguration", "ClassifyResult"]


class _WireModel(BaseModel):
    model_config = ConfigDict(extra="ignore")

    @model_validator(mode="before")
    @classmethod
    def _null_means_not_given(cls, data: Any) -> Any:
        # The SDK sends an explicit None as JSON null; for a field with a default
        # (mode, lang) that means "use the default", not "invalid", and not "given".
        if not isinstance(data, dict):
            return data
        defaulted = {
            name
            for name, field in cls.model_fields.items()
            if not field.is_required() and field.default is not None
        }
        return {
            key: value for key, value in data.items() if value is not None or key not in defaulted
        }


class ClassifyRule(_WireModel):
    """A document type and the natural-language criteria that identify it."""

    type: str = Field(min_length=1, max_length=50, description="Document type to assign")
    description: str = Field(
        min_length=10, max_length=2000, description="Natural language criteria for this rule"
    )


class ParsingConfiguration(_WireModel):
    """Which pages are read, and in which language."""

    lang: str = Field(default="en", description="ISO 639-1 language code for the document")
    target_pages: str | None = Field(
        default=None, description='1-based pages and ranges, e.g. "1,3,5-7"; None means all'
    )
    max_pages: int | None = Field(default=None, ge=1, description="At most this many pages")


class ClassifyConfiguration(_WireModel):
    """The rules to evaluate, the mode and the parsing configuration."""

    rules: list[ClassifyRule] = Field(min_length=1)
    mode: Literal["FAST"] = "FAST"
    parsing_configuration: ParsingConfiguration | None = None


class ClassifyResult(_WireModel):
    """The cloud's ``ClassifyV2Result``: the best rule, or ``None`` when none applies."""

    type: str | None
    confidence: float = Field(ge=0.0, le=1.0)
    reasoning: str
