"""Placeholders: what is protected, exact round trips, and problems reported, never hidden."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from pipeline.engines.fake import (
    DropPlaceholderEngine, DuplicatePlaceholderEngine, FakeEngine, ReorderPlaceholderEngine,
    SpacedPlaceholderEngine,
)
from pipeline.placeholders import protect, restore, strip_placeholders


@pytest.mark.parametrize(
    ("text", "protected"),
    [
        ("Read **this** now", "Read ⟦1⟧this⟦2⟧ now"),
        ("See [the docs](https://example.org/a_(b) \"Title\").", "See ⟦1⟧the docs⟦2⟧."),
        ("Image ![a cat](cat.png) here", "Image ⟦1⟧a cat⟦2⟧ here"),
        # A destination in <...> may hold spaces (a file name): it is not prose either.
        ('The [report](<https://x.org/press release/12.pdf> "Report (PDF)") and ![map](<a b.png>)',
         "The ⟦1⟧report⟦2⟧ and ⟦3⟧map⟦4⟧"),
        # A shortcut reference ([summary], defined elsewhere in the article) is a link only
        # while its brackets stay: every pair is kept, its text translated (regression: an
        # engine that dropped them lost the link silently). An escaped bracket is text.
        ("Ref [text][ref] and [plain] brackets", "Ref ⟦1⟧text⟦2⟧ and ⟦3⟧plain⟦4⟧ brackets"),
        ("See the [map][] and [summary].", "See the ⟦1⟧map⟦2⟧ and ⟦3⟧summary⟦4⟧."),
        ("Not \\[a link\\] here", "Not ⟦1⟧a link⟦2⟧ here"),
        ("Run `rm -rf [x](y)` now", "Run ⟦1⟧ now"),
        ("Visit <https://example.org> or https://example.org/page.", "Visit ⟦1⟧ or ⟦2⟧."),
        # Autocorrect capitalises a sentence's first word (regression: "Https://…" and
        # "Www.…" went to MT as text, and the URL came back transliterated).
        ("Https://example.az/a is new. Www.example.az too, HTTP://X.ORG/b", "⟦1⟧ is new. ⟦2⟧ too, ⟦3⟧"),
        ("Write to desk@example.org today", "Write to ⟦1⟧ today"),
        ("A note[^1] and <span class=\"x\">html</span>", "A note⟦1⟧ and ⟦2⟧html⟦3⟧"),
        ("Tom &amp; Jerry \\*not emphasis\\*", "Tom ⟦1⟧ Jerry ⟦2⟧not emphasis⟦3⟧"),
        ("line\\\nnext  \nlast", "line⟦1⟧\nnext⟦2⟧\nlast"),
        ("snake_case stays, a * b stays", "snake_case stays, a * b stays"),
        ("**[bold link](u)**", "⟦1⟧bold link⟦2⟧"),
        ("literal ⟦1⟧ tokens", "literal ⟦1⟧1⟦2⟧ tokens"),
        # A task list item's checkbox (GFM, Hugo): "[x]" translated to "[х]" is no checkbox.
        ("[x] Pack the documents", "⟦1⟧ Pack the documents"),
        ("[ ] Book a seat, then [x] marks", "⟦1⟧ Book a seat, then ⟦2⟧x⟦3⟧ marks"),
        # Template syntax runs before Markdown: tag names and arguments must come back as written.
        ('See {{< ref "port.md" >}} and {{% notice info %}}note{{% /notice %}}',
         "See ⟦1⟧ and ⟦2⟧note⟦3⟧"),
        ("Read {{ page.title }} {% include a.html caption=\"x\" %} {# n #}", "Read ⟦1⟧ ⟦2⟧ ⟦3⟧"),
        # A link whose destination holds a template tag is a link, its target one token
        # (regression: "](" went to MT as text and the path after the tag was translated).
        ("Read [more]({{ site.baseurl }}/more \"Title\") and ![a](/i/{% asset x %}/a.png)",
         "Read ⟦1⟧more⟦2⟧ and ⟦3⟧a⟦4⟧"),
        ("Use {% raw %}{{ x }} [a](b){% endraw %} here", "Use ⟦1⟧ here"),
        # An HTML tag whose attribute holds a template tag is one tag: its name, attribute
        # names and quotes are not prose (regression: 'See <a href="' went to MT as text).
        ('See <a href="{{< ref "about.md" >}}">our team</a> now', "See ⟦1⟧our team⟦2⟧ now"),
        ("Logo <img src='{{ .Site.Params.logo }}' alt=\"Logo\"> and {% link a.md %}", "Logo ⟦1⟧ and ⟦2⟧"),
        ("Not a tag: <{{ name }}> stays", "Not a tag: <⟦1⟧> stays"),
        # kramdown's span attribute list is the site's ("{: .красный}" styles nothing).
        ("A *new*{: .highlight} record, {city} stays", "A ⟦1⟧new⟦2⟧ record, {city} stays"),
        # Pandoc's, Quarto's and Goldmark's attribute lists after a span, an image or a code
        # span, and a caption's identifier (regression: "{.smallcaps}" came back transliterated
        # and "{width=50%}" translated, so the generator printed them as text).
        ("[small caps]{.smallcaps} and ![Map](m.png){width=50%}, {2024} stays",
         "⟦1⟧small caps⟦2⟧ and ⟦3⟧Map⟦4⟧, {2024} stays"),
        ("Output by field {#tbl:fields}", "Output by field ⟦1⟧"),
        # A quoted value holding an escaped quote, as Pandoc reads one (regression: the list
        # went to MT as prose, "{.note" and "data-say" came back transliterated).
        ('[Baku]{.note data-say="a \\"b\\" c"} grew', "⟦1⟧Baku⟦2⟧ grew"),
        # TeX math is the same in every language (regression: "$x^2$" went to MT as text);
        # a price's "$" opens none ("$5 and $10": the second "$" follows a space).
        ("The formula $x^2 + y_1$ holds, $$E = mc^2$$", "The formula ⟦1⟧ holds, ⟦2⟧"),
        ("It paid $5 and $10, $5-$10, US$5 and US$10", "It paid $5 and $10, $5-$10, US$5 and US$10"),
        ("Shares of $AAPL and $TSLA rose", "Shares of $AAPL and $TSLA rose"),
        ("The A$ and US$ fell", "The A$ and US$ fell"),
        # A cashtag and a later currency sign are no math (regression: "rose while A" never
        # reached MT), nor is a "$" in a link's text and one in its target.
        ("$TSLA rose while the A$ fell, $x$ held", "$TSLA rose while the A$ fell, ⟦1⟧ held"),
        ("[$AAPL](https://x.org/?q=$a) rose", "⟦1⟧$AAPL⟦2⟧ rose"),
        # Markdown extensions' inline markup (Hugo, MkDocs' pymdownx, Pandoc) went to MT as
        # text (regression: ":smile:" came back transliterated, "==" and "~" dropped, and
        # "@smith2020" translated): names and keys are protected whole, markers around the
        # reader's text as ordered pairs; times, "a == b", "~5 km" and "x^2" stay text.
        ("Good news :smile::wink: and :flag-az:, :+1: at 10:30:15", "Good news ⟦1⟧ and ⟦2⟧, ⟦3⟧ at 10:30:15"),
        ("A ==key point== and a == b", "A ⟦1⟧key point⟦2⟧ and a == b"),
        ("H~2~O, 1^st^ place, ^^new^^, ~5 km and x^2", "H⟦1⟧2⟦2⟧O, 1⟦3⟧st⟦4⟧ place, ⟦5⟧new⟦6⟧, ~5 km and x^2"),
        ("As shown [@smith2020, p. 4] and [see -@doe99; @roe01].",
         "As shown ⟦1⟧, p. 4⟦2⟧ and ⟦3⟧see ⟦4⟧; ⟦5⟧."),
        ("@smith2020 says, per @AzerNews and @desk@mastodon.social; mail desk@example.org.",
         "⟦1⟧ says, per ⟦2⟧ and ⟦3⟧; mail ⟦4⟧."),
    ],
)
def test_protect_hides_markup_and_keeps_link_text(text: str, protected: str) -> None:
    result = protect(text)
    assert result.text == protected
    assert restore(result.text, result) == (text, [])


def test_numbers_are_protected_only_on_request() -> None:
    text = "On 12.03.2024 at 10:30 it was 3 degrees"
    assert protect(text).text == text
    assert protect(text, numbers=True).text == "On ⟦1⟧ at ⟦2⟧ it was 3 degrees"


def test_lost_duplicated_unknown_and_reordered_tokens_are_reported() -> None:
    protected = protect("**Bold** and [link](u)")
    assert protected.text == "⟦1⟧Bold⟦2⟧ and ⟦3⟧link⟦4⟧"
    text, problems = restore("⟦1⟧Жирный and ⟦3⟧ссылка⟦4⟧ ⟦4⟧ ⟦9⟧", protected)
    assert "**Жирный and [ссылка](u) ](u) ⟦9⟧" == text
    assert "placeholder ⟦2⟧ (**) lost" in problems
    assert "placeholder ⟦4⟧ (](u)) duplicated" in problems
    assert "unknown placeholder ⟦9⟧" in problems
    _, problems = restore("⟦4⟧ссылка⟦3⟧ ⟦1⟧Bold⟦2⟧", protected)
    assert problems == ["placeholders ⟦3⟧ ([) and ⟦4⟧ (](u)) out of order"]


def test_restore_tolerates_spacing_inside_tokens() -> None:
    protected = protect("A **b** c")
    assert restore("X ⟦ 1 ⟧y⟦2 ⟧ z", protected) == ("X **y** z", [])


@pytest.mark.parametrize("style", ["brackets", "xml"])
@pytest.mark.parametrize(
    "engine",
    [FakeEngine(), SpacedPlaceholderEngine()],
    ids=["uppercase", "spaced-lowercase"],
)
def test_placeholder_styles_under_well_behaved_fakes(style: str, engine: FakeEngine) -> None:
    """The measurement behind the default style: ⟦n⟧ survives casing and spacing."""
    protected = protect("Go to **[the site](https://x.org)** now", style=style)  # type: ignore[arg-type]
    output = engine.translate_batch([protected.text], "en", "ru")[0]
    _, problems = restore(output, protected)
    if style == "brackets":
        assert problems == []
    else:
        assert problems == [] or isinstance(engine, SpacedPlaceholderEngine)


@pytest.mark.parametrize(
    ("engine", "expected"),
    [
        (DropPlaceholderEngine(), "lost"),
        (DuplicatePlaceholderEngine(), "duplicated"),
        (ReorderPlaceholderEngine(), "out of order"),
    ],
)
def test_misbehaving_engines_are_caught(engine: FakeEngine, expected: str) -> None:
    protected = protect("Read [the report](https://x.org/r) today")
    output = engine.translate_batch([protected.text], "en", "ru")[0]
    _, problems = restore(output, protected)
    assert any(expected in problem for problem in problems)


def test_strip_placeholders() -> None:
    assert strip_placeholders("a⟦1⟧b ⟦ 2 ⟧") == "a b  "


_MARKDOWNISH = st.lists(
    st.sampled_from(list("ab cZ.,!?*_~`[]()<>/:@&;#\\^\n\"'⟦⟧1") + ["https://x.org/p", "**", "](u)", "<b>", "&amp;",
                                                              ":ok:", "==", "@k1", "-@k", "~2~"]),
    max_size=60,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_MARKDOWNISH)
def test_round_trip_is_exact(text: str) -> None:
    protected = protect(text)
    assert restore(protected.text, protected) == (text, [])


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_round_trip_on_arbitrary_text(text: str) -> None:
    for style in ("brackets", "xml"):
        protected = protect(text, style=style, numbers=True)  # type: ignore[arg-type]
        assert restore(protected.text, protected)[0] == text


def test_a_paragraph_of_thousands_of_links_round_trips() -> None:
    """Each pass used to test every match against every span found before it (quadratic:
    4,000 inline tags took 19 s); every span is still protected and restored."""
    text = " ".join(f"[item {i}](https://example.com/{i}) <b>x{i}</b> `c{i}` *{i}*" for i in range(3000))
    protected = protect(text)
    assert "example.com" not in protected.text and "<b>" not in protected.text
    assert "item 2999" in protected.text
    assert len(protected.pairs) == 6000  # each link's and each emphasis' two halves, in order
    assert restore(protected.text, protected) == (text, [])


@pytest.mark.parametrize("text, address", [
    ("Write to (desk@example.az) today.", "desk@example.az"),
    ("Write to news_desk.2@mail.example.az.", "news_desk.2@mail.example.az"),
    ("Mail <desk@example.az> now.", "<desk@example.az>"),
])
def test_email_addresses_are_protected_whole(text: str, address: str) -> None:
    assert address in protect(text).mapping.values()


def test_a_very_long_word_is_protected_in_linear_time() -> None:
    """A pasted hash or encoded blob: the e-mail search tried every position of it (minutes
    for 200,000 letters); the text goes through unchanged."""
    text = "Hash " + "a1" * 100_000 + " ends."
    assert protect(text).text == text


def test_inline_html_kept_as_written_is_one_token_with_its_text() -> None:
    """Regression: the words of ``<span lang="az">`` in an English sentence (or of an element
    with translate="no" or class notranslate) went to machine translation as English."""
    text = ('She said <span lang="az">Salam, <b>dost</b></span> and <i class="notranslate">Port of Baku</i>, '
            '<em translate="no">Bakı</em> <span lang="en-GB">colour</span> `<span lang="az">x</span>`.')
    protected = protect(text, lang="en")
    assert protected.text == "She said ⟦1⟧ and ⟦2⟧, ⟦3⟧ ⟦4⟧colour⟦5⟧ ⟦6⟧."
    assert protected.mapping["⟦1⟧"] == '<span lang="az">Salam, <b>dost</b></span>'
    assert restore(protected.text, protected) == (text, [])
    assert protect('<span lang="az">Salam</span>').text == "⟦1⟧Salam⟦2⟧"  # no language to compare with


def test_hashtags_and_bare_domains_with_a_path_are_protected_whole() -> None:
    """Regression: #Baku2026 and pic.twitter.com/abc went to machine translation as text."""
    text = "Follow #Baku2026 and #COP29: pic.twitter.com/abc, t.me/channel (example.az/news/1)."
    protected = protect(text)
    assert protected.text == "Follow ⟦1⟧ and ⟦2⟧: ⟦3⟧, ⟦4⟧ (⟦5⟧)."
    assert list(protected.mapping.values()) == ["#Baku2026", "#COP29", "pic.twitter.com/abc", "t.me/channel",
                                                "example.az/news/1"]
    untouched = "C# and &#39;, issue #12, ## and Node.js/Deno"
    assert protect(untouched).text == "C# and ⟦1⟧, issue #12, ## and Node.js/Deno"


@pytest.mark.parametrize("text, protected", [
    ('[caption id="attachment_12" align="alignnone" width="300"]<img src="a.jpg" alt="Cranes" /> Cranes at dawn.[/caption]',
     "⟦1⟧ Cranes at dawn.⟦2⟧"),
    ("Watch [embed]https://youtu.be/x[/embed] now.", "Watch ⟦1⟧ now."),
    ('[gallery ids="1,2,3"] The port [video] today [sic].', "⟦1⟧ The port ⟦2⟧video⟦3⟧ today ⟦4⟧sic⟦5⟧."),
    # Jetpack's embeds: the address first, or named arguments (regression: ``[youtube https://…]``
    # was a bracket pair around text, its name translated); a bracketed word is still text.
    ("Watch [youtube https://www.youtube.com/watch?v=abc&w=640] and [ted id=981 lang=en].", "Watch ⟦1⟧ and ⟦2⟧."),
    ("The [youtube] clip, [vimeo link] and [tweet https://x.com/a/status/1 align=center]",
     "The ⟦1⟧youtube⟦2⟧ clip, ⟦3⟧vimeo link⟦4⟧ and ⟦5⟧"),
    # A plugin's or page builder's shortcode, known by its form: closed, or with a quoted argument.
    ('Text[footnote]Source: CEC[/footnote] [su_button url="/x" size=5]Go[/su_button] [sic] [note x=1].',
     "Text⟦1⟧Source: CEC⟦2⟧ ⟦3⟧Go⟦4⟧ ⟦5⟧sic⟦6⟧ ⟦7⟧note x=1⟦8⟧."),
    ("[vc_row][vc_column_text] The port grew. [/vc_column_text][/vc_row]", "⟦1⟧ The port grew. ⟦2⟧"),
])
def test_wordpress_shortcodes_are_protected_whole(text: str, protected: str) -> None:
    """Regression: a WordPress export's ``[caption id="attachment_12" align="alignnone"]``
    went to machine translation as a bracket pair around text, so the engine translated its
    arguments (and quotation marks were localised inside them). WordPress's media shortcodes
    are now protected whole; an editor's ``[video]`` or ``[sic]`` is still text."""
    result = protect(text)
    assert result.text == protected
    assert restore(result.text, result) == (text, [])


def test_a_kramdown_comment_is_one_placeholder() -> None:
    """Regression: the text of kramdown's ``{::comment}…{:/comment}`` went to machine
    translation between two placeholders; readers never see it."""
    protected = protect("Visible {::comment}an editor's note{:/comment} text.")
    assert protected.text == "Visible ⟦1⟧ text."


def test_translate_yes_inside_a_kept_element_goes_to_machine_translation() -> None:
    protected = protect('A <span translate="no">Bakı Limanı <b translate="yes">port</b> LLC</span> grows.')
    assert protected.text == "A ⟦1⟧port⟦2⟧ grows."


def test_an_mdx_comment_is_one_placeholder() -> None:
    assert protect("Text {/* inline note */} here.").text == "Text ⟦1⟧ here."


def test_a_myst_role_is_kept_with_its_target() -> None:
    """Regression: MyST's role name (``{term}`` before a code span) came back transliterated."""
    assert protect("{term}`Middle Corridor` is defined, {2024} stays.").text == "⟦1⟧ is defined, {2024} stays."


def test_a_myst_roles_displayed_text_goes_to_the_engine_and_its_target_does_not() -> None:
    """Regression: ``{ref}`the map <port-map>``` was one placeholder, so the words readers see
    as the link's text were never machine-translated."""
    protected = protect("See {ref}`the map <port-map>`, {doc}``our *method* <method>`` and {numref}`fig-x`.")
    assert protected.text == "See ⟦1⟧the map⟦2⟧, ⟦3⟧our ⟦4⟧method⟦5⟧ and ⟦6⟧."
    translated, _ = restore("Смотрите ⟦1⟧карту⟦2⟧, ⟦3⟧наш ⟦4⟧метод⟦5⟧ и ⟦6⟧.", protected)
    assert translated == "Смотрите {ref}`карту <port-map>`, {doc}``наш *метод* <method>`` и {numref}`fig-x`."


def test_an_mdx_expression_is_one_placeholder_and_an_editors_braces_are_text() -> None:
    """Regression: ``{Math.round(turnout * 100)}`` in an MDX article's prose went to the
    engine as text and came back as ``{Math.роунд(…)}``, which breaks the site's build."""
    assert protect("Turnout is {Math.round(turnout * 100)}% and {props.city} grew.").text == \
        "Turnout is ⟦1⟧% and ⟦2⟧ grew."
    assert protect("In {2024} the {city} grew.").text == "In {2024} the {city} grew."


@pytest.mark.parametrize(("text", "protected"), [
    ("{isLive && <LiveBadge />} Results", "⟦1⟧ Results"),
    ("{count > 1 ? <p>Several regions reported.</p> : null}", "⟦1⟧"),
    ("{regions.map((region) => <li key={region}>{region}</li>)}", "⟦1⟧"),
    ("Answer {yes? no: maybe} and {a || b} here.", "Answer {yes? no: maybe} and ⟦1⟧ here."),
])
def test_an_mdx_conditional_or_arrow_expression_is_one_placeholder(text: str, protected: str) -> None:
    """Regression: an MDX paragraph of JavaScript (``{count > 1 ? <p>…</p> : null}``) went to
    the engine as text and came back as ``{цоунт > 1 ? … : нулл}``, which breaks the build; an
    editor's braces holding no ``&&``, ``||``, arrow or spaced ``? :`` are still text."""
    assert protect(text).text == protected


def test_a_jsx_tag_holding_an_expression_is_one_placeholder() -> None:
    """Regression: a JSX tag whose attribute holds an expression with quotes or spaces
    (``items={["Baku", "Ganja"]}``, ``to={`/a/${id}`}``, ``{...rest}``) was no tag to the
    protection, and the engine translated its attribute names (``итемс={…}``)."""
    assert protect('See <Tabs items={["Baku", "Ganja"]} {...rest}>the tabs</Tabs> and '
                   '<Link to={`/a/${id}`} title={"Road closed"}>the report</Link>.').text == \
        "See ⟦1⟧the tabs⟦2⟧ and ⟦3⟧the report⟦4⟧."


@pytest.mark.parametrize(("text", "protected"), [
    ("Press ++ctrl+alt+del++ to restart.", "Press ⟦1⟧ to restart."),
    ('Hold ++shift+"My Key"++ now.', "Hold ⟦1⟧ now."),
    ("Нажмите ++ctrl+c++, затем ++ctrl+v++.", "Нажмите ⟦1⟧, затем ⟦2⟧."),
    # C++ in prose is no key combination: a space follows its ``++``.
    ("C++ and C++ are languages.", "C++ and C++ are languages."),
])
def test_pymdownx_key_combinations_are_protected_whole(text: str, protected: str) -> None:
    """Key names inside ``++…++`` are drawn as keys by the theme; an engine translated them
    (``++цтрл+алт+дел++``), which names no key."""
    assert protect(text).text == protected


def test_a_wikilinks_target_is_kept_and_its_label_goes_to_the_engine() -> None:
    """Regression: Obsidian's ``[[Baku Port]]`` went to machine translation as bracketed text, so
    the page it names came back translated (a link to nowhere), an embed's file name
    transliterated (``![[порт.jpg]]``) and a heading target's ``#Local`` taken for a hashtag."""
    text = "See [[Baku Port]], [[Alat Free Zone#History|the zone's past]], [[#Local heading]] and ![[port.jpg|300]]."
    protected = protect(text)
    assert protected.text == "See ⟦1⟧, ⟦2⟧the zone's past⟦3⟧, ⟦4⟧ and ⟦5⟧."
    translated, problems = restore("Смотрите ⟦1⟧, ⟦2⟧прошлое зоны⟦3⟧, ⟦4⟧ и ⟦5⟧.", protected)
    assert problems == []
    assert translated == ("Смотрите [[Baku Port]], [[Alat Free Zone#History|прошлое зоны]], [[#Local heading]]"
                          " и ![[port.jpg|300]].")
    # A link whose text is in brackets is a link, and its text is translated.
    assert protect("See [[1]](https://x.org) now.").text == "See ⟦1⟧1⟦2⟧ now."


def test_an_obsidian_comment_and_a_nested_tag_are_protected_whole() -> None:
    """Regression: ``%%note to the desk%%``, hidden from readers, was machine-translated, and
    only the ``#ports`` of the nested tag ``#ports/baku`` was kept (``/baku`` transliterated)."""
    text = "Tagged #ports/baku %%check the figure%% today, 50%% of it."
    assert protect(text).text == "Tagged ⟦1⟧ ⟦2⟧ today, 50%% of it."


@pytest.mark.parametrize("text", ["![Baku](i.png 'it\\'s')", '[a](u.html "say \\"hi\\"")', "[a](u.html (x \\) y))"])
def test_a_link_whose_title_escapes_its_delimiter_is_protected(text: str) -> None:
    """Regression (found by the round-trip property): a title holding its own delimiter escaped
    (``'it\\'s'``, valid CommonMark) made the link no link for the placeholders, so its
    destination went to the engine as text and came back transliterated (``и.пнг``)."""
    protected = protect(text)
    assert protected.text in ("⟦1⟧Baku⟦2⟧", "⟦1⟧a⟦2⟧")
    assert restore(protected.text, protected)[0] == text


def test_a_link_whose_title_holds_a_dollar_is_still_a_link() -> None:
    """Regression: ``"$48"`` in an image's title and a later link's ``$`` read as TeX math
    across both, so the image's file name went to the engine as text."""
    assert protect('![Chart](c.png "$48") [$AAPL](https://x.org/?q=$a)').text == "⟦1⟧Chart⟦2⟧ ⟦3⟧$AAPL⟦4⟧"


def test_a_footnote_reference_inside_a_links_text_closes_no_link() -> None:
    """Regression (found by the round-trip property): the ``]`` of ``[^2]`` closed the link
    around it, so ``[the report[^2]](https://x.org/r)``'s destination went to the engine as
    text and came back transliterated."""
    for text, protected in [("[the report[^2]](https://x.org/r) said", "⟦1⟧the report⟦2⟧ said"),
                            ("![Cranes [^1]](a.jpg) here", "⟦1⟧Cranes ⟦2⟧ here")]:
        result = protect(text)
        assert result.text == protected
        assert restore(result.text, result) == (text, [])


def test_an_obsidian_block_identifier_closing_a_block_is_protected() -> None:
    """Regression: ``^port-growth``, the name ``[[note#^port-growth]]`` links to, came back
    transliterated; a power (``x ^2``) or a caret inside the text is text."""
    assert protect("The port grew by 12%. ^port-growth").text == "The port grew by 12%. ⟦1⟧"
    assert protect("Area x ^2").text == "Area x ^2"
    assert protect("The ^note here").text == "The ^note here"
