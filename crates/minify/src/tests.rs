//! `fast` against minify-html: the same bytes on pages it takes, and
//! `None` on what it leaves to minify-html.

use super::*;

/// `fast` agrees with minify-html, or leaves the input to it.
fn same(src: &str) -> bool {
    let expected = reference(src.as_bytes());
    match fast(src.as_bytes()) {
        Some(got) => {
            assert_eq!(
                String::from_utf8_lossy(&got),
                String::from_utf8_lossy(&expected),
                "input: {src:?}"
            );
            true
        }
        None => false,
    }
}

#[test]
fn writes_what_minify_html_writes() {
    let cases = [
        "<!DOCTYPE html>\n<html lang=\"id\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>A &amp; B · Situs</title>\n</head>\n<body>\n<p>Halo</p>\n</body>\n</html>\n",
        "<p>  Hello,\n   world!  </p>",
        "<div>\n  <p>a <em>b</em> c</p>\n  <ul>\n<li>one</li>\n<li> two </li>\n</ul>\n</div>",
        "<a href=\"https://example.org/?a=1&amp;b=2\" class=\" x  y \">link</a>",
        "<a href=\"&#x2F;lessons&#x2F;\" title=\"It&#x27;s &quot;quoted&quot;\">x</a>",
        "<input type=\"text\" name=\"q\" autocomplete=\"off\" disabled=\"disabled\">",
        "<script>  var a = 1 < 2;  </script><script type=\"application/ld+json\"> {\"a\":1} </script>",
        "<style>\n a{color:red}\n</style>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\"><path d=\"M9 2h6\" fill=\"none\"/><g> <circle r=\"1\" /> </g></svg>",
        "<pre><code>  keep\n   this  </code></pre><p>x</p>",
        "<p>a &lt; b &gt; c &amp;copy d &copy; &#169; &#xA9; &nbsp;</p>",
        "<p>a<!-- note --> b <!-- x --></p>",
        "<td>x</td>",
        "<p title=x=y data-a='q\"q' data-b=\"a'b\" data-c=\"`\" data-d=\"\">x</p>",
        "<br/><img src=\"a.png\" alt=\"\"><hr />",
        "<BR><Div>x</div>",
        "<p>&#0; &#; &#x110000; &#99999999; &amp</p>",
        "<meta name=\"Viewport\" content=\" width = 1 \">",
        "<button type=\"submit\" class=\"\">Go</button><form method=\"get\"></form>",
        "text only   here ",
        "<p>x</p >< p>y",
    ];
    let mut fast_count = 0;
    for case in cases {
        if same(case) {
            fast_count += 1;
        }
    }
    // Most of these must take the fast path, or it proves nothing.
    assert!(fast_count >= cases.len() - 3, "only {fast_count} fast");
}

#[test]
fn leaves_what_it_does_not_know_to_minify_html() {
    for src in [
        "<p>a<div>b</div></p>",
        "<div>a</span></div>",
        "<ul><li>a<li>b</ul>",
        "<div>unclosed",
        "<textarea> x </textarea>",
        "<?php echo 1 ?>",
        "<!bogus>",
        "<p>\u{226A}\u{20D2}</p>",
        "<p>&nLt;</p>",
        "<div a=1 a=2></div>",
        "<body><body></body></body>",
        &format!(
            "<p {}>x</p>",
            (0..100)
                .map(|i| format!("a{i}"))
                .collect::<Vec<_>>()
                .join(" ")
        ),
    ] {
        assert!(fast(src.as_bytes()).is_none(), "{src:?}");
        assert_eq!(html(src.as_bytes()), reference(src.as_bytes()));
    }
}
