//! Checking manifest text before any parser reads it: the rules that a parsed value can no
//! longer show, and the limits that keep every reader safe.
//!
//! [`check_text`] is the first step on every path that has the text: the CLI's
//! [`crate::from_json_str`] and the loader's `fromUrl` (and `fromObject`, through
//! `JSON.stringify`). It reads the text once, in linear time, without building values, and never
//! recurses deeper than [`MAX_DEPTH`] levels. After it passes, any conforming JSON parser
//! (serde_json, `JSON.parse`) reads the same value, so the CLI and the loader validate the same
//! document.

use crate::limits::{MAX_DEPTH, MAX_MANIFEST_BYTES, MAX_PROBLEMS};
use crate::problem::{Problem, Problems};
use crate::text::{too_long, Msg};
use crate::validate::Path;
use crate::validate::{earlier_equal, valid_name};
use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

/// The one problem of a document that cannot be read: `message`, at the root.
pub(crate) fn fatal(message: Msg) -> Problems {
    Problems(alloc::vec![Problem {
        path: String::new(),
        component: None,
        message: message.0,
    }])
}

/// `the manifest must be at most 8388608 bytes long (is <len>)`.
pub(crate) fn too_big(len: usize) -> Msg {
    let mut message = Msg::new("the manifest ");
    message.s(&too_long(MAX_MANIFEST_BYTES, " bytes", len).0);
    message
}

/// `must not nest arrays and objects more than 64 levels deep`.
pub(crate) fn too_deep() -> Msg {
    Msg::new("must not nest arrays and objects more than ")
        .int(MAX_DEPTH as i64)
        .s(" levels deep")
        .take()
}

/// Checks manifest `text`: its size ([`MAX_MANIFEST_BYTES`]), JSON syntax (RFC 8259), nesting
/// depth ([`MAX_DEPTH`]), and, in every object, repeated keys and `\u` escapes of lone
/// surrogates (which `JSON.parse` would silently keep or merge).
///
/// A size, syntax or depth problem is the only one reported (`(root): invalid json: expected
/// ',' or '}' at line 3 column 7`); otherwise every repeated key and lone surrogate is, in
/// source order, at its JSON path and with its component's name, as validation names them (at
/// most [`MAX_PROBLEMS`], then a line with how many more). Text with such problems is refused
/// before validation, so they are the only ones listed.
pub fn check_text(text: &str) -> Result<(), Problems> {
    if text.len() > MAX_MANIFEST_BYTES {
        return Err(fatal(too_big(text.len())));
    }
    let mut reader = Reader {
        text,
        at: 0,
        problems: Vec::new(),
        more: 0,
    };
    let outcome = reader.value(&Path::Root, 0, Role::Root).and_then(|_| {
        reader.space();
        match reader.peek() {
            None => Ok(()),
            Some(_) => Err(reader.syntax("trailing characters")),
        }
    });
    match outcome {
        Err(message) => Err(fatal(message)),
        Ok(()) => Problems::found(reader.problems, reader.more),
    }
}

/// Where a value sits, as far as naming components in problems needs.
#[derive(Clone, Copy, PartialEq)]
enum Role {
    /// The document.
    Root,
    /// The document's `components`.
    Components,
    /// One item of `components`.
    Component,
    /// Anywhere else.
    Other,
}

/// Reads the text from `at` on; collects the problems that do not stop the reading.
struct Reader<'t> {
    text: &'t str,
    at: usize,
    /// The first [`MAX_PROBLEMS`] problems, in source order.
    problems: Vec<Problem>,
    /// How many more were found.
    more: usize,
}

/// A problem that stops the reading: a syntax error or nesting too deep.
type Read<T = ()> = Result<T, Msg>;

impl<'t> Reader<'t> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    /// Skips `byte` when it comes next.
    fn eat(&mut self, byte: u8) -> bool {
        let next = self.peek() == Some(byte);
        self.at += usize::from(next);
        next
    }

    /// Skips JSON whitespace.
    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// `invalid json: <what> at line L column C`, where the reading stands.
    #[inline(never)]
    fn syntax(&self, what: &str) -> Msg {
        let before = self.text.as_bytes().get(..self.at).unwrap_or_default();
        let line_start = before
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        let line = 1 + before.iter().filter(|b| **b == b'\n').count();
        // Columns count characters: every byte that does not continue a UTF-8 sequence.
        let column = 1
            + (before.get(line_start..).unwrap_or_default())
                .iter()
                .filter(|b| (**b & 0xc0) != 0x80)
                .count();
        Msg::new("invalid json: ")
            .s(what)
            .s(" at line ")
            .int(line as i64)
            .s(" column ")
            .int(column as i64)
            .take()
    }

    /// Records a problem at `path` that does not stop the reading.
    fn report(&mut self, path: &Path<'_>, message: Msg) {
        if self.problems.len() >= MAX_PROBLEMS {
            self.more += 1;
            return;
        }
        self.problems.push(Problem {
            path: path.render(),
            component: None,
            message: message.0,
        });
    }

    /// One value at `path`, inside `depth` arrays and objects, with its `role` in the document;
    /// a string's decoded text.
    fn value(&mut self, path: &Path<'_>, depth: usize, role: Role) -> Read<Option<Cow<'t, str>>> {
        self.space();
        let container = matches!(self.peek(), Some(b'{' | b'['));
        if container && depth == MAX_DEPTH {
            return Err(too_deep());
        }
        match self.peek() {
            Some(b'{') => self.object(path, depth + 1, role),
            Some(b'[') => self.array(path, depth + 1, role),
            Some(b'"') => return self.string(path).map(Some),
            Some(b't') => self.word("true"),
            Some(b'f') => self.word("false"),
            Some(b'n') => self.word("null"),
            Some(b'-' | b'0'..=b'9') => self.number(),
            None => Err(self.syntax("unexpected end of text, expected a value")),
            Some(_) => Err(self.syntax("expected a value")),
        }
        .map(|()| None)
    }

    /// An object, from its `{`. Its repeated keys are reported in source order: each before
    /// the problems found in its value. In a component, every problem names the component when
    /// its first `name` is a valid one, as validation does.
    fn object(&mut self, path: &Path<'_>, depth: usize, role: Role) -> Read {
        self.at += 1;
        let mark = self.problems.len();
        // Each key, and where the problems found in its value start in `problems`.
        let mut keys: Vec<(Cow<'t, str>, usize)> = Vec::new();
        let mut name = None;
        loop {
            self.space();
            if self.peek() == Some(b'}') {
                if keys.is_empty() {
                    self.at += 1;
                    break;
                }
                return Err(self.syntax("trailing comma"));
            }
            if self.peek() != Some(b'"') {
                return Err(self.syntax("expected a key in double quotes"));
            }
            let key = self.string(path)?;
            self.space();
            if !self.eat(b':') {
                return Err(self.syntax("expected ':' after a key"));
            }
            let child = match (role, &*key) {
                (Role::Root, "components") => Role::Components,
                _ => Role::Other,
            };
            let start = self.problems.len();
            let text = self.value(&path.key(&key), depth, child)?;
            if role == Role::Component && &*key == "name" && name.is_none() {
                name = Some(text);
            }
            keys.push((key, start));
            self.space();
            if self.eat(b'}') {
                break;
            }
            if !self.eat(b',') {
                return Err(self.syntax("expected ',' or '}' after a field"));
            }
        }
        let repeats = earlier_equal(keys.len(), &|i| keys.get(i).map(|(k, _)| &**k));
        // Last first, so that each insertion leaves the earlier starts in place.
        for i in (0..keys.len()).rev() {
            if let (Some(Some(_)), Some((key, start))) = (repeats.get(i), keys.get(i)) {
                let problem = Problem {
                    path: path.key(key).render(),
                    component: None,
                    message: Msg::new("duplicate key ").quoted(key).take().0,
                };
                self.problems.insert(*start, problem);
                if self.problems.len() > MAX_PROBLEMS {
                    self.problems.pop();
                    self.more += 1;
                }
            }
        }
        if let Some(Some(name)) = name.filter(|n| n.as_deref().is_some_and(valid_name)) {
            for problem in self.problems.iter_mut().skip(mark) {
                problem.component = Some(String::from(&*name));
            }
        }
        Ok(())
    }

    /// An array, from its `[`.
    fn array(&mut self, path: &Path<'_>, depth: usize, role: Role) -> Read {
        self.at += 1;
        self.space();
        if self.eat(b']') {
            return Ok(());
        }
        let child = match role {
            Role::Components => Role::Component,
            _ => Role::Other,
        };
        for index in 0.. {
            self.space();
            if self.peek() == Some(b']') && index > 0 {
                return Err(self.syntax("trailing comma"));
            }
            self.value(&path.index(index), depth, child)?;
            self.space();
            if self.eat(b']') {
                break;
            }
            if !self.eat(b',') {
                return Err(self.syntax("expected ',' or ']' after an item"));
            }
        }
        Ok(())
    }

    /// A literal: `true`, `false` or `null`.
    fn word(&mut self, word: &str) -> Read {
        let end = self.at + word.len();
        if self.text.as_bytes().get(self.at..end) != Some(word.as_bytes()) {
            return Err(self.syntax("expected a value"));
        }
        self.at = end;
        Ok(())
    }

    /// A number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, below 1e308 in
    /// magnitude: larger ones are refused, because readers disagree on them (serde_json refuses
    /// a number past `f64::MAX`, `JSON.parse` makes it `Infinity`).
    fn number(&mut self) -> Read {
        let start = self.at;
        self.eat(b'-');
        let whole = self.at;
        if !self.eat(b'0') && self.digits() == 0 {
            return Err(self.syntax("expected a digit"));
        }
        // The decimal exponent of the first significant digit, as in 0.d x 10^scale.
        let mut scale = match self.text.as_bytes().get(whole) {
            Some(b'0') => 0,
            _ => (self.at - whole) as i64,
        };
        let mut significant = scale > 0;
        if self.eat(b'.') {
            let fraction = self.at;
            if self.digits() == 0 {
                return Err(self.syntax("expected a digit after '.'"));
            }
            if !significant {
                let digits = self
                    .text
                    .as_bytes()
                    .get(fraction..self.at)
                    .unwrap_or_default();
                let zeros = digits.iter().take_while(|b| **b == b'0').count();
                significant = zeros < digits.len();
                scale = -(zeros as i64);
            }
        }
        if self.eat(b'e') || self.eat(b'E') {
            let negative = self.eat(b'-');
            if !negative {
                self.eat(b'+');
            }
            let digits = self.at;
            if self.digits() == 0 {
                return Err(self.syntax("expected a digit in the exponent"));
            }
            let exponent = (self
                .text
                .as_bytes()
                .get(digits..self.at)
                .unwrap_or_default())
            .iter()
            .fold(0i64, |n, b| (n * 10 + i64::from(b - b'0')).min(1 << 40));
            scale += if negative { -exponent } else { exponent };
        }
        if significant && scale > 308 {
            self.at = start;
            return Err(self.syntax("a number must be below 1e308 in magnitude"));
        }
        Ok(())
    }

    /// Skips ASCII digits; how many.
    fn digits(&mut self) -> usize {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        self.at - start
    }

    /// A string at `path`, from its opening quote; its decoded text (borrowed when it has no
    /// escapes). A lone surrogate is reported at `path` and decodes to U+FFFD.
    fn string(&mut self, path: &Path<'_>) -> Read<Cow<'t, str>> {
        let text = self.text;
        self.at += 1;
        let (start, mut run) = (self.at, self.at);
        let mut decoded: Option<String> = None;
        loop {
            match self.peek() {
                None => return Err(self.syntax("unterminated string")),
                Some(b'"') => break,
                Some(b'\\') => {
                    let out = decoded.get_or_insert_with(String::new);
                    out.push_str(text.get(run..self.at).unwrap_or_default());
                    self.at += 1;
                    let c = self.escape(path)?;
                    decoded.get_or_insert_with(String::new).push(c);
                    run = self.at;
                }
                Some(0..=0x1f) => return Err(self.syntax("control character in a string")),
                Some(_) => self.at += 1,
            }
        }
        let end = self.at;
        self.at += 1;
        Ok(match decoded {
            None => Cow::Borrowed(text.get(start..end).unwrap_or_default()),
            Some(mut out) => {
                out.push_str(text.get(run..end).unwrap_or_default());
                Cow::Owned(out)
            }
        })
    }

    /// The character of the escape after a backslash.
    fn escape(&mut self, path: &Path<'_>) -> Read<char> {
        let Some(byte) = self.peek() else {
            return Err(self.syntax("unterminated string"));
        };
        self.at += 1;
        let c = match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode(path),
            _ => {
                self.at -= 1;
                return Err(self.syntax("invalid escape in a string"));
            }
        };
        Ok(c)
    }

    /// The character of `\uXXXX` (after the `u`), with its low surrogate when it is a high one.
    fn unicode(&mut self, path: &Path<'_>) -> Read<char> {
        let unit = self.hex4()?;
        let paired = (0xd800..0xdc00).contains(&unit)
            && self.text.as_bytes().get(self.at..self.at + 2) == Some(b"\\u");
        if paired {
            let back = self.at;
            self.at += 2;
            let low = self.hex4()?;
            if (0xdc00..0xe000).contains(&low) {
                let c = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
                return Ok(char::from_u32(c).unwrap_or('\u{fffd}'));
            }
            self.at = back;
        }
        match char::from_u32(unit) {
            Some(c) => Ok(c),
            None => {
                let mut message = Msg::new("must not contain a lone surrogate, got \\u");
                for shift in [12, 8, 4, 0] {
                    let nibble = char::from_digit((unit >> shift) & 0xf, 16);
                    message.0.push(nibble.unwrap_or('0'));
                }
                self.report(path, message);
                Ok('\u{fffd}')
            }
        }
    }

    /// Four hex digits.
    fn hex4(&mut self) -> Read<u32> {
        let mut unit = 0;
        for _ in 0..4 {
            let digit = self.peek().and_then(|b| char::from(b).to_digit(16));
            let Some(digit) = digit else {
                return Err(self.syntax("expected four hex digits after \\u"));
            };
            unit = unit * 16 + digit;
            self.at += 1;
        }
        Ok(unit)
    }
}
