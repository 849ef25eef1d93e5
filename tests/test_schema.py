from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from conftest import SHARED
from offline_classify.cloud_schema import PARSE_VERSIONS
from offline_classify.schema import (
    ClassifyConfiguration,
    ClassifyResult,
    ClassifyRule,
    ParsingConfiguration,
)

OPENAPI = SHARED / "reference" / "llamacloud-openapi-subset.json"


def _schemas() -> dict:
    if not OPENAPI.is_file():
        pytest.skip(f"reference OpenAPI not found at {OPENAPI}")
    return json.loads(OPENAPI.read_text())["components"]["schemas"]


def _example(schema: dict) -> object:
    if "examples" in schema:
        return schema["examples"][0]
    if "default" in schema:
        return schema["default"]
    variants = schema.get("anyOf")
    if variants:
        return _example(next(v for v in variants if v.get("type") != "null"))
    kind = schema.get("type")
    return {"string": "x" * max(10, schema.get("minLength", 1)), "number": 0.5}.get(kind)


@pytest.mark.parametrize(
    ("name", "model"),
    [
        ("ClassifyV2Rule", ClassifyRule),
        ("ClassifyV2ParsingConfiguration", ParsingConfiguration),
        ("ClassifyV2Result", ClassifyResult),
    ],
)
def test_reference_examples_round_trip_unchanged(name: str, model: type) -> None:
    schema = _schemas()[name]
    example = {key: _example(prop) for key, prop in schema["properties"].items()}
    parsed = model.model_validate_json(json.dumps(example))
    assert json.loads(parsed.model_dump_json()) == example
    assert set(model.model_fields) == set(schema["properties"])


def test_configuration_fields_and_defaults_match_the_reference() -> None:
    schema = _schemas()["ClassifyV2Configuration"]
    assert set(ClassifyConfiguration.model_fields) == set(schema["properties"])
    config = ClassifyConfiguration.model_validate(
        {"rules": [{"type": "invoice", "description": "contains an invoice number"}]}
    )
    assert config.mode == schema["properties"]["mode"]["default"]
    assert json.loads(config.model_dump_json())["parsing_configuration"] is None


def test_null_result_type_is_sent_as_json_null() -> None:
    result = ClassifyResult(type=None, confidence=0.9, reasoning="no rule applies")
    assert json.loads(result.model_dump_json()) == {
        "type": None,
        "confidence": 0.9,
        "reasoning": "no rule applies",
    }


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"rules": []}, "rules"),
        ({"rules": [{"type": "", "description": "long enough text"}]}, "type"),
        ({"rules": [{"type": "x" * 51, "description": "long enough text"}]}, "type"),
        ({"rules": [{"type": "a", "description": "too short"}]}, "description"),
        ({"rules": [{"type": "a", "description": "d" * 2001}]}, "description"),
        ({"rules": [{"type": "a", "description": "long enough"}], "mode": "SLOW"}, "mode"),
        (
            {
                "rules": [{"type": "a", "description": "long enough"}],
                "parsing_configuration": {"max_pages": 0},
            },
            "max_pages",
        ),
    ],
)
def test_invalid_configuration_errors_name_the_field(payload: dict, field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        ClassifyConfiguration.model_validate(payload)
    locations = [".".join(str(p) for p in error["loc"]) for error in caught.value.errors()]
    assert any(field in location for location in locations), locations


@pytest.mark.parametrize("confidence", [-0.01, 1.01])
def test_confidence_outside_unit_interval_is_rejected(confidence: float) -> None:
    with pytest.raises(ValidationError, match="confidence"):
        ClassifyResult(type="a", confidence=confidence, reasoning="r")


def test_unknown_fields_are_ignored_as_the_cloud_does() -> None:
    rule = ClassifyRule.model_validate(
        {"type": "invoice", "description": "has a total amount", "color": "red"}
    )
    assert rule.model_dump() == {"type": "invoice", "description": "has a total amount"}


def test_parse_versions_are_the_references_lists() -> None:
    versions = _schemas()["ParseVersionsResponse"]["properties"]
    assert {tier: list(dates) for tier, dates in PARSE_VERSIONS.items()} == {
        tier: prop["items"]["enum"] for tier, prop in versions.items()
    }
