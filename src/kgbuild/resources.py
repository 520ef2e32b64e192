"""Locate the data files that ship with kgbuild (ontology, shapes, saved queries).

In a wheel they live in ``kgbuild/assets/`` (force-included by pyproject.toml);
in a source checkout or editable install they are read from the top-level folders.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_TOP = Path(__file__).resolve().parents[2]
_CHECKOUT = {"ontology": _TOP / "ontology", "shapes": _TOP / "shapes", "queries": _TOP / "examples" / "queries"}


def asset_dir(name: str) -> Path:
    """The folder of the shipped asset group ``name`` ("ontology", "shapes" or "queries")."""
    packaged = Path(str(resources.files("kgbuild"))) / "assets" / name
    if packaged.is_dir():
        return packaged
    return _CHECKOUT[name]


def ontology_path() -> Path:
    """The ontology file, ``kgbuild.ttl``."""
    return asset_dir("ontology") / "kgbuild.ttl"


def shapes_dir() -> Path:
    """The folder of SHACL shapes files."""
    return asset_dir("shapes")


def queries_dir() -> Path:
    """The folder of saved SPARQL queries (``*.rq``)."""
    return asset_dir("queries")
