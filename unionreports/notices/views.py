from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from . import services
from .models import Notice

PER_PAGE = 25


@login_required
@require_safe
def notice_list(request):
    notices = Notice.objects.for_user(request.user).select_related("actor__profile", "report__term")
    page = Paginator(notices, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "notices/list.html", {"page": page})


@login_required
@require_safe
def notice_open(request, pk: int):
    """Marks the notice read and goes where it points."""
    notice = get_object_or_404(Notice.objects.for_user(request.user), pk=pk)
    services.mark_read(user=request.user, notice=notice)
    if not url_has_allowed_host_and_scheme(notice.target, allowed_hosts=None):
        return redirect("notices:list")
    return redirect(notice.target)


@login_required
@require_POST
def mark_all_read(request):
    services.mark_read(user=request.user)
    messages.success(request, _("All notices are marked read."))
    return redirect("notices:list")
