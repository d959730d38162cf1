"""The Handle registry on the command line: ``--prefix``, ``--registry FILE``, ``--no-registry``, and the
first pass of a run that mints the Handles of all its keys at once.

A command that mints (``--prefix``) records the Handles it issues in the registry,
``notice-ld-handles.sqlite`` beside the embedded store by default (``./notice-ld-handles.sqlite``;
for ``load`` and ``harvest --load``, in the folder holding ``--store``). Before a run reads its
inputs for good, :func:`premint` reads them once (all but JSON Lines, JSON and CSV, whose records
carry their id) to collect every key that will be minted (on the run's workers), and mints them as
one batch: the Handles depend only on the keys and the registry, never on input order,
partitioning or ``--jobs``; the run itself then only looks them up. (A key the first pass did not
see — an input changed in between — is minted when it comes.)
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from notice_ld.errors import NoticeLdError

if TYPE_CHECKING:
    from notice_ld.identifiers.registry import HandleSeries, Minter
    from notice_ld.pipeline import Pipeline
    from notice_ld.pipeline.parallel import Executor
    from notice_ld.pipeline.sources import Source

__all__ = ["add_registry_options", "default_registry", "minter_from", "mints_in_order", "premint"]


def add_registry_options(parser: argparse.ArgumentParser, *, prefix: bool = False) -> None:
    """``--registry FILE`` and ``--no-registry`` (and ``--prefix`` when the command has none yet)."""
    from notice_ld.identifiers.registry import DEFAULT_REGISTRY_NAME

    if prefix:
        parser.add_argument(
            "--prefix",
            default=None,
            help="Handle prefix: mint ids from OAI identifiers for records without one",
        )
    parser.add_argument(
        "--registry",
        default=None,
        metavar="FILE",
        help="with --prefix: record minted Handles in this SQLite registry, so a key keeps its Handle and "
        f"a Handle never goes to two keys across runs (default: {DEFAULT_REGISTRY_NAME} beside the "
        "embedded store)",
    )
    parser.add_argument(
        "--no-registry",
        action="store_true",
        help="with --prefix: record nothing (Handles may then collide with those of other runs)",
    )


def default_registry(store: str | None = None) -> str:
    """The registry file when ``--registry`` is not given: beside the embedded store ``store``.

    >>> import os
    >>> default_registry("/data/stores/main") == os.path.join("/data/stores", "notice-ld-handles.sqlite")
    True
    """
    from notice_ld.cli._store import DEFAULT_STORE
    from notice_ld.identifiers.registry import DEFAULT_REGISTRY_NAME

    folder = os.path.dirname(os.path.abspath(store or DEFAULT_STORE))
    return os.path.join(folder, DEFAULT_REGISTRY_NAME)


def minter_from(args: argparse.Namespace, store: str | None = None) -> Minter | None:
    """The minter the arguments ask for: none without ``--prefix``, a registry by default, a plain
    :class:`~notice_ld.identifiers.HandleMinter` with ``--no-registry``."""
    prefix = getattr(args, "prefix", None)
    registry = getattr(args, "registry", None)
    if not prefix:
        if registry:
            raise NoticeLdError("--registry records the Handles minted with --prefix: give the prefix")
        return None
    if getattr(args, "no_registry", False):
        if registry:
            raise NoticeLdError("--registry and --no-registry contradict each other: give one")
        from notice_ld.identifiers import HandleMinter

        return HandleMinter(prefix)
    from notice_ld.identifiers.registry import HandleRegistry

    return HandleRegistry(registry or default_registry(store), prefix)


def mints_in_order(pipeline: Pipeline) -> bool:
    """Whether the pipeline mints key by key in input order (``--no-registry``): one worker, then."""
    from notice_ld.identifiers import HandleMinter

    return isinstance(pipeline.reader_options.minter, HandleMinter)


@dataclasses.dataclass(frozen=True)
class _Collect:
    pipeline: Pipeline
    source: Source
    series: HandleSeries


def _collect(task: _Collect) -> list[str]:
    """The keys one input asks to mint (read with a :class:`KeyCollector`; nothing is written)."""
    from notice_ld.identifiers.registry import KeyCollector

    collector = KeyCollector(task.series)
    options = dataclasses.replace(task.pipeline.reader_options, minter=collector)
    reading = dataclasses.replace(task.pipeline, reader_options=options, validation=None, echo=None)
    for _ in reading.outcomes([task.source]):
        pass
    return collector.keys


def premint(
    pipeline: Pipeline,
    inputs: Sequence[str],
    *,
    jobs: int = 1,
    executor: Executor | None = None,
    quiet: bool = False,
) -> None:
    """Mint, as one batch, the Handles of every key the inputs will ask for (see the module docs).

    Every input is read once for its keys, except JSON Lines, JSON and CSV files (their records
    carry their id: those readers never mint). Standard input cannot be read twice: its keys are
    minted one by one as they come.
    """
    from notice_ld.identifiers.registry import HandleRegistry
    from notice_ld.pipeline.parallel import SerialExecutor, map_parts
    from notice_ld.readers import InputFormat

    registry = pipeline.reader_options.minter
    if not isinstance(registry, HandleRegistry):
        return
    carry_ids = {InputFormat.JSONL, InputFormat.JSON, InputFormat.CSV}
    sources = [s for s in pipeline.sources(inputs) if s.path != "-" and s.kind not in carry_ids]
    if not sources:
        return
    tasks = [_Collect(pipeline, source, registry.series) for source in sources]
    run_on = (
        executor if executor is not None else (SerialExecutor() if jobs <= 1 or len(tasks) == 1 else None)
    )
    keys = [key for part in map_parts(_collect, tasks, jobs=jobs, executor=run_on) for key in part]
    plan = registry.plan(keys)
    registry.commit(plan)
    if not quiet:
        print(
            f"notice-ld: {len(plan.handles)} Handles minted, {len(set(keys)) - len(plan.handles)} "
            f"already issued — registry {registry.path}",
            file=sys.stderr,
        )
