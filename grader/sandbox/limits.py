"""Resource limits of one sandboxed run, with their defaults and their ``GradeOptions.extra`` keys."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

EXTRA_PREFIX = "sandbox_"  # options.extra["sandbox_memory_mb"] sets Limits.memory_mb, and so on


class LimitsError(ValueError):
    """A limit given in the options is not a positive number; the message names the key."""


@dataclass(frozen=True)
class Limits:
    """How much one run of student code may use.

    ``wall_s`` and ``cpu_s`` apply to each function's tests (and to each notebook cell when
    re-executing); a whole submission gets ``wall_s`` times (functions + 1).
    """

    # RLIMIT_DATA of each process, and what all the submission's processes may add together
    # (polled by the sandbox's first process); importing torch and transformers takes ~1.1 GiB
    memory_mb: int = 3072
    cpu_s: int = 60  # RLIMIT_CPU per process
    wall_s: float = 60.0  # wall clock, then the whole process tree is killed
    file_mb: int = 64  # RLIMIT_FSIZE and the size of the private /tmp
    open_files: int = 256  # RLIMIT_NOFILE
    processes: int = 64  # RLIMIT_NPROC (threads count too; enforced for the unprivileged uid)
    output_kb: int = 4096  # stdout and stderr of one function's tests before they are stopped

    @classmethod
    def from_extra(cls, extra: dict) -> Limits:
        """The defaults, overridden by ``extra["sandbox_<field>"]`` where given."""
        values = {}
        for f in fields(cls):
            key = EXTRA_PREFIX + f.name
            if key not in extra:
                continue
            value = extra[key]
            if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
                raise LimitsError(f"option {key} should be a positive number, got {value!r}")
            values[f.name] = type(getattr(cls, f.name))(value)
        return cls(**values)

    def to_dict(self) -> dict:
        """Plain values, as sent to the sandbox server."""
        return asdict(self)
