"""Where and how a run computes: device, bf16 autocast, pinned copies, torch.compile.

GPU-only features switch themselves off on a CPU: autocast and pinned memory need CUDA, so a
CPU run is plain float32 and stays correct.
"""

from __future__ import annotations

import platform
import random
import sys
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass

import numpy as np
import torch

from ..errors import ReferenceSetupError

DEVICES = ("auto", "cpu", "cuda")


@dataclass(frozen=True)
class Runtime:
    """The device and the speed features in use."""

    device: torch.device
    amp: bool  # bf16 autocast (CUDA with bf16 support only)
    compile: bool

    @property
    def cuda(self) -> bool:
        """True on a CUDA device: pinned memory and non-blocking copies pay off."""
        return self.device.type == "cuda"

    def autocast(self) -> AbstractContextManager:
        """bf16 autocast when enabled, else nothing."""
        if self.amp:
            return torch.autocast(device_type="cuda", dtype=torch.bfloat16)
        return nullcontext()

    def to_device(self, tensor: torch.Tensor) -> torch.Tensor:
        """Copy to the device; pinned and non-blocking on CUDA."""
        if self.cuda and not tensor.is_pinned():
            tensor = tensor.pin_memory()
        return tensor.to(self.device, non_blocking=self.cuda)

    def describe(self) -> dict:
        """The settings a results file records."""
        return {
            "device": str(self.device),
            "bf16_autocast": self.amp,
            "torch_compile": self.compile,
        }


def resolve_runtime(device: str = "auto", amp: bool = True, compile: bool = False) -> Runtime:
    """The runtime for ``--device auto|cpu|cuda``; ``cuda`` without a GPU is a clear error."""
    if device not in DEVICES:
        raise ReferenceSetupError(f"--device {device}: choose one of {', '.join(DEVICES)}")
    if device == "auto":
        device = "cuda" if torch.cuda.is_available() else "cpu"
    if device == "cuda" and not torch.cuda.is_available():
        raise ReferenceSetupError(
            "--device cuda: PyTorch sees no CUDA GPU (torch.cuda.is_available() is False); "
            "install a CUDA build of torch on a GPU machine, or use --device cpu"
        )
    cuda = device == "cuda"
    if cuda:
        torch.set_float32_matmul_precision("high")  # TF32 for the float32 parts (the GRU)
    return Runtime(torch.device(device), amp and cuda and torch.cuda.is_bf16_supported(), compile)


def seed_everything(seed: int) -> None:
    """Seed Python, NumPy and torch (all devices), as the homework did."""
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def device_name(device: torch.device) -> str:
    """A human name for the device: the GPU model, or the CPU and its thread count."""
    if device.type == "cuda":
        return torch.cuda.get_device_name(device)
    processor = platform.processor() or platform.machine()
    return f"cpu ({processor}, {torch.get_num_threads()} threads)"


def versions() -> dict:
    """Library versions a results file records (CUDA is the torch build's, None on CPU builds)."""
    import torchvision
    import transformers

    cuda = torch.cuda.is_available()
    return {
        "python": sys.version.split()[0],
        "torch": torch.__version__,
        "torchvision": torchvision.__version__,
        "transformers": transformers.__version__,
        "cuda": torch.version.cuda,  # the CUDA the torch build targets
        "cuda_available": cuda,
        "cudnn": torch.backends.cudnn.version() if cuda else None,
    }
