//! CSS-like selectors over the fake DOM, for tests: `h.click("li.done button.remove")`.

use std::vec::Vec;

use super::dom::FakeDom;

impl FakeDom {
    /// The ids of attached elements matching `selector`, in document order. Selectors:
    /// compounds of `tag`, `.class` and `[attr]`/`[attr=value]`, separated by spaces for
    /// descendants, e.g. `li.done button`, `input[type=checkbox]`.
    pub fn select(&self, selector: &str) -> Vec<u32> {
        let parts: Vec<&str> = selector.split_whitespace().collect();
        let t = self.tree();
        t.descendants(0)
            .filter(|&id| self.matches_path(id, &parts))
            .collect()
    }

    fn matches_path(&self, id: u32, parts: &[&str]) -> bool {
        let Some((last, rest)) = parts.split_last() else {
            return true;
        };
        if !self.matches(id, last) {
            return false;
        }
        let mut p = self.tree().parent(id);
        while let Some(a) = p {
            if self.matches_path(a, rest) {
                return true;
            }
            p = self.tree().parent(a);
        }
        rest.is_empty()
    }

    fn matches(&self, id: u32, compound: &str) -> bool {
        let t = self.tree();
        let Some(own) = t.tag(id) else {
            return false; // text nodes and the root
        };
        let attr = |k: &str| t.attr(id, k);
        let (head, filters) = compound
            .split_once('[')
            .map_or((compound, ""), |(h, f)| (h, f));
        let mut pieces = head.split('.');
        let tag = pieces.next().unwrap_or("");
        if !tag.is_empty() && tag != own {
            return false;
        }
        let classes = attr("class").unwrap_or("");
        if !pieces.all(|c| classes.split_whitespace().any(|x| x == c)) {
            return false;
        }
        filters.split('[').all(|f| {
            let f = f.trim_end_matches(']');
            match f.split_once('=') {
                _ if f.is_empty() => true,
                Some((k, v)) => attr(k) == Some(v),
                None => attr(f).is_some(),
            }
        })
    }
}
