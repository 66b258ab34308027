from reader.markup import render_markdown_lite


def test_bold_italic_and_code():
    assert render_markdown_lite("**a** *b* `c`") == "<p><strong>a</strong> <em>b</em> <code>c</code></p>"


def test_lists_and_quotes_become_blocks():
    html = render_markdown_lite("- unu\n- doi\n\n> citat\n\n1. primul")
    assert html == "<ul><li>unu</li><li>doi</li></ul><blockquote><p>citat</p></blockquote><ol><li>primul</li></ol>"


def test_links_get_nofollow_noopener_and_only_safe_schemes():
    html = render_markdown_lite("[sigur](https://ex.ro) [rău](javascript:alert(1))")
    assert '<a href="https://ex.ro" rel="nofollow noopener">sigur</a>' in html
    assert 'href="javascript' not in html


def test_raw_html_is_shown_as_text_never_as_markup():
    html = render_markdown_lite('<img src=x onerror="alert(1)"> {{ secret }} {% now "Y" %}')
    assert "<img" not in html
    assert "&lt;img" in html
    assert "{{ secret }}" in html


def test_bare_urls_are_linkified_safely():
    html = render_markdown_lite("vezi https://example.org/x")
    assert '<a href="https://example.org/x" rel="nofollow noopener">https://example.org/x</a>' in html


def test_underscores_in_a_link_target_stay_in_the_url():
    # The hand-written parser ran emphasis after links: href=".../wiki/<em>Test</em>".
    html = render_markdown_lite("[wiki](https://x.org/wiki/_Test_)")
    assert html == '<p><a href="https://x.org/wiki/_Test_" rel="nofollow noopener">wiki</a></p>'


def test_underscores_in_a_bare_url_stay_in_the_url():
    html = render_markdown_lite("vezi https://x.org/wiki/_Test_ acum")
    assert "<em>" not in html
    assert '<a href="https://x.org/wiki/_Test_" rel="nofollow noopener">https://x.org/wiki/_Test_</a>' in html


def test_a_code_span_is_code_all_the_way():
    # No link, no emphasis, no linkified URL inside `…`.
    html = render_markdown_lite("cod: `[x](https://a.ro) *stele* **grase** https://b.ro`")
    assert html == "<p>cod: <code>[x](https://a.ro) *stele* **grase** https://b.ro</code></p>"


def test_lines_of_a_paragraph_keep_their_breaks_and_blank_lines_split_paragraphs():
    assert render_markdown_lite("unu\ndoi\n\ntrei") == "<p>unu<br>doi</p><p>trei</p>"
    assert render_markdown_lite("> q1\n> q2") == "<blockquote><p>q1<br>q2</p></blockquote>"
    assert render_markdown_lite("text\n- a\n- b") == "<p>text</p><ul><li>a</li><li>b</li></ul>"


def test_only_the_allowed_syntax_is_markup():
    # Headings, rules, images, raw HTML and entities are not part of Markdown-lite: they stay as typed.
    assert render_markdown_lite("# titlu") == "<p># titlu</p>"
    assert render_markdown_lite("&copy; <b>x</b>") == "<p>&amp;copy; &lt;b&gt;x&lt;/b&gt;</p>"
    assert "<img" not in render_markdown_lite("![poza](https://ex.ro/p.png)")
    assert render_markdown_lite("[a](http://ex.ro) [m](mailto:a@ex.ro) [f](file:///etc/passwd)") == (
        '<p><a href="http://ex.ro" rel="nofollow noopener">a</a> '
        '<a href="mailto:a@ex.ro" rel="nofollow noopener">m</a> [f](file:///etc/passwd)</p>'
    )


def test_intraword_underscores_are_not_emphasis():
    assert render_markdown_lite("snake_case_name și _da_") == "<p>snake_case_name și <em>da</em></p>"
