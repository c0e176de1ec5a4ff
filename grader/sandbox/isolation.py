"""Turn a freshly forked process into a sandbox: namespaces, a private view of the disk,
resource limits, an unprivileged uid and a scrubbed environment.

Used only inside the sandbox server (:mod:`grader.sandbox.server`), never in the grader
itself. Linux only; the namespaces need root (the grader's CI and graders run as root).

The view a sandboxed process gets, when namespaces are available:

* no network (a new network namespace with no interface up);
* its own process tree (a new PID namespace: when its first process ends, the kernel
  kills every process left in it, so nothing outlives the run);
* a filesystem built from an allowlist, in a fresh root (``pivot_root``): the system
  folders (``SYSTEM_DIRS``) and the Python environment read-only, a few devices, its own
  ``/proc``, and ``/tmp`` a private, size-capped tmpfs that is also the working directory.
  Nothing else exists inside: not the checkout (rubrics, reference answers), not other
  students' files, not the output folder, wherever they are (``/srv``, ``$HOME``, ``/tmp``);
* ``/etc/passwd`` and ``/etc/group`` replaced by two-line files.
"""

from __future__ import annotations

import ctypes
import fcntl
import os
import platform
import resource
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .limits import Limits

CLONE_NEWNS = 0x00020000
CLONE_NEWUTS = 0x04000000
CLONE_NEWIPC = 0x08000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
NAMESPACES = CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWPID | CLONE_NEWNET

MS_RDONLY = 1
MS_NOSUID = 2
MS_NODEV = 4
MS_NOEXEC = 8
MS_REMOUNT = 32
MS_BIND = 4096
MS_REC = 16384
MS_PRIVATE = 1 << 18

PR_SET_PDEATHSIG = 1
PR_SET_DUMPABLE = 4
PR_SET_NO_NEW_PRIVS = 38

MNT_DETACH = 2
EXIT_NAMESPACE_LOST = 71  # the sandbox server could not setns back to its own PID namespace
SYS_PIVOT_ROOT = {"x86_64": 155, "aarch64": 41}.get(platform.machine(), -1)

# The folders a sandboxed process sees, read-only (the interpreter's shared libraries and
# the system's configuration), beside the Python environment (Plan.expose); nothing else.
SYSTEM_DIRS = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc", "/sys")
DEVICES = ("/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom")

NOBODY = 65534
# Each sandbox server claims a uid of its own from this range for all its sandboxes, so
# the per-uid process limit (RLIMIT_NPROC) is one submission's, never shared with a
# classmate's sandbox or another class's run: a lock file per uid, held while it lives.
SANDBOX_UIDS = range(720_000, 724_096)
UID_LOCKS = ("/run/grader-sandbox-uids", "/dev/shm/grader-sandbox-uids")
PRIVATE_TMP = "/tmp"
EMPTIED_DIRS = ("/var/tmp", "/dev/shm", "/run/lock")
SETUP_DIR = "/var/tmp"  # stand-in passwd and group files and staged mounts, then emptied
SANDBOX_USER = "sandbox"

_libc = ctypes.CDLL(None, use_errno=True)


def _call(name: str, *args: object) -> None:
    if getattr(_libc, name)(*args) != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{name}: {os.strerror(err)}")


def _bytes(value: str | None) -> bytes | None:
    return None if value is None else value.encode()


def unshare(flags: int) -> None:
    """Move this process into new namespaces (``unshare(2)``)."""
    _call("unshare", ctypes.c_int(flags))


@contextmanager
def pid_namespace_for_next_child() -> Iterator[None]:
    """Within the block, the processes this one forks start a new PID namespace (the
    first of them is its PID 1); this process itself stays where it is, and afterwards
    its children are born in its own namespace again (``setns`` to it).

    Raises ``OSError`` when the namespace cannot be made (no privilege).
    """
    own = os.open("/proc/self/ns/pid", os.O_RDONLY)  # this process's own namespace
    try:
        unshare(CLONE_NEWPID)
        try:
            yield
        finally:
            try:
                _call("setns", ctypes.c_int(own), ctypes.c_int(CLONE_NEWPID))
            except OSError as exc:  # its next child would be born in a dead namespace:
                os.write(2, f"sandbox: cannot return to own PID namespace: {exc}\n".encode())
                os._exit(EXIT_NAMESPACE_LOST)  # end; the grader starts a fresh server
    finally:
        os.close(own)


def mount(source: str | None, target: str, fstype: str | None, flags: int, data: str = "") -> None:
    """``mount(2)``."""
    _call(
        "mount",
        _bytes(source),
        _bytes(target),
        _bytes(fstype),
        ctypes.c_ulong(flags),
        _bytes(data or None),
    )


def prctl(option: int, value: int) -> None:
    """``prctl(2)`` with one argument."""
    _call("prctl", ctypes.c_int(option), ctypes.c_ulong(value), 0, 0, 0)


@dataclass(frozen=True)
class Plan:
    """Where and as whom a sandboxed process runs."""

    namespaced: bool  # the caller already unshared NAMESPACES
    workdir: str  # working directory and TMPDIR: the private /tmp, or a scratch folder
    hide: tuple[str, ...] = ()  # paths to make unreadable (namespaced only)
    expose: tuple[str, ...] = ()  # paths the sandbox uid must reach: the Python installation
    drop: bool = True  # as root, switch to uid/gid (always, when namespaced)
    uid: int = NOBODY
    gid: int = NOBODY
    env: dict = field(default_factory=dict)  # extra environment variables


_claimed: list[tuple[int, int]] = []  # (uid, the open lock file that holds it)


def sandbox_uid() -> int:
    """This process's own sandbox uid, claimed on first use and held until it exits;
    ``NOBODY`` where no uid can be claimed (no lock folder can be made)."""
    if _claimed:
        return _claimed[0][0]
    for folder in UID_LOCKS:
        try:
            os.makedirs(folder, mode=0o700, exist_ok=True)
        except OSError:
            continue
        for uid in SANDBOX_UIDS:
            fd = os.open(f"{folder}/{uid}", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                continue
            _claimed.append((uid, fd))
            return uid
    return NOBODY


def _closed_ancestor(path: Path) -> Path | None:
    """The outermost folder on the way to ``path`` that others may not enter."""
    for folder in [*reversed(path.parents), path]:
        if not folder.stat().st_mode & 0o001:
            return folder
    return None


def _stand_in_accounts(plan: Plan, root: str) -> None:
    accounts = {
        "passwd": f"root:x:0:0::/root:/bin/false\n"
        f"{SANDBOX_USER}:x:{plan.uid}:{plan.gid}::/tmp:/bin/false\n",
        "group": f"root:x:0:\n{SANDBOX_USER}:x:{plan.gid}:\n",
    }
    for name, text in accounts.items():
        stand_in = Path(SETUP_DIR) / name
        stand_in.write_text(text)
        stand_in.chmod(0o444)
        if Path(root + "/etc", name).exists():
            mount(str(stand_in), f"{root}/etc/{name}", None, MS_BIND)


def _bind_read_only(source: str, target: str) -> None:
    """``source`` seen read-only at ``target``; a symlink is copied as a symlink."""
    if os.path.islink(source):
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(os.readlink(source), target)
        return
    if os.path.isdir(source):
        Path(target).mkdir(parents=True, exist_ok=True)
    else:
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        Path(target).touch()
    mount(source, target, None, MS_BIND | MS_REC)
    mount(None, target, None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV)


def _build_root(plan: Plan, limits: Limits, root: str) -> None:
    """The sandbox's whole filesystem, in a fresh tmpfs at ``root``: an allowlist."""
    flags = MS_NOSUID | MS_NODEV
    mount("tmpfs", root, "tmpfs", flags, "size=1m,mode=0755")
    for path in SYSTEM_DIRS:
        if os.path.lexists(path):
            _bind_read_only(path, root + path)
    for path in plan.expose:  # the interpreter and its site-packages, wherever they live
        if not os.path.lexists(root + path):
            _bind_read_only(path, root + path)
    Path(root + "/proc").mkdir()
    mount("proc", root + "/proc", "proc", flags | MS_NOEXEC)
    Path(root + "/dev").mkdir()
    mount("tmpfs", root + "/dev", "tmpfs", MS_NOSUID | MS_NOEXEC, "size=64k,mode=0755")
    for device in DEVICES:
        Path(root + device).touch()
        mount(device, root + device, None, MS_BIND)
    for path in (*EMPTIED_DIRS, "/var", "/run"):
        Path(root + path).mkdir(parents=True, exist_ok=True)
    _stand_in_accounts(plan, root)
    for path in plan.hide:  # what the grader names, in case it lies under an allowed folder
        hide_path(root + path)
    Path(root + PRIVATE_TMP).mkdir(exist_ok=True)
    mount(
        "tmpfs",
        root + PRIVATE_TMP,
        "tmpfs",
        flags,
        f"size={limits.file_mb}m,mode=0700,uid={plan.uid},gid={plan.gid}",
    )
    # a Python environment under /tmp (a clone in /tmp): seen inside the private /tmp too
    for path in plan.expose:
        if path.startswith(PRIVATE_TMP + "/"):
            _bind_read_only(path, root + path)


def _mount_private_view(plan: Plan, limits: Limits) -> None:
    """Replace the whole filesystem by an allowlist: system folders and the Python
    environment read-only, a private /tmp, a few devices, /proc of the sandbox's own PID
    namespace. Nothing else of the machine (other students' files, the output folder, the
    checkout, /home, /srv, /var) exists inside."""
    mount(None, "/", None, MS_REC | MS_PRIVATE)
    mount("tmpfs", SETUP_DIR, "tmpfs", MS_NOSUID | MS_NODEV, "size=64k,mode=0755")
    root = SETUP_DIR + "/root"
    Path(root).mkdir()
    _build_root(plan, limits, root)
    old = root + "/.old"
    Path(old).mkdir()
    _call("syscall", ctypes.c_long(SYS_PIVOT_ROOT), _bytes(root), _bytes(old))
    os.chdir("/")
    _call("umount2", _bytes("/.old"), ctypes.c_int(MNT_DETACH))
    os.rmdir("/.old")
    mount(None, "/", None, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV)


def python_paths() -> tuple[str, ...]:
    """The folders of this Python installation and virtual environment."""
    found = {
        os.path.realpath(p)
        for p in (sys.base_prefix, sys.prefix, os.path.dirname(os.path.realpath(sys.executable)))
    }
    return tuple(
        sorted(p for p in found if not any(p.startswith(q + os.sep) for q in found if q != p))
    )


def reachable_by_others(paths: tuple[str, ...]) -> bool:
    """Whether an unprivileged uid can reach all ``paths`` without namespaces."""
    return all(_closed_ancestor(Path(p)) is None for p in paths)


def hide_path(path: str) -> None:
    """Cover a folder with an empty read-only mount, or a file with ``/dev/null``."""
    target = Path(path)
    if target.is_symlink() or not target.exists():
        return
    if target.is_dir():
        mount("tmpfs", path, "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV, "size=4k,mode=0555")
    else:
        mount("/dev/null", path, None, MS_BIND)


def scrubbed_env(workdir: str, extra: dict | None = None) -> dict[str, str]:
    """The whole environment of a sandboxed process: nothing of the grader's leaks in."""
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": workdir,
        "TMPDIR": workdir,
        "USER": SANDBOX_USER,
        "LOGNAME": SANDBOX_USER,
        "LANG": "C.UTF-8",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "TOKENIZERS_PARALLELISM": "false",
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "MPLBACKEND": "Agg",
        "MPLCONFIGDIR": workdir,
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    env.update(extra or {})
    return env


def _set_limits(limits: Limits) -> None:
    def cap(which: int, soft: int, hard: int | None = None) -> None:
        resource.setrlimit(which, (soft, soft if hard is None else hard))

    cap(resource.RLIMIT_CPU, limits.cpu_s, limits.cpu_s + 1)
    cap(resource.RLIMIT_DATA, limits.memory_mb * 2**20)
    cap(resource.RLIMIT_FSIZE, limits.file_mb * 2**20)
    cap(resource.RLIMIT_NOFILE, limits.open_files)
    cap(resource.RLIMIT_NPROC, limits.processes)
    cap(resource.RLIMIT_CORE, 0)


def enter(plan: Plan, limits: Limits) -> None:
    """Confine the calling process (just forked, single-threaded) for good.

    Raises ``OSError`` if any step fails; the caller must then not run student code.
    """
    if plan.namespaced:
        _mount_private_view(plan, limits)
    os.chdir(plan.workdir)
    os.environ.clear()
    os.environ.update(scrubbed_env(plan.workdir, plan.env))
    # A file over the size limit makes write() fail with EFBIG instead of killing the process.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    _set_limits(limits)
    if os.geteuid() == 0 and plan.drop:
        os.setgroups([])
        os.setgid(plan.gid)
        os.setuid(plan.uid)
        if os.getuid() == 0 or os.geteuid() == 0:
            raise OSError("could not drop root privileges")
    prctl(PR_SET_NO_NEW_PRIVS, 1)
    prctl(PR_SET_DUMPABLE, 0)
