"""Publishing policies: reviewed only, machine allowed, fields that need review, stale versions."""

from __future__ import annotations

from pipeline.config import PublishPolicy
from pipeline.markdown import read_article
from pipeline.model import Catalogue, Finding, Message, MT_COMMENT_PREFIX, Severity
from pipeline.publish import decide, notice_for, render_version

SOURCE = "---\ntitle: Port grows\ndate: 2026-03-14\n---\n\n## Heading\n\nLead paragraph.\n\nBody paragraph.\n"


def article():  # type: ignore[no-untyped-def]
    return read_article(SOURCE.encode(), path="source/a.md", slug="a", default_lang="en",
                        front_matter_keys=("title",))


def catalogue(**status: str) -> Catalogue:
    """status per msgid: reviewed | machine | changed | empty."""
    messages = []
    for segment in article().segments:
        kind = status.get(segment.msgid, "reviewed")
        message = Message(msgid=segment.msgid, msgctxt=segment.msgctxt)
        if kind != "empty":
            message.msgstr = "RU " + segment.msgid
        if kind == "machine":
            message.flags = ["fuzzy"]
            message.comments = [MT_COMMENT_PREFIX + "fake 1"]
        if kind == "changed":
            message.flags = ["fuzzy"]
            message.previous_msgid = "Old " + segment.msgid
        messages.append(message)
    return Catalogue(messages=messages)


def test_reviewed_only_by_default() -> None:
    decision, _ = decide(article(), "ru", catalogue(**{"Body paragraph.": "machine"}), PublishPolicy())
    assert not decision.ready and decision.reasons() == ["1 machine translation awaiting review"]
    decision, chosen = decide(article(), "ru", catalogue(), PublishPolicy())
    assert decision.ready and not decision.machine
    text = render_version(article(), "ru", chosen, decision, PublishPolicy())
    assert text == ("---\ntitle: RU Port grows\ndate: 2026-03-14\nlang: ru\ntranslation_of: a\n"
                    "---\n\n## RU Heading\n\nRU Lead paragraph.\n\nRU Body paragraph.\n")


def test_a_finding_of_an_enforced_check_holds_its_entry_back() -> None:
    findings = [Finding("numbers", Severity.ERROR, "12 became 15", msgid="Body paragraph."),
                Finding("quote-marks", Severity.WARNING, "“…” should be «…»", msgid="Lead paragraph.")]
    assert decide(article(), "ru", catalogue(), PublishPolicy(), lambda: findings)[0].ready  # not enforced
    decision, _ = decide(article(), "ru", catalogue(), PublishPolicy(enforced_checks=("numbers",)), lambda: findings)
    assert not decision.ready and decision.reasons()[0].startswith("1 failing a check of [publish] enforced_checks")
    assert decide(article(), "ru", catalogue(), PublishPolicy(enforced_checks=("speaker",)), lambda: findings)[0].ready

    def never() -> list[Finding]:
        raise AssertionError("a version held back for review needs no checks")
    waiting = catalogue(**{"Body paragraph.": "machine"})
    assert not decide(article(), "ru", waiting, PublishPolicy(enforced_checks=("numbers",)), never)[0].ready


def test_machine_allowed_marks_the_version_and_opens_with_a_notice() -> None:
    policy = PublishPolicy(allow_machine=True)
    decision, chosen = decide(article(), "ru", catalogue(**{"Body paragraph.": "machine"}), policy)
    assert decision.ready and decision.machine
    text = render_version(article(), "ru", chosen, decision, policy)
    assert "machine_translated: true\n---\n\n*" + notice_for("ru", policy) + "*\n\n## RU Heading" in text
    assert notice_for("ru", PublishPolicy(notice={"ru": "Свой текст."})) == "Свой текст."


def test_required_fields_must_be_reviewed_even_when_machine_is_allowed() -> None:
    policy = PublishPolicy(allow_machine=True, require_review=("title", "lead"))
    held, _ = decide(article(), "ru", catalogue(**{"Lead paragraph.": "machine"}), policy)
    assert not held.ready and held.reasons() == ["1 named in [publish] require_review, machine-translated, awaiting review"]
    ok, _ = decide(article(), "ru", catalogue(**{"Body paragraph.": "machine", "Heading": "machine"}), policy)
    assert ok.ready


def test_untranslated_and_changed_are_never_published() -> None:
    policy = PublishPolicy(allow_machine=True)
    decision, _ = decide(article(), "ru", catalogue(**{"Heading": "empty", "Body paragraph.": "changed"}), policy)
    assert not decision.ready
    assert decision.reasons() == ["1 source changed since translation", "1 untranslated"]
    decision, _ = decide(article(), "ru", None, policy)
    assert decision.reasons() == ["4 untranslated"]


def test_reasons_agree_with_their_counts() -> None:
    both = {"Body paragraph.": "machine", "Lead paragraph.": "machine"}
    decision, _ = decide(article(), "ru", catalogue(**both), PublishPolicy())
    assert decision.reasons() == ["2 machine translations awaiting review"]
    both = {"Body paragraph.": "changed", "Lead paragraph.": "changed"}
    decision, _ = decide(article(), "ru", catalogue(**both), PublishPolicy())
    assert decision.reasons() == ["2 sources changed since translation"]


def test_flow_mapping_front_matter_publishes_valid_yaml_with_the_same_meaning() -> None:
    """Regression: the added keys were written as lines after the closing brace (invalid YAML)."""
    import yaml

    art = read_article(b"---\n{title: Hello}\n---\n\nBody.\n", path="source/a.md", slug="a",
                       default_lang="en", front_matter_keys=("title",))
    identity = Catalogue(messages=[Message(msgid=s.msgid, msgctxt=s.msgctxt, msgstr=s.msgid) for s in art.segments])
    decision, chosen = decide(art, "ru", identity, PublishPolicy())
    text = render_version(art, "ru", chosen, decision, PublishPolicy())
    # Every source byte is kept; the keys are entries inside the braces.
    assert text == "---\n{title: Hello, lang: ru, translation_of: a}\n---\n\nBody.\n"
    assert yaml.safe_load(text.split("---\n")[1]) == {"title": "Hello", "lang": "ru", "translation_of": "a"}


def test_the_source_translation_key_is_kept_and_none_is_invented() -> None:
    """Regression: the source's ``translationKey: port-terminal`` was replaced by the slug, and
    a source without one got a key in its translations only: Hugo then links the translations
    to each other but not to the source."""
    import yaml

    def published(source: str) -> dict[str, object]:
        art = read_article(source.encode(), path="source/posts/port/index.md", slug="posts/port/index",
                           default_lang="en", front_matter_keys=("title",))
        identity = Catalogue(messages=[Message(msgid=s.msgid, msgctxt=s.msgctxt, msgstr=s.msgid)
                                       for s in art.segments])
        decision, chosen = decide(art, "ru", identity, PublishPolicy())
        text = render_version(art, "ru", chosen, decision, PublishPolicy())
        return yaml.safe_load(text.split("---\n")[1])

    keyed = published("---\ntitle: Port\ntranslationKey: port-terminal\n---\n\nBody.\n")
    assert keyed["translationKey"] == "port-terminal"
    assert "translationKey" not in published("---\ntitle: Port\n---\n\nBody.\n")


def test_required_front_matter_keys_match_every_list_item_like_front_matter_keys_do() -> None:
    """Regression: ``require_review = ["gallery.caption"]`` did not hold back the captions of
    a ``gallery:`` list (their msgctxt is ``gallery.0.caption``), so unreviewed machine
    translations of them were published, although the same name selects them for translation."""
    source = b"---\ntitle: Port\ngallery:\n  - caption: First crane.\n  - caption: Second crane.\n---\n\nBody.\n"
    art = read_article(source, path="source/a.md", slug="a", default_lang="en",
                       front_matter_keys=("title", "gallery.caption"))
    messages = [Message(msgid=s.msgid, msgctxt=s.msgctxt, msgstr="RU " + s.msgid, flags=["fuzzy"],
                        comments=[MT_COMMENT_PREFIX + "fake 1"]) for s in art.segments]
    policy = PublishPolicy(allow_machine=True, require_review=("gallery.caption",))
    decision, _ = decide(art, "ru", Catalogue(messages=messages), policy)
    assert not decision.ready
    assert decision.reasons() == ["2 named in [publish] require_review, machine-translated, awaiting review"]


def test_a_translation_of_spaces_only_holds_the_version_back() -> None:
    """A reviewed msgstr of spaces or tabs (a slip in an editor, a translator's placeholder) was
    published: the paragraph vanished from the page, a setext heading's underline became a
    horizontal rule, a list item or a heading was left empty. It counts as untranslated."""
    source = catalogue()
    for message in source.messages:
        if message.msgid == "Body paragraph.":
            message.msgstr = " \t "
    for policy in (PublishPolicy(), PublishPolicy(allow_machine=True)):
        decision, _ = decide(article(), "ru", source, policy)
        assert not decision.ready and decision.reasons() == ["1 translated as spaces only"]


def test_plural_forms_a_translator_added_to_a_paragraph_hold_the_version_back() -> None:
    """Regression: a heading's entry given msgid_plural and msgstr[0..2] in Poedit counted as
    reviewed, and `pipeline publish` published its empty plain msgstr: an empty '## '."""
    source = catalogue()
    for message in source.messages:
        if message.msgid == "Heading":
            message.msgid_plural = "Headings"
            message.msgstr = ""
            message.msgstr_plural = {0: "Заголовок", 1: "Заголовка", 2: "Заголовков"}
    for policy in (PublishPolicy(), PublishPolicy(allow_machine=True)):
        decision, _ = decide(article(), "ru", source, policy)
        assert not decision.ready and decision.reasons()[0].startswith("1 with plural forms")


def test_a_translation_that_would_break_the_site_s_template_tags_holds_its_version_back() -> None:
    """Hugo stops the whole site's build over one stray or unclosed shortcode: never published,
    whatever enforced_checks says. A translated argument inside a kept tag is no break."""
    source = ('---\ntitle: T\n---\n\nSee {{% notice info %}}the note{{% /notice %}} here.\n\n'
              '{{< figure src="a.jpg" caption="The port" >}}\n')
    art = read_article(source.encode(), path="source/a.md", slug="a", default_lang="en", front_matter_keys=("title",))

    def version(**translations: str) -> Catalogue:
        return Catalogue(messages=[Message(msgid=s.msgid, msgctxt=s.msgctxt, msgstr=translations.get(s.kind.name, "RU"))
                                   for s in art.segments])

    good = "См. {{% notice info %}}заметку{{% /notice %}} тут."
    assert decide(art, "ru", version(PARAGRAPH=good), PublishPolicy())[0].ready
    assert decide(art, "ru", version(PARAGRAPH=good.replace("заметку", 'заметку" caption="x')), PublishPolicy())[0].ready
    for broken in ("См. {{% notice info %}}заметку тут.", "См. заметку{{% /notice %}} тут. {{% notice info %}}",
                   "См. {{< notice info >}}заметку{{< /notice >}} тут."):
        decision, _ = decide(art, "ru", version(PARAGRAPH=broken), PublishPolicy())
        assert not decision.ready and decision.reasons()[0].startswith("1 with template tags other than")
    decision, _ = decide(art, "ru", version(PARAGRAPH=good, TEMPLATE_ARGUMENT='Порт" >}} {{< x'), PublishPolicy())
    assert not decision.ready


def test_a_check_failing_on_a_paragraph_holds_back_that_entry_only_not_a_title_with_its_text() -> None:
    """Regression: enforced checks were matched to entries by msgid alone, so a title and a
    paragraph with the same text were one: a wrong number in the paragraph's translation was
    counted twice ("2 failing a check") though the title's translation was right."""
    from pipeline.checks import check_catalogue

    text = "---\ntitle: Port grew by 12 percent\n---\n\nPort grew by 12 percent\n"
    source = read_article(text.encode(), path="source/a.md", slug="a", default_lang="en",
                          front_matter_keys=("title",))
    translations = {"title": "Порт вырос на 12 процентов", None: "Порт вырос на 15 процентов"}
    messages = [Message(msgid=s.msgid, msgctxt=s.msgctxt, msgstr=translations[s.msgctxt]) for s in source.segments]
    catalogue = Catalogue(messages=messages)
    findings = check_catalogue("locale/ru/LC_MESSAGES/a.po", "en", "ru", catalogue).findings
    assert {(f.check, f.msgctxt) for f in findings} == {("numbers", None)}
    decision, _ = decide(source, "ru", catalogue, PublishPolicy(enforced_checks=("numbers",)), lambda: findings)
    assert decision.reasons() == ["1 failing a check of [publish] enforced_checks (fix it, or dismiss the "
                                  "check on the entry: see 'pipeline check')"]


def test_a_page_translated_by_hand_where_a_version_goes_is_not_replaced(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Regression: a Hugo site's own translation (``content/about.ru.md``, written before the
    pipeline came, without ``translation_of:``) was replaced by the machine translation of
    ``content/about.md`` on the first sync, and the person's text was gone."""
    import json

    from click.testing import CliRunner

    from pipeline.cli import cli
    from tests.conftest import snapshot_tree, write_project

    root = tmp_path / "site"
    (root / "content").mkdir(parents=True)
    write_project(root, {}, 'languages = ["en", "ru"]\nsource_dir = "content"\noutput = "content/{slug}.{lang}.md"\n'
                            '[publish]\nallow_machine = true\n')
    (root / "content/about.md").write_text("---\ntitle: About\n---\n\nWe are a newsroom.\n", encoding="utf-8")
    by_hand = "---\ntitle: О нас\n---\n\nМы редакция.\n"
    (root / "content/about.ru.md").write_text(by_hand, encoding="utf-8")
    runner = CliRunner()
    synced = runner.invoke(cli, ["--project", str(root), "sync", "--engine", "pseudo"])
    assert synced.exit_code == 1
    assert (root / "content/about.ru.md").read_text(encoding="utf-8") == by_hand
    said = " ".join(synced.output.split())
    assert "content/about.ru.md: a page written by hand (no translation_of: in its front matter) is where the " \
           "ru version of about goes: it was not replaced" in said
    assert "copy it into locale/ru/LC_MESSAGES/about.po and delete the page" in said
    files = snapshot_tree(root)
    status = runner.invoke(cli, ["--project", str(root), "status", "--json"])
    assert status.exit_code == 1 and "a page written by hand" in status.output
    report = json.loads(status.output.split("\nerror:")[0])
    assert [row["ready"] for row in report["catalogues"]] == [False]
    assert [error.split(":")[0] for error in report["errors"]] == ["content/about.ru.md"]
    assert runner.invoke(cli, ["--project", str(root), "sync", "--engine", "pseudo"]).exit_code == 1
    assert snapshot_tree(root) == files
    (root / "content/about.ru.md").unlink()  # the desk lets the pipeline publish it
    assert runner.invoke(cli, ["--project", str(root), "sync", "--engine", "pseudo"]).exit_code == 0
    assert "translation_of: about" in (root / "content/about.ru.md").read_text(encoding="utf-8")
    # A version sync wrote is replaced as before, also one with a flow-mapping front matter.
    (root / "content/about.md").write_text("---\n{title: About us}\n---\n\nWe are a newsroom.\n", encoding="utf-8")
    assert runner.invoke(cli, ["--project", str(root), "sync", "--engine", "pseudo"]).exit_code == 0
    assert "{title: ［About ус］, lang: ru, translation_of: about," in (root / "content/about.ru.md").read_text(
        encoding="utf-8")
    (root / "content/about.md").write_text("---\n{title: About all of us}\n---\n\nWe are a newsroom.\n",
                                           encoding="utf-8")
    assert runner.invoke(cli, ["--project", str(root), "sync", "--engine", "pseudo"]).exit_code == 0
    assert "［About ус］" not in (root / "content/about.ru.md").read_text(encoding="utf-8")


def test_a_version_edited_by_hand_after_sync_published_it_is_not_written_over(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Regression: a correction made in ``public/ru/a.md`` (not in the catalogue) was
    silently replaced by the next sync that published the article, and the person's change
    was gone. Sync now records what it wrote of each version (``public/.pipeline-published.sha256``,
    which outlives the run cache) and leaves a version that differs from both that and the
    new one, with an error; once the desk deletes it, the next sync publishes it again."""
    from click.testing import CliRunner

    from pipeline.cli import cli
    from tests.conftest import snapshot_tree, write_project

    root = write_project(tmp_path, {"a": "---\ntitle: Port\n---\n\nThe port grew.\n\nShips came.\n"},
                         'languages = ["en", "ru"]\n[publish]\nallow_machine = true\n')
    runner = CliRunner()

    def sync() -> "object":
        return runner.invoke(cli, ["--project", str(root), "sync", "--engine", "pseudo"])

    assert sync().exit_code == 0
    version = root / "public/ru/a.md"
    edited = version.read_text(encoding="utf-8") + "\nИсправлено редактором.\n"
    version.write_text(edited, encoding="utf-8")
    (root / "source/a.md").write_text("---\ntitle: Port\n---\n\nThe port grew fast.\n\nShips came.\n",
                                      encoding="utf-8")
    result = sync()
    assert result.exit_code == 1
    assert version.read_text(encoding="utf-8") == edited
    said = " ".join(result.output.split())
    assert "public/ru/a.md: changed since pipeline published it (edited by hand?)" in said
    assert "make the change in locale/ru/LC_MESSAGES/a.po (or in the article), then delete public/ru/a.md" in said
    files = snapshot_tree(root)
    assert sync().exit_code == 1  # said again on every run, and nothing written
    assert snapshot_tree(root) == files
    status = runner.invoke(cli, ["--project", str(root), "status"])
    assert status.output.splitlines()[1].endswith("  edited")
    assert "public/ru/a.md: changed since pipeline published it (edited by hand?); sync does not write over it: " \
           "make the change in locale/ru/LC_MESSAGES/a.po" in " ".join(status.output.split())
    import json
    rows = json.loads(runner.invoke(cli, ["--project", str(root), "status", "--json"]).output)["catalogues"]
    assert [row["edited"] for row in rows] == [True]
    version.unlink()
    assert sync().exit_code == 0
    assert "греш фаст" in version.read_text(encoding="utf-8")
    assert runner.invoke(cli, ["--project", str(root), "status"]).output.splitlines()[1].endswith("  yes")
    # A version sync wrote is replaced as before when the source changes, and one a person
    # made identical to the new version is no conflict.
    (root / "source/a.md").write_text("---\ntitle: Port\n---\n\nThe port grew.\n\nShips came.\n",
                                      encoding="utf-8")
    assert sync().exit_code == 0
    # With no record (a fresh clone), nothing is known to be edited: written as before.
    (root / "public/.pipeline-published.sha256").unlink()
    version.write_text(version.read_text(encoding="utf-8") + "x\n", encoding="utf-8")
    (root / "source/a.md").write_text("---\ntitle: Port\n---\n\nThe port shrank.\n\nShips came.\n",
                                      encoding="utf-8")
    assert sync().exit_code == 0
    assert not version.read_text(encoding="utf-8").endswith("x\n")


def test_an_entry_the_article_uses_twice_is_counted_once_while_it_waits() -> None:
    """Regression: a table whose header repeats a word ("Rating" over two columns) has one
    entry for both cells; a version waiting for it said "2 machine translations awaiting
    review" while the catalogue (and ``status``) had one."""
    source = "| Board | Rating | Rating |\n|---|---|---|\n| 1 | 2738 | 2794 |\n"
    art = read_article(source.encode(), path="source/a.md", slug="a", default_lang="en", front_matter_keys=())
    messages = {}
    for segment in art.segments:
        message = Message(msgid=segment.msgid, msgctxt=segment.msgctxt, msgstr="RU " + segment.msgid,
                          flags=["fuzzy"], comments=[MT_COMMENT_PREFIX + "fake 1"])
        messages[(segment.msgctxt, segment.msgid)] = message
    decision, _ = decide(art, "ru", Catalogue(messages=list(messages.values())), PublishPolicy())
    assert decision.reasons() == [f"{len(messages)} machine translations awaiting review"]


def test_the_lead_is_the_first_paragraph_of_running_text_not_a_title_or_a_line() -> None:
    """Regression: ``require_review = ["lead"]`` took the first paragraph entry, which may be an
    admonition's title, a MyST directive's or a line of a line block: the lead itself went out
    unreviewed."""
    from pipeline.publish import required_segments
    source = ('---\ntitle: T\n---\n\n!!! note "Road closed"\n    Detour via the bridge.\n\n'
              "| A line\n| of verse\n\n[^1]: A note.\n\nThe lead.\n")
    art = read_article(source.encode(), path="source/a.md", slug="a", default_lang="en", front_matter_keys=("title",))
    assert [art.segments[i].msgid for i in required_segments(art, ("lead",))] == ["Detour via the bridge."]
    prose = read_article(b"| A line\n| of verse\n\n[^1]: A note.\n\nThe lead.\n", path="source/a.md", slug="a",
                         default_lang="en", front_matter_keys=())
    assert [prose.segments[i].msgid for i in required_segments(prose, ("lead",))] == ["The lead."]


def test_a_table_caption_opening_the_article_is_not_its_lead() -> None:
    """Regression: a Pandoc caption (``Table: …``) before a table at the top of an article was
    taken for the lead, so ``require_review = ["lead"]`` let the real lead out unreviewed."""
    from pipeline.publish import required_segments
    for caption in ("Table: Population of the three cities", ": Население трёх городов"):
        source = f"{caption}\n\n| City | People |\n|---|---|\n| Baku | 2 |\n\nThe lead.\n"
        art = read_article(source.encode(), path="source/a.md", slug="a", default_lang="en", front_matter_keys=())
        assert [art.segments[i].msgid for i in required_segments(art, ("lead",))] == ["The lead."]


def test_a_required_key_is_required_under_hugos_params_too() -> None:
    """``require_review = ["subtitle"]`` selects the ``[params]`` table's subtitle, which is
    ``subtitle``'s entry (Hugo 0.123+), and not a subtitle nested deeper."""
    from pipeline.publish import required_segments
    source = ('+++\ntitle = "T"\n[params]\n  subtitle = "Sub"\n  author = { subtitle = "Deep" }\n+++\n\nBody.\n')
    art = read_article(source.encode(), path="source/a.md", slug="a", default_lang="en",
                       front_matter_keys=("title", "subtitle", "author.subtitle"))
    assert [art.segments[i].msgctxt for i in required_segments(art, ("subtitle",))] == ["params.subtitle"]


def test_a_machine_translated_toml_version_opens_with_the_notice_after_its_toml_front_matter() -> None:
    """Regression: the notice was put after a '---' closing line only; Hugo's '+++' front
    matter got it on line 1, above the front matter, which then read as text."""
    source = '+++\ntitle = "Port grows"\n+++\n\nBody paragraph.\n'
    art = read_article(source.encode(), path="source/a.md", slug="a", default_lang="en", front_matter_keys=("title",))
    messages = [Message(msgid=s.msgid, msgctxt=s.msgctxt, msgstr="RU " + s.msgid, flags=["fuzzy"],
                        comments=[MT_COMMENT_PREFIX + "fake 1"]) for s in art.segments]
    policy = PublishPolicy(allow_machine=True)
    decision, chosen = decide(art, "ru", Catalogue(messages=messages), policy)
    assert render_version(art, "ru", chosen, decision, policy) == (
        '+++\ntitle = "RU Port grows"\nlang = "ru"\ntranslation_of = "a"\nmachine_translated = true\n+++\n\n'
        f"*{notice_for('ru', policy)}*\n\nRU Body paragraph.\n")
