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
