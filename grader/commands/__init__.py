"""Subcommands beyond ``grade``, one module each, registered here by import path.

Adding a command: write ``grader/commands/<name>.py`` with a click command or group, and
add its ``"module:attribute"`` path to ``COMMANDS``.
"""

from __future__ import annotations

import importlib

import click

COMMANDS: list[str] = [
    "grader.commands.similarity:similarity",
    "grader.commands.check:check_command",
    "grader.commands.override:override",
    "grader.commands.override:accept",
    "grader.commands.gradescope:gradescope",
    "grader.commands.solutions:solutions",
    "grader.commands.reference:reference",
]


def register(group: click.Group) -> None:
    """Attach every listed command to the top-level group."""
    for path in COMMANDS:
        module_name, attribute = path.split(":")
        group.add_command(getattr(importlib.import_module(module_name), attribute))
