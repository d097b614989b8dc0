"""Linked files (pipeline/assets.py): what an article links to is copied beside its published versions."""

from __future__ import annotations

import builtins
import io
import os
import time
from pathlib import Path

import pytest

from pipeline import parallel
from pipeline.assets import Link, find_links, local_path
from pipeline.config import load_config
from pipeline.engines.fake import FakeEngine
from pipeline.sync import SyncOptions, SyncReport, sync
from tests.conftest import snapshot_tree, write_project

CONFIG = 'languages = ["en", "ru"]\n[publish]\nallow_machine = true\n'

BUNDLE = """---
title: Port expansion
image: crowd.jpg
---

The port grew by a third.

![Crowd at the port](crowd.jpg "At the gate")

See [the report (PDF)](../files/report%20final.pdf?download=1#page=2) and [the plan](plan.pdf).

[map]: map.png
"""

HTML = """---
title: Maps
---

The new map.

<figure>
<img src="maps/port.png" srcset="maps/port-small.png 480w, maps/port.png 960w" alt="Port">
</figure>

Inline <img src="maps/icon.gif"> too.
"""

SHORTCODES = """---
title: Harbour
---

{{< figure src="photos/port.jpg" caption="The port at dawn, src=dawn.jpg" >}}

The crane {{< img src='photos/crane.png' alt="A crane" >}} lifts, and {{< figure src=photos/ship.jpg >}} sails.

{{< video
    src="media/clip.mp4"
    poster="media/clip.jpg" >}}

{{< figure src=`photos/raw.jpg` link="photos/full.jpg" />}}

{% include figure.html image="photos/gate.jpg" caption="Gate" %} {% include figure.html image=page.cover %}

{{< gallery "photos/positional.jpg" >}} {% include "notes.html" %} {{% include "file" %}} {{< figure src="/img/site.jpg" >}}
{% assign cover = "photos/variable.jpg" %}
"""

CSS = """---
title: Styled
---

<style>
/* .old { background: url(old.png) } */
.hero { background-image: url("img/hero.jpg"); }
</style>

A <span style="background: url(img/dot.png) no-repeat">dot</span>.
"""


def run(root: Path, jobs: int = 1) -> SyncReport:
    report = sync(load_config(root), SyncOptions(engine=FakeEngine(), jobs=jobs))
    assert not report.errors, report.errors
    return report


def files(root: Path, *rels: str) -> None:
    for rel in rels:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(f"bytes of {rel}".encode())


def bundle_project(root: Path) -> Path:
    write_project(root, {"port-expansion/index": BUNDLE}, CONFIG)
    files(root, "source/port-expansion/crowd.jpg", "source/port-expansion/map.png",
          "source/files/report final.pdf")
    return root


# --------------------------------------------------------------------------- finding


def test_local_targets_are_relative_paths_without_query_or_fragment() -> None:
    assert local_path("photos/port%20view.jpg?w=600#top") == "photos/port view.jpg"
    assert local_path("./map.png") == "./map.png"
    for remote in ("https://example.org/a.png", "//cdn.example.org/a.png", "/images/a.png", "#section",
                   "mailto:desk@example.org", "data:image/png;base64,AAAA", "{{< ref \"a.md\" >}}", ""):
        assert local_path(remote) is None, remote


def test_links_are_found_with_their_kind_and_line() -> None:
    links = find_links(BUNDLE, 4)
    assert links == [Link("crowd.jpg", 8, "image"),
                     Link("../files/report%20final.pdf?download=1#page=2", 10, "link"),
                     Link("plan.pdf", 10, "link"), Link("map.png", 12, "definition"),
                     Link("crowd.jpg", 3, "front matter")]
    assert find_links(HTML, 3) == [Link("maps/port.png", 8, "html src"), Link("maps/port-small.png", 8, "html src"),
                                   Link("maps/port.png", 8, "html src"), Link("maps/icon.gif", 11, "html src")]


def test_a_front_matter_image_under_hugos_params_is_found_in_yaml_and_toml_alike() -> None:
    """Hugo 0.123+ writes a page's own fields under ``params``: its image is the page's
    image there too, in either syntax (YAML's was never walked into, TOML's was matched)."""
    yaml_text = "---\ntitle: T\nparams:\n  image: a.jpg\n  other:\n    image: b.jpg\n---\n\nBody.\n"
    toml_text = '+++\ntitle = "T"\n[params]\n  image = "a.jpg"\n  other = { image = "b.jpg" }\n+++\n\nBody.\n'
    assert find_links(yaml_text, 7) == [Link("a.jpg", 4, "front matter")]
    assert find_links(toml_text, 6) == [Link("a.jpg", 4, "front matter")]


def test_front_matter_aliases_are_walked_once_and_still_found_through_an_alias() -> None:
    """Eight lines that each repeat the line above nine times are 9**8 values for a walk
    that follows every alias: each node is visited once per key path that can name a file."""
    lines = ["l0: &l0 [photo.jpg, {caption: x}]"]
    lines += [f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]" for n in range(1, 8)]
    lines += ["images: *l7", "nested: &n {deeper: {src: deep.jpg}}", "image: {src: *n}",
              "file: &f plan.jpg", "thumbnail: *f"]
    text = "---\n" + "\n".join(lines) + "\n---\n\nBody.\n"
    started = time.process_time()  # CPU time: a loaded machine must not fail it
    links = find_links(text, len(lines) + 2)
    assert time.process_time() - started < 2
    assert links == [Link("photo.jpg", 2, "front matter"), Link("plan.jpg", 13, "front matter")]


def test_code_is_not_a_link() -> None:
    text = "Write `![x](a.png)` like this:\n\n```\n![y](b.png)\n<img src=\"c.png\">\n```\n"
    assert find_links(text) == []


def test_an_admonitions_or_footnotes_indented_text_links_to_files() -> None:
    """Regression: the indented text after an admonition's first line or a footnote, which the
    segment reader reads as Markdown (translated, published), was code here: the files it
    links to were never copied beside the published version. Code elsewhere stays code."""
    text = ('!!! note "Map"\n\n    See ![the map](map.png).\n\n        ![nested code](no.png)\n\n'
            "[^1]: Source.\n\n    The [report](report.pdf).\n\nText.\n\n    ![code](code.png)\n")
    assert find_links(text) == [Link("map.png", 3, "image"), Link("report.pdf", 9, "link")]


def test_template_tags_name_files_in_their_file_arguments() -> None:
    """Named file arguments of shortcodes and Liquid tags, quoted, bare or raw, on the line the
    argument is on; positional arguments, Liquid variables and a value inside another
    argument's quotes name nothing."""
    assert find_links(SHORTCODES, 3) == [
        Link("photos/port.jpg", 5, "template src"),
        Link("photos/crane.png", 7, "template src"), Link("photos/ship.jpg", 7, "template src"),
        Link("media/clip.mp4", 10, "template src"), Link("media/clip.jpg", 11, "template src"),
        Link("photos/raw.jpg", 13, "template src"), Link("photos/full.jpg", 13, "template link"),
        Link("photos/gate.jpg", 15, "template src"),
        Link("/img/site.jpg", 17, "template src"),
    ]


def test_template_tags_are_found_in_html_blocks_containers_and_tables() -> None:
    text = ("<div class=\"wide\">\n{{< figure src=\"a.jpg\" >}}\n</div>\n\n"
            "> Quoted:\n> {{< figure\n>   src=\"b.jpg\" >}}\n\n"
            "- item {{< figure src=\"c.jpg\" >}}\n\n"
            "| one | two |\n|---|---|\n| {{< figure src=\"d.jpg\" >}} | {{< figure src=\"e.jpg\" >}} |\n")
    assert find_links(text) == [Link("a.jpg", 2, "template src"), Link("b.jpg", 7, "template src"),
                                Link("c.jpg", 9, "template src"), Link("d.jpg", 13, "template src"),
                                Link("e.jpg", 13, "template src")]


def test_a_shortcode_written_without_spaces_is_not_also_an_html_tag() -> None:
    assert find_links("{{<figure src=\"a.jpg\">}} and <img src=\"b.png\">\n") == [
        Link("a.jpg", 1, "template src"), Link("b.png", 1, "html src")]


def test_literal_escaped_commented_and_code_template_tags_name_no_file() -> None:
    text = ("{% raw %}\n{{< figure src=\"raw1.jpg\" >}}\n\n{{< figure src=\"raw2.jpg\" >}}\n{% endraw %}\n\n"
            "{% highlight html %}\n{% include figure.html image=\"hl.jpg\" %}\n{% endhighlight %}\n\n"
            "{{< highlight go >}}\n{{< figure src=\"hugo-hl.jpg\" >}}\n{{< /highlight >}}\n\n"
            "Escaped: {{</* figure src=\"escaped.jpg\" */>}} and {{%/* video src=\"escaped.mp4\" */%}}.\n\n"
            "Write `{{< figure src=\"span.jpg\" >}}` to embed.\n\n"
            "<!-- {{< figure src=\"comment.jpg\" >}} -->\n\n"
            "```\n{{< figure src=\"fence.jpg\" >}}\n```\n\n"
            "    {{< figure src=\"indented.jpg\" >}}\n")
    assert find_links(text) == []


def test_css_urls_in_style_attributes_and_blocks_are_embedded_files() -> None:
    assert find_links(CSS, 3) == [Link("img/hero.jpg", 7, "css url"), Link("img/dot.png", 10, "css url")]


# --------------------------------------------------------------------------- copying


def test_page_bundle_files_are_copied_beside_the_published_version(tmp_path: Path) -> None:
    root = bundle_project(tmp_path)
    report = run(root)
    out = root / "public" / "ru"
    assert (out / "port-expansion" / "index.md").exists()
    for rel in ("port-expansion/crowd.jpg", "port-expansion/map.png", "files/report final.pdf"):
        assert (out / rel).read_bytes() == (root / "source" / rel).read_bytes()
    assert report.copied == ["public/ru/files/report final.pdf", "public/ru/port-expansion/crowd.jpg",
                             "public/ru/port-expansion/map.png"]


def test_sub_folder_images_and_html_blocks_are_copied(tmp_path: Path) -> None:
    root = write_project(tmp_path, {"economy/maps": HTML}, CONFIG)
    files(root, "source/economy/maps/port.png", "source/economy/maps/port-small.png", "source/economy/maps/icon.gif")
    run(root)
    for name in ("port.png", "port-small.png", "icon.gif"):
        copy, source = root / "public/ru/economy/maps" / name, root / "source/economy/maps" / name
        assert copy.read_bytes() == source.read_bytes()


def test_a_missing_file_is_a_warning_naming_article_line_and_target(tmp_path: Path) -> None:
    text = BUNDLE.replace("crowd.jpg \"At", "lost.jpg \"At")
    root = write_project(tmp_path, {"port-expansion/index": text}, CONFIG)
    files(root, "source/port-expansion/crowd.jpg")
    report = run(root)
    assert (root / "public/ru/port-expansion/index.md").exists()  # publishing went on
    assert (root / "public/ru/port-expansion/crowd.jpg").exists()  # the front matter's image
    assert [line.split(" does not exist")[0] for line in report.broken_links] == [
        "source/port-expansion/index.md:8: image 'lost.jpg'",
        "source/port-expansion/index.md:10: linked file '../files/report%20final.pdf?download=1#page=2'",
        "source/port-expansion/index.md:10: linked file 'plan.pdf'",
        "source/port-expansion/index.md:12: linked file 'map.png'",
    ]
    again = run(root)  # a skipped article still says so
    assert again.skipped == 1 and again.broken_links == report.broken_links


def test_pages_and_front_matter_values_are_not_reported_missing(tmp_path: Path) -> None:
    text = "---\ntitle: A\nimage: assets/lead.jpg\n---\n\nSee [the story](../world/baku) and [more](other.html).\n"
    root = write_project(tmp_path, {"a": text}, CONFIG)
    assert run(root).broken_links == []


def test_nothing_outside_the_source_folder_is_copied(tmp_path: Path) -> None:
    secret = tmp_path / "outside" / "secret.png"
    files(tmp_path / "outside", "secret.png")
    text = ("---\ntitle: A\n---\n\nText.\n\n![a](../../etc/passwd) ![b](../project.png) ![c](link.png) "
            "![d](linked/secret.png) ![e](other.md) ![f](.hidden/x.png)\n")
    root = write_project(tmp_path / "p", {"a": text}, CONFIG)
    files(root, "project.png", "source/other.md", "source/.hidden/x.png")
    (root / "source" / "link.png").symlink_to(secret)
    (root / "source" / "linked").symlink_to(secret.parent, target_is_directory=True)
    report = run(root)
    assert report.copied == [] and report.broken_links == []
    assert [p.name for p in (root / "public").rglob("*") if p.is_file() and p.suffix != ".md"
            and p.name != ".pipeline-published.sha256"] == []


def test_an_in_tree_layout_copies_nothing(tmp_path: Path) -> None:
    config = 'source_dir = "content"\noutput = "content/{slug}.{lang}.md"\n' + CONFIG
    (tmp_path / "pipeline.toml").write_text(config, encoding="utf-8")
    (tmp_path / "content" / "port").mkdir(parents=True)
    (tmp_path / "content" / "port" / "index.md").write_text(BUNDLE, encoding="utf-8")
    files(tmp_path, "content/port/crowd.jpg", "content/port/map.png")
    before = {p for p in tmp_path.rglob("*") if ".pipeline" not in p.parts}
    report = run(tmp_path)
    created = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")
               if ".pipeline" not in p.parts and p not in before and p.is_file()}
    assert report.copied == []
    assert {rel for rel in created if not rel.startswith("locale/")} == {
        "content/port/index.ru.md", "content/.pipeline-published.sha256"}


def test_a_second_sync_changes_nothing_and_a_changed_file_is_copied_again(tmp_path: Path) -> None:
    root = bundle_project(tmp_path)
    run(root)
    snapshot = snapshot_tree(root)
    second = run(root)
    assert second.skipped == 1 and second.written == [] and second.copied == []
    assert snapshot_tree(root) == snapshot

    (root / "source/port-expansion/crowd.jpg").write_bytes(b"a new picture")
    (root / "public/ru/files/report final.pdf").unlink()  # a copy deleted in the output tree
    third = run(root)
    assert third.copied == ["public/ru/files/report final.pdf", "public/ru/port-expansion/crowd.jpg"]
    assert (root / "public/ru/port-expansion/crowd.jpg").read_bytes() == b"a new picture"
    assert run(root).written == []


def test_a_missing_file_that_appears_is_copied_by_the_next_sync(tmp_path: Path) -> None:
    root = bundle_project(tmp_path)
    assert any("plan.pdf" in line for line in run(root).broken_links)
    files(root, "source/port-expansion/plan.pdf")
    report = run(root)
    assert report.copied == ["public/ru/port-expansion/plan.pdf"] and report.broken_links == []


@pytest.mark.parametrize("project", ["bundle", "shortcodes"])
def test_a_no_op_sync_reads_no_linked_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, project: str) -> None:
    root = bundle_project(tmp_path) if project == "bundle" else shortcode_project(tmp_path)
    run(root)
    opened: list[str] = []
    real_open = io.open

    def recording_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(os.fspath(file) if isinstance(file, (str, os.PathLike)) else "")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", recording_open)
    monkeypatch.setattr(builtins, "open", recording_open)
    assert run(root).skipped == (1 if project == "bundle" else 2)
    linked = (".jpg", ".png", ".pdf", ".mp4")
    assert opened and not [path for path in opened if path.endswith(linked)]


def test_workers_copy_a_shared_file_once_and_report_like_a_serial_run(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_TASKS_PER_WORKER", 1)
    articles = {f"desk{i}/story": f"---\ntitle: Story {i}\n---\n\nText {i}.\n\n![Logo](../shared/logo.png)\n"
                for i in range(4)}
    reports = []
    for jobs in (1, 2):
        root = write_project(tmp_path / f"jobs{jobs}", articles, CONFIG)
        files(root, "source/shared/logo.png")
        reports.append(run(root, jobs))
        assert (root / "public/ru/shared/logo.png").read_bytes() == b"bytes of source/shared/logo.png"
    assert reports[0].copied == reports[1].copied == ["public/ru/shared/logo.png"]
    assert reports[0].written == reports[1].written


def test_sync_says_what_it_copied_and_which_links_are_broken(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from pipeline.cli import cli

    root = bundle_project(tmp_path)
    result = CliRunner().invoke(cli, ["--project", str(root), "sync", "--engine", "fake"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert ("  copied 3 linked file(s) beside the published versions: public/ru/files/report final.pdf, "
            "public/ru/port-expansion/crowd.jpg, public/ru/port-expansion/map.png\n") in result.output
    assert ("  broken link: source/port-expansion/index.md:10: linked file 'plan.pdf' does not exist "
            "(source/port-expansion/plan.pdf); published versions keep the broken link\n") in result.output
    again = CliRunner().invoke(cli, ["--project", str(root), "sync", "--engine", "fake"], catch_exceptions=False)
    assert "copied" not in again.output and "broken link: source/port-expansion/index.md:10" in again.output


def test_the_pipelines_own_files_are_never_copied(tmp_path: Path) -> None:
    """With ``source_dir = "."`` the config, catalogues and published tree lie below the
    source folder: a link to them publishes nothing (translators' work stays private)."""
    (tmp_path / "pipeline.toml").write_text('source_dir = "."\n' + CONFIG, encoding="utf-8")
    text = ("---\ntitle: A\n---\n\nText.\n\n![x](img/a.png) [c](../pipeline.toml) "
            "[p](../locale/ru/LC_MESSAGES/news/a.po) [o](../public/ru/other.png)\n")
    files(tmp_path, "news/img/a.png", "public/ru/other.png")
    (tmp_path / "news" / "a.md").write_text(text, encoding="utf-8")
    run(tmp_path)
    assert run(tmp_path).copied == []
    report = sync(load_config(tmp_path), SyncOptions(engine=FakeEngine(), jobs=1, stages=("publish",)))
    assert report.copied == [] and (tmp_path / "public/ru/news/img/a.png").exists()
    assert not (tmp_path / "public/ru/pipeline.toml").exists() and not (tmp_path / "public/ru/locale").exists()
    assert not (tmp_path / "public/ru/public").exists()


def shortcode_project(root: Path) -> Path:
    write_project(root, {"harbour/index": SHORTCODES, "styled": CSS}, CONFIG)
    files(root, *(f"source/harbour/{rel}" for rel in (
        "photos/port.jpg", "photos/crane.png", "photos/ship.jpg", "media/clip.mp4", "media/clip.jpg",
        "photos/raw.jpg", "photos/full.jpg", "photos/gate.jpg", "photos/positional.jpg", "photos/dawn.jpg", "photos/variable.jpg")))
    files(root, "source/img/hero.jpg", "source/img/dot.png", "source/old.png")
    return root


def test_files_named_in_template_tags_and_css_are_copied_and_a_second_sync_changes_nothing(tmp_path: Path) -> None:
    root = shortcode_project(tmp_path)
    report = run(root)
    assert report.copied == [f"public/ru/harbour/{rel}" for rel in (
        "media/clip.jpg", "media/clip.mp4", "photos/crane.png", "photos/full.jpg", "photos/gate.jpg",
        "photos/port.jpg", "photos/raw.jpg", "photos/ship.jpg")] + ["public/ru/img/dot.png", "public/ru/img/hero.jpg"]
    assert report.broken_links == []
    for rel in ("harbour/photos/port.jpg", "harbour/media/clip.mp4", "img/hero.jpg"):
        assert (root / "public/ru" / rel).read_bytes() == (root / "source" / rel).read_bytes()
    snapshot = snapshot_tree(root)
    second = run(root)
    assert second.skipped == 2 and second.written == [] and second.copied == []
    assert snapshot_tree(root) == snapshot

    (root / "source/harbour/media/clip.jpg").write_bytes(b"a new poster")
    third = run(root)
    assert third.copied == ["public/ru/harbour/media/clip.jpg"]
    assert (root / "public/ru/harbour/media/clip.jpg").read_bytes() == b"a new poster"


def test_a_missing_file_in_a_multi_line_shortcode_is_reported_on_its_argument_line(tmp_path: Path) -> None:
    """A shortcode ``src`` is an embed, like an image; a linked page may be one the site
    generator makes; what lies outside the source folder or is hidden is never copied."""
    text = """---
title: A
---

Text.

{{< video
    src="media/lost.mp4"
    poster="media/here.jpg" >}}

{{< button href="contact" >}} {{< pdf file="files/gone.pdf" >}} {{< figure src="https://example.org/a.jpg" >}}
{{< figure src="../outside.jpg" >}} {{< figure src=".hidden/x.png" >}} {{< figure src=notes.md >}}
"""
    root = write_project(tmp_path, {"a": text}, CONFIG)
    files(root, "source/media/here.jpg", "source/.hidden/x.png", "outside.jpg")
    report = run(root)
    assert report.copied == ["public/ru/media/here.jpg"]
    assert [line.split(" does not exist")[0] for line in report.broken_links] == [
        "source/a.md:8: video 'media/lost.mp4'", "source/a.md:11: linked file 'files/gone.pdf'"]


def test_a_missing_css_url_is_reported_and_a_data_url_is_not(tmp_path: Path) -> None:
    text = ("---\ntitle: A\n---\n\nText.\n\n<div style=\"background: url('img/gone.png')\">\n<style>\n"
            "@font-face { src: url(data:font/woff2;base64,AAAA) format(\"woff2\"); }\n</style>\n</div>\n")
    report = run(write_project(tmp_path, {"a": text}, CONFIG))
    assert [line.split(" does not exist")[0] for line in report.broken_links] == ["source/a.md:7: image 'img/gone.png'"]


def test_a_missing_video_or_caption_track_is_not_called_an_image(tmp_path: Path) -> None:
    """Regression: a video article's missing '<source src="seals.mp4">' and '<track
    src="seals.en.vtt">' were reported as "image 'seals.mp4' does not exist", which sent
    editors looking for a picture; what is missing is now named by its kind."""
    text = ("---\ntitle: A\n---\n\nText.\n\n<video controls poster=\"poster.jpg\">\n  <source src=\"seals.mp4\">\n"
            "  <track src=\"seals.en.vtt\" label=\"English\">\n  <source src=\"talk.mp3\">\n</video>\n")
    report = run(write_project(tmp_path, {"a": text}, CONFIG))
    assert [line.split(" does not exist")[0] for line in report.broken_links] == [
        "source/a.md:7: image 'poster.jpg'", "source/a.md:8: video 'seals.mp4'",
        "source/a.md:9: embedded file 'seals.en.vtt'", "source/a.md:10: audio file 'talk.mp3'"]
