"""The job service's persistence: an embedded SQLite database and a folder of file contents.

``Store(None)`` keeps everything in memory (SQLite ``:memory:`` and a temporary folder
that is removed on :meth:`Store.close`); ``Store(path)`` keeps the database in
``path/offline-classify.sqlite3`` (WAL journal) and every uploaded file's bytes in
``path/files/<file id>``. A user's file name is never used as a path.

One connection serves every thread, behind a lock; SQLite's own guarantees (the
``UNIQUE`` constraints, single-statement updates guarded by the expected status) are
what make idempotency keys and job claims safe, so they would stay safe across
processes too. Only one :class:`Store` may open a data folder at a time: a second one,
in this process or another, is refused (an advisory lock on ``path/.lock``), because a
newly opened store re-queues every job it finds ``RUNNING``.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from offline_classify.errors import ClassifyError, ConflictError

try:  # POSIX only; elsewhere the one-store-per-folder rule is the caller's to keep.
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

__all__ = [
    "Store",
    "FileRecord",
    "JobRecord",
    "ConfigurationRecord",
    "Listing",
    "utc_now",
    "format_time",
    "parse_time",
]

DATABASE_NAME = "offline-classify.sqlite3"
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    project_id TEXT NOT NULL,
    name TEXT NOT NULL,
    file_type TEXT,
    purpose TEXT,
    external_file_id TEXT,
    size_bytes INTEGER NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS files_by_project ON files (project_id, seq);

CREATE TABLE IF NOT EXISTS jobs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    project_id TEXT NOT NULL,
    status TEXT NOT NULL,
    file_input TEXT NOT NULL,
    configuration_id TEXT,
    transaction_id TEXT,
    request TEXT NOT NULL,
    result TEXT,
    error_message TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (project_id, kind, transaction_id)
);
CREATE INDEX IF NOT EXISTS jobs_by_project ON jobs (project_id, kind, seq);
CREATE INDEX IF NOT EXISTS jobs_by_status ON jobs (status, seq);

CREATE TABLE IF NOT EXISTS configurations (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    project_id TEXT NOT NULL,
    name TEXT NOT NULL,
    product_type TEXT NOT NULL,
    parameters TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (project_id, name, product_type)
);
"""

FILE_ORDER_COLUMNS = frozenset(
    {"id", "name", "file_type", "purpose", "external_file_id", "created_at"}
)
"""Columns that file listings may be ordered by (never user text: they go into SQL)."""


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def format_time(moment: datetime) -> str:
    """A fixed-width UTC timestamp, so that text order is time order in SQL."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    moment = moment.astimezone(timezone.utc)
    # strftime does not pad years before 1000, which would break text order.
    return f"{moment.year:04d}" + moment.strftime(_TIME_FORMAT.removeprefix("%Y"))


def parse_time(text: str) -> datetime:
    return datetime.strptime(text, _TIME_FORMAT).replace(tzinfo=timezone.utc)


@dataclass(frozen=True)
class FileRecord:
    seq: int
    id: str
    project_id: str
    name: str
    file_type: str | None
    purpose: str | None
    external_file_id: str | None
    size_bytes: int
    created_at: datetime


@dataclass(frozen=True)
class JobRecord:
    """A parse or classify job; ``request`` and ``result`` are their JSON documents."""

    seq: int
    id: str
    kind: str
    project_id: str
    status: str
    file_input: str
    configuration_id: str | None
    transaction_id: str | None
    request: dict[str, Any]
    result: dict[str, Any] | None
    error_message: str | None
    attempts: int
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class ConfigurationRecord:
    seq: int
    id: str
    project_id: str
    name: str
    product_type: str
    parameters: dict[str, Any]
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class Listing:
    """One page of records, how many match in all, and whether more follow.

    The next page starts after ``next_after`` (the last record's ``seq``) and, in a
    listing with an order, after ``next_key`` (that record's values of the ordered
    columns): a cursor, so records added or deleted between pages never make another
    record be skipped or listed twice.
    """

    records: list[Any]
    total: int
    has_more: bool
    next_after: int
    next_key: tuple[str, ...] = ()


class Store:
    """SQLite rows and file bytes for the job service.

    Args:
        data_dir: The folder to keep everything in; ``None`` or ``":memory:"`` keeps it
            in memory for the life of the store.

    Raises:
        ClassifyError: The folder cannot be created or opened, or another store holds it.
    """

    def __init__(self, data_dir: str | os.PathLike | None = None) -> None:
        self._lock = threading.RLock()
        self._closed = False
        self._lock_file = None
        self.in_memory = data_dir is None or str(data_dir) == ":memory:"
        if self.in_memory:
            self._temporary = tempfile.mkdtemp(prefix="offline-classify-")
            root = Path(self._temporary)
            database = ":memory:"
        else:
            self._temporary = None
            root = Path(data_dir).expanduser()
            try:
                (root / "files").mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise ClassifyError(
                    f"cannot create the data folder {str(root)!r}: {error.strerror}"
                ) from None
            self._lock_file = _hold_folder_lock(root)
            database = str(root / DATABASE_NAME)
        self.root = root
        self.files_dir = root / "files"
        self.files_dir.mkdir(exist_ok=True)
        try:
            self._connection = sqlite3.connect(
                database, check_same_thread=False, isolation_level=None, timeout=30.0
            )
            self._connection.row_factory = sqlite3.Row
            if not self.in_memory:
                self._connection.execute("PRAGMA journal_mode=WAL")
                self._connection.execute("PRAGMA synchronous=NORMAL")
            self._connection.executescript(_SCHEMA)
        except sqlite3.DatabaseError as error:
            self._release_folder_lock()
            raise ClassifyError(f"cannot open the job database in {str(root)!r}: {error}") from None

    # --- life cycle ------------------------------------------------------------------

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """Close the database; an in-memory store's files are removed with it."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._connection.close()
            self._release_folder_lock()
            if self._temporary is not None:
                shutil.rmtree(self._temporary, ignore_errors=True)

    def _release_folder_lock(self) -> None:
        if self._lock_file is not None:
            self._lock_file.close()
            self._lock_file = None

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self._closed:
                raise ClassifyError("the service is closed")
            self._connection.execute("BEGIN IMMEDIATE")
            try:
                yield self._connection
            except BaseException:
                self._connection.execute("ROLLBACK")
                raise
            self._connection.execute("COMMIT")

    def _query(self, sql: str, parameters: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            if self._closed:
                raise ClassifyError("the service is closed")
            return self._connection.execute(sql, parameters).fetchall()

    # --- file contents -----------------------------------------------------------------

    def _content_path(self, file_id: str) -> Path:
        return self.files_dir / file_id

    def add_file(self, record: FileRecord, content: bytes) -> FileRecord:
        """Write the bytes, then the row; a failure leaves neither behind."""
        path = self._content_path(record.id)
        partial = path.with_name(path.name + ".partial")
        try:
            partial.write_bytes(content)
            os.replace(partial, path)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise ClassifyError(f"cannot store the file: {error.strerror}") from None
        try:
            with self._transaction() as connection:
                cursor = connection.execute(
                    "INSERT INTO files (id, project_id, name, file_type, purpose, "
                    "external_file_id, size_bytes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        record.id,
                        record.project_id,
                        record.name,
                        record.file_type,
                        record.purpose,
                        record.external_file_id,
                        record.size_bytes,
                        format_time(record.created_at),
                    ),
                )
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return replace(record, seq=cursor.lastrowid)

    def get_file(self, project_id: str, file_id: str) -> FileRecord | None:
        rows = self._query(
            "SELECT * FROM files WHERE id = ? AND project_id = ?", (file_id, project_id)
        )
        return _file_record(rows[0]) if rows else None

    def read_file(self, file_id: str) -> bytes:
        try:
            return self._content_path(file_id).read_bytes()
        except FileNotFoundError:
            raise ClassifyError(
                f"the content of file {file_id!r} is missing from the store"
            ) from None

    def delete_file(self, project_id: str, file_id: str) -> bool:
        with self._transaction() as connection:
            deleted = connection.execute(
                "DELETE FROM files WHERE id = ? AND project_id = ?", (file_id, project_id)
            ).rowcount
        if deleted:
            self._content_path(file_id).unlink(missing_ok=True)
        return bool(deleted)

    def list_files(
        self,
        project_id: str,
        *,
        after_seq: int,
        limit: int,
        file_ids: Sequence[str] | None = None,
        file_name: str | None = None,
        external_file_id: str | None = None,
        order: Sequence[tuple[str, bool]] = (),
        after_key: Sequence[str] | None = None,
    ) -> Listing:
        """Files of a project, oldest first, or in ``order``: (column, descending) pairs.

        With an order, the page starts after the record whose ordered columns hold
        ``after_key`` and whose ``seq`` is ``after_seq`` (``None``: the first page).
        """
        unknown = {column for column, _ in order} - FILE_ORDER_COLUMNS
        if unknown:
            raise ValueError(f"cannot order files by {sorted(unknown)}")
        where, parameters = ["project_id = ?"], [project_id]
        if file_ids is not None:
            where.append(_in_clause("id", file_ids, parameters))
        if file_name is not None:
            where.append("name = ?")
            parameters.append(file_name)
        if external_file_id is not None:
            where.append("external_file_id = ?")
            parameters.append(external_file_id)
        return self._list(
            "files", where, parameters, after_seq, limit, _file_record, order, after_key
        )

    # --- jobs ------------------------------------------------------------------------------

    def add_job(self, record: JobRecord) -> tuple[JobRecord, bool]:
        """Insert a job; with a ``transaction_id`` already used, the original job instead.

        Returns:
            The stored job, and whether it was created by this call.
        """
        try:
            with self._transaction() as connection:
                cursor = connection.execute(
                    "INSERT INTO jobs (id, kind, project_id, status, file_input, "
                    "configuration_id, transaction_id, request, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        record.id,
                        record.kind,
                        record.project_id,
                        record.status,
                        record.file_input,
                        record.configuration_id,
                        record.transaction_id,
                        json.dumps(record.request),
                        format_time(record.created_at),
                        format_time(record.updated_at),
                    ),
                )
        except sqlite3.IntegrityError:
            if record.transaction_id is None:
                raise
            # Another request with this key won the race; its job is the answer.
            existing = self.find_transaction(record.project_id, record.kind, record.transaction_id)
            if existing is None:
                raise
            return existing, False
        return self._job_by_seq(cursor.lastrowid), True

    def find_transaction(self, project_id: str, kind: str, transaction_id: str) -> JobRecord | None:
        rows = self._query(
            "SELECT * FROM jobs WHERE project_id = ? AND kind = ? AND transaction_id = ?",
            (project_id, kind, transaction_id),
        )
        return _job_record(rows[0]) if rows else None

    def _job_by_seq(self, seq: int | None) -> JobRecord:
        return _job_record(self._query("SELECT * FROM jobs WHERE seq = ?", (seq,))[0])

    def get_job(self, project_id: str, kind: str, job_id: str) -> JobRecord | None:
        rows = self._query(
            "SELECT * FROM jobs WHERE id = ? AND project_id = ? AND kind = ?",
            (job_id, project_id, kind),
        )
        return _job_record(rows[0]) if rows else None

    def job_status(self, job_id: str) -> str | None:
        """The status of any job by id, across projects (for the workers only)."""
        rows = self._query("SELECT status FROM jobs WHERE id = ?", (job_id,))
        return rows[0]["status"] if rows else None

    def list_jobs(
        self,
        project_id: str,
        kind: str,
        *,
        after_seq: int,
        limit: int,
        status: str | None = None,
        job_ids: Sequence[str] | None = None,
        configuration_id: str | None = None,
        created_on_or_after: datetime | None = None,
        created_on_or_before: datetime | None = None,
    ) -> Listing:
        where, parameters = ["project_id = ?", "kind = ?"], [project_id, kind]
        if status is not None:
            where.append("status = ?")
            parameters.append(status)
        if job_ids is not None:
            where.append(_in_clause("id", job_ids, parameters))
        if configuration_id is not None:
            where.append("configuration_id = ?")
            parameters.append(configuration_id)
        if created_on_or_after is not None:
            where.append("created_at >= ?")
            parameters.append(format_time(created_on_or_after))
        if created_on_or_before is not None:
            where.append("created_at <= ?")
            parameters.append(format_time(created_on_or_before))
        return self._list("jobs", where, parameters, after_seq, limit, _job_record)

    def claim_next_job(self) -> JobRecord | None:
        """Mark the oldest PENDING job RUNNING and return it; ``None`` when none waits."""
        now = format_time(utc_now())
        with self._transaction() as connection:
            rows = connection.execute(
                "UPDATE jobs SET status = 'RUNNING', attempts = attempts + 1, updated_at = ? "
                "WHERE seq = (SELECT seq FROM jobs WHERE status = 'PENDING' ORDER BY seq LIMIT 1) "
                "AND status = 'PENDING' RETURNING *",
                (now,),
            ).fetchall()
        return _job_record(rows[0]) if rows else None

    def finish_job(
        self,
        job_id: str,
        status: str,
        *,
        result: dict[str, Any] | None = None,
        error_message: str | None = None,
    ) -> bool:
        """Record a RUNNING job's outcome; ``False`` when it is no longer RUNNING (cancelled)."""
        with self._transaction() as connection:
            updated = connection.execute(
                "UPDATE jobs SET status = ?, result = ?, error_message = ?, updated_at = ? "
                "WHERE id = ? AND status = 'RUNNING'",
                (
                    status,
                    None if result is None else json.dumps(result),
                    error_message,
                    format_time(utc_now()),
                    job_id,
                ),
            ).rowcount
        return bool(updated)

    def cancel_job(self, project_id: str, kind: str, job_id: str) -> JobRecord | None:
        """PENDING or RUNNING become CANCELLED; a job already finished is left as it is."""
        with self._transaction() as connection:
            connection.execute(
                "UPDATE jobs SET status = 'CANCELLED', updated_at = ? WHERE id = ? "
                "AND project_id = ? AND kind = ? AND status IN ('PENDING', 'RUNNING')",
                (format_time(utc_now()), job_id, project_id, kind),
            )
        return self.get_job(project_id, kind, job_id)

    def delete_job(self, project_id: str, kind: str, job_id: str) -> bool:
        """Delete a finished job.

        Raises:
            ConflictError: The job is still PENDING or RUNNING.
        """
        with self._transaction() as connection:
            rows = connection.execute(
                "SELECT status FROM jobs WHERE id = ? AND project_id = ? AND kind = ?",
                (job_id, project_id, kind),
            ).fetchall()
            if not rows:
                return False
            if rows[0]["status"] in ("PENDING", "RUNNING"):
                raise ConflictError(
                    f"job {job_id!r} is {rows[0]['status']}; cancel it or let it finish "
                    "before deleting it"
                )
            connection.execute("DELETE FROM jobs WHERE id = ?", (job_id,))
        return True

    def requeue_interrupted(self, max_attempts: int) -> tuple[int, int]:
        """Put jobs left RUNNING by a crash back in the queue, or fail them after too many tries.

        Returns:
            How many jobs were re-queued, and how many were failed.
        """
        now = format_time(utc_now())
        with self._transaction() as connection:
            failed = connection.execute(
                "UPDATE jobs SET status = 'FAILED', updated_at = ?, error_message = ? "
                "WHERE status = 'RUNNING' AND attempts >= ?",
                (
                    now,
                    f"the job was interrupted {max_attempts} times (the service stopped while "
                    "it ran) and was not tried again",
                    max_attempts,
                ),
            ).rowcount
            requeued = connection.execute(
                "UPDATE jobs SET status = 'PENDING', updated_at = ? WHERE status = 'RUNNING'",
                (now,),
            ).rowcount
        return requeued, failed

    # --- configurations -----------------------------------------------------------------

    def upsert_configuration(self, record: ConfigurationRecord) -> ConfigurationRecord:
        """Create, or update the one with the same project, name and product type."""
        with self._transaction() as connection:
            connection.execute(
                "INSERT INTO configurations (id, project_id, name, product_type, parameters, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (project_id, name, product_type) DO UPDATE SET "
                "parameters = excluded.parameters, updated_at = excluded.updated_at",
                (
                    record.id,
                    record.project_id,
                    record.name,
                    record.product_type,
                    json.dumps(record.parameters),
                    format_time(record.created_at),
                    format_time(record.updated_at),
                ),
            )
            row = connection.execute(
                "SELECT * FROM configurations WHERE project_id = ? AND name = ? "
                "AND product_type = ?",
                (record.project_id, record.name, record.product_type),
            ).fetchone()
        return _configuration_record(row)

    def get_configuration(self, project_id: str, config_id: str) -> ConfigurationRecord | None:
        rows = self._query(
            "SELECT * FROM configurations WHERE id = ? AND project_id = ?", (config_id, project_id)
        )
        return _configuration_record(rows[0]) if rows else None

    def update_configuration(
        self,
        project_id: str,
        config_id: str,
        *,
        name: str | None,
        product_type: str | None,
        parameters: dict[str, Any] | None,
    ) -> ConfigurationRecord | None:
        """Change the name and/or parameters; ``None`` leaves a field as it is.

        Raises:
            ConflictError: Another configuration of the project already has that name
                and product type.
        """
        assignments, values = ["updated_at = ?"], [format_time(utc_now())]
        if name is not None:
            assignments.append("name = ?")
            values.append(name)
        if parameters is not None:
            assignments += ["product_type = ?", "parameters = ?"]
            values += [product_type, json.dumps(parameters)]
        try:
            with self._transaction() as connection:
                connection.execute(
                    f"UPDATE configurations SET {', '.join(assignments)} "
                    "WHERE id = ? AND project_id = ?",
                    (*values, config_id, project_id),
                )
        except sqlite3.IntegrityError:
            raise ConflictError(
                f"configuration {config_id!r} cannot take that name: another configuration "
                "in this project has the same name and product type"
            ) from None
        return self.get_configuration(project_id, config_id)

    def delete_configuration(self, project_id: str, config_id: str) -> bool:
        with self._transaction() as connection:
            deleted = connection.execute(
                "DELETE FROM configurations WHERE id = ? AND project_id = ?",
                (config_id, project_id),
            ).rowcount
        return bool(deleted)

    def list_configurations(
        self,
        project_id: str,
        *,
        after_seq: int,
        limit: int,
        product_types: Sequence[str] | None = None,
        name: str | None = None,
    ) -> Listing:
        where, parameters = ["project_id = ?"], [project_id]
        if product_types is not None:
            where.append(_in_clause("product_type", product_types, parameters))
        if name is not None:
            where.append("name = ?")
            parameters.append(name)
        return self._list(
            "configurations", where, parameters, after_seq, limit, _configuration_record
        )

    # --- shared ---------------------------------------------------------------------------

    def _list(
        self,
        table: str,
        where: list[str],
        parameters: list[Any],
        after_seq: int,
        limit: int,
        to_record: Any,
        order: Sequence[tuple[str, bool]] = (),
        after_key: Sequence[str] | None = None,
    ) -> Listing:
        # Ordered columns are compared as text with NULL read as "" (so no comparison
        # meets a NULL); seq breaks ties, so every record has one place in the order.
        keys = [(f"COALESCE({column}, '')", desc) for column, desc in order]
        keys.append(("seq", False))
        total_condition = " AND ".join(where)
        page_where, page_parameters = list(where), list(parameters)
        if not order:
            page_where.append("seq > ?")
            page_parameters.append(after_seq)
        elif after_key is not None:
            page_where.append(_after_clause(keys, [*after_key, after_seq], page_parameters))
        selected = ", ".join(f"{expression} AS key_{i}" for i, (expression, _) in enumerate(keys))
        by = ", ".join(f"key_{i} {'DESC' if desc else 'ASC'}" for i, (_, desc) in enumerate(keys))
        with self._lock:
            total = self._query(
                f"SELECT COUNT(*) FROM {table} WHERE {total_condition}", parameters
            )[0][0]
            rows = self._query(
                f"SELECT *, {selected} FROM {table} WHERE {' AND '.join(page_where)} "
                f"ORDER BY {by} LIMIT ?",
                (*page_parameters, limit + 1),
            )
        records = [to_record(row) for row in rows[:limit]]
        if not records:
            return Listing(records, total, False, after_seq, tuple(after_key or ()))
        last = rows[len(records) - 1]
        next_key = tuple(str(last[f"key_{i}"]) for i in range(len(order)))
        return Listing(records, total, len(rows) > limit, records[-1].seq, next_key)


def _after_clause(
    keys: Sequence[tuple[str, bool]], cursor: Sequence[Any], parameters: list[Any]
) -> str:
    """Rows after ``cursor`` in the order of ``keys`` ((expression, descending) pairs)."""
    alternatives = []
    for i, (expression, descending) in enumerate(keys):
        equal = [f"{earlier} = ?" for earlier, _ in keys[:i]]
        alternatives.append(" AND ".join([*equal, f"{expression} {'<' if descending else '>'} ?"]))
        parameters.extend(cursor[: i + 1])
    return "(" + " OR ".join(f"({alternative})" for alternative in alternatives) + ")"


def _in_clause(column: str, values: Sequence[str], parameters: list[Any]) -> str:
    parameters.extend(values)
    if not values:
        return "0"
    return f"{column} IN ({', '.join('?' for _ in values)})"


def _hold_folder_lock(root: Path) -> Any:
    if fcntl is None:  # pragma: no cover - Windows
        return None
    handle = open(root / ".lock", "a")  # noqa: SIM115 - held open for the store's life
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise ClassifyError(
            f"the data folder {str(root)!r} is already in use by another offline-classify "
            "service; close that one first, or give this one its own data folder"
        ) from None
    return handle


def _file_record(row: sqlite3.Row) -> FileRecord:
    return FileRecord(
        seq=row["seq"],
        id=row["id"],
        project_id=row["project_id"],
        name=row["name"],
        file_type=row["file_type"],
        purpose=row["purpose"],
        external_file_id=row["external_file_id"],
        size_bytes=row["size_bytes"],
        created_at=parse_time(row["created_at"]),
    )


def _job_record(row: sqlite3.Row) -> JobRecord:
    return JobRecord(
        seq=row["seq"],
        id=row["id"],
        kind=row["kind"],
        project_id=row["project_id"],
        status=row["status"],
        file_input=row["file_input"],
        configuration_id=row["configuration_id"],
        transaction_id=row["transaction_id"],
        request=json.loads(row["request"]),
        result=None if row["result"] is None else json.loads(row["result"]),
        error_message=row["error_message"],
        attempts=row["attempts"],
        created_at=parse_time(row["created_at"]),
        updated_at=parse_time(row["updated_at"]),
    )


def _configuration_record(row: sqlite3.Row) -> ConfigurationRecord:
    return ConfigurationRecord(
        seq=row["seq"],
        id=row["id"],
        project_id=row["project_id"],
        name=row["name"],
        product_type=row["product_type"],
        parameters=json.loads(row["parameters"]),
        created_at=parse_time(row["created_at"]),
        updated_at=parse_time(row["updated_at"]),
    )
