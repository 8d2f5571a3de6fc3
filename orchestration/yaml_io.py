"""YAML reading through libyaml when PyYAML has it (it does in the pinned wheels): the pure-Python
loader spent ~0.4 s of a build on the curated sheets and the manifest. Same safe schema either way."""
from __future__ import annotations

import yaml

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str):
    return yaml.load(text, Loader=SafeLoader)  # noqa: S506 - a safe loader


def compose(text: str):
    """The node tree (with line marks), for files whose entries are reported by line."""
    return yaml.compose(text, Loader=SafeLoader)
