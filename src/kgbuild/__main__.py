"""``python -m kgbuild``: the same as the ``kgbuild`` command."""

from __future__ import annotations

from kgbuild.cli import main

if __name__ == "__main__":
    main()
