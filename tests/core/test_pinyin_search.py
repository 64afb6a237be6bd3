from schoolaid.roster.pinyin_search import search_keys


def test_initials_and_full_pinyin() -> None:
    assert search_keys("张三") == (" zhangsan", " zs")


def test_polyphonic_surnames_are_found_by_either_reading_and_sorted_by_the_usual_one() -> None:
    full, initials = search_keys("曾小明")
    assert full.split()[0] == "zengxiaoming" and "cengxiaoming" in full.split()
    assert initials.split()[0] == "zxm" and "cxm" in initials.split()


def test_spaces_are_ignored_and_rare_characters_kept() -> None:
    assert search_keys("李 四") == (" lisi", " ls")
    full, _ = search_keys("𠮷祥")
    assert full.startswith(" 𠮷")
    assert search_keys("  ") == ("", "")
