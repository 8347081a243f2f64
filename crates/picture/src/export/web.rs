//! The one shell every HTML page is written in (the published map, the portfolio
//! report, a journey's history) and the one escaper for markup (HTML and the SVG
//! inside it): a page holds nothing from elsewhere, and a Content-Security-Policy
//! allows only its own style and script, by hash, and `data:` images and fonts where
//! it embeds them.

use base64::Engine;
use sha2::Digest;

/// Text for markup, HTML or XML (SVG), element content and attribute values alike:
/// `&`, `<`, `>`, `"` and `'` as references (`&#39;`, which both read), control
/// characters but line breaks and tabs as spaces, and the two characters XML forbids
/// outright (U+FFFE, U+FFFF) left out.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => out.push(' '),
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A CSP source for `text` by its SHA-256.
pub fn hash(text: &str) -> String {
    let digest = sha2::Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// A page: its language, title, style, optional script, what it embeds, and its body
/// (markup already escaped where it holds text).
pub struct Page<'a> {
    /// `en`, `es`.
    pub language: &'a str,
    pub title: &'a str,
    pub style: &'a str,
    pub script: Option<&'a str>,
    /// The page embeds images as `data:` URLs (photos, rasters).
    pub images: bool,
    /// The page embeds fonts as `data:` URLs.
    pub fonts: bool,
    /// The page's script calls the server that gave it (the room's page): `connect-src
    /// 'self'`.
    pub connect: bool,
    /// `<meta>` lines beyond the charset, viewport, policy and generator.
    pub head: &'a str,
    pub body: &'a str,
}

impl<'a> Page<'a> {
    /// A page of text, style and inline SVG only: no script, no embedded images or
    /// fonts, nothing more in its head.
    pub fn plain(language: &'a str, title: &'a str, style: &'a str, body: &'a str) -> Self {
        Page {
            language,
            title,
            style,
            script: None,
            images: false,
            fonts: false,
            connect: false,
            head: "",
            body,
        }
    }

    /// The Content-Security-Policy: nothing but the page's own style and script (by
    /// their hashes), its `data:` images and fonts, and its server where it calls it.
    pub fn policy(&self) -> String {
        let mut policy = vec!["default-src 'none'".to_owned()];
        if self.images {
            policy.push("img-src data:".to_owned());
        }
        if self.fonts {
            policy.push("font-src data:".to_owned());
        }
        policy.push(format!("style-src {}", hash(self.style)));
        if let Some(script) = self.script {
            policy.push(format!("script-src {}", hash(script)));
        }
        if self.connect {
            policy.push("connect-src 'self'".to_owned());
        }
        policy.push("base-uri 'none'".to_owned());
        policy.push("form-action 'none'".to_owned());
        policy.join("; ")
    }

    /// The whole document.
    pub fn html(&self) -> String {
        let policy = self.policy();
        let Page {
            language,
            title,
            style,
            script,
            head,
            body,
            ..
        } = self;
        let script = script
            .map(|s| format!("<script>{s}</script>\n"))
            .unwrap_or_default();
        format!(
            "<!DOCTYPE html>\n<html lang=\"{language}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n<meta name=\"generator\" content=\"journeymap\">\n{head}<title>{title}</title>\n<style>{style}</style>\n</head>\n<body>\n{body}{script}</body>\n</html>\n",
            language = escape(language),
            policy = policy,
            title = escape(title),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_escape_reads_the_same_in_html_and_xml() {
        let text = "<b>'Tis & \"so\"</b>\u{1}\u{FFFF}\nnext";
        let escaped = escape(text);
        assert_eq!(
            escaped,
            "&lt;b&gt;&#39;Tis &amp; &quot;so&quot;&lt;/b&gt; \nnext"
        );
        // Well-formed as XML: an SVG with it parses.
        let svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><title a=\"{escaped}\">{escaped}</title></svg>"
        );
        assert!(resvg::usvg::roxmltree::Document::parse(&svg).is_ok());
    }

    #[test]
    fn the_policy_allows_the_pages_own_style_and_script_only() {
        let page = Page {
            language: "en",
            title: "T",
            style: "body{}",
            script: Some("1"),
            images: false,
            fonts: true,
            connect: false,
            head: "",
            body: "<p>x</p>",
        }
        .html();
        assert!(page.contains(&format!("style-src {}", hash("body{}"))));
        assert!(page.contains(&format!("script-src {}", hash("1"))));
        assert!(page.contains("font-src data:"));
        assert!(!page.contains("img-src"));
    }
}
