"""Keeps each footnote on the page that calls it.

WeasyPrint 70, when the first lines of a paragraph do not fit at the bottom of a page
(orphans), moves the page's footnotes to the next page to make room for one more line,
even a footnote called far above: the report's footnote then sits on page 2 under text
it does not belong to. Nghị định 30 wants it at the foot of its own page. We turn that
one heuristic off, so the paragraph moves to the next page instead, as it would without
footnotes. The rewrite checks that the line it replaces is there, so an upgrade that
changes it fails at import rather than silently.
"""

import inspect
import textwrap

from weasyprint.layout import block

ORIGINAL = "report = not context.in_column and can_break_now and not could_break_before"
PATCHED = "report = False  # see unionreports.rendering.footnotes"


def _patch() -> None:
    if getattr(block._linebox_layout, "_keeps_footnotes", False):
        return
    source = textwrap.dedent(inspect.getsource(block._linebox_layout))
    if source.count(ORIGINAL) != 1:
        raise ImportError("WeasyPrint's line layout changed: review unionreports/rendering/footnotes.py.")
    namespace: dict = {}
    exec(compile(source.replace(ORIGINAL, PATCHED), block.__file__, "exec"), vars(block), namespace)
    patched = namespace["_linebox_layout"]
    patched._keeps_footnotes = True
    block._linebox_layout = patched


_patch()
