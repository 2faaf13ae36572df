//! The CSS checker for `<style>` text and `style` attribute values (docs/abi.md, "What the host
//! refuses"): a tokenizer following CSS Syntax Level 3, sections 3 and 4, finds every URL the
//! browser could fetch and every refused keyword, as the browser's own tokenizer sees them
//! (escapes decoded, comments skipped). Linear time, no recursion, no allocation except to decode
//! an escaped URL and the nesting of image functions.

use crate::code::{REFUSED_ATTRIBUTE, REFUSED_URL};
use crate::policy::UrlPolicy;
use alloc::string::String;
use alloc::vec::Vec;

/// Identifiers refused anywhere in CSS (property names too), escape-decoded and compared ASCII
/// case-insensitively: `base-select` turns a select's picker into a top-layer popover that
/// escapes the slot's clip, and view transitions paint named elements above the whole page.
pub const REFUSED_IDENTS: [&str; 3] = [
    "base-select",
    "view-transition-name",
    "view-transition-class",
];

/// Functions whose string arguments are URLs.
const IMAGE_FUNCTIONS: [&str; 6] = [
    "image-set",
    "-webkit-image-set",
    "image",
    "-webkit-image",
    "cross-fade",
    "-webkit-cross-fade",
];

/// Functions that substitute values written elsewhere (besides every `--*` function): refused
/// inside an image function, where they could supply a URL string this checker never sees.
const SUBSTITUTIONS: [&str; 6] = ["var", "env", "attr", "if", "inherit", "ident"];

/// Checks CSS text. Every URL (a `url(...)` token, the string of `url("...")` or `src("...")`,
/// every string inside an image function, the string after `@import`) must be empty,
/// fragment-only, or relative, `http:` or `https:` and allowed by `urls`: else `refused-url`, as
/// for a bad URL token or a `url(`/`src(` function whose argument is not one string. An ident in
/// [`REFUSED_IDENTS`], an `ident()` function or a typed `attr()` (both could produce one) is
/// `refused-attribute`.
pub fn check(css: &str, urls: &impl UrlPolicy) -> Result<(), i32> {
    let mut lx = Lexer { s: css, i: 0 };
    // The closers expected inside the outermost image function; empty outside one.
    let mut images: Vec<u8> = Vec::new();
    let mut import = false;
    while let Some(t) = lx.next() {
        let raw = css.get(t.start..t.end).unwrap_or("");
        match t.kind {
            Kind::Ws => continue,
            Kind::AtKeyword => {
                import = is(raw, "import");
                continue;
            }
            Kind::Url => url(raw, urls)?,
            Kind::BadUrl => return Err(REFUSED_URL),
            Kind::Str if import || !images.is_empty() => url(raw, urls)?,
            Kind::BadStr if import || !images.is_empty() => return Err(REFUSED_URL),
            Kind::Ident if REFUSED_IDENTS.iter().any(|n| is(raw, n)) => {
                return Err(REFUSED_ATTRIBUTE)
            }
            Kind::Function if is(raw, "url") || is(raw, "src") => {
                match lx.next_solid() {
                    Some(s) if s.kind == Kind::Str => {
                        url(css.get(s.start..s.end).unwrap_or(""), urls)?
                    }
                    _ => return Err(REFUSED_URL),
                }
                match lx.next_solid() {
                    None => {}
                    Some(c) if c.kind == Kind::Close(b')') => {}
                    _ => return Err(REFUSED_URL),
                }
            }
            Kind::Function => {
                if !images.is_empty()
                    && (Decoded(raw).take(2).eq(['-', '-'])
                        || SUBSTITUTIONS.iter().any(|n| is(raw, n)))
                {
                    return Err(REFUSED_URL);
                }
                if is(raw, "ident") {
                    return Err(REFUSED_ATTRIBUTE);
                }
                if is(raw, "attr") {
                    // Only `attr(name)` or `attr(name, fallback)`: an untyped attr() is a string.
                    let name = lx.next_solid().map(|t| t.kind);
                    let after = lx.next_solid().map(|t| t.kind);
                    if name != Some(Kind::Ident)
                        || !matches!(after, None | Some(Kind::Close(b')') | Kind::Comma))
                    {
                        return Err(REFUSED_ATTRIBUTE);
                    }
                } else if !images.is_empty() || IMAGE_FUNCTIONS.iter().any(|n| is(raw, n)) {
                    images.push(b')');
                }
            }
            Kind::Open(close) if !images.is_empty() => images.push(close),
            Kind::Close(c) if images.last() == Some(&c) => {
                images.pop();
            }
            _ => {}
        }
        import = false;
    }
    Ok(())
}

/// Checks one URL found in CSS, escapes decoded.
fn url(raw: &str, urls: &impl UrlPolicy) -> Result<(), i32> {
    if raw.bytes().any(|b| b == b'\\' || b == 0) {
        let decoded: String = Decoded(raw).collect();
        crate::url::check(&decoded, false, urls)
    } else {
        crate::url::check(raw, false, urls)
    }
}

/// Whether the escape-decoded `raw` is `name` (lowercase ASCII), ASCII case-insensitively.
fn is(raw: &str, name: &str) -> bool {
    let mut d = Decoded(raw);
    name.bytes()
        .all(|n| d.next().map(|c| c.to_ascii_lowercase()) == Some(n as char))
        && d.next().is_none()
}

/// What the tokenizer returns past the end (never a byte of UTF-8).
const EOF: u8 = 0xff;
const FFFD: char = '\u{fffd}';

/// Whitespace, after preprocessing (CR, FF and CRLF are newlines).
fn ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0c)
}

fn newline(c: u8) -> bool {
    matches!(c, b'\n' | b'\r' | 0x0c)
}

/// An ident-start code point; any byte of a non-ASCII character counts, and NUL (U+FFFD after
/// preprocessing).
fn ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c == 0 || (0x80..EOF).contains(&c)
}

fn ident_char(c: u8) -> bool {
    ident_start(c) || c.is_ascii_digit() || c == b'-'
}

fn escape_start(a: u8, b: u8) -> bool {
    a == b'\\' && !newline(b)
}

fn starts_ident(a: u8, b: u8, c: u8) -> bool {
    if a == b'-' {
        ident_start(b) || b == b'-' || escape_start(b, c)
    } else {
        ident_start(a) || escape_start(a, b)
    }
}

fn starts_number(a: u8, b: u8, c: u8) -> bool {
    match a {
        b'+' | b'-' => b.is_ascii_digit() || (b == b'.' && c.is_ascii_digit()),
        b'.' => b.is_ascii_digit(),
        _ => a.is_ascii_digit(),
    }
}

/// The token kinds the checker tells apart.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Ws,
    Str,
    BadStr,
    Url,
    BadUrl,
    Ident,
    Function,
    AtKeyword,
    Comma,
    /// `(`, `[` or `{`, with its closer.
    Open(u8),
    /// `)`, `]` or `}`.
    Close(u8),
    /// Numbers, hashes, delimiters and the rest.
    Other,
}

/// A token: its kind and its value's byte range (a name, a string's or URL's contents).
#[derive(Clone, Copy)]
struct Tok {
    kind: Kind,
    start: usize,
    end: usize,
}

struct Lexer<'a> {
    s: &'a str,
    i: usize,
}

impl Lexer<'_> {
    /// The byte `k` past the position, or [`EOF`].
    fn at(&self, k: usize) -> u8 {
        self.s
            .as_bytes()
            .get(self.i.saturating_add(k))
            .copied()
            .unwrap_or(EOF)
    }

    fn bump(&mut self, n: usize) {
        self.i = self.i.saturating_add(n);
    }

    fn tok(&self, kind: Kind, start: usize) -> Option<Tok> {
        Some(Tok {
            kind,
            start,
            end: self.i,
        })
    }

    /// The next token that is not whitespace.
    fn next_solid(&mut self) -> Option<Tok> {
        loop {
            match self.next() {
                Some(t) if t.kind == Kind::Ws => {}
                t => return t,
            }
        }
    }

    /// Consumes a token (section 4.3.1), after any comments.
    fn next(&mut self) -> Option<Tok> {
        while self.at(0) == b'/' && self.at(1) == b'*' {
            let rest = self.s.as_bytes().get(self.i + 2..).unwrap_or(&[]);
            let end = rest.windows(2).position(|w| w == b"*/");
            self.bump(end.map_or(rest.len(), |e| e + 2) + 2);
        }
        let start = self.i;
        let c = self.at(0);
        if c == EOF {
            return None;
        }
        self.bump(1);
        let kind = match c {
            _ if ws(c) => {
                while ws(self.at(0)) {
                    self.bump(1);
                }
                Kind::Ws
            }
            b'"' | b'\'' => return self.string(c),
            b'#' => {
                if ident_char(self.at(0)) || escape_start(self.at(0), self.at(1)) {
                    self.ident();
                }
                Kind::Other
            }
            b'(' => Kind::Open(b')'),
            b'[' => Kind::Open(b']'),
            b'{' => Kind::Open(b'}'),
            b')' | b']' | b'}' => Kind::Close(c),
            b',' => Kind::Comma,
            b'<' => {
                if self.at(0) == b'!' && self.at(1) == b'-' && self.at(2) == b'-' {
                    self.bump(3);
                }
                Kind::Other
            }
            b'@' => {
                if starts_ident(self.at(0), self.at(1), self.at(2)) {
                    let name = self.i;
                    self.ident();
                    return self.tok(Kind::AtKeyword, name);
                }
                Kind::Other
            }
            _ if starts_number(c, self.at(0), self.at(1)) => {
                self.i = start;
                self.numeric();
                Kind::Other
            }
            b'-' if self.at(0) == b'-' && self.at(1) == b'>' => {
                self.bump(2);
                Kind::Other
            }
            _ if starts_ident(c, self.at(0), self.at(1)) => {
                self.i = start;
                return self.ident_like();
            }
            _ => Kind::Other,
        };
        self.tok(kind, start)
    }

    /// Consumes an ident sequence (section 4.3.11).
    fn ident(&mut self) {
        loop {
            let c = self.at(0);
            if ident_char(c) {
                self.bump(1);
            } else if escape_start(c, self.at(1)) {
                self.bump(1);
                self.escape();
            } else {
                return;
            }
        }
    }

    /// Consumes an escaped code point, the backslash already consumed (section 4.3.7). A
    /// non-ASCII character's first byte only: its other bytes are consumed like any non-ASCII
    /// code point by every caller.
    fn escape(&mut self) {
        if self.at(0).is_ascii_hexdigit() {
            let mut n = 0;
            while n < 6 && self.at(0).is_ascii_hexdigit() {
                self.bump(1);
                n += 1;
            }
            if self.at(0) == b'\r' && self.at(1) == b'\n' {
                self.bump(2);
            } else if ws(self.at(0)) {
                self.bump(1);
            }
        } else if self.at(0) != EOF {
            self.bump(1);
        }
    }

    /// Consumes a numeric token (sections 4.3.3 and 4.3.12).
    fn numeric(&mut self) {
        if matches!(self.at(0), b'+' | b'-') {
            self.bump(1);
        }
        self.digits();
        if self.at(0) == b'.' && self.at(1).is_ascii_digit() {
            self.bump(1);
            self.digits();
        }
        if matches!(self.at(0), b'e' | b'E') {
            if self.at(1).is_ascii_digit() {
                self.bump(1);
                self.digits();
            } else if matches!(self.at(1), b'+' | b'-') && self.at(2).is_ascii_digit() {
                self.bump(2);
                self.digits();
            }
        }
        if starts_ident(self.at(0), self.at(1), self.at(2)) {
            self.ident();
        } else if self.at(0) == b'%' {
            self.bump(1);
        }
    }

    fn digits(&mut self) {
        while self.at(0).is_ascii_digit() {
            self.bump(1);
        }
    }

    /// Consumes an ident-like token (section 4.3.4): an ident, a function or a URL.
    fn ident_like(&mut self) -> Option<Tok> {
        let start = self.i;
        self.ident();
        let name = self.tok(Kind::Ident, start);
        if self.at(0) != b'(' {
            return name;
        }
        let end = self.i;
        self.bump(1);
        let function = Some(Tok {
            kind: Kind::Function,
            start,
            end,
        });
        if !is(self.s.get(start..end).unwrap_or(""), "url") {
            return function;
        }
        while ws(self.at(0)) && ws(self.at(1)) {
            self.bump(1);
        }
        let quote = |c: u8| c == b'"' || c == b'\'';
        if quote(self.at(0)) || (ws(self.at(0)) && quote(self.at(1))) {
            return function;
        }
        self.url()
    }

    /// Consumes a URL token after `url(` (section 4.3.6).
    fn url(&mut self) -> Option<Tok> {
        while ws(self.at(0)) {
            self.bump(1);
        }
        let start = self.i;
        loop {
            let c = self.at(0);
            match c {
                b')' | EOF => {
                    let t = self.tok(Kind::Url, start);
                    self.bump(1);
                    return t;
                }
                _ if ws(c) => {
                    let t = self.tok(Kind::Url, start);
                    while ws(self.at(0)) {
                        self.bump(1);
                    }
                    if matches!(self.at(0), b')' | EOF) {
                        self.bump(1);
                        return t;
                    }
                    break;
                }
                b'\\' if escape_start(c, self.at(1)) => {
                    self.bump(1);
                    self.escape();
                }
                b'"' | b'\'' | b'(' | b'\\' | 1..=8 | 0x0b | 0x0e..=0x1f | 0x7f => {
                    self.bump(1);
                    break;
                }
                _ => self.bump(1),
            }
        }
        // The remnants of a bad URL (section 4.3.14).
        loop {
            let c = self.at(0);
            if c == EOF {
                break;
            }
            self.bump(1);
            if c == b')' {
                break;
            }
            if escape_start(c, self.at(0)) {
                self.escape();
            }
        }
        self.tok(Kind::BadUrl, start)
    }

    /// Consumes a string token after its opening quote (section 4.3.5).
    fn string(&mut self, quote: u8) -> Option<Tok> {
        let start = self.i;
        loop {
            let c = self.at(0);
            if c == quote || c == EOF {
                let t = self.tok(Kind::Str, start);
                self.bump(1);
                return t;
            }
            if newline(c) {
                return self.tok(Kind::BadStr, start);
            }
            if c == b'\\' {
                match self.at(1) {
                    // A backslash at the end is dropped.
                    EOF => return self.tok(Kind::Str, start),
                    b'\r' if self.at(2) == b'\n' => self.bump(3),
                    n if newline(n) => self.bump(2),
                    _ => {
                        self.bump(1);
                        self.escape();
                    }
                }
            } else {
                self.bump(1);
            }
        }
    }
}

/// The code points of a token's raw value with preprocessing and escapes applied: NUL is U+FFFD,
/// `\` + hex digits is that code point (U+FFFD for zero, surrogates and beyond U+10FFFF),
/// `\` + newline is nothing, `\` at the end is U+FFFD, `\` + anything else is that.
struct Decoded<'a>(&'a str);

impl Iterator for Decoded<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        loop {
            let mut chars = self.0.chars();
            let c = chars.next()?;
            let rest = chars.as_str();
            if c != '\\' {
                self.0 = rest;
                return Some(if c == '\0' { FFFD } else { c });
            }
            let b = rest.as_bytes();
            let (skip, out) = match b.first().copied() {
                None => (0, Some(FFFD)),
                Some(b'\r') if b.get(1) == Some(&b'\n') => (2, None),
                Some(n) if newline(n) => (1, None),
                Some(h) if h.is_ascii_hexdigit() => {
                    let n = b
                        .iter()
                        .take(6)
                        .take_while(|d| d.is_ascii_hexdigit())
                        .count();
                    let v = b
                        .iter()
                        .take(n)
                        .fold(0, |v, &d| v * 16 + (d as char).to_digit(16).unwrap_or(0));
                    let after = match b.get(n).copied() {
                        Some(b'\r') if b.get(n + 1) == Some(&b'\n') => 2,
                        Some(w) if ws(w) => 1,
                        _ => 0,
                    };
                    let c = char::from_u32(v).filter(|&c| c != '\0');
                    (n + after, Some(c.unwrap_or(FFFD)))
                }
                Some(_) => {
                    let c = rest.chars().next().unwrap_or(FFFD);
                    (c.len_utf8(), Some(if c == '\0' { FFFD } else { c }))
                }
            };
            self.0 = rest.get(skip..).unwrap_or("");
            if out.is_some() {
                return out;
            }
        }
    }
}
