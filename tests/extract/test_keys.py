from extract.keys import name_key, words


def test_the_name_key_folds_case_accents_spaces_and_punctuation():
    assert name_key("AT&S") == name_key("at s") == "ats"
    assert name_key("Zürich") == name_key("zurich")
    assert name_key("王伟") == "王伟" != name_key("李娜")  # names in any script keep their letters


def test_legal_forms_are_dropped_as_written_unless_they_are_the_whole_name():
    legal = frozenset({"Ltd.", "GmbH", "Group"})
    assert name_key("Acme Ltd.", legal) == name_key("ACME", legal) == "acme"
    assert name_key("Acme ltd.", legal) == "acmeltd"  # as written: a lower-case word is no legal form
    assert name_key("Group", legal) == "group"


def test_words_are_folded_words_of_any_script():
    assert words("Société Générale, 张邦辉!") == ["societe", "generale", "张邦辉"]
