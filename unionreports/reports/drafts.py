"""Which renderings of a report carry "DỰ THẢO": all but its published version.

A rendering of the report's current text is the published version only when that text is
exactly what its newest publication froze; everything else (a draft, a text in review, an
approved text not yet published, a text edited since publishing) is marked.

Which text is published is the publishing app's to say, and that app sits above this one (it
imports reports; reports may not import it back). The views that render the current text (the
report's page, its PDF, Word file and text, the editing preview) stay here, beside the access
rules they share and under the report's own URLs, and ask through a check the publishing app
registers when it starts (`PublishingConfig.ready`). Until one is registered every rendering is
a draft: a missing check can mark a published text "DỰ THẢO", never pass a draft off as issued.
"""

from collections.abc import Callable

from unionreports.document import ReportDocument

from .models import Report

PublishedCheck = Callable[[Report, ReportDocument], bool]
_published: PublishedCheck | None = None


def register_published_check(check: PublishedCheck | None) -> None:
    """`check(report, document)`: whether `document`, the report's current text, is published."""
    global _published
    _published = check


def is_draft(report: Report, document: ReportDocument) -> bool:
    """Whether renderings of `document`, `report`'s current text, carry the mark "DỰ THẢO".

    The registered check may read the report's publications (one query, none when prefetched).
    """
    return _published is None or not _published(report, document)
