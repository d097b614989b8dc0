"""Phonetic skeletons of names (pipeline.translit)."""

from __future__ import annotations

import pytest

from pipeline.checks import check_entry
from pipeline.translit import consonant_changed, resemblance, similarity, skeletons, suffix_added, vowel_changed


@pytest.mark.parametrize("azerbaijani, english", [("Azər", "Azer"), ("Elçin", "Elchin"),
                                                  ("Rəşad", "Rashad"), ("Həsənov", "Hasanov")])
def test_azerbaijani_schwa_meets_both_english_spellings(azerbaijani: str, english: str) -> None:
    # ə was folded to a only, so Azər and Azer sounded alike at 0.75: below what the speaker
    # check asks, which reported Azər Qasımlı missing from "Azer Gasimli said".
    assert similarity(azerbaijani, english) >= 0.8


def test_a_speaker_spelt_with_e_for_schwa_is_present() -> None:
    source = "“İslahat uğursuz oldu”, – deyə Azər Qasımlı bildirib."
    assert check_entry(source, "“The reform has failed,” Azer Gasimli said.", "az", "en",
                       only=["speaker"]) == []
    assert check_entry(source, "“The reform has failed,” the minister said.", "az", "en",
                       only=["speaker"]) != []


def test_a_latin_j_may_be_the_sound_of_y() -> None:
    """Regression: Marko Yankoviç (Azerbaijani) and Марко Янкович were not heard in a
    correct English 'Marko Jankovic', as J was read only as in John, so the speaker check
    reported the speaker missing; Slavic, German and Nordic names write Y's sound J."""
    from pipeline.translit import similarity
    assert similarity("Yankoviç", "Jankovic") == 1.0
    assert similarity("Янкович", "Jankovic") == 1.0
    assert similarity("Jafarli", "Cəfərli") == 1.0  # the English J still reads as before


def test_a_russian_initial_yu_may_render_an_initial_u() -> None:
    """Regression: Azerbaijani and English write Usubov where Russian writes Юсубов, so a
    correct «…», — сказал Юсубов for “…,” Usubov told reporters was reported as the
    speaker missing; a Cyrillic word opening with Ю is now also heard as opening with У."""
    from pipeline.translit import similarity
    assert similarity("Usubov", "Юсубов") == 1.0
    assert similarity("Yusubov", "Юсубов") == 1.0
    assert similarity("Usubov", "Усубов") == 1.0


def test_an_english_c_sounds_as_k_or_s() -> None:
    """Regression: Carter, Clements, Scott and Vincent had no skeleton close to Картер,
    Клементс, Скотт, Винсент (C was kept as C, which Cyrillic never gives), so the speaker
    check reported '“…,” said Jimmy Carter' → '— сказал Джимми Картер' as a missing speaker."""
    from pipeline.translit import resemblance
    for english, russian in (("Carter", "Картер"), ("Clements", "Клементс"), ("Scott", "Скотт"),
                             ("Vincent", "Винсент"), ("Lucy", "Люси"), ("Nicholson", "Николсон")):
        assert resemblance(english, russian) >= 0.8, english
    assert similarity("Cəfərli", "Джафарли") >= 0.8  # Azerbaijani c is still j


def test_another_vowel_in_a_name_s_stem_is_told_from_its_renderings() -> None:
    from pipeline.translit import vowel_changed
    assert vowel_changed("Mirzayev", "Мирзоев") and vowel_changed("Mirzayev", "Mirzoyev")
    for name, written in (("Mirzayev", "Мирзаев"), ("Mirzayev", "Mirzəyev"), ("Mammadov", "Мамедов"),
                          ("Könül", "Кёнюль"), ("Leyla", "Лейлы"), ("Aliyev", "Алиеву")):
        assert not vowel_changed(name, written), written


@pytest.mark.parametrize("russian, english", [("Брэд", "Brad"), ("Смит", "Smith"), ("Тэтчер", "Thatcher"),
                                              ("Кэмерон", "Cameron"), ("Клинтон", "Clinton"),
                                              ("Джексон", "Jackson"), ("Филипп", "Philip")])
def test_english_names_in_russian_meet_their_english_spelling(russian: str, english: str) -> None:
    """Regression: a Russian article quoting '— сказал вице-президент Microsoft Брэд Смит',
    translated 'said Microsoft Vice President Brad Smith', was reported with the speaker
    missing: Russian writes English a as э (Брэд, Тэтчер), th as т, a hard c as к (Кэмерон,
    Клинтон) and ph as ф, which the skeletons did not hear."""
    assert similarity(russian, english) >= 0.8


def test_a_speaker_with_an_english_name_is_present_in_english() -> None:
    source = "«Мы готовы», — сказал вице-президент Microsoft Брэд Смит."
    assert check_entry(source, "“We are ready,” said Microsoft Vice President Brad Smith.", "ru", "en",
                       only=["speaker"]) == []
    assert check_entry(source, "“We are ready,” said Microsoft Vice President Satya Nadella.", "ru", "en",
                       only=["speaker"]) != []


def test_another_vowel_for_azerbaijani_schwa_is_told_from_its_renderings() -> None:
    """Regression: Mirzəyev written Mirzoyev (another family's name) was no vowel change,
    so “…,” deyə Rauf Mirzəyev bildirib → “…,” Rauf Mirzoyev said passed the speaker check:
    ə may be written e, and o and e were taken as one vowel everywhere, though only ö and
    ё (and Russian е, which stands for ё in most texts) are written either way."""
    from pipeline.translit import vowel_changed
    assert vowel_changed("Mirzəyev", "Mirzoyev") and vowel_changed("Mirzəyev", "Мирзоев")
    for name, written in (("Mirzəyev", "Mirzayev"), ("Mirzəyev", "Mirzeyev"), ("Rövşən", "Rovshan"),
                          ("Rövşən", "Revshan"), ("Семенов", "Semyonov"), ("Könül", "Konul"),
                          ("Пётр", "Petr"), ("Федоров", "Fyodorov")):
        assert not vowel_changed(name, written), written


def test_another_consonant_in_a_name_s_stem_is_told_from_its_renderings() -> None:
    """Regression: only a vowel change made another family's name, so Багиров or Bağırov
    written Бакиров or Bakirov passed the speaker check without a glossary row. A
    consonant replaced by one no convention writes for it (ğ, g or г by k; b by p, d by t,
    v by f, l by r, m by n) is now a change; g and k only where the name's letter is
    certainly a g (Azerbaijani q, and an English g or k, which may render it, are either:
    Sadıqov is Садыков or Садыгов, Sadigov)."""
    from pipeline.translit import consonant_changed
    for name, written in (("Багиров", "Bakirov"), ("Bağırov", "Бакиров"), ("Bağırov", "Bakirov"),
                          ("Ağayev", "Akayev"), ("Abbasov", "Appasov"),
                          ("Məmmədov", "Мамметов"), ("Babayev", "Papayev"), ("Əliyev", "Эриев")):
        assert consonant_changed(name, written), written
    for name, written in (("Багиров", "Bagirov"), ("Багиров", "Bağırov"), ("Sadıqov", "Садыков"),
                          ("Sadigov", "Садыков"), ("Rafig", "Рафик"), ("Qasımov", "Касумов"),
                          ("Hüseynov", "Гусейнов"), ("Xəlilov", "Khalilov"), ("Cəfərli", "Джафарли"),
                          ("Philip", "Филипп"), ("Smith", "Смит"), ("Багирова", "Bagirovu"),
                          ("Nağıyev", "Naghiyev"), ("Ağayev", "Агаев"), ("Mirzəyev", "Mirzayev")):
        assert not consonant_changed(name, written), written


@pytest.mark.parametrize("russian, english", [("Александр", "Alexander"), ("Алексей", "Alexei"),
                                              ("Максим", "Maxim"), ("Ксения", "Xenia"),
                                              ("Макс", "Max")])
def test_an_english_x_sounds_as_ks(russian: str, english: str) -> None:
    """Regression: '«…», — заявил заместитель гендиректора Александр Дыбаль' translated
    '“…,” said deputy director general Alexander Dybal' was reported with the speaker missing:
    English writes Russian кс as x (Alexander, Maxim, Xenia), which the skeletons kept as x."""
    assert similarity(russian, english) >= 0.8


def test_a_russian_speaker_named_alexander_is_present_in_english() -> None:
    source = "«Казахстан — наш приоритетный рынок», — заявил Александр Дыбаль."
    assert check_entry(source, "“Kazakhstan is our priority market,” said Alexander Dybal.",
                       "ru", "en", only=["speaker"]) == []
    assert check_entry(source, "“Kazakhstan is our priority market,” said Alexander Dubov.",
                       "ru", "en", only=["speaker"]) != []


@pytest.mark.parametrize("english, russian", [("Rees", "Рис"), ("Lee", "Ли"), ("Reed", "Рид"),
                                              ("Moore", "Мур"), ("Wood", "Вуд"), ("Greene", "Грин")])
def test_an_english_double_vowel_sounds_as_one(english: str, russian: str) -> None:
    """Regression: 'Rees said: “It's not over.”' translated 'Рис заявил: «Ещё не всё
    кончено»' was reported with the speaker missing: English writes the sounds и and у as
    ee and oo (Rees, Lee, Moore, Wood), which the skeletons read as e and o."""
    assert similarity(english, russian) >= 0.8


def test_an_english_speaker_named_rees_is_present_in_russian() -> None:
    source = "Marvin Rees said: “It's not over.”"
    assert check_entry(source, "Марвин Рис заявил: «Ещё не всё кончено».", "en", "ru",
                       only=["speaker"]) == []
    assert check_entry(source, "Марвин Росс заявил: «Ещё не всё кончено».", "en", "ru",
                       only=["speaker"]) != []


def test_an_azerbaijani_name_in_english_resembles_its_traditional_russian_spelling() -> None:
    """Alakbarli and Mammadguluzadeh (English for Ələkbərli, Məmmədquluzadə) did not resemble
    Алекперли and Мамедкулизаде (ə as е, q as к, kb as кп, u as и), so the speaker was missing;
    they now do, and are no other family's name, while another surname is still far."""
    assert resemblance("Alakbarli", "Алекперли") >= 0.8
    assert resemblance("Mammadguluzadeh", "Мамедкулизаде") >= 0.8
    assert resemblance("Aghayev", "Агаев") >= 0.8
    assert not consonant_changed("Alakbarli", "Алекперли")
    assert not vowel_changed("Mammadguluzadeh", "Мамедкулизаде")
    assert resemblance("Alakbarli", "Алиев") < 0.8 and resemblance("Mammadguluzadeh", "Мамедов") < 0.8
    assert vowel_changed("Mirzayev", "Мирзоев")


def test_an_english_g_in_a_root_that_writes_it_g_is_certain() -> None:
    """Regression: an English g may render Azerbaijani q (Sadigov: Садыков), so no English g
    was certain and Bagirov written Бакиров or Bakirov (another family's name) passed the
    speaker check; in the roots that write ğ (Bağır, Ağa, Tağı, Nağı, oğlu) it now is."""
    for name, written in (("Bagirov", "Бакиров"), ("Bagirov", "Bakirov"), ("Agayev", "Акаев"),
                          ("Tagiyev", "Такиев"), ("Babaoglu", "Бабаоклу"), ("Mirbagirov", "Мирбакиров")):
        assert consonant_changed(name, written), written
    for name, written in (("Bagirov", "Багиров"), ("Bagirov", "Bağırov"), ("Sadigov", "Садыков"),
                          ("Agayev", "Агаев"), ("Babaoglu", "Babaoğlu"), ("Vagif", "Вагиф")):
        assert not consonant_changed(name, written), written
    source = "“We will not wait,” said Tofig Bagirov."
    assert check_entry(source, "«Мы не будем ждать», — сказал Тофик Бакиров.", "en", "ru",
                       only=["speaker"]) != []
    assert check_entry(source, "«Мы не будем ждать», — сказал Тофик Багиров.", "en", "ru",
                       only=["speaker"]) == []


@pytest.mark.parametrize("name, written", [("Əsgərov", "Аскеров"), ("Ələsgər", "Алескер"),
                                           ("Mehdiyev", "Мехтиев"), ("Mehdiyeva", "Mekhtiyeva"),
                                           ("Əsgərli", "Askerli")])
def test_a_stop_after_a_voiceless_consonant_may_be_written_voiceless(name: str, written: str) -> None:
    """Regression: Russian tradition writes a voiced stop after a voiceless consonant as it
    is heard (Əsgərov: Аскеров, Mehdiyev: Мехтиев), and the speaker check reported these
    correct renderings as another family's name; after s, ş, x, h, f, k, t, ç or p a b, d or
    g and its voiceless fellow are now one consonant, elsewhere still two (Мамметов)."""
    assert not consonant_changed(name, written)


@pytest.mark.parametrize("english, heard", [("Badenoch", "Баденок"), ("Badenoch", "Badenok"),
                                            ("Murdoch", "Мердок"), ("Badenoch", "Баденоч")])
def test_a_closing_och_sounds_as_ok(english: str, heard: str) -> None:
    """Regression: Kemi Badenoch written Баденок or Badenok, as Scottish ch sounds, was
    reported as another family's name (a consonant changed)."""
    assert resemblance(english, heard) >= 0.8
    assert not consonant_changed(english, heard)
    assert consonant_changed("Məmmədov", "Мамметов") and consonant_changed("Bağırov", "Бакиров")


def test_an_english_spelling_in_the_russian_tradition_resembles_the_azerbaijani_one() -> None:
    """Regression: English often spells an Azerbaijani name as Russian does (Askerov,
    Mekhtiyev), and “…,” said Vugar Askerov translated deyə Vüqar Əsgərov bildirib was
    reported with the speaker missing; the Russian reading now also brings a plain Latin
    spelling to an Azerbaijani one."""
    assert resemblance("Askerov", "Əsgərov") >= 0.8
    assert check_entry("“We will not wait,” said Vugar Askerov.",
                       "“Gözləməyəcəyik,” deyə Vüqar Əsgərov bildirib.", "en", "az", only=["speaker"]) == []
    assert check_entry("“We will not wait,” said Vugar Askerov.",
                       "“Gözləməyəcəyik,” deyə Vüqar Əliyev bildirib.", "en", "az", only=["speaker"]) != []


def test_a_surname_of_the_region_changed_in_any_consonant_or_its_suffix_is_another_family() -> None:
    """Regression: only a few consonant pairs (b/p, d/t, …) made another family's name, so
    Cəfərli written Cəbərli, Ziyadov written Зияров and Zeynallı written Zeynalov (another
    suffix) passed the speaker check. In a surname with the region's suffix on both sides
    any consonant but G, H and K (renderings swap them) now counts, and so does a suffix
    changed (-ov, -li, -zadə, -oğlu); G and K still only where the g is certain."""
    for name, written in (("Cəfərli", "Cəbərli"), ("Ziyadov", "Зияров"), ("Zeynallı", "Zeynalov"),
                          ("Guliyev", "Gulizade"), ("Məmmədli", "Мамедов"), ("Jafarov", "Джабаров"),
                          ("Bağırov", "Бакиров")):
        assert consonant_changed(name, written), written
    for name, written in (("Rəhimov", "Рагимов"), ("Sadıqov", "Садыхов"), ("Quliyev", "Кулиев"),
                          ("Cəfərlinin", "Джафарли"), ("Əlizadə", "Ализаде"), ("İbadoğlu", "Ибадоглу"),
                          ("Xəlilov", "Халилова"), ("Hüseynov", "Гусейнову"), ("Mehdiyev", "Мехтиев"),
                          ("Yaqubov", "Якубов"), ("Yaqubov", "Ягубов")):
        assert not consonant_changed(name, written), written


def test_an_azerbaijani_c_is_read_only_as_azerbaijani_reads_it() -> None:
    """Regression: Nəcəf written Nasaf (another name) passed the speaker check: the
    skeletons also read the Azerbaijani c as an English c, which an s may render, and b/f
    and j/s were no distinct consonants; Nəcəf now reads only as najaf, and b/f, j/s are."""
    assert consonant_changed("Nəcəf", "Nasaf") and consonant_changed("Cəfərov", "Cəbərov")
    assert not consonant_changed("Nəcəf", "Najaf") and not consonant_changed("Nəcəf", "Наджаф")
    assert check_entry("“Biz hazırıq,” deyə Rövşən Nəcəf bildirib.", "“We are ready,” said Rovshan Nasaf.",
                       "az", "en", only=["speaker"]) != []


@pytest.mark.parametrize("english, russian", [("Trump", "Трамп"), ("Hunt", "Хант"), ("Truss", "Трасс"),
                                              ("Brown", "Браун"), ("Trudeau", "Трюдо"), ("Gates", "Гейтс"),
                                              ("Mike", "Майк"), ("Paul", "Пол"), ("Christine", "Кристин"),
                                              ("Michel", "Мишель"), ("Warren", "Уоррен"), ("William", "Уильям")])
def test_english_vowel_spellings_sound_as_russian_writes_them(english: str, russian: str) -> None:
    """Regression: '“…,” said Donald Trump' translated 'сказал Дональд Трамп' was reported as
    another family's name, and Jeremy Hunt, Gordon Brown, Justin Trudeau, Bill Gates, Mike
    Pompeo, Christine Lagarde, Charles Michel, Warren Buffett as missing: English u in a closed
    syllable, ow, au and eau, a vowel before a silent e, chr, sch and French ch and an opening
    w are now also read as Russian writes them (а, ау, о, эй, ай, кр, ш, у)."""
    assert similarity(english, russian) >= 0.8
    assert not vowel_changed(english, russian)
    assert similarity("UN", "Анна") < 0.8  # (a vowel opening the word is left as it is)


@pytest.mark.parametrize("spelling, heard", [
    ("Wright", "Райт"), ("Knight", "Найт"), ("Hughes", "Хьюз"), ("Hughes", "Hyuz"), ("Reeves", "Ривз"),
    ("Matthew", "Мэтью"), ("Andrew", "Эндрю"), ("Elon", "Илон"), ("Elon", "İlon"), ("Keating", "Китинг"),
    ("Thatcher", "Тэтчер"), ("Quentin", "Квентин"), ("Powell", "Пауэлл"), ("Lagarde", "Лагард"),
    ("Scholz", "Шольц"), ("Scholz", "Şolts"), ("Merz", "Мерц"), ("Merz", "Merts"), ("Leyen", "Ляйен"),
    ("Neumann", "Нойман"), ("Dieter", "Дитер"), ("Volker", "Фолькер"), ("Laurent", "Лоран"),
    ("Louis", "Луи"), ("Dumas", "Дюма"), ("Farage", "Фарадж"), ("Xi", "Си"), ("Jinping", "Цзиньпин"), ("Qiang", "Цян"),
    ("Tayyip", "Tayyib"), ("Recep", "Rəcəb"),
])
def test_western_and_chinese_spellings_meet_the_names_written_by_ear(spelling: str, heard: str) -> None:
    """Regression: English (wr, igh, gh, ew, ea, silent e), German (z, tz, sch, ei, eu, ie, v),
    French (ou, -ent, silent closing consonants) and pinyin (j, q, x, ng) spellings had no
    skeleton near the Russian and Azerbaijani renderings, nor a closing voiced consonant
    near its voiceless spelling (Tayyib, Tayyip), so speakers were reported missing."""
    assert resemblance(spelling, heard) >= 0.8
    assert resemblance(heard, spelling) >= 0.8


@pytest.mark.parametrize("name, other", [("Rees", "Росс"), ("Karimov", "Каримли"), ("Wright", "Уайт"),
                                         ("Merz", "Марк"), ("Scholz", "Шульте"), ("Zəfər", "Цафар")])
def test_other_names_stay_apart_from_the_new_readings(name: str, other: str) -> None:
    assert resemblance(name, other) < 0.8


@pytest.mark.parametrize("word, initial", [("Samir", "С"), ("Samir", "S"), ("John", "Дж"), ("John", "J"),
                                           ("Cavid", "C"), ("Cavid", "Дж"), ("Şahin", "Ш"), ("Shahin", "Ş"),
                                           ("Hüseyn", "Г"), ("Hüseyn", "H")])
def test_an_initial_writes_the_first_sound_of_its_given_name(word: str, initial: str) -> None:
    from pipeline.translit import opens_with
    assert opens_with(word, initial)


@pytest.mark.parametrize("word, initial", [("Samir", "Р"), ("John", "S"), ("Cavid", "М"), ("Şahin", "T")])
def test_another_initial_is_not_the_given_name_s(word: str, initial: str) -> None:
    from pipeline.translit import opens_with
    assert not opens_with(word, initial)


@pytest.mark.parametrize("name, inflected", [("Hajiyev", "Hacıyevin"), ("Mahmud", "Mahmudun"),
                                             ("Karimov", "Керимова"), ("Aziz", "Azizin")])
def test_a_closing_voiced_consonant_read_voiceless_keeps_case_endings_close(name: str, inflected: str) -> None:
    """A name's closing b, d, g, z also reads voiceless (Tayyib: Tayyip) beside, not instead
    of, its spelling: a case ending after it (Hacıyevin, Mahmudun) must still meet the name."""
    assert resemblance(name, inflected) >= 0.8


#: (an English speaker's name, its Azerbaijani rendering by ear, another name a wrong
#: translation writes instead).
_AZERBAIJANI_BY_EAR = [
    ("David Lammy", "Deyvid Lemmi", "Deyvid Lemmo"),
    ("Ian Jacobs", "İan Ceykobs", "İan Ceymsin"),
    ("Jack Straw", "Cek Stro", "Cek Stoun"),
    ("Kamala Harris", "Kamala Herris", "Kamala Herrin"),
    ("Tony Blair", "Toni Bleyr", "Toni Bleyk"),
    ("Grant Shapps", "Qrant Şepps", "Qrant Şeppard"),
    ("Ben Chapman", "Ben Çepmen", "Ben Çepel"),
    ("Lebron James", "Lebron Ceyms", "Lebron Ceyn"),
    ("Steve Baker", "Stiv Beyker", "Stiv Beyli"),
    ("Paul Walker", "Pol Uoker", "Pol Uolş"),
    ("Margaret Thatcher", "Marqaret Tetçer", "Marqaret Tetli"),
    ("David Cameron", "Deyvid Kemeron", "Deyvid Kemal"),
    ("Philip Hammond", "Filip Hemmond", "Filip Hemminq"),
    ("Friedrich Merz", "Fridrix Merts", "Fridrix Marks"),
    ("Samir Karimov", "Samir Kərimov", "Samir Kərimli"),
    ("Ali Shaban", "Əli Şaban", "Əli Şapan"),
    ("Bill Gates", "Bill Qeyts", "Bill Qeyl"),
    ("Nick Clegg", "Nik Kleq", "Nik Kley"),
    ("George Bush", "Corc Buş", "Corc Boş"),
    ("Sadiq Khan", "Sadiq Xan", "Sadiq Xanım"),
    ("Rachel Reeves", "Reyçel Rivz", "Reyçel Rivlin"),
    ("Angela Rayner", "Ancela Reyner", "Ancela Reynolds"),
    ("Wes Streeting", "Ues Striting", "Ues Stirlinq"),
    ("Clay Shaw", "Kley Şo", "Kley Şults"),
    ("Tony Abbott", "Toni Ebbot", "Toni Ebert"),
    ("Andrew Mitchell", "Endryu Miçel", "Endryu Miller"),
    ("Kemi Badenoch", "Kemi Badenok", "Kemi Badenov"),
]


def _speaker_findings(name: str, azerbaijani: str) -> list[object]:
    return check_entry(f"“We are ready,” said {name}.", f"“Biz hazırıq”, – deyə {azerbaijani} bildirib.",
                       "en", "az", only=["speaker"])


@pytest.mark.parametrize("name, right, wrong", _AZERBAIJANI_BY_EAR)
def test_an_english_speaker_written_by_ear_in_azerbaijani_is_present(name: str, right: str, wrong: str) -> None:
    """Regression: Azerbaijani writes English names as it hears them (David Lammy, Jack
    Straw: Deyvid Lemmi, Cek Stro), and such correct translations were reported "speaker
    missing"; another family's name in its place must still be reported."""
    assert _speaker_findings(name, right) == []
    assert _speaker_findings(name, wrong) != []


@pytest.mark.parametrize("english, azerbaijani", [
    ("Lammy", "Lemmi"), ("Jacobs", "Ceykobs"), ("Jack", "Cek"), ("Straw", "Stro"), ("Harris", "Herris"),
    ("Blair", "Bleyr"), ("Shapps", "Şepps"), ("Chapman", "Çepmen"), ("James", "Ceyms"), ("Baker", "Beyker"),
    ("Walker", "Uoker"), ("Thatcher", "Tetçer"), ("Cameron", "Kemeron"), ("Hammond", "Hemmond"),
    ("David", "Deyvid"), ("Clay", "Kley"), ("Shaw", "Şo"), ("James", "Ceymz"), ("Abbott", "Ebbot"),
    ("Andrew", "Endryu"), ("Anthony", "Entoni"), ("Gates", "Qeyts"),
])
def test_english_spellings_sound_as_azerbaijani_writes_them(english: str, azerbaijani: str) -> None:
    """English a in a closed syllable is Azerbaijani e, a long a (a_e, ai, ay) ey, aw and
    al before k o, an opening w u; j, ch, sh, th are c, ç, ş, t."""
    assert resemblance(english, azerbaijani) >= 0.8
    assert resemblance(azerbaijani, english) >= 0.8
    assert not consonant_changed(english, azerbaijani)


@pytest.mark.parametrize("name, other", [("Merz", "Marks"), ("Lammy", "Lemmo"), ("Karimov", "Kərimli"),
                                         ("Marks", "Merz"), ("Amin", "Emin"), ("Wright", "Uayt")])
def test_the_azerbaijani_reading_is_no_general_a_for_e(name: str, other: str) -> None:
    """a before r and a consonant is not read e (Marks, Carter: Marks, Karter), nor are
    the -ov, -li families' names and other Azerbaijani spellings read as English."""
    assert resemblance(name, other) < 0.8
    assert "merks" not in skeletons("Marks") and "kerter" not in skeletons("Carter")
    assert "kerimov" not in skeletons("Karimov")


@pytest.mark.parametrize("name, written", [("Harris", "Herrin"), ("Harris", "Харрин"), ("Blair", "Bleyk")])
def test_another_closing_consonant_is_another_name(name: str, written: str) -> None:
    """Regression: Harris written Herrin or Харрин (skeletons heris, herin: 0.8 alike) was
    taken for the speaker, as the consonant check leaves the last two letters to case
    endings; a closing consonant replaced, not followed by an ending, is another name."""
    assert consonant_changed(name, written)


@pytest.mark.parametrize("name, written", [("Harris", "Herrisin"), ("Harris", "Харриса"), ("Reeves", "Rivz"),
                                           ("Merz", "Merts"), ("George", "Corc"), ("Lavrov", "Лавровым"),
                                           ("Hajiyev", "Hacıyevin"), ("Wang", "Van")])
def test_a_case_ending_or_kin_closing_consonant_is_the_same_name(name: str, written: str) -> None:
    assert not consonant_changed(name, written)


@pytest.mark.parametrize("english, heard", [("George", "Джордж"), ("George", "Corc"), ("Gemma", "Cemma"),
                                            ("Nigel", "Naycel"), ("Nigel", "Найджел"), ("Roger", "Rocer"),
                                            ("Bridget", "Bricit"), ("Gillian", "Джиллиан"), ("Gilbert", "Гилберт")])
def test_an_english_g_before_e_or_i_may_sound_as_j(english: str, heard: str) -> None:
    """Regression: George, Nigel, Bridget written by ear (Джордж, Corc, Naycel, Bricit) had no
    skeleton near their spelling, so the speaker was reported missing; the hard g stays."""
    assert resemblance(english, heard) >= 0.8


def test_a_speaker_named_george_is_present_in_russian_and_azerbaijani() -> None:
    for lang, said in (("ru", "«Мы готовы», — сказал Джордж."), ("az", "“Biz hazırıq”, – deyə Corc bildirib.")):
        assert check_entry("“We are ready,” said George.", said, "en", lang, only=["speaker"]) == []
    assert check_entry("“We are ready,” said George.", "«Мы готовы», — сказал Джерри.", "en", "ru",
                       only=["speaker"]) != []


def test_a_french_c_cedilla_reads_s_and_an_azerbaijani_one_does_not() -> None:
    """ç before a, o or u is French (François: Франсуа); elsewhere it is Azerbaijani's ч
    (Elçin), which no French reading may give an s."""
    assert "fransua" in skeletons("François")
    assert skeletons("Elçin") == {"elcin"}
    assert resemblance("Hollande", "Олланд") >= 0.8 and resemblance("Olland", "Hollande") >= 0.8
    assert resemblance("Həsənov", "Асанов") < 0.8


@pytest.mark.parametrize("english, written", [("Davey", "Дэйви"), ("Whitney", "Уитни"), ("Geoffrey", "Джеффри"),
                                               ("Geoffrey", "Ceffri"), ("Sergey", "Сергей"), ("George", "Corc")])
def test_a_closing_ey_and_a_soft_geo_sound_as_written(english: str, written: str) -> None:
    assert resemblance(english, written) >= 0.9
@pytest.mark.parametrize(("russian", "latin"), [
    ("Елена", "Yelena"), ("Ержан", "Yerzhan"), ("Ержан", "Yerjan"), ("Евгений", "Yevgeny"),
    ("Елена", "Elena"),
])
def test_a_russian_initial_e_sounds_ye(russian: str, latin: str) -> None:
    # Елена Петрова сказала: «…» → Yelena Petrova said: “…” was "speaker missing": the
    # skeletons of е and ye started differently, so the names were nothing alike.
    assert similarity(russian, latin) >= 0.8


def test_a_speaker_with_an_initial_e_is_found_in_english_and_azerbaijani() -> None:
    source = "Елена Петрова сказала: «Порт закроют через десять лет»."
    assert check_entry(source, "Yelena Petrova said: “The port will close in ten years.”",
                       "ru", "en", only=["speaker"]) == []
    assert check_entry(source, "Yelena Petrova deyib: “Liman on ildən sonra bağlanacaq.”",
                       "ru", "az", only=["speaker"]) == []


@pytest.mark.parametrize("french, written", [("Barnier", "Барнье"), ("Olivier", "Оливье"), ("Barnier", "Barnye")])
def test_a_french_closing_ier_is_written_ye(french: str, written: str) -> None:
    """A French closing -ier is said ье, its r silent: no consonant of Barnier is dropped in
    Барнье, while Барнет still changes one."""
    assert resemblance(french, written) >= 0.8
    assert not consonant_changed(french, written)
    assert consonant_changed("Barnier", "Барнет")


@pytest.mark.parametrize("name, written", [("Mitterrand", "Миттеран"), ("Bertrand", "Bertran"), ("Arnault", "Арно"),
                                           ("Schroeder", "Шрёдер"), ("Schroeder", "Şröder")])
def test_french_silent_closings_and_german_oe_drop_no_consonant(name: str, written: str) -> None:
    """Mitterrand's closing d, Arnault's lt are silent, Schroeder's oe is ö: none is a
    consonant the rendering dropped (Миттерат, Арнот still change one)."""
    assert resemblance(name, written) >= 0.8
    assert not consonant_changed(name, written, inflected=False)
    assert consonant_changed("Mitterrand", "Миттерат", inflected=False)


@pytest.mark.parametrize(("english", "other"), [
    ("Jong", "Чен"), ("Un", "Ын"), ("Jong", "Çen"), ("Un", "In"), ("Suk", "Сок"), ("Yeol", "Ёль"),
    ("Yoon", "Юн"), ("Jae", "Чжэ"), ("Sung", "Сен"), ("Il", "Ир"), ("myung", "Мён"),
])
def test_korean_syllables_sound_like_their_russian_and_azerbaijani_spelling(english: str,
                                                                            other: str) -> None:
    """Regression: Kim Jong Un and Ким Чен Ын, Kim Çen In were three people: English
    writes Korean ŏ, ŭ as o, u and j where Russian has ч, ы, о and a closing ng as н."""
    assert resemblance(english, other) >= 0.8


@pytest.mark.parametrize(("english", "other"), [
    ("Un", "Ир"), ("Jong", "Ким"), ("Dong", "Чен"), ("Don", "Ден"),
])
def test_a_korean_reading_stays_with_korean_syllables(english: str, other: str) -> None:
    assert resemblance(english, other) < 0.8


@pytest.mark.parametrize(("latin", "cyrillic"), [("Yol", "Ёль"), ("Fyodor", "Фёдор"),
                                                 ("Pyotr", "Пётр"), ("Fedor", "Фёдор")])
def test_a_cyrillic_yo_sounds_as_latin_letters_write_it(latin: str, cyrillic: str) -> None:
    assert resemblance(latin, cyrillic) >= 0.8


@pytest.mark.parametrize(("source", "translation", "src", "tgt"), [
    ("«Мы готовы», — сказал Ким Чен Ын.", "“We are ready,” said Kim Jong Un.", "ru", "en"),
    ("«Мы готовы», — сказал Ким Чен Ын.", "“We are ready,” said Kim Jong-un.", "ru", "en"),
    ("“We are ready,” said Kim Jong Un.", "«Biz hazırıq», – Kim Çen In bildirib.", "en", "az"),
    ("«Biz hazırıq», – Kim Çen In bildirib.", "“We are ready,” said Kim Jong Un.", "az", "en"),
    ("“We are ready,” said Yoon Suk Yeol.", "«Мы готовы», — сказал Юн Сок Ёль.", "en", "ru"),
])
def test_a_korean_speaker_rendered_by_custom_is_found(source: str, translation: str,
                                                      src: str, tgt: str) -> None:
    assert [f for f in check_entry(source, translation, src, tgt) if f.check == "speaker"] == []


def test_another_korean_speaker_is_still_missing() -> None:
    """Kim Jong Il is his father: not a spelling of Kim Jong Un."""
    found = check_entry("«Мы готовы», — сказал Ким Чен Ын.", "“We are ready,” said Kim Jong Il.",
                        "ru", "en")
    assert [f.check for f in found] == ["speaker"]


@pytest.mark.parametrize(("name", "written"), [
    ("Peskov", "Пешков"), ("Песков", "Peshkov"), ("Pashayev", "Пасаев"),
])
def test_a_hushing_sibilant_for_a_plain_one_is_another_name(name: str, written: str) -> None:
    """Regression: the skeletons fold ш into s, so Пешков passed for Peskov."""
    assert consonant_changed(name, written)


@pytest.mark.parametrize(("name", "written"), [
    ("Peskov", "Пескова"), ("Costa", "Кошта"), ("Cavusoglu", "Чавушоглу"), ("Pashinyan", "Пашиняна"),
    ("Guterres", "Гутерриша"), ("Mishustin", "Мишустина"),
])
def test_a_sibilant_spelt_by_another_language_is_no_change(name: str, written: str) -> None:
    assert not consonant_changed(name, written)


@pytest.mark.parametrize(("name", "written"), [
    ("Harris", "Харрисон"), ("Rubio", "Рубин"), ("Rubio", "Rubin"), ("Netanyahu", "Нетаньян"),
])
def test_letters_no_case_ending_adds_make_another_name(name: str, written: str) -> None:
    """Regression: an н, д or л after a name was taken for a case ending whatever the
    language, and a closing vowel hid a consonant dropped before the added one."""
    assert consonant_changed(name, written) and consonant_changed(name, written, inflected=False)


@pytest.mark.parametrize(("name", "written"), [
    ("Harris", "Харрисом"), ("Harris", "Харриса"), ("Harris", "Harrisin"), ("Rubio", "Rubionun"),
    ("Rubio", "Рубио"), ("Netanyahu", "Нетаньяху"), ("Netanyahu", "Netanyahunun"), ("Pavel", "Павла"),
    ("Leyla", "Лейлы"), ("Dmitry", "Дмитрия"), ("Zelensky", "Зеленского"), ("Harrison", "Харрисона"),
    ("Musabayov", "Мусабеков"), ("Aliyev", "Алиевым"), ("Kamala", "Kamalanın"),
])
def test_a_case_ending_is_no_change(name: str, written: str) -> None:
    assert not consonant_changed(name, written)


@pytest.mark.parametrize(("name", "written"), [("Лавров", "Lavrıv"), ("Лавров", "Lavriv"),
                                               ("Лаврова", "Lavriva")])
def test_a_family_suffix_lost_is_another_name(name: str, written: str) -> None:
    """Regression: the last two letters were never compared, so Lavrıv passed for Лавров."""
    assert suffix_added(name, written)


@pytest.mark.parametrize(("name", "written"), [("Лавров", "Lavrov"), ("Лавров", "Lavrovun"),
                                               ("Лаврова", "Lavrova"), ("Алиев", "Əliyevin")])
def test_a_family_suffix_kept_is_no_change(name: str, written: str) -> None:
    assert not suffix_added(name, written)


@pytest.mark.parametrize(("source", "translation", "src", "tgt"), [
    ("“We are ready,” Dmitry Peskov said.", "«Мы готовы», — сказал Дмитрий Пешков.", "en", "ru"),
    ("“We are ready,” Benjamin Netanyahu said.", "«Мы готовы», — сказал Биньямин Нетаньян.", "en", "ru"),
    ("«Мы готовы», — сказал Сергей Лавров.", "«Biz hazırıq», – Sergey Lavrıv bildirib.", "ru", "az"),
    ("«Мы готовы», — сказал Сергей Лавров.", "“We are ready,” Sergei Lavriv said.", "ru", "en"),
    ("“We are ready,” Kamala Harris said.", "«Мы готовы», — сказала Камала Харрисон.", "en", "ru"),
    ("“We are ready,” Marco Rubio said.", "«Мы готовы», — сказал Марко Рубин.", "en", "ru"),
    ("“We are ready,” Marco Rubio said.", "«Biz hazırıq», – Marko Rubin bildirib.", "en", "az"),
])
def test_a_speaker_rendered_as_another_name_is_told(source: str, translation: str, src: str,
                                                    tgt: str) -> None:
    assert [f.check for f in check_entry(source, translation, src, tgt, only=["speaker"])] == ["speaker"]


@pytest.mark.parametrize(("source", "translation", "src", "tgt"), [
    ("“We are ready,” Dmitry Peskov said.", "По словам Дмитрия Пескова, «мы готовы».", "en", "ru"),
    ("“We are ready,” Benjamin Netanyahu said.", "По словам Биньямина Нетаньяху, «мы готовы».", "en", "ru"),
    ("«Мы готовы», — сказал Сергей Лавров.", "Sergey Lavrovun sözlərinə görə, «biz hazırıq».", "ru", "az"),
    ("“We are ready,” Kamala Harris said.", "По словам Камалы Харрис, «мы готовы».", "en", "ru"),
    ("“We are ready,” Kamala Harris said.", "Kamala Harrisin sözlərinə görə, «biz hazırıq».", "en", "az"),
    ("“We are ready,” Marco Rubio said.", "Marko Rubionun sözlərinə görə, «biz hazırıq».", "en", "az"),
    ("“We are ready,” Richard Harrison said.", "По словам Ричарда Харрисона, «мы готовы».", "en", "ru"),
    ("“We are ready,” Paul Rubin said.", "По словам Пола Рубина, «мы готовы».", "en", "ru"),
])
def test_a_speaker_in_another_case_is_no_other_name(source: str, translation: str, src: str,
                                                    tgt: str) -> None:
    assert [f for f in check_entry(source, translation, src, tgt) if f.check == "speaker"] == []


def test_a_family_suffix_before_a_long_case_ending_is_kept() -> None:
    assert not suffix_added("Mammadova", "Məmmədovanın")
    assert not suffix_added("Лаврова", "Lavrovanın")


def test_a_closing_vowel_written_otherwise_before_a_case_ending_is_no_change() -> None:
    assert not consonant_changed("Ализаде", "Əlizadənin")
    assert not consonant_changed("Ибадоглу", "Ibadoghlu")
    assert not consonant_changed("Ağabəy", "Агабек")


@pytest.mark.parametrize(("english", "other"), [
    ("Burnham", "Бёрнем"), ("Burnham", "Bernem"), ("Turner", "Тёрнер"), ("Swinney", "Суинни"),
    ("Swift", "Свифт"), ("Waltz", "Уолц"), ("Schwartz", "Шварц"), ("Thani", "Sani"),
    ("Pierce", "Пирс"),
])
def test_english_spellings_russian_and_azerbaijani_write_by_sound(english: str, other: str) -> None:
    """Regression: correct renderings were reported as another family's name or a missing
    speaker: ur before a consonant is ё (Бёрнем, Bernem), a closing -ham after a consonant
    ем, w after an opening consonant у (Суинни, as well as Свифт), tz ц (Уолц), and an
    Arabic th (ث) s in Azerbaijani (Tamim Al Thani: Təmim Əl Sani)."""
    assert resemblance(english, other) >= 0.8
    assert not consonant_changed(english, other, inflected=False)


@pytest.mark.parametrize(("source", "translation", "src", "tgt"), [
    ("“We want peace,” said Kim Il Sung.", "«Мы хотим мира», — сказал Ким Ир Сен.", "en", "ru"),
    ("“We will win,” said Andy Burnham.", "“Qalib gələcəyik”, – deyə Endi Bernem bildirib.", "en", "az"),
    ("“Scotland decides,” said John Swinney.", "«Шотландия решает», — сказал Джон Суинни.", "en", "ru"),
    ("“We are ready,” said Mike Waltz.", "«Мы готовы», — сказал Майк Уолц.", "en", "ru"),
    ("“Sülh vacibdir”, – deyə Təmim Əl Sani bildirib.", "“Peace matters,” said Tamim Al Thani.", "az", "en"),
])
def test_speakers_rendered_by_custom_are_present(source: str, translation: str, src: str, tgt: str) -> None:
    assert check_entry(source, translation, src, tgt, only=["speaker", "names"]) == []


@pytest.mark.parametrize(("source", "right", "wrong", "src", "tgt"), [
    ("“France is back,” said Emmanuel Macron.", "«Франция вернулась», — сказал Эммануэль Макрон.",
     "«Франция вернулась», — сказал Эммануэль Макрен.", "en", "ru"),
    ("«Мы выстоим», — сказал Владимир Зеленский.", "“We will stand,” said Volodymyr Zelensky.",
     "“We will stand,” said Volodymyr Zalenski.", "ru", "en"),
    ("“Peace is near,” said Ban Ki-moon.", "«Мир близок», — сказал Пан Ги Мун.",
     "«Мир близок», — сказал Пан Ги Мон.", "en", "ru"),
    ("“We will not yield,” said Kim Jong Un.", "«Мы не уступим», — сказал Ким Чен Ын.",
     "«Мы не уступим», — сказал Ким Чан Ын.", "en", "ru"),
])
def test_a_vowel_changed_in_a_name_spelt_by_english_convention_is_another_name(
        source: str, right: str, wrong: str, src: str, tgt: str) -> None:
    """Regression: the vowels of a name in English letters were compared only where English
    spells them as heard (Carter), so Macron → Макрен, Ki-moon → Мон and Зеленский →
    Zalenski passed. The English name is now read only as English says its letters (moon
    is мун, not мон), and an English transliteration of a Cyrillic name only as written."""
    assert check_entry(source, right, src, tgt, only=["speaker", "names"]) == []
    assert check_entry(source, wrong, src, tgt, only=["speaker", "names"]) != []


@pytest.mark.parametrize(("source", "right", "wrong", "src", "tgt"), [
    ("“Europe stands,” said Kaja Kallas.", "«Европа стоит», — сказала Кая Каллас.",
     "«Европа стоит», — сказала Кая Галлас.", "en", "ru"),
    ("“Biz hazırıq”, – deyə Ceyhun Bayramov bildirib.", "“We are ready,” said Jeyhun Bayramov.",
     "“We are ready,” said Jeyhun Bahramov.", "az", "en"),
])
def test_an_opening_k_for_g_or_an_added_h_is_another_name(source: str, right: str, wrong: str,
                                                          src: str, tgt: str) -> None:
    """Regression: G, H and K may open one name's renderings only where a convention says
    so (Azerbaijani q: Qasımov, Гасымов, Касумов); Kallas → Галлас passed, and so did an h
    added to a family name of the region (Bayramov → Bahramov), read as a silent English h."""
    assert check_entry(source, right, src, tgt, only=["speaker", "names"]) == []
    assert check_entry(source, wrong, src, tgt, only=["speaker", "names"]) != []


@pytest.mark.parametrize(("name", "written"), [
    ("Harry", "Гарри"), ("Kim", "Ким"), ("Khan", "Хан"), ("Christine", "Кристин"), ("Ki", "Ги"),
    ("Rəhimov", "Рагимов"), ("Ибрагимов", "Ibrahimov"), ("Qədir", "Кадыр"),
])
def test_openings_a_convention_writes_either_way_are_no_change(name: str, written: str) -> None:
    assert not consonant_changed(name, written)
    assert not consonant_changed("Gadir", "Кадыр", region=True)  # (English G for Azerbaijani q)


@pytest.mark.parametrize(("source", "right", "wrong", "src", "tgt"), [
    ("“We are ready,” said Ilham Aliyev.", "“Biz hazırıq”, – deyə İlham Əliyev bildirib.",
     "“Biz hazırıq”, – deyə İlham Əlayev bildirib.", "en", "az"),
    ("«Мы готовы», — сказала Лейла Алиева.", "“Biz hazırıq”, – deyə Leyla Əliyeva bildirib.",
     "“Biz hazırıq”, – deyə Leyla Əlayeva bildirib.", "ru", "az"),
    ("“We are ready,” said Hakan Fidan.", "“Biz hazırıq”, – deyə Hakan Fidan bildirib.",
     "“Biz hazırıq”, – deyə Hakan Fadan bildirib.", "en", "az"),
])
def test_a_vowel_changed_in_an_azerbaijani_translation_is_another_name(
        source: str, right: str, wrong: str, src: str, tgt: str) -> None:
    """Regression: a word of an Azerbaijani translation was also read as English heard by
    ear (Fadan: feiden) and with ə as e (Əlayev: elaev, one place off aliev), so Fidan →
    Fadan and Aliyev → Əlayev passed. Azerbaijani letters are read as they are, and only
    skeletons opening alike are compared."""
    assert check_entry(source, right, src, tgt, only=["speaker", "names"]) == []
    assert check_entry(source, wrong, src, tgt, only=["speaker", "names"]) != []


@pytest.mark.parametrize(("source", "right", "wrong", "src", "tgt"), [
    ("«Мы готовы», — сказал Рашад Мамедли.", "“Biz hazırıq”, – deyə Rəşad Məmmədli bildirib.",
     "“Biz hazırıq”, – deyə Rəşad Mommədli bildirib.", "ru", "az"),
    ("“Biz hazırıq”, – deyə Mariya Zaxarova bildirib.", "«Мы готовы», — сказала Мария Захарова.",
     "«Мы готовы», — сказала Мария Зохарова.", "az", "ru"),
    ("“Biz hazırıq”, – deyə Volodimir Zelenski bildirib.", "«Мы готовы», — сказал Владимир Зеленский.",
     "«Мы готовы», — сказал Владимир Заленский.", "az", "ru"),
    ("“Biz hazırıq”, – deyə Volodimir Zelenski bildirib.", "“We are ready,” said Volodymyr Zelensky.",
     "“We are ready,” said Volodymyr Zalensky.", "az", "en"),
])
def test_an_azerbaijani_source_or_translation_is_read_by_its_letters(
        source: str, right: str, wrong: str, src: str, tgt: str) -> None:
    """Regression: an Azerbaijani word was also read as English or French spells (Zelenski:
    zelanski, Zaxarova: zaksarova), and a and e were one vowel wherever ə might stand, so
    Мамедли → Mommədli, Заленский, Зохарова passed. Azerbaijani letters are read as written, ə as
    the a or e others write for it and no other vowel."""
    assert check_entry(source, right, src, tgt, only=["speaker", "names"]) == []
    assert check_entry(source, wrong, src, tgt, only=["speaker", "names"]) != []


def test_a_closing_h_written_g_is_no_change() -> None:
    """Regression: Andriy Sybiha → Андрей Сибига was reported as another family's name:
    Ukrainian г, which English writes h, is г in Russian, also at the end of a name."""
    assert not consonant_changed("Sybiha", "Сибига")
    assert consonant_changed("Sybiha", "Сибина") and consonant_changed("Harris", "Харрисон")


def test_a_family_name_of_the_region_has_no_foreign_reading() -> None:
    """Regression: Huseynova → Hüsaynova passed in an Azerbaijani translation: the English
    spelling was also read as German (ey as ай), which no -ov, -li, -zadə name is."""
    assert check_entry("“We are ready,” said Nigar Huseynova.", "“Biz hazırıq”, – deyə Nigar Hüsaynova bildirib.",
                       "en", "az", only=["speaker"]) != []
    assert check_entry("“We are ready,” said Nigar Huseynova.", "“Biz hazırıq”, – deyə Nigar Hüseynova bildirib.",
                       "en", "az", only=["speaker"]) == []


@pytest.mark.parametrize(("source", "right", "wrong", "src", "tgt"), [
    ("«Мы готовы», — отметил Рашад Мамедли.", "“We are ready,” Rashad Mammadli told reporters.",
     "“We are ready,” Rashad Mommadli told reporters.", "ru", "en"),
    ("“We are ready,” said Hikmet Hajiyev.", "«Мы готовы», — отметил Хикмет Гаджиев.",
     "«Мы готовы», — отметил Хикмет Годжиев.", "en", "ru"),
])
def test_a_vowel_is_compared_letter_by_letter_where_the_consonants_agree(
        source: str, right: str, wrong: str, src: str, tgt: str) -> None:
    """Regression: Мамедли → Mommadli and Hajiyev → Годжиев passed: the alignment paired
    'ma' with the 'ma' after 'mo' and missed the replaced vowel, and Hajiyev was also read
    with a Slavic j (hayiyev), which no -yev family name has."""
    assert check_entry(source, right, src, tgt, only=["speaker", "names"]) == []
    assert check_entry(source, wrong, src, tgt, only=["speaker", "names"]) != []
