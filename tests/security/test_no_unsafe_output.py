"""Nothing a person typed reaches a page unescaped.

Templates may not switch escaping off; code may not mark text safe, except the few places
listed below, each with the reason it holds no user content. format_html and its helpers
escape their arguments, but only when the template is a fixed string: a template built from
an f-string, `%` or `.format()` would carry user content in unescaped.
"""

import ast
import re
from pathlib import Path

from django.conf import settings

from porous.dashboard import charts

from .fuzz import APPS

ROOT = Path(settings.BASE_DIR)

UNSAFE_TEMPLATE = re.compile(
    r"\|\s*safe(seq)?\b"  # {{ value|safe }}, {{ list|safeseq }}
    r"|{%-?\s*autoescape\s+off"  # {% autoescape off %}
    r"|{%-?\s*filter\s[^%]*\bsafe\b",  # {% filter safe %}
)
SAFE_MARKERS = {"mark_safe", "SafeString", "SafeText", "SafeData", "mark_for_escaping"}
# The calls that escape their arguments, and which argument is the template.
TEMPLATE_ARGUMENT = {"format_html": 0, "format_html_join": 1, "svg_html": 0}

# (file, line's code) -> why it is not user content.
ALLOWED = {
    ("porous/dashboard/charts.py", "from django.utils.safestring import mark_safe"): (
        "the import of the uses below"
    ),
    ("porous/dashboard/charts.py", "font=mark_safe(FONT),"): (
        "FONT is a constant attribute string of the chart (checked below)"
    ),
    ("porous/dashboard/heatmap.py", "from django.utils.safestring import mark_safe"): (
        "the import of the one use below"
    ),
    ("porous/dashboard/heatmap.py", "font=mark_safe(FONT),"): (
        "the same constant FONT, imported from charts"
    ),
    ("porous/dashboard/blocks/base.py", "from django.utils.safestring import mark_safe"): (
        "the import of the one use below"
    ),
    (
        "porous/dashboard/blocks/base.py",
        'return mark_safe("".join(row.markup(language) for row in self.page_rows))',
    ): (
        "a table's rows from Row.markup: their text escaped, their numbers digits and "
        "separators, their classes constants (tests/porous/dashboard/test_csv_and_charts.py)"
    ),
    ("porous/dashboard/forms.py", "from django.utils.safestring import SafeString"): (
        "the import of the one use below"
    ),
    ("porous/dashboard/forms.py", 'markup = SafeString("".join(options))'): (
        "the dashboard's selects: each option's value and label escaped a line above "
        "(tests/porous/dashboard/test_filters.py)"
    ),
    ("porous/dashboard/charts.py", 'return mark_safe("".join(map(_escaped, parts)))'): (
        "svg_join escapes each part as format_html_join does (_escaped)"
    ),
    ("porous/dashboard/charts.py", "return mark_safe("): (
        "svg_html escapes each argument as format_html does (_escaped); its callers' "
        "templates are fixed strings, checked like format_html's"
    ),
}


def python_files():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def template_files():
    for folder in [ROOT / "templates", *(ROOT / app / "templates" for app in APPS)]:
        yield from sorted(folder.rglob("*.html")) if folder.exists() else []
        yield from sorted(folder.rglob("*.txt")) if folder.exists() else []


def _name(node):
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _is_fixed_string(node):
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def findings_in_code(path: Path):
    source = path.read_text()
    lines = source.splitlines()
    relative = path.relative_to(ROOT).as_posix()
    for node in ast.walk(ast.parse(source)):
        problem = None
        if isinstance(node, ast.ImportFrom) and any(a.name in SAFE_MARKERS for a in node.names):
            problem = "imports a way to mark text safe"
        elif isinstance(node, ast.Name | ast.Attribute) and _name(node) in SAFE_MARKERS:
            problem = "marks text safe"
        elif isinstance(node, ast.Call) and _name(node.func) in TEMPLATE_ARGUMENT:
            index = TEMPLATE_ARGUMENT[_name(node.func)]
            if len(node.args) <= index:
                problem = "has no template argument"
            elif not _is_fixed_string(node.args[index]):
                problem = "builds its template from something other than a fixed string"
            elif _name(node.func) == "format_html" and len(node.args) + len(node.keywords) < 2:
                problem = "escapes nothing (format_html without arguments)"
        if problem:
            code = lines[node.lineno - 1].strip()
            if isinstance(node, ast.Call) and _name(node.func) in TEMPLATE_ARGUMENT:
                # The template argument's own line says what is passed.
                index = TEMPLATE_ARGUMENT[_name(node.func)]
                if len(node.args) > index:
                    code = lines[node.args[index].lineno - 1].strip()
            # A trailing comment (such as bandit's nosec with its reason) is not code.
            yield relative, code.split("  #")[0], problem


def test_no_template_switches_escaping_off():
    found = []
    for path in template_files():
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if UNSAFE_TEMPLATE.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []


def test_the_template_check_would_see_each_form():
    for line in [
        "{{ visit.notes|safe }}",
        "{{ items | safeseq }}",
        "{% autoescape off %}",
        "{%- autoescape off -%}",
        "{% filter force_escape|safe %}",
    ]:
        assert UNSAFE_TEMPLATE.search(line), line
    assert not UNSAFE_TEMPLATE.search("{{ visit.safety_note }}")


def test_no_code_marks_text_safe_except_the_allowed_places():
    found = {
        (path, code): problem
        for file in python_files()
        for path, code, problem in findings_in_code(file)
    }
    unexpected = {key: problem for key, problem in found.items() if key not in ALLOWED}
    assert unexpected == {}
    # An entry that no longer matches anything must go, so the list stays true.
    assert set(ALLOWED) - set(found) == set()


def test_the_code_check_would_see_each_misuse(tmp_path, monkeypatch):
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from django.utils.safestring import mark_safe\n"
        "from django.utils.html import format_html\n"
        "a = mark_safe(name)\n"
        'b = format_html(f"<b>{name}</b>")\n'
        'c = format_html("<b>%s</b>" % name)\n'
        'd = format_html("<b>name</b>")\n'
        'e = format_html("<b>{}</b>", name)\n'
    )
    problems = [code for _, code, _ in findings_in_code(bad)]
    assert "from django.utils.safestring import mark_safe" in problems
    assert "a = mark_safe(name)" in problems
    assert 'b = format_html(f"<b>{name}</b>")' in problems
    assert 'c = format_html("<b>%s</b>" % name)' in problems
    assert 'd = format_html("<b>name</b>")' in problems
    assert 'e = format_html("<b>{}</b>", name)' not in problems


def test_the_font_marked_safe_is_a_constant_without_markup():
    # FONT is assigned once, from a string literal, in charts.py, and heatmap.py imports it.
    tree = ast.parse(Path(charts.__file__).read_text())
    assignments = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and any(_name(t) == "FONT" for t in node.targets)
    ]
    assert len(assignments) == 1 and _is_fixed_string(assignments[0].value)
    heatmap = (ROOT / "porous/dashboard/heatmap.py").read_text()
    assert "from .charts import FONT" in heatmap
    assert not re.search(r"^\s*FONT\s*=", heatmap, re.MULTILINE)
    assert not set("<>&") & set(charts.FONT)
    assert charts.FONT.count('"') == 2  # one attribute, its value quoted
