"""The learner's PDF, and the public page where anyone with the code can check it."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.validators import RegexValidator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from ..access import get_certificate_for_download
from ..models import Certificate
from ..pdf import certificate_pdf


@login_required
@require_safe
def certificate_pdf_download(request, pk):
    certificate = get_certificate_for_download(request, pk)
    if certificate.is_revoked:
        messages.error(request, _("This certificate was revoked. You cannot download it."))
        return redirect("school:my-courses")
    response = HttpResponse(certificate_pdf(certificate), content_type="application/pdf")
    filename = f"certificaat-{slugify(certificate.course_title) or certificate.pk}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _not_for_search_engines(response):
    # A certificate page is for whoever was given the code, not for search results.
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Verification code"),
        max_length=43,
        validators=[
            RegexValidator(
                r"^\s*[A-Za-z0-9_-]+\s*$",
                gettext_lazy("A code has only letters, digits, - and _. Check what you typed."),
            )
        ],
        help_text=gettext_lazy("You find it at the bottom of the certificate."),
    )


@require_safe
def certificate_lookup(request):
    """A form to type in a code from a printed certificate."""
    form = CodeForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return redirect("certificates:certificate-verify", form.cleaned_data["code"].strip())
    return _not_for_search_engines(
        render(request, "school/certificate_lookup.html", {"form": form})
    )


@require_safe
def certificate_verify(request, code):
    """Confirms a certificate: the name as printed and the course facts, nothing else."""
    certificate = Certificate.objects.filter(code=code).first()
    response = render(
        request,
        "school/certificate_verify.html",
        {"certificate": certificate, "code": code},
        status=200 if certificate else 404,
    )
    return _not_for_search_engines(response)
