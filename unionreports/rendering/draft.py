"""The mark a draft carries on its first page, as Vietnamese drafts do; a published version never.

Every renderer takes `draft` (true unless the caller knows it renders the published version),
so a rendering nobody decided about is marked rather than passed off as the issued text. The
mark is an option of the rendering, not part of the document: the digest the committee
approves is the same with and without it.
"""

DRAFT_MARK = "DỰ THẢO"
