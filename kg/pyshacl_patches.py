"""Every place this project reaches into pySHACL's internals, pinned to pySHACL 0.40 in pyproject.toml.

Both replace list membership tests that made validation quadratic; neither changes a result.
- ``index_constraint_parameters`` replaces the list ``pyshacl.shape.CONSTRAINT_PARAMS`` (cached there on
  first use) with a frozenset.
- ``FocusValidator`` replaces the list ``executor.focus_nodes`` that ``Validator.make_executor`` returns with a
  frozenset.
"""
from __future__ import annotations


def index_constraint_parameters() -> None:
    """Give pySHACL its constraint parameters as a set.

    pySHACL tests every predicate of a shape against a list of ~40 parameters, once per focus node and
    property shape; that membership test alone was a third of validation time at 1M triples.  It caches
    the list in ``pyshacl.shape.CONSTRAINT_PARAMS`` on first use; seeding that cache with a frozenset
    changes nothing else (it is only copied when SHACL-JS or SHACL-AF is enabled, which we never do).
    """
    import pyshacl.shape
    from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS, CONSTRAINT_PARAMETERS_MAP

    if not isinstance(getattr(pyshacl.shape, "CONSTRAINT_PARAMS", (None,))[0], frozenset):
        pyshacl.shape.CONSTRAINT_PARAMS = (frozenset(ALL_CONSTRAINT_PARAMETERS), CONSTRAINT_PARAMETERS_MAP)


def focus_validator():
    """pySHACL's ``Validator`` whose executor tests focus-node membership against a set, not a list: thousands
    of focus nodes stay linear."""
    from pyshacl import Validator

    class FocusValidator(Validator):
        def make_executor(self):
            executor = super().make_executor()
            if executor.focus_nodes:
                executor.focus_nodes = frozenset(executor.focus_nodes)
            return executor

    return FocusValidator
