"""The pytest plugin as a user's test suite meets it: installed, not imported by hand."""

from __future__ import annotations

import pytest

pytest_plugins = ("pytester",)

USER_TEST = """
import pytest

RULES = [
    {"type": "invoice", "description": "An invoice with an invoice number and a total amount due"},
    {"type": "letter", "description": "A personal letter written to a friend or relative"},
]


def test_a_cloud_test_runs_unchanged(llama_cloud_client, local_cloud):
    uploaded = llama_cloud_client.files.create(
        file=("a.txt", b"Invoice number 12, total amount due: 30 EUR"), purpose="classify"
    )
    job = llama_cloud_client.classify.run(
        file_input=uploaded.id, configuration={"rules": RULES}, polling_interval=0.02
    )
    assert job.status == "COMPLETED"
    assert (job.result.type, job.result.confidence) == ("invoice", 0.95)
    assert local_cloud.get_classify_job(job.id).result.model_dump() == job.result.model_dump()
"""


def test_the_fixtures_are_available_without_any_configuration(pytester: pytest.Pytester):
    pytester.makepyfile(test_user=USER_TEST)

    result = pytester.runpytest_inprocess("-q")

    result.assert_outcomes(passed=1)


def test_a_marker_chooses_the_model_and_a_missing_one_fails_clearly(pytester: pytest.Pytester):
    pytester.makepyfile(
        test_user="""
        import pytest

        @pytest.mark.offline_classify_model("/nowhere/model")
        def test_needs_a_model(local_cloud):
            pass
        """
    )

    result = pytester.runpytest_inprocess("-q")

    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*offline_classify_model = '/nowhere/model': no model found*"])


def test_the_ini_option_chooses_a_real_checkpoint(
    pytester: pytest.Pytester, three_class_checkpoint
):
    pytester.makeini(f"[pytest]\noffline_classify_model = {three_class_checkpoint}\n")
    pytester.makepyfile(
        test_user="""
        def test_runs_on_the_checkpoint(local_cloud):
            uploaded = local_cloud.create_file(b"Invoice number 12", name="a.txt")
            job = local_cloud.run({
                "file_input": uploaded.id,
                "configuration": {"rules": [
                    {"type": "invoice", "description": "An invoice with a total amount due"}
                ]},
            }, timeout=60)
            assert job.status == "COMPLETED", job.error_message
            # The keyword fake would give exactly 0.95 or 0.05 here; the model does not.
            assert job.result.confidence not in (0.95, 0.05)
        """
    )

    result = pytester.runpytest_inprocess("-q")

    result.assert_outcomes(passed=1)


def test_the_fixtures_skip_with_a_reason_when_the_sdk_is_missing(pytester: pytest.Pytester):
    pytester.makeconftest(
        """
        import sys

        sys.modules["llama_cloud"] = None  # what an environment without the SDK looks like
        """
    )
    pytester.makepyfile(
        test_user="""
        def test_uses_the_sdk(llama_cloud_client):
            raise AssertionError("must not run")

        def test_unrelated():
            assert True
        """
    )

    result = pytester.runpytest_inprocess("-rs")

    result.assert_outcomes(passed=1, skipped=1)
    result.stdout.fnmatch_lines(["*the llama-cloud SDK is not installed*"])
