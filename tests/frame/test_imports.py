"""orchestration/imports.py: a masked dependency is invisible only during the import; a deferred module runs
its code on first use, and is the real module from then on; the collector is paused during start-up imports."""
import sys
import textwrap

import pytest

from orchestration.imports import deferred, masked


@pytest.fixture
def package(tmp_path, monkeypatch):
    """A package `probe_pkg` whose submodule `heavy` records in `probe_pkg.loaded` when its code runs."""
    root = tmp_path / "probe_pkg"
    root.mkdir()
    (root / "__init__.py").write_text("loaded = []\n")
    (root / "heavy.py").write_text(textwrap.dedent("""
        import probe_pkg
        probe_pkg.loaded.append("heavy")
        ANSWER = 42
        def twice(x):
            return 2 * x
    """))
    (root / "user.py").write_text("from probe_pkg import heavy\n\ndef use():\n    return heavy.twice(heavy.ANSWER)\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield
    for name in [n for n in sys.modules if n == "probe_pkg" or n.startswith("probe_pkg.")]:
        del sys.modules[name]


def test_a_deferred_module_runs_its_code_on_first_use(package):
    import probe_pkg

    with deferred("probe_pkg.heavy"):
        from probe_pkg import user
    assert probe_pkg.loaded == []  # imported by `user`, but its code has not run
    assert user.use() == 84
    assert probe_pkg.loaded == ["heavy"]
    assert sys.modules["probe_pkg.heavy"].ANSWER == 42
    assert user.use() == 84 and probe_pkg.loaded == ["heavy"]  # ran once


def test_modules_not_named_and_imports_after_the_block_are_eager(package):
    import probe_pkg

    with deferred("probe_pkg.other"):
        from probe_pkg import user  # noqa: F401
    assert probe_pkg.loaded == ["heavy"]
    assert not any(type(finder).__name__ == "_DeferringFinder" for finder in sys.meta_path)


def test_a_masked_module_cannot_be_imported_inside_the_block_only(package):
    with masked("probe_pkg.heavy"):
        with pytest.raises(ImportError):
            import probe_pkg.heavy  # noqa: F401
    import probe_pkg.heavy

    assert probe_pkg.heavy.ANSWER == 42


def test_the_collector_is_paused_inside_and_what_was_made_is_frozen_after():
    import gc

    from orchestration.imports import collector_paused

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        kept = [[n] for n in range(1000)]  # what an import keeps for the process's life
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(kept)
    gc.unfreeze()  # leave the test process as it was
