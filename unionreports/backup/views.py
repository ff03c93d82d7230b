import io

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from unionreports.accounts.access import get_organization_for_user

from .services import union_export


@login_required
@require_safe
def export(request, pk: int):
    """The union's archive, for its secretary: everything `import_union` needs to restore it."""
    organization = get_organization_for_user(request, pk, write=True)
    out = io.BytesIO()
    union_export(organization=organization, out=out)
    name = f"union-{organization.pk}-backup-{timezone.localdate():%Y-%m-%d}.zip"
    headers = {
        "Content-Disposition": content_disposition_header(True, name),
        # It holds the union's drafts, comments and e-mail addresses.
        "Cache-Control": "private, no-store",
    }
    return HttpResponse(out.getvalue(), content_type="application/zip", headers=headers)
