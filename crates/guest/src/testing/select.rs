//! CSS-like selectors over the fake DOM, for tests: `h.click("li.done > button.remove")`.
//!
//! The grammar is a small, exact subset of CSS ([`GRAMMAR`]). A selector outside it is an error
//! that names the selector and the part not supported, never a silent "no match".

use std::fmt;
use std::string::{String, ToString};
use std::vec::Vec;

use super::dom::FakeDom;

/// What the harness's selectors support, as the message of every [`SelectorError`] says it.
pub const GRAMMAR: &str = "a type selector (`li`) or `*`, then any of `.class`, `#id`, \
`[attr]`, `[attr=value]` (value bare or in quotes), with no space between them \
(`li.done[data-id=\"3\"]`); compounds joined by a space (descendant) or `>` (child)";

/// How a compound relates to the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Combinator {
    /// `a b`: `b` anywhere under `a`.
    Descendant,
    /// `a > b`: `b` a child of `a`.
    Child,
}

/// One condition of a compound.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Filter {
    Class(String),
    Id(String),
    Has(String),
    Equals(String, String),
}

/// `tag.class#id[attr=value]`: every part must hold for one element.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Compound {
    /// `None` for `*` or no type selector.
    tag: Option<String>,
    filters: Vec<Filter>,
}

/// A parsed selector: compounds from the outermost to the element matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selector {
    /// The combinator before each compound (the first one's is unused).
    steps: Vec<(Combinator, Compound)>,
}

/// A selector the harness does not support, with where and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SelectorError {
    /// The selector as given.
    pub selector: String,
    /// The byte offset of the unsupported part.
    pub at: usize,
    /// What is wrong there, e.g. ``pseudo-classes (`:first-child`) are not supported``.
    pub problem: String,
}

impl fmt::Display for SelectorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unsupported selector `{}`: {} (at byte {}); the test harness supports {GRAMMAR}",
            self.selector, self.problem, self.at
        )
    }
}

impl std::error::Error for SelectorError {}

/// Letters, digits, `-` and `_`: what class names, ids, tags and attribute names may hold here.
fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

struct Parser<'s> {
    text: &'s str,
    at: usize,
}

impl<'s> Parser<'s> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn fail<T>(&self, at: usize, problem: impl Into<String>) -> Result<T, SelectorError> {
        Err(SelectorError {
            selector: self.text.to_string(),
            at,
            problem: problem.into(),
        })
    }

    /// The rest of the selector from `at` to the next space, for messages.
    fn word(&self, at: usize) -> &'s str {
        let rest = self.text.get(at..).unwrap_or("");
        rest.split(|c: char| c.is_whitespace())
            .next()
            .unwrap_or(rest)
    }

    fn skip_spaces(&mut self) -> bool {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
            self.at += 1;
        }
        self.at > start
    }

    fn name(&mut self, what: &str) -> Result<String, SelectorError> {
        let start = self.at;
        while self.peek().is_some_and(is_name_byte) {
            self.at += 1;
        }
        if self.at == start {
            let found = match self.peek() {
                None => "the end".to_string(),
                Some(_) => std::format!("`{}`", self.word(start)),
            };
            return self.fail(start, std::format!("expected {what}, found {found}"));
        }
        Ok(self.text[start..self.at].to_string())
    }

    fn unsupported<T>(&self, at: usize) -> Result<T, SelectorError> {
        let word = self.word(at);
        let problem = match self.text.as_bytes().get(at) {
            Some(b':') => {
                std::format!("pseudo-classes and pseudo-elements (`{word}`) are not supported")
            }
            Some(b',') => "selector lists (`a, b`) are not supported; select each one".to_string(),
            Some(b'+' | b'~') => std::format!(
                "the sibling combinator `{}` is not supported",
                char::from(self.text.as_bytes()[at])
            ),
            Some(b'|') => "namespaces (`ns|tag`) are not supported".to_string(),
            Some(b'\\') => "escapes are not supported".to_string(),
            _ => std::format!("`{word}` is not supported"),
        };
        self.fail(at, problem)
    }

    fn attribute(&mut self) -> Result<Filter, SelectorError> {
        let open = self.at;
        self.at += 1; // `[`
        self.skip_spaces();
        let name = self.name("an attribute name")?;
        self.skip_spaces();
        match self.peek() {
            Some(b']') => {
                self.at += 1;
                return Ok(Filter::Has(name));
            }
            Some(b'=') => self.at += 1,
            Some(b'~' | b'|' | b'^' | b'$' | b'*') => {
                let op = self.text.get(self.at..self.at + 2).unwrap_or("");
                return self.fail(
                    self.at,
                    std::format!("the attribute operator `{op}` is not supported, only `=`"),
                );
            }
            _ => {
                return self.fail(
                    open,
                    std::format!("unclosed or malformed `{}`", self.word(open)),
                )
            }
        }
        self.skip_spaces();
        let value = match self.peek() {
            Some(q @ (b'"' | b'\'')) => {
                let start = self.at + 1;
                let Some(len) = self.text[start..].find(char::from(q)) else {
                    return self.fail(self.at, "unclosed quote");
                };
                self.at = start + len + 1;
                self.text[start..start + len].to_string()
            }
            _ => {
                let start = self.at;
                while self
                    .peek()
                    .is_some_and(|b| !b.is_ascii_whitespace() && !b"]\"'".contains(&b))
                {
                    self.at += 1;
                }
                self.text[start..self.at].to_string()
            }
        };
        self.skip_spaces();
        match self.peek() {
            Some(b']') => {
                self.at += 1;
                Ok(Filter::Equals(name, value))
            }
            Some(b'i' | b's') => self.fail(self.at, "attribute flags (`i`, `s`) are not supported"),
            _ => self.fail(
                open,
                std::format!("unclosed or malformed `{}`", self.word(open)),
            ),
        }
    }

    fn compound(&mut self) -> Result<Compound, SelectorError> {
        let mut compound = Compound {
            tag: None,
            filters: Vec::new(),
        };
        let start = self.at;
        match self.peek() {
            Some(b'*') => self.at += 1,
            Some(b) if b.is_ascii_alphabetic() => {
                compound.tag = Some(self.name("a tag")?.to_ascii_lowercase());
            }
            _ => {}
        }
        loop {
            let here = self.at;
            match self.peek() {
                Some(b'.') => {
                    self.at += 1;
                    compound
                        .filters
                        .push(Filter::Class(self.name("a class name")?));
                }
                Some(b'#') => {
                    self.at += 1;
                    compound.filters.push(Filter::Id(self.name("an id")?));
                }
                Some(b'[') => compound.filters.push(self.attribute()?),
                None | Some(b'>') => break,
                Some(b) if b.is_ascii_whitespace() => break,
                Some(_) => return self.unsupported(here),
            }
        }
        if self.at == start {
            return match self.peek() {
                None => self.fail(start, "a combinator must be followed by a compound"),
                Some(b'>') => self.fail(start, "`>` must stand between two compounds"),
                Some(_) => self.unsupported(start),
            };
        }
        Ok(compound)
    }

    fn selector(&mut self) -> Result<Selector, SelectorError> {
        self.skip_spaces();
        if self.peek().is_none() {
            return self.fail(0, "the selector is empty");
        }
        let mut steps = Vec::new();
        let mut combinator = Combinator::Descendant;
        loop {
            steps.push((combinator, self.compound()?));
            // A compound ends at the end, at `>` or at a space.
            self.skip_spaces();
            combinator = match self.peek() {
                None => break,
                Some(b'>') => {
                    self.at += 1;
                    self.skip_spaces();
                    Combinator::Child
                }
                Some(_) => Combinator::Descendant,
            };
        }
        Ok(Selector { steps })
    }
}

impl Selector {
    /// Parses `text`, or says which part the harness does not support (see [`GRAMMAR`]).
    ///
    /// ```
    /// use tessera_guest::testing::Selector;
    /// assert!(Selector::parse("ul > li.done button[type=submit]").is_ok());
    /// let e = Selector::parse("li:first-child").unwrap_err();
    /// assert!(e.to_string().starts_with("unsupported selector `li:first-child`: pseudo-classes"));
    /// ```
    pub fn parse(text: &str) -> Result<Selector, SelectorError> {
        Parser { text, at: 0 }.selector()
    }

    /// Whether element `id` of `dom` matches.
    pub fn matches(&self, dom: &FakeDom, id: u32) -> bool {
        self.matches_up_to(dom, id, self.steps.len())
    }

    /// Whether `id` matches the first `n` steps (the `n`th compound being `id` itself).
    fn matches_up_to(&self, dom: &FakeDom, id: u32, n: usize) -> bool {
        let Some(((combinator, last), _)) = self.steps.get(..n).and_then(<[_]>::split_last) else {
            return true;
        };
        if !last.matches(dom, id) {
            return false;
        }
        if n == 1 {
            return true;
        }
        let t = dom.tree();
        let mut parent = t.parent(id);
        while let Some(p) = parent {
            if self.matches_up_to(dom, p, n - 1) {
                return true;
            }
            if *combinator == Combinator::Child {
                return false;
            }
            parent = t.parent(p);
        }
        false
    }
}

impl Compound {
    fn matches(&self, dom: &FakeDom, id: u32) -> bool {
        let t = dom.tree();
        let Some(own) = t.tag(id) else {
            return false; // text nodes and the root
        };
        if self
            .tag
            .as_ref()
            .is_some_and(|tag| !tag.eq_ignore_ascii_case(own))
        {
            return false;
        }
        let attr = |k: &str| t.attr(id, k);
        self.filters.iter().all(|f| match f {
            Filter::Class(c) => {
                attr("class").is_some_and(|all| all.split_whitespace().any(|x| x == c))
            }
            Filter::Id(v) => attr("id") == Some(v.as_str()),
            Filter::Has(k) => attr(k).is_some(),
            Filter::Equals(k, v) => attr(k) == Some(v.as_str()),
        })
    }
}

impl FakeDom {
    /// The ids of attached elements matching `selector`, in document order.
    ///
    /// Selectors ([`GRAMMAR`]): a tag or `*`, then `.class`, `#id`, `[attr]` and
    /// `[attr=value]` with no space between them; compounds joined by spaces (descendants) or
    /// `>` (children), e.g. `li.done button`, `ul > li`, `input[type=checkbox]`.
    ///
    /// # Panics
    /// On a selector outside that grammar (`:first-child`, `a, b`, `a + b`, `[href^=x]`), with
    /// a message naming the selector, the part not supported and the grammar.
    /// [`FakeDom::try_select`] returns the error instead.
    #[track_caller]
    pub fn select(&self, selector: &str) -> Vec<u32> {
        match self.try_select(selector) {
            Ok(found) => found,
            Err(e) => panic!("{e}"),
        }
    }

    /// [`FakeDom::select`], with an unsupported selector as an error.
    pub fn try_select(&self, selector: &str) -> Result<Vec<u32>, SelectorError> {
        let selector = Selector::parse(selector)?;
        Ok(self
            .tree()
            .descendants(0)
            .filter(|&id| selector.matches(self, id))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(text: &str) -> String {
        Selector::parse(text).unwrap_err().problem
    }

    #[test]
    fn parses_the_supported_grammar() {
        for ok in [
            "li",
            "*",
            "*.done",
            ".done",
            "#main",
            "[hidden]",
            "button[type=submit][disabled]",
            "li[data-id=\"a b\"]",
            "li[data-id='3']",
            "li[ data-id = 3 ]",
            "ul li.done button",
            "ul>li",
            "ul > li > button.x",
            "  nav   button  ",
            "DIV.Card",
        ] {
            assert!(
                Selector::parse(ok).is_ok(),
                "{ok}: {:?}",
                Selector::parse(ok)
            );
        }
        let s = Selector::parse("ul > li.a#b[c][d=e] f").unwrap();
        assert_eq!(s.steps.len(), 3);
        assert_eq!(s.steps[1].0, Combinator::Child);
        assert_eq!(s.steps[2].0, Combinator::Descendant);
        assert_eq!(
            s.steps[1].1.filters,
            [
                Filter::Class("a".into()),
                Filter::Id("b".into()),
                Filter::Has("c".into()),
                Filter::Equals("d".into(), "e".into()),
            ]
        );
    }

    #[test]
    fn names_what_is_not_supported() {
        assert_eq!(
            problem("li:first-child"),
            "pseudo-classes and pseudo-elements (`:first-child`) are not supported"
        );
        assert_eq!(
            problem("a, b"),
            "selector lists (`a, b`) are not supported; select each one"
        );
        assert_eq!(
            problem("li + li"),
            "the sibling combinator `+` is not supported"
        );
        assert_eq!(
            problem("li~li"),
            "the sibling combinator `~` is not supported"
        );
        assert_eq!(
            problem("a[href^=x]"),
            "the attribute operator `^=` is not supported, only `=`"
        );
        assert_eq!(
            problem("a[href=x i]"),
            "attribute flags (`i`, `s`) are not supported"
        );
        assert_eq!(problem("a[href"), "unclosed or malformed `[href`");
        assert_eq!(problem("a[href=\"x]"), "unclosed quote");
        assert_eq!(problem(""), "the selector is empty");
        assert_eq!(problem("   "), "the selector is empty");
        assert_eq!(
            problem("ul >"),
            "a combinator must be followed by a compound"
        );
        assert_eq!(problem("> li"), "`>` must stand between two compounds");
        assert_eq!(problem("li."), "expected a class name, found the end");
        assert_eq!(problem("svg|a"), "namespaces (`ns|tag`) are not supported");
        assert_eq!(problem("li!"), "`!` is not supported");
    }

    #[test]
    fn the_message_names_the_selector_and_the_grammar() {
        let e = Selector::parse("ul li:nth-child(2)").unwrap_err();
        assert_eq!(e.at, 5);
        let text = e.to_string();
        assert!(
            text.starts_with("unsupported selector `ul li:nth-child(2)`: pseudo-classes"),
            "{text}"
        );
        assert!(text.ends_with(GRAMMAR), "{text}");
    }
}
