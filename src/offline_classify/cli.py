"""The ``offline-classify`` command.

Exit codes: 0 when every document was classified, 1 when at least one document
failed (the others are still classified), 2 for bad usage (unreadable rules, no
model, unknown options).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import socket
import sys
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from offline_classify.errors import ClassifyError
from offline_classify.schema import ClassifyConfiguration, ClassifyResult

__all__ = ["main"]

EXIT_OK, EXIT_DOCUMENT_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad arguments: reported on stderr with exit code 2."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except UsageError as error:
        print(f"offline-classify: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("offline-classify: interrupted", file=sys.stderr)
        return 130


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="offline-classify",
        description="Classify documents offline with LlamaCloud Classify v2's schema.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    classify = commands.add_parser(
        "classify",
        help="classify documents against rules",
        description="Classify each FILE against the rules; one result per file.",
    )
    classify.add_argument("files", nargs="+", metavar="FILE", help="documents to classify")
    rules = classify.add_mutually_exclusive_group(required=True)
    rules.add_argument(
        "--rules",
        metavar="RULES.json",
        help='a ClassifyConfiguration as the API takes it: {"rules": [...], '
        '"parsing_configuration": {...}}',
    )
    rules.add_argument(
        "--rule",
        action="append",
        metavar='TYPE="description"',
        help="a rule given inline; repeat for several",
    )
    classify.add_argument("--target-pages", help='pages to read, e.g. "1,3,5-7" (with --rule)')
    classify.add_argument(
        "--max-pages", type=int, help="read at most this many pages (with --rule)"
    )
    classify.add_argument("--lang", help="ISO 639-1 language of the documents (with --rule)")
    _add_model_arguments(classify)
    classify.add_argument(
        "--json", action="store_true", help="print one JSON object per file and line"
    )
    classify.set_defaults(handler=_run_classify)

    serve = commands.add_parser(
        "serve",
        help="run the local LlamaCloud-compatible server",
        description="Serve LlamaCloud's classify, files, parse and configurations paths "
        "locally; point the llama-cloud SDK at it with LLAMA_CLOUD_BASE_URL. Set "
        "OFFLINE_CLASSIFY_API_KEY (comma-separated) to require bearer keys.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="interface (default: 127.0.0.1)")
    serve.add_argument(
        "--port", type=int, default=8080, help="port (default: 8080); 0 picks a free one"
    )
    serve.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where files and jobs are kept (default: $OFFLINE_CLASSIFY_DATA_DIR, "
        "else in memory until the server stops)",
    )
    _add_model_arguments(serve)
    serve.add_argument("--workers", type=int, default=1, help="jobs run at once (default: 1)")
    serve.add_argument(
        "--job-timeout",
        type=float,
        metavar="SECONDS",
        help="fail a job that runs longer (default: 600; 0 means no limit)",
    )
    serve.add_argument(
        "--max-upload-mb",
        type=float,
        metavar="MB",
        help="largest file accepted, in megabytes (default: 100)",
    )
    serve.set_defaults(handler=_run_serve)
    return parser


def _add_model_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--model",
        metavar="DIR",
        help="checkpoint or models folder (default: $OFFLINE_CLASSIFY_MODEL, else models/)",
    )
    parser.add_argument("--device", default="cpu", help="torch device (default: cpu)")
    parser.add_argument(
        "--batch-size", type=_positive_int, default=16, help="pairs per forward pass"
    )


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, got {text!r}")
    return value


def _run_classify(args: argparse.Namespace) -> int:
    configuration = _configuration_from(args)
    classifier = load_classifier(args.model, device=args.device, batch_size=args.batch_size)
    failed = 0
    rows: list[tuple[str, ClassifyResult | None, str]] = []
    progress = _Progress(len(args.files))
    for path in args.files:
        progress.step(path)
        try:
            result = classifier.classify(path, configuration)
        except ClassifyError as error:
            failed += 1
            print(f"offline-classify: {path}: {error}", file=sys.stderr)
            rows.append((path, None, str(error)))
            continue
        if args.json:
            print(json.dumps({"file": path, "result": result.model_dump(mode="json")}), flush=True)
        rows.append((path, result, ""))
    progress.done()
    if not args.json:
        _print_table(rows)
    return EXIT_DOCUMENT_FAILED if failed else EXIT_OK


def _run_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from offline_classify.server import create_app
    except (ImportError, RuntimeError) as error:
        # FastAPI raises RuntimeError at import when python-multipart is missing.
        raise UsageError(
            f"the server needs the 'server' extra ({error}): pip install 'offline-classify[server]'"
        ) from None
    from offline_classify.service import LocalCloud
    from offline_classify.settings import Settings

    if args.workers < 1:
        raise UsageError("--workers must be at least 1")
    if args.job_timeout is not None and args.job_timeout < 0:
        raise UsageError("--job-timeout must be 0 (no limit) or a positive number of seconds")
    if args.max_upload_mb is not None and args.max_upload_mb <= 0:
        raise UsageError("--max-upload-mb must be positive")
    try:
        settings = Settings.from_env()
    except ClassifyError as error:
        raise UsageError(str(error)) from None
    job_timeout = settings.job_timeout if args.job_timeout is None else args.job_timeout
    max_file_bytes = (
        settings.max_file_bytes
        if args.max_upload_mb is None
        else int(args.max_upload_mb * 1024 * 1024)
    )
    classifier = load_classifier(args.model, device=args.device, batch_size=args.batch_size)
    listener = _listen(args.host, args.port)
    host = f"[{args.host}]" if ":" in args.host else args.host
    base_url = f"http://{host}:{listener.getsockname()[1]}"
    data_dir = args.data_dir or settings.data_dir
    with LocalCloud(
        data_dir,
        classifier=classifier,
        workers=args.workers,
        job_timeout=job_timeout or None,
        max_file_bytes=max_file_bytes,
    ) as cloud:
        app = create_app(cloud, api_keys=settings.api_keys)
        print(f"offline-classify: serving on {base_url}", flush=True)
        print(f"  export LLAMA_CLOUD_BASE_URL={base_url}", flush=True)
        if data_dir is None:
            print("  files and jobs are kept in memory (--data-dir keeps them)", flush=True)
        # uvicorn re-raises Ctrl-C after its graceful shutdown: the normal way to stop.
        with contextlib.suppress(KeyboardInterrupt):
            uvicorn.Server(uvicorn.Config(app, log_level="info")).run(sockets=[listener])
    return EXIT_OK


def _listen(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port``, bound before serving so port 0 can be reported."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        listener = socket.socket(family, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((host, port))
    except OSError as error:
        raise UsageError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    return listener


def load_classifier(model: str | None, *, device: str, batch_size: int):
    """The classifier for a command, with model errors turned into usage errors."""
    from transformers.utils import logging as transformers_logging

    from offline_classify.classifier import Classifier

    # A command's stderr carries its errors and progress; a weight-loading bar is noise.
    transformers_logging.disable_progress_bar()
    _check_device(device)
    try:
        return Classifier(model, device=device, batch_size=batch_size)
    except ClassifyError as error:
        raise UsageError(str(error)) from None


def _check_device(device: str) -> None:
    import torch

    try:
        kind = torch.device(device).type
    except RuntimeError:
        raise UsageError(
            f"--device {device!r} is not a torch device (cpu, cuda, cuda:1...)"
        ) from None
    if kind == "cuda" and not torch.cuda.is_available():
        raise UsageError(f"--device {device!r}: this torch build or machine has no CUDA device")


def _configuration_from(args: argparse.Namespace) -> ClassifyConfiguration:
    if args.rules:
        try:
            raw = json.loads(Path(args.rules).read_text(encoding="utf-8"))
        except OSError as error:
            raise UsageError(f"cannot read --rules {args.rules!r}: {error.strerror}") from None
        except ValueError as error:
            raise UsageError(f"--rules {args.rules!r} is not valid JSON: {error}") from None
        if any(v is not None for v in (args.target_pages, args.max_pages, args.lang)):
            raise UsageError(
                "--target-pages, --max-pages and --lang go with --rule; "
                "with --rules, set them in its parsing_configuration"
            )
    else:
        raw = {"rules": [_inline_rule(text) for text in args.rule]}
        parsing = {
            key: value
            for key, value in (
                ("target_pages", args.target_pages),
                ("max_pages", args.max_pages),
                ("lang", args.lang),
            )
            if value is not None
        }
        if parsing:
            raw["parsing_configuration"] = parsing
    try:
        return ClassifyConfiguration.model_validate(raw)
    except ValidationError as error:
        raise UsageError(f"invalid rules: {_describe_validation(error)}") from None


def _inline_rule(text: str) -> dict[str, str]:
    rule_type, equals, description = text.partition("=")
    if not equals or not rule_type.strip():
        raise UsageError(f'--rule {text!r} must look like TYPE="description"')
    return {"type": rule_type.strip(), "description": description.strip().strip("\"'")}


def _describe_validation(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        location = ".".join(str(part) for part in item["loc"]) or "configuration"
        parts.append(f"{location}: {item['msg']}")
    return "; ".join(parts)


class _Progress:
    """A one-line progress bar on stderr, shown only for several files on a terminal."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.count = 0
        self.enabled = total > 1 and sys.stderr.isatty()

    def step(self, label: str) -> None:
        self.count += 1
        if self.enabled:
            width = 24
            filled = width * (self.count - 1) // self.total
            bar = "#" * filled + "-" * (width - filled)
            print(f"\r[{bar}] {self.count}/{self.total} {label[-40:]:<40}", end="", file=sys.stderr)

    def done(self) -> None:
        if self.enabled:
            print("\r" + " " * 80 + "\r", end="", file=sys.stderr)


def _print_table(rows: list[tuple[str, ClassifyResult | None, str]]) -> None:
    header = ("FILE", "TYPE", "CONFIDENCE", "REASONING")
    lines = [header]
    for path, result, error in rows:
        if result is None:
            lines.append((path, "(failed)", "-", error))
        else:
            lines.append(
                (path, result.type or "null", f"{result.confidence:.2f}", result.reasoning)
            )
    widths = [max(len(line[i]) for line in lines) for i in range(3)]
    for line in lines:
        print(f"{line[0]:<{widths[0]}}  {line[1]:<{widths[1]}}  {line[2]:>{widths[2]}}  {line[3]}")


if __name__ == "__main__":
    sys.exit(main())
