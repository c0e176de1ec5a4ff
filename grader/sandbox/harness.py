"""The side of the function tests that runs in the sandbox, next to the student's code.

It loads the student's definitions, calls one function on the inputs of ``cases.yaml``
and reports *observations* as plain JSON: what came back, what the function did to the
model and optimizer it was given. It never decides pass or fail; the grader compares
the observations with those of its reference implementation (:mod:`.compare`), and the
reference's observations come from these same observers run on the reference code.

Student code can patch anything in its process; after every call into it, builtins,
torch's module, ``Tensor`` and ``Module``, the modules the harness writes with (``json``,
``os``) and every module of the grader loaded here (``fixtures`` included: its classes and
its functions' code) are put back as they were, so a patch cannot change how the next
result is read. A change to the grader's own modules is also reported (``tampered``) and
costs the function its tests. No result leaves the process until the student's code is
done: the harness collects them, stops timers and signal handlers, checks the grader is
intact, and only then asks the supervisor for the seal of its result channel
(:func:`grader.sandbox.procs.seal`); what student code writes on the channel before that
ends the run as tampering.
"""

from __future__ import annotations

import builtins
import copy
import gc
import inspect
import json
import operator
import signal
import sys
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import torch
from torch import nn

from . import fixtures
from .jobs import write_line
from .procs import seal

MAX_ITEMS = 10_000  # longest list reported back
MAX_TEXT = 300


def describe(exc: BaseException) -> str:
    """A one-line account of an exception raised by student code."""
    try:
        if isinstance(exc, SystemExit):
            return f"called sys.exit({exc.code!r})"
        if isinstance(exc, MemoryError):
            return "ran out of memory (MemoryError): over the sandbox's memory limit"
        if isinstance(exc, RecursionError):
            return "RecursionError: maximum recursion depth exceeded"
        text = f"{type(exc).__name__}: {exc}"
    except BaseException:  # noqa: BLE001 - a hostile __str__ must not break the report
        text = "an exception that could not be described"
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


GUARDED_MODULES = ("builtins", "math", "json", "json.encoder", "os", "posix", "torch")
KEPT_SIGNALS = {signal.SIGKILL, signal.SIGSTOP, signal.SIGPIPE, signal.SIGXFSZ}


def _own(module: types.ModuleType, value: Any) -> bool:
    return getattr(value, "__module__", None) == module.__name__


def _grader_modules() -> list[types.ModuleType]:
    return [
        m
        for name, m in sorted(sys.modules.items())
        if isinstance(m, types.ModuleType) and name.split(".")[0] == "grader"
    ]


class Guard:
    """A snapshot of the namespaces student code likes to patch, and a way back to it.

    Values are compared by identity, so restoring never calls student code (a hostile
    ``__eq__``). Changes to the grader's own modules, classes and functions are kept in
    :attr:`tampered`.
    """

    def __init__(self) -> None:
        grader = _grader_modules()
        named = [sys.modules[n] for n in GUARDED_MODULES if n in sys.modules]
        self.modules = [(m.__name__, m.__dict__) for m in [*named, nn.functional, *grader]]
        self.grader = {m.__name__ for m in grader}
        own = [v for m in grader for v in list(vars(m).values()) if _own(m, v)]
        self.classes = [torch.Tensor, nn.Module] + [v for v in own if isinstance(v, type)]
        functions = [v for v in own if isinstance(v, types.FunctionType)]
        functions += [
            f
            for cls in self.classes[2:]
            for f in list(vars(cls).values())
            if isinstance(f, types.FunctionType)
        ]
        self.functions = [(f, f.__defaults__, f.__kwdefaults__) for f in dict.fromkeys(functions)]
        self.saved_modules = [tuple(d.items()) for _, d in self.modules]
        self.saved_classes = [tuple(vars(c).items()) for c in self.classes]
        self.module_ids = [_snapshot(d) for _, d in self.modules]
        self.class_ids = [_snapshot(vars(c)) for c in self.classes]
        self.tampered: list[str] = []
        self.kept: list[Any] = []  # what a restore took out: its finalizers never run here

    def _note(self, where: str) -> None:
        if where not in self.tampered:
            self.tampered.append(where)

    def restore(self) -> None:
        """Undo every change to the guarded namespaces since the snapshot."""
        for (name, namespace), saved, ids in zip(
            self.modules, self.saved_modules, self.module_ids, strict=True
        ):
            if not _same(namespace, ids):
                before = dict(saved)
                if name in self.grader:
                    self._note(name)
                self.kept.append(dict(namespace))
                namespace.clear()
                namespace.update(before)
        for cls, saved, ids in zip(self.classes, self.saved_classes, self.class_ids, strict=True):
            if _same(vars(cls), ids):
                continue
            current = dict(vars(cls))
            added = current.keys() - dict(saved).keys()
            replaced = [(k, v) for k, v in saved if current.get(k, _MISSING) is not v]
            if not added and not replaced:
                continue
            self.kept.append(current)
            if cls.__module__ in self.grader:
                self._note(f"{cls.__module__}.{cls.__qualname__}")
            for key in added:
                type.__delattr__(cls, key)
            for key, value in replaced:
                type.__setattr__(cls, key, value)
        for fn, defaults, kwdefaults in self.functions:
            if fn.__defaults__ is defaults and fn.__kwdefaults__ is kwdefaults:
                continue  # (its code cannot be swapped: see _audit)
            self.kept.append((fn.__defaults__, fn.__kwdefaults__))
            fn.__defaults__, fn.__kwdefaults__ = defaults, kwdefaults
            self._note(f"{fn.__module__}.{fn.__qualname__}")


def _same(namespace: Any, saved: tuple[tuple, tuple]) -> bool:
    """Whether a namespace holds the very same keys and values, in the same order, as
    ``saved`` (keys, values): compared by identity, which never calls student code (an
    ``__eq__``)."""
    keys, values = saved
    return (
        len(namespace) == len(keys)
        and all(map(operator.is_, namespace, keys))
        and all(map(operator.is_, namespace.values(), values))
    )


def _snapshot(namespace: Any) -> tuple[tuple, tuple]:
    return tuple(namespace), tuple(namespace.values())


_MISSING = object()
_guards: list[Guard] = []  # this task's guard (a list: setting it changes no module)
_prepared: list[Guard] = []  # a snapshot the sandbox server takes once per job, before forking


def prepare() -> None:
    """Take the guard's snapshot now, in the sandbox server, so that each task (a fork)
    starts with it instead of taking its own."""
    _prepared[:] = [Guard()]


def _audit(event: str, args: tuple) -> None:
    """Installed before any student code: no audit hook of the student's (it would run
    inside the harness), and no function's code swapped. Constants only, no globals."""
    if event == "sys.addaudithook":
        raise RuntimeError("audit hooks are not allowed in the sandbox")
    if event == "object.__setattr__" and len(args) > 1 and args[1] == "__code__":
        raise RuntimeError("replacing a function's code is not allowed in the sandbox")


def _stop_library_threads() -> None:
    """End the threads libraries start on their own in honest code (tqdm's monitor of its
    progress bars), so that the seal finds one thread left."""
    progress = sys.modules.get("tqdm.std")
    monitor = getattr(getattr(progress, "tqdm", None), "monitor", None)
    if monitor is not None and hasattr(monitor, "exit"):
        call(monitor.exit)


def _quiet() -> None:
    """No student code may run from here on: no timers, signal handlers, tracers or
    finalizers (the garbage collector stays off until the process ends)."""
    for timer in (signal.ITIMER_REAL, signal.ITIMER_VIRTUAL, signal.ITIMER_PROF):
        signal.setitimer(timer, 0)
    for number in signal.valid_signals():
        if number not in KEPT_SIGNALS:
            try:
                signal.signal(number, signal.SIG_DFL)
            except (OSError, ValueError, RuntimeError):
                continue
    signal.set_wakeup_fd(-1)
    sys.settrace(None)
    sys.setprofile(None)
    gc.disable()
    gc.callbacks.clear()


def attempt(fn: Callable, *args: Any, **kwargs: Any) -> tuple[Any, str | None]:
    """``fn(*args, **kwargs)`` as (value, None), or (None, what it raised)."""
    try:
        return fn(*args, **kwargs), None
    except BaseException as exc:  # noqa: BLE001 - sys.exit and friends are results here
        return None, describe(exc)


def unpatch() -> None:
    """Put the guarded namespaces back as they were (see :class:`Guard`)."""
    for guard in _guards:
        guard.restore()


def call(fn: Callable, *args: Any, **kwargs: Any) -> tuple[Any, str | None]:
    """:func:`attempt`, then un-patch."""
    try:
        return attempt(fn, *args, **kwargs)
    finally:
        unpatch()


def plain(value: Any) -> Any:
    """A JSON-safe copy of a returned value (tensors become lists or numbers)."""
    if isinstance(value, bool | int | float | str) or value is None:
        return value if not isinstance(value, str) else value[:MAX_TEXT]
    if isinstance(value, torch.Tensor):
        value = value.detach()
        if value.numel() > MAX_ITEMS:
            return f"a tensor of shape {list(value.shape)}"
        return value.item() if value.dim() == 0 else value.tolist()
    if hasattr(value, "tolist") and hasattr(value, "shape"):  # numpy arrays and scalars
        return plain(torch.as_tensor(value))
    if isinstance(value, list | tuple):
        return [plain(v) for v in value[:MAX_ITEMS]]
    text = repr(value)
    return f"a {type(value).__name__}: {text[:MAX_TEXT]}"


def number(value: Any) -> tuple[float | None, str | None]:
    """A returned value as one number, or why it is not one."""
    found = plain(value)
    if isinstance(found, list) and len(found) == 1:
        found = found[0]
    if isinstance(found, bool) or not isinstance(found, int | float):
        return None, f"returned {found!r}, not a single number"
    return float(found), None


def check(
    name: str, given: str, compare: str, value: Any = None, error: str | None = None, **extra: Any
) -> dict:
    """One observation: ``compare`` is how the grader compares it (close, equal, at_least,
    positive)."""
    record = {"name": name, "input": given, "compare": compare, "value": value, **extra}
    if error is not None:
        record["error"] = error
    return record


@contextmanager
def provided(fn: Callable, names: dict[str, Any]) -> Iterator[None]:
    """Set globals the function reads (``device``, ``max_input_length``...) while it runs."""
    namespace = getattr(fn, "__globals__", None)
    if not isinstance(namespace, dict):
        yield
        return
    saved = {k: namespace[k] for k in names if k in namespace}
    namespace.update(names)
    try:
        yield
    finally:
        for key in names:
            namespace.pop(key, None)
        namespace.update(saved)


def observe_binary_accuracy(fn: Callable, config: dict) -> list[dict]:
    """The accuracy returned for each case's logits and labels."""
    checks = []
    for case in config["cases"]:
        given = f"preds (logits) = {case['logits']}, y = {case['labels']}"
        preds = torch.tensor(case["logits"], dtype=torch.float32)
        labels = torch.tensor(case["labels"], dtype=torch.float32)
        returned, error = call(fn, preds, labels)
        value, error = (None, error) if error else number(returned)
        checks.append(
            check(case["name"], given, "close", value, error, tolerance=config["tolerance"])
        )
    return checks


def observe_count_parameters(fn: Callable, config: dict) -> list[dict]:
    """The count returned for each case's model."""
    checks = []
    for case in config["cases"]:
        model = fixtures.linear_stack(case["layers"], case["frozen"])
        given = f"{model!r}".replace("\n", " ") + (
            f"; layers {case['frozen']} frozen (requires_grad=False)" if case["frozen"] else ""
        )
        returned, error = call(fn, model)
        value, error = (None, error) if error else number(returned)
        checks.append(check(case["name"], given, "equal", value, error))
    return checks


def observe_epoch_time(fn: Callable, config: dict) -> list[dict]:
    """The (minutes, seconds) returned for each pair of times."""
    checks = []
    for case in config["cases"]:
        given = f"start_time = {case['start']}, end_time = {case['end']}"
        returned, error = call(fn, case["start"], case["end"])
        value = plain(returned)
        if error is None and not (isinstance(value, list) and len(value) == 2):
            value, error = None, f"returned {value!r}, not a pair (minutes, seconds)"
        checks.append(check(case["name"], given, "equal", value, error))
    return checks


def _modes(passes: list[tuple[bool, bool]], index: int, yes: str, no: str) -> str:
    if not passes:
        return "no forward pass"
    count = sum(1 for p in passes if p[index])
    if count == len(passes):
        return f"all {len(passes)} forward passes {yes}"
    if count == 0:
        return f"all {len(passes)} forward passes {no}"
    return f"{count} of {len(passes)} forward passes {yes}"


def _epoch(fn: Callable, config: dict, training: bool) -> list[dict]:
    model_cfg, data_cfg = config["model"], config["data"]
    model = fixtures.tiny_sentiment(**model_cfg)
    before = fixtures.flat_parameters(model)
    iterator = fixtures.fake_batches(vocab=model_cfg["vocab"], **data_cfg)
    criterion = nn.BCEWithLogitsLoss()
    given = (
        f"a tiny model (embedding {model_cfg['vocab']}x{model_cfg['dim']}, linear {model_cfg['dim']}->1), "
        f"{data_cfg['batches']} batches of {data_cfg['batch_size']} with .text and .label, "
        "BCEWithLogitsLoss" + (f", SGD(lr={config['lr']})" if training else "")
    )
    optimizer = fixtures.CountingSGD(model.parameters(), lr=config["lr"]) if training else None
    args = (model, iterator, optimizer, criterion) if training else (model, iterator, criterion)
    with provided(fn, {"binary_accuracy": fixtures.accuracy, "device": torch.device("cpu")}):
        returned, error = call(fn, *args)
    value = plain(returned)
    if error is None and not (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, float | int) for v in value)
    ):
        value, error = None, f"returned {value!r}, not (mean loss, mean accuracy)"
    tolerance = config["tolerance"]
    checks = [
        check("mean loss and accuracy returned", given, "close", value, error, tolerance=tolerance)
    ]
    after = fixtures.flat_parameters(model)
    if training:
        checks += [
            check(
                "model in training mode",
                given,
                "equal",
                _modes(model.passes, 0, "in training mode", "in eval mode"),
            ),
            check(
                "zero_grad calls",
                given,
                "at_least",
                optimizer.zero_grad_calls + model.zero_grad_calls,
            ),
            check("optimizer steps", given, "equal", optimizer.step_calls),
            check("parameters after the epoch", given, "close", after, tolerance=tolerance),
        ]
    else:
        changed = max((abs(a - b) for a, b in zip(after, before, strict=True)), default=0.0)
        checks += [
            check(
                "model in eval mode",
                given,
                "equal",
                _modes(model.passes, 0, "in training mode", "in eval mode"),
            ),
            check(
                "gradients disabled",
                given,
                "equal",
                _modes(model.passes, 1, "with gradients", "without gradients"),
            ),
            check(
                "parameters unchanged",
                given,
                "equal",
                "unchanged" if changed == 0 else f"changed by up to {changed:.3g}",
            ),
        ]
    return checks


def observe_train(fn: Callable, config: dict) -> list[dict]:
    """One epoch of training a tiny model: returns, modes, zero_grad, steps, parameters."""
    return _epoch(fn, config, training=True)


def observe_evaluate(fn: Callable, config: dict) -> list[dict]:
    """One evaluation pass: returns, eval mode, no gradients, parameters untouched."""
    return _epoch(fn, config, training=False)


def observe_predict_sentiment(fn: Callable, config: dict) -> list[dict]:
    """The probability returned, and the token ids the model was fed, for each sentence."""
    tokenizer = fixtures.bert_tokenizer()
    model = fixtures.sentiment_probe(config["head_seed"])
    names = {
        "max_input_length": config["max_input_length"],
        "init_token_idx": tokenizer.convert_tokens_to_ids(config["init_token"]),
        "eos_token_idx": tokenizer.convert_tokens_to_ids(config["eos_token"]),
        "device": torch.device("cpu"),
    }
    checks = []
    for case in config["sentences"]:
        text = fixtures.sentence_text(case)
        given = (
            f"sentence {text if len(text) <= 80 else text[:77] + '...'!r} ({len(text)} characters)"
        )
        model.seen.clear()
        with provided(fn, names):
            returned, error = call(fn, model, tokenizer, text)
        value, error = (None, error) if error else number(returned)
        tolerance = config["tolerance"]
        checks.append(
            check(f"{case['name']}: probability", given, "close", value, error, tolerance=tolerance)
        )
        fed = model.seen[-1] if model.seen else "the model was not called"
        checks.append(check(f"{case['name']}: token ids fed to the model", given, "equal", fed))
    return checks


def accepted_kwargs(cls: Callable, kwargs: dict) -> dict:
    """The settings a constructor takes: all of them if it has ``**kwargs`` or no readable
    signature, else those its parameters name (a class without ``mlp_dim`` keeps its own)."""
    try:
        parameters = inspect.signature(cls).parameters.values()
    except (TypeError, ValueError):
        return dict(kwargs)
    if any(p.kind is p.VAR_KEYWORD for p in parameters):
        return dict(kwargs)
    names = {p.name for p in parameters}
    return {k: v for k, v in kwargs.items() if k in names}


def observe_vit(cls: Callable, config: dict) -> list[dict]:
    """Whether the class builds to the spec with parameters, and the output shape for a batch
    of images. The parameter count itself is no test: the homework fixes patch size, depth
    and heads, not the width, so a valid ViT may have any number of parameters."""
    kwargs, shape = accepted_kwargs(cls, config["kwargs"]), config["input_shape"]
    built = ", ".join(f"{k}={v}" for k, v in kwargs.items())
    given = f"ViT({built})"
    torch.manual_seed(config["seed"])
    model, error = call(cls, **kwargs)
    if error is None and not isinstance(model, nn.Module):
        error = f"building it gave {plain(model)!r}, not a torch.nn.Module"
    if error:
        return [check("built from the spec", given, "equal", error=error)]
    count = sum(p.numel() for p in model.parameters())
    images = torch.randn(*shape, generator=torch.Generator().manual_seed(config["seed"]))
    model.eval()
    with torch.no_grad():
        out, error = call(model, images)
    out_shape = list(out.shape) if isinstance(out, torch.Tensor) else plain(out)
    finite = bool(torch.isfinite(out).all()) if isinstance(out, torch.Tensor) else False
    given_batch = f"{given} on a batch of shape {shape}"
    return [
        check("has trainable parameters", given, "positive", count),
        check("output shape", given_batch, "equal", out_shape, error),
        check("output finite", given_batch, "equal", finite, error),
    ]


OBSERVERS: dict[str, Callable[[Callable, dict], list[dict]]] = {
    "binary_accuracy": observe_binary_accuracy,
    "count_parameters": observe_count_parameters,
    "epoch_time": observe_epoch_time,
    "train": observe_train,
    "evaluate": observe_evaluate,
    "predict_sentiment": observe_predict_sentiment,
    "ViT": observe_vit,
}


def load_definitions(definitions: list[dict]) -> tuple[dict, list[str]]:
    """Execute the extracted definitions in a fresh namespace; failures become notes."""
    namespace: dict[str, Any] = {"__name__": "__student__", "__builtins__": builtins}
    namespace.update(fixtures.default_globals())
    notes = []
    for item in definitions:
        try:
            code = compile(item["code"], f"<{item['where']}>", "exec")
        except (SyntaxError, ValueError) as exc:
            notes.append(f"{item['where']}: skipped, {describe(exc)}")
            continue
        _, error = attempt(exec, code, namespace)  # un-patched once, after the last one
        if error:
            first = item["code"].strip().splitlines()[0][:80]
            notes.append(f"{item['where']}: `{first}` failed: {error}")
    unpatch()
    return namespace, notes


def run_function(
    definitions: list[dict], function: str, suite: str, config: dict, result_fd: int
) -> None:
    """The body of one sandboxed task: define, then observe ``function`` with ``suite``.

    ``result_fd`` is a sealed channel: the records go out only after the student's code
    has run and the grader's modules are checked (see the module's docstring)."""
    torch.set_num_threads(1)
    observe, config = OBSERVERS[suite], copy.deepcopy(config)
    sys.addaudithook(_audit)
    guard = _prepared[0] if _prepared else Guard()
    _guards.append(guard)
    records: list[dict] = []
    namespace, notes = load_definitions(definitions)
    records.append({"notes": notes})
    target = namespace.get(function)
    if not callable(target):
        names = sorted(k for k, v in namespace.items() if callable(v) and not k.startswith("__"))
        records.append({"missing": True, "defined": names[:50]})
    else:
        records.append({"checks": observe(target, config)})
    # as plain JSON now: a returned object's __repr__ is student code, and runs before the check
    records = json.loads(json.dumps(records, default=repr))
    _stop_library_threads()
    _quiet()
    guard.restore()
    if guard.tampered:
        records.append({"tampered": guard.tampered[:20]})
    seal(result_fd)
    for record in records:
        write_line(result_fd, record)
