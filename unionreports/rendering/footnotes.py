"""Keeps each footnote on the page that calls it.

WeasyPrint 70, when the first lines of a paragraph do not fit at the bottom of a page
(orphans), moves the page's footnotes to the next page to make room for one more line,
even a footnote called far above: the report's footnote then sits on page 2 under text
it does not belong to. Nghị định 30 wants it at the foot of its own page. We turn that
one heuristic off, so the paragraph moves to the next page instead, as it would without
footnotes. `RenderingConfig.ready()` applies the patch; the rewrite checks that the line it
replaces is there, so an upgrade that changes it stops the app at start rather than
silently.
"""

import inspect
import textwrap

from weasyprint.layout import block

ORIGINAL = "report = not context.in_column and can_break_now and not could_break_before"
PATCHED = "report = False  # see unionreports.rendering.footnotes"


def apply() -> None:
    """Puts the patched line layout in WeasyPrint's place; once, however often it is called."""
    if getattr(block._linebox_layout, "keeps_footnotes", False):
        return
    block._linebox_layout = patched(block._linebox_layout)


def patched(original):
    """`original` with the heuristic off, `original` kept as its `replaces` attribute.

    It is compiled at the lines it has in block.py (the source is preceded by as many empty
    lines), so a traceback through it points at WeasyPrint's real lines.
    """
    lines, first_line = inspect.getsourcelines(original)
    source = textwrap.dedent("".join(lines))
    if source.count(ORIGINAL) != 1:
        raise RuntimeError("WeasyPrint's line layout changed: review unionreports/rendering/footnotes.py.")
    padded = "\n" * (first_line - 1) + source.replace(ORIGINAL, PATCHED)
    namespace: dict = {}
    exec(compile(padded, original.__code__.co_filename, "exec"), original.__globals__, namespace)
    function = namespace[original.__name__]
    function.keeps_footnotes = True
    function.replaces = original
    return function
