"""Residents' "my rewards"; coordinators' and managers' approvals and payouts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from . import selectors, services
from .access import (
    get_grant_for_user,
    get_own_resident,
    get_payout_for_user,
    require_approver,
    require_payout_access,
)
from .forms import GrantDecisionForm
from .models import Grant, first_of_month
from .payouts import PayoutFile, payout_file, pending_payout


@login_required
@require_safe
def my_rewards(request):
    resident = get_own_resident(request)
    today = timezone.localdate()
    context = {
        "resident": resident,
        "room": selectors.allowance_room(resident, today),
        "grants": selectors.resident_grants(resident, today),
    }
    return render(request, "rewards/grant_list.html", context)


@login_required
@require_safe
def grant_detail(request, pk):
    grant = get_grant_for_user(request, pk)
    own = grant.resident.user_id == request.user.pk
    return render(request, "rewards/grant_detail.html", {"grant": grant, "own": own})


def _approve_list(request, form):
    context = {"approvals": selectors.grants_to_approve(), "form": form}
    return render(request, "rewards/grant_approve_list.html", context)


@login_required
@require_safe
def grant_approve_list(request):
    require_approver(request)
    return _approve_list(request, GrantDecisionForm())


def _describe(grant):
    return _("%(name)s, %(arrangement)s, %(month)s") % {
        "name": grant.resident,
        "arrangement": grant.arrangement,
        "month": date_format(grant.month, "F Y"),
    }


@login_required
@require_POST
def grant_bulk_decide(request):
    """Each ticked grant goes through the service in its own transaction: one refusal does
    not undo the others. Grants decided already (a second click) are skipped."""
    require_approver(request)
    form = GrantDecisionForm(request.POST)
    if not form.is_valid():
        return _approve_list(request, form)
    approve = form.cleaned_data["decision"] == GrantDecisionForm.APPROVE
    grants = form.cleaned_data["grants"].select_related("resident__user", "arrangement")
    done, skipped, refused = 0, 0, []
    for grant in grants.order_by("created_at", "pk"):
        if grant.status != Grant.Status.PROPOSED:
            skipped += 1
            continue
        try:
            if approve:
                services.grant_approve(grant=grant, approver=request.user)
            else:
                services.grant_reject(
                    grant=grant, approver=request.user, reason=form.cleaned_data["reason"]
                )
            done += 1
        except ValidationError as error:
            refused.append((grant, " ".join(error.messages)))
    if done:
        text = (
            ngettext("%(count)d reward approved.", "%(count)d rewards approved.", done)
            if approve
            else ngettext("%(count)d reward rejected.", "%(count)d rewards rejected.", done)
        )
        messages.success(request, text % {"count": done})
    if skipped:
        messages.info(
            request,
            ngettext(
                "%(count)d reward was decided already.",
                "%(count)d rewards were decided already.",
                skipped,
            )
            % {"count": skipped},
        )
    for grant, reason in refused:
        messages.error(
            request,
            _("Not approved: %(grant)s. %(reason)s")
            % {"grant": _describe(grant), "reason": reason},
        )
    return redirect("rewards:grant-approve-list")


@login_required
@require_safe
def payout_list(request):
    require_payout_access(request)
    context = {
        "pending": pending_payout(first_of_month(timezone.localdate())),
        "payouts": selectors.recent_payouts(),
    }
    return render(request, "rewards/payout_list.html", context)


def _csv_response(file: PayoutFile) -> HttpResponse:
    response = HttpResponse(file.content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{file.filename}"'
    return response


@login_required
@require_POST
def payout_export(request):
    """Download the approved grants not paid yet; this marks them paid, once."""
    require_payout_access(request)
    file = services.payout_export(by=request.user)
    if file.payout is None:
        messages.info(request, _("There is nothing to pay out: no approved rewards are waiting."))
        return redirect("rewards:payout-list")
    return _csv_response(file)


@login_required
@require_safe
def payout_download(request, pk):
    """A payout made before, again: changes nothing."""
    return _csv_response(payout_file(get_payout_for_user(request, pk)))
