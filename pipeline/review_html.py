"""The review queue as one self-contained HTML page, for editors who do not use a PO editor.

One file, inline CSS, no scripts, no external resources: it can be mailed, attached to a
ticket or opened from a shared folder and looks the same everywhere. Every piece of text
that comes from an article, a catalogue or a checker is escaped with :func:`html.escape`,
after :func:`~pipeline.review.visible` has written out control characters (which HTML does not
allow) and bidi overrides (which would show a reviewer text in another order than it has);
element ids are generated (``v1``, ``v2``…), never built from slugs, so no content ever
reaches an attribute unescaped.
"""

from __future__ import annotations

import html

from .model import EntryStatus, Finding
from .review import DiffOp, LanguageVersion, ReviewItem, ReviewQueue, visible, word_diff


def escape(text: str) -> str:
    """Text for the page: hidden characters written out, then HTML-escaped (quotes too)."""
    return html.escape(visible(text))


#: Status → (label, foreground colour, tint), in legend order.
STATUS_STYLE: dict[EntryStatus, tuple[str, str, str]] = {
    EntryStatus.REVIEWED: ("reviewed", "#2e7d32", "#e8f5e9"),
    EntryStatus.MACHINE: ("machine translation, not reviewed", "#1565c0", "#e3f2fd"),
    EntryStatus.CHANGED: ("source changed since translation", "#e65100", "#fff3e0"),
    EntryStatus.FUZZY: ("fuzzy", "#6a1b9a", "#f3e5f5"),
    EntryStatus.UNTRANSLATED: ("untranslated", "#c62828", "#ffebee"),
}

_CSS = """
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px 48px; background: #f6f7f9; color: #1d2330;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; }
h1 { margin: 0 0 4px; font-size: 26px; }
h2 { margin: 36px 0 4px; font-size: 21px; border-bottom: 2px solid #d5d9e0; padding-bottom: 4px; }
h3 { margin: 0; font-size: 17px; }
.sub { color: #5b6475; margin: 0 0 16px; }
.legend { display: flex; flex-wrap: wrap; gap: 8px 18px; margin: 12px 0 20px; padding: 10px 14px;
  background: #fff; border: 1px solid #d5d9e0; border-radius: 6px; }
.legend span { display: inline-flex; align-items: center; gap: 6px; }
.sw { display: inline-block; width: 14px; height: 14px; border-radius: 3px; }
table { border-collapse: collapse; width: 100%; }
.overview { background: #fff; border: 1px solid #d5d9e0; border-radius: 6px; }
.overview th, .overview td { padding: 6px 10px; text-align: left; border-bottom: 1px solid #e6e9ee; }
.overview td.num { text-align: right; font-variant-numeric: tabular-nums; }
.version { background: #fff; border: 1px solid #d5d9e0; border-radius: 6px; margin: 16px 0; padding: 14px 16px; }
.vhead { display: flex; flex-wrap: wrap; align-items: baseline; gap: 6px 16px; margin-bottom: 8px; }
.path { color: #5b6475; font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 13px; }
.bar { display: flex; height: 14px; border-radius: 7px; overflow: hidden; background: #e6e9ee;
  min-width: 160px; margin: 6px 0; }
.bar span { display: block; height: 100%; }
.counts { color: #39414f; font-size: 13px; margin-bottom: 10px; }
.segments th { text-align: left; font-size: 12px; text-transform: uppercase; letter-spacing: .04em;
  color: #5b6475; padding: 6px 10px; border-bottom: 1px solid #d5d9e0; }
.segments td { vertical-align: top; padding: 8px 10px; border-bottom: 1px solid #eceff3; width: 42%;
  white-space: pre-wrap; overflow-wrap: anywhere; }
.segments td.st { width: 16%; white-space: normal; }
.segments tr > td:first-child { border-left: 6px solid transparent; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; color: #fff; font-size: 12px;
  font-weight: 600; white-space: nowrap; }
.kind { display: block; color: #5b6475; font-size: 12px; margin-top: 4px; }
.empty { color: #8a93a3; font-style: italic; }
.was { display: block; margin-top: 6px; font-size: 13px; color: #39414f; }
del { background: #ffd7d5; color: #8e1b13; text-decoration: line-through; }
ins { background: #cdf2d3; color: #14532d; text-decoration: none; }
.findings { margin: 6px 0 0; padding: 0; list-style: none; white-space: normal; }
.findings li { font-size: 13px; padding: 2px 6px; margin-top: 3px; border-radius: 4px; }
.f-error { background: #ffebee; color: #b71c1c; }
.f-warning { background: #fff8e1; color: #7a4f01; }
.f-info { background: #eef1f5; color: #39414f; }
.form { display: block; }
.note { display: block; margin-top: 4px; font-size: 13px; color: #8e1b13; }
.none { color: #5b6475; }
.errors { border-left: 4px solid #b3261e; padding: .2em 1em; }
"""


def render_html(queue: ReviewQueue, *, title: str = "Translation review") -> str:
    """The whole page for every language version in ``queue`` (all entries, not only waiting)."""
    waiting = sum(len(v.waiting) for v in queue.versions)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="sub">{len(queue.versions)} language version(s) · {waiting} segment(s) waiting for review</p>',
        _legend(),
    ]
    if queue.errors:
        parts.append('<div class="errors"><p>These files could not be read, so their segments are '
                     "not on this page (fix them, then write the page again):</p><ul>"
                     + "".join(f"<li>{escape(str(error))}</li>" for error in queue.errors) + "</ul></div>")
    ids = {id(version): f"v{number}" for number, version in enumerate(queue.versions, 1)}
    if queue.versions:
        parts.append(_overview(queue.versions, ids))
    else:
        parts.append('<p class="none">Nothing to show: no article or language matched.</p>')
    for slug, versions in _by_article(queue.versions):
        first = versions[0]
        parts.append(f"<section><h2>{escape(slug)}</h2>")
        parts.append(f'<p class="sub"><span class="path">{escape(first.article_path)}</span> · '
                     f"source language {escape(first.source_lang)}</p>")
        parts.extend(_version(version, ids[id(version)]) for version in versions)
        parts.append("</section>")
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def _by_article(versions: list[LanguageVersion]) -> list[tuple[str, list[LanguageVersion]]]:
    """Articles in the queue's order (closest to publication first), languages grouped."""
    grouped: dict[str, list[LanguageVersion]] = {}
    for version in versions:
        grouped.setdefault(version.article, []).append(version)
    return list(grouped.items())


def _legend() -> str:
    items = [f'<span><i class="sw" style="background:{colour}"></i>{escape(label)}</span>'
             for label, colour, _ in STATUS_STYLE.values()]
    items.append('<span><i class="sw" style="background:#fff8e1;border:1px solid #7a4f01"></i>'
                 "check finding</span>")
    return '<div class="legend"><strong>Legend:</strong>' + "".join(items) + "</div>"


def _bar(version: LanguageVersion) -> str:
    counts = version.counts
    total = len(version.entries) or 1
    spans = []
    for status, (label, colour, _) in STATUS_STYLE.items():
        count = counts[status.value]
        if count:
            width = 100.0 * count / total
            spans.append(f'<span style="width:{width:.3f}%;background:{colour}" '
                         f'title="{count} {escape(label)}"></span>')
    return f'<div class="bar" aria-label="{version.percent_reviewed}% reviewed">{"".join(spans)}</div>'


def _counts_text(version: LanguageVersion) -> str:
    counts = version.counts
    pieces = [f"{version.reviewed}/{len(version.entries)} reviewed ({version.percent_reviewed:g}%)"]
    for status in (EntryStatus.MACHINE, EntryStatus.CHANGED, EntryStatus.FUZZY, EntryStatus.UNTRANSLATED):
        if counts[status.value]:
            pieces.append(f"{counts[status.value]} {STATUS_STYLE[status][0]}")
    if counts["findings"]:
        pieces.append(f"{counts['findings']} with check findings")
    return " · ".join(escape(p) for p in pieces)


def _overview(versions: list[LanguageVersion], ids: dict[int, str]) -> str:
    rows = []
    for version in versions:
        rows.append(
            "<tr>"
            f'<td><a href="#{ids[id(version)]}">{escape(version.article)}</a></td>'
            f"<td>{escape(version.lang)}</td>"
            f"<td>{_bar(version)}</td>"
            f'<td class="num">{version.percent_reviewed:g}%</td>'
            f'<td class="num">{len(version.waiting)}</td>'
            "</tr>"
        )
    return ('<table class="overview"><thead><tr><th>Article</th><th>Language</th><th>Progress</th>'
            '<th>Reviewed</th><th>Waiting</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>")


def _version(version: LanguageVersion, anchor: str) -> str:
    src, tgt = escape(version.source_lang), escape(version.lang)
    head = (f'<div class="version" id="{anchor}"><div class="vhead">'
            f"<h3>{escape(version.article)} → {tgt}</h3>"
            f'<span class="path">{escape(version.path)}</span></div>'
            f"{_bar(version)}<div class=\"counts\">{_counts_text(version)}</div>")
    if not version.exists:
        head += '<p class="none">No catalogue yet: run <code>pipeline sync</code> to create it.</p>'
    rows = "".join(_row(item) for item in version.entries)
    table = (f'<table class="segments"><thead><tr><th>Source ({src})</th><th>Translation ({tgt})</th>'
             f"<th>Status</th></tr></thead><tbody>{rows}</tbody></table>")
    return head + table + "</div>"


def _row(item: ReviewItem) -> str:
    label, colour, tint = STATUS_STYLE[item.status]
    source = escape(item.msgid)
    if item.msgid_plural is not None:
        source += f'<span class="form">plural: {escape(item.msgid_plural)}</span>'
    if item.previous_msgid is not None:
        source += f'<span class="was">Changes to the source: {_diff_html(item.previous_msgid, item.msgid)}</span>'
    if item.kind:
        source += f'<span class="kind">{escape(item.kind)}{" · " + escape(item.msgctxt) if item.msgctxt else ""}</span>'
    empty = '<span class="empty">(no translation)</span>'
    if item.msgid_plural is not None and item.msgstr_plural:
        translation = "".join(f'<span class="form">[{number}] {escape(form) if form else empty}</span>'
                              for number, form in enumerate(item.msgstr_plural))
    else:
        translation = escape(item.msgstr) if item.msgstr else empty
    for earlier in item.previous_translations:
        translation += f'<span class="was">Previous translation: {escape(earlier)}</span>'
    if item.note:
        translation += f'<span class="note">{escape(item.note)}</span>'
    if item.findings:
        translation += _findings_html(item.findings)
    status = f'<span class="badge" style="background:{colour}">{escape(label)}</span>'
    if item.line:  # the catalogue's path heads the version: the line finds the entry in an editor
        status += f'<span class="kind">line {item.line}</span>'
    if item.provenance:
        status += f'<span class="kind">{escape(item.provenance)}</span>'
    return (f'<tr style="background:{tint}"><td lang="{escape(item.source_lang)}" '
            f'style="border-left-color:{colour}">{source}</td>'
            f'<td lang="{escape(item.lang)}">{translation}</td><td class="st">{status}</td></tr>')


def _diff_html(old: str, new: str) -> str:
    """The source text with what was removed struck out and what was added highlighted: both
    texts at once, so it is labelled as the changes, not as the old source."""
    out = []
    for op, text in word_diff(old, new):
        if op is DiffOp.EQUAL:
            out.append(escape(text))
        elif op is DiffOp.DELETE:
            out.append(f"<del>{escape(text)}</del>")
        else:
            out.append(f"<ins>{escape(text)}</ins>")
    return "".join(out)


def _findings_html(findings: tuple[Finding, ...]) -> str:
    items = "".join(
        f'<li class="f-{escape(f.severity.value)}">{escape(f.severity.value)}: '
        f"[{escape(f.check)}] {escape(f.message)}</li>"
        for f in findings
    )
    return f'<ul class="findings">{items}</ul>'


__all__ = ["render_html", "STATUS_STYLE"]
