"""The folder a static site is built in: beside the target, moved into place at the end.

:class:`SiteFolder` makes two hidden siblings of the target — ``.NAME.part-PID-…`` (the site
being written) and ``.NAME.scratch-PID-…`` (what grows with the input: indexes, digests) — and,
when the build succeeds, swaps the new site in (the previous one is removed only after that).
It refuses to replace a folder that is not a site it wrote (no :data:`MARKER` file in it, and not
empty), the current folder or one of its parents. Siblings left by a build that was killed
(their process is gone) are removed when the next build of the same target starts.

>>> import os, tempfile
>>> parent = tempfile.mkdtemp()
>>> with SiteFolder(os.path.join(parent, "site")) as folder:
...     _ = (folder.work / "index.html").write_text("<!DOCTYPE html>")
...     folder.commit()
>>> sorted(os.listdir(os.path.join(parent, "site")))
['.notice-ld-site', 'index.html']
>>> os.listdir(parent)
['site']
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path
from types import TracebackType

from notice_ld.errors import ConfigError

__all__ = ["MARKER", "SiteFolder"]

MARKER = ".notice-ld-site"
"""The file every site notice_ld writes carries: only such a folder (or an empty one) is replaced."""

_MARKER_TEXT = b"This folder is a static site written by notice_ld; `notice-ld site` may replace it.\n"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


class SiteFolder:
    """The work and scratch folders of one build of ``target`` (see the module docs)."""

    def __init__(self, target: str | os.PathLike[str]) -> None:
        self.target = Path(os.path.abspath(target))  # ".." resolved, links not followed
        self._check()
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self._remove_stale()
        prefix = f".{self.target.name}."
        pid = os.getpid()
        self.work = Path(tempfile.mkdtemp(prefix=f"{prefix}part-{pid}-", dir=self.target.parent))
        self.scratch = Path(tempfile.mkdtemp(prefix=f"{prefix}scratch-{pid}-", dir=self.target.parent))
        self._done = False

    def _check(self) -> None:
        target = self.target
        here = Path(os.path.abspath(os.getcwd()))
        if target == here or target in here.parents or target.parent == target:
            raise ConfigError(f"refusing to replace {target}: it is the current folder or one of its parents")
        if not target.exists():
            return
        if not target.is_dir():
            raise ConfigError(f"refusing to replace {target}: it is a file, not a site folder")
        if (target / MARKER).is_file() or not any(target.iterdir()):
            return
        raise ConfigError(
            f"refusing to replace {target}: it is not a site notice_ld wrote (no {MARKER} file in it); "
            "choose another output folder, or empty this one"
        )

    def _remove_stale(self) -> None:
        pattern = re.compile(rf"^\.{re.escape(self.target.name)}\.(?:part|scratch|old)-(\d+)-")
        for sibling in self.target.parent.iterdir():
            found = pattern.match(sibling.name)
            if found and sibling.is_dir() and not _alive(int(found.group(1))):
                shutil.rmtree(sibling, ignore_errors=True)

    def commit(self) -> None:
        """Move the finished site into place; the previous one is removed only after that."""
        (self.work / MARKER).write_bytes(_MARKER_TEXT)
        os.chmod(self.work, 0o755)  # noqa: S103 (a web site is meant to be read by the web server)
        if self.target.exists():
            old = Path(
                tempfile.mkdtemp(prefix=f".{self.target.name}.old-{os.getpid()}-", dir=self.target.parent)
            )
            os.replace(self.target, old / "site")
            os.replace(self.work, self.target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(self.work, self.target)
        self._done = True

    def __enter__(self) -> SiteFolder:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if not self._done:
            shutil.rmtree(self.work, ignore_errors=True)
        shutil.rmtree(self.scratch, ignore_errors=True)
