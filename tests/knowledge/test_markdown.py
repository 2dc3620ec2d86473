from infolijn.knowledge.markdown import plain_text, render_markdown, split_sections


def test_renders_headings_lists_and_links():
    html = render_markdown(
        "# Titel\n\n## Wie?\n\n- een\n- twee\n\n1. stap\n\n[site](https://www.vlaanderen.be) **vet**"
    )
    assert "<h1>" not in html and "<h2>Titel</h2>" in html
    assert "<ul>" in html and "<ol>" in html
    assert '<a href="https://www.vlaanderen.be" rel="noopener noreferrer">site</a>' in html
    assert "<strong>vet</strong>" in html


def test_raw_html_and_dangerous_links_are_neutralised():
    html = render_markdown(
        "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))"
        "\n\n[y](data:text/html;base64,PHNjcmlwdD4=)"
    )
    assert "<script" not in html and "<img" not in html
    assert 'href="javascript:' not in html and 'href="data:' not in html


def test_sections_follow_the_headings():
    sections = split_sections(
        "Inleiding\n\n## Wie heeft recht?\n\nJij.\n\n### Detail\n\nMeer.\n\n## Hoeveel?\n\n€ 100"
    )
    assert [s.heading for s in sections] == ["", "Wie heeft recht?", "Hoeveel?"]
    assert "### Detail" in sections[1].markdown


def test_headings_inside_code_fences_are_not_sections():
    assert [s.heading for s in split_sections("## A\n\n```\n## niet\n```\n")] == ["A"]


def test_plain_text_drops_markup():
    assert (
        plain_text("## Kop\n\nTekst met **nadruk** & [link](https://x.be)")
        == "Kop\nTekst met nadruk & link"
    )
