"""The certificate as a one-page PDF, written by hand: no PDF library needed for a page of
centred text. The content stream is small and left uncompressed.

Uses the standard Helvetica fonts with WinAnsi encoding; a character outside it is printed
without its accent (ş → s), or as '?' when it has no Latin form."""

import unicodedata

from django.utils import formats
from django.utils.translation import gettext as _

PAGE_WIDTH, PAGE_HEIGHT = 842, 595  # A4 landscape, in points
MAX_TEXT_WIDTH = PAGE_WIDTH - 2 * 70

# Glyph widths (1/1000 em) of printable ASCII, from the Helvetica AFM files.
_REGULAR = (
    "278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 "
    "556 556 556 556 278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 "
    "556 833 722 778 667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 333 556 "
    "556 500 556 556 278 556 556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722 "
    "500 500 500 334 260 334 584"
)
_BOLD = (
    "278 333 474 556 556 889 722 238 333 333 389 584 278 333 278 278 556 556 556 556 556 556 "
    "556 556 556 556 333 333 584 584 584 611 975 722 722 722 722 667 611 778 722 278 556 722 "
    "611 833 722 778 667 778 722 667 611 722 667 944 667 667 611 333 278 333 584 556 333 556 "
    "611 556 611 556 333 611 611 278 278 556 278 889 611 611 611 611 389 556 333 611 556 778 "
    "556 556 500 389 280 389 584"
)
WIDTHS = {
    "F1": dict(zip(map(chr, range(32, 127)), map(int, _REGULAR.split()), strict=True)),
    "F2": dict(zip(map(chr, range(32, 127)), map(int, _BOLD.split()), strict=True)),
}


def to_winansi(text):
    """Encode for the PDF's WinAnsi fonts, dropping accents the encoding lacks."""
    out = bytearray()
    for char in str(text):
        try:
            out += char.encode("cp1252")
        except UnicodeEncodeError:
            base = unicodedata.normalize("NFKD", char).encode("ascii", "ignore")
            out += base or b"?"
    return bytes(out)


def text_width(text, font, size):
    widths = WIDTHS[font]
    total = 0
    for char in str(text):
        base = unicodedata.normalize("NFKD", char)[:1] or char
        total += widths.get(base, 556)
    return total * size / 1000


def _literal(data):
    return b"(" + data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


class Page:
    """Collects drawing operators for one page."""

    def __init__(self):
        self.ops = []
        self.links = []

    def centred(self, text, y, *, size=12, bold=False, grey=False):
        font = "F2" if bold else "F1"
        # A long name or course title gets smaller type rather than running off the page.
        natural = text_width(text, font, size)
        if natural > MAX_TEXT_WIDTH:
            size = max(6, size * MAX_TEXT_WIDTH / natural)
        x = (PAGE_WIDTH - text_width(text, font, size)) / 2
        colour = b"0.35 g" if grey else b"0.1 g"
        self.ops.append(
            colour
            + b" BT /"
            + font.encode()
            + f" {size:.2f} Tf {x:.2f} {y:.2f} Td ".encode()
            + _literal(to_winansi(text))
            + b" Tj ET"
        )
        return x, text_width(text, font, size)

    def link(self, text, url, y, *, size=11):
        x, width = self.centred(text, y, size=size)
        self.links.append((x, y - 3, x + width, y + size, url))

    def frame(self, margin, width=1.5, colour=(0.11, 0.31, 0.54)):
        r, g, b = colour
        self.ops.append(
            f"{r} {g} {b} RG {width} w {margin} {margin} "
            f"{PAGE_WIDTH - 2 * margin} {PAGE_HEIGHT - 2 * margin} re S".encode()
        )


def render(page, *, title):
    """The PDF file for one page, with a correct cross-reference table."""
    content = b"\n".join(page.ops)
    annots = [
        (
            "<< /Type /Annot /Subtype /Link /Border [0 0 0] "
            f"/Rect [{x1:.2f} {y1:.2f} {x2:.2f} {y2:.2f}] /A << /S /URI /URI "
        ).encode()
        + _literal(url.encode("ascii", "ignore"))
        + b" >> >>"
        for x1, y1, x2, y2, url in page.links
    ]
    first_annot = 7
    annot_refs = " ".join(f"{first_annot + i} 0 R" for i in range(len(annots)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            "/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R "
            f"/Annots [{annot_refs}] >>"
        ).encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream",
        *annots,
        # Document info strings are not in the font's encoding: UTF-16 with a byte order mark.
        b"<< /Title "
        + _literal(b"\xfe\xff" + title.encode("utf-16-be"))
        + b" /Producer (Mijn woningbouw) >>",
    ]
    info_number = len(objects)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {info_number} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def certificate_pdf(certificate):
    """The certificate in the active language: name, course, hours, date, issuer and code."""
    page = Page()
    page.frame(24, width=3)
    page.frame(32, width=0.75)
    page.centred(certificate.ISSUER, 500, size=14, grey=True)
    page.centred(_("Certificate"), 440, size=40, bold=True)
    page.centred(_("This is to certify that"), 395, size=14, grey=True)
    page.centred(certificate.learner_name, 350, size=28, bold=True)
    page.centred(_("has completed the course"), 310, size=14, grey=True)
    page.centred(certificate.course_title, 270, size=22, bold=True)
    whole = certificate.hours == certificate.hours.to_integral_value()
    hours = formats.number_format(certificate.hours, decimal_pos=0 if whole else 1)
    page.centred(
        _("%(hours)s hours, completed on %(date)s")
        % {"hours": hours, "date": formats.date_format(certificate.completed_on, "j F Y")},
        232,
        size=14,
    )
    page.centred(_("Issued by %(issuer)s") % {"issuer": certificate.ISSUER}, 170, size=12)
    page.centred(_("Verification code: %(code)s") % {"code": certificate.code}, 120, size=12)
    page.link(
        _("Check this certificate at %(url)s") % {"url": certificate.verification_url},
        certificate.verification_url,
        100,
        size=10,
    )
    title = f"{_('Certificate')} – {certificate.course_title} – {certificate.learner_name}"
    return render(page, title=title)
