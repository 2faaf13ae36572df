//! CSS-like selectors over the fake DOM, for tests: `h.click("li.done button.remove")`.

use std::vec::Vec;

use super::dom::FakeDom;

impl FakeDom {
    /// The ids of attached elements matching `selector`, in document order. Selectors:
    /// compounds of `tag`, `.class` and `[attr]`/`[attr=value]`, separated by spaces for
    /// descendants, e.g. `li.done button`, `input[type=checkbox]`.
    pub fn select(&self, selector: &str) -> Vec<u32> {
        let parts: Vec<&str> = selector.split_whitespace().collect();
        let mut out = Vec::new();
        self.walk(0, &mut |id| {
            if self.matches_path(id, &parts) {
                out.push(id);
            }
        });
        out
    }

    fn walk(&self, id: u32, f: &mut dyn FnMut(u32)) {
        for &k in &self.nodes[&id].children {
            f(k);
            self.walk(k, f);
        }
    }

    fn matches_path(&self, id: u32, parts: &[&str]) -> bool {
        let Some((last, rest)) = parts.split_last() else {
            return true;
        };
        if !self.matches(id, last) {
            return false;
        }
        let mut p = self.nodes[&id].parent;
        while let Some(a) = p {
            if self.matches_path(a, rest) {
                return true;
            }
            p = self.nodes[&a].parent;
        }
        rest.is_empty()
    }

    fn matches(&self, id: u32, compound: &str) -> bool {
        let n = &self.nodes[&id];
        if n.tag.is_empty() || n.tag == "#root" {
            return false;
        }
        let attr = |k: &str| {
            n.attrs
                .iter()
                .find(|(a, _)| a == k)
                .map(|(_, v)| v.as_str())
        };
        let (head, filters) = compound
            .split_once('[')
            .map_or((compound, ""), |(h, f)| (h, f));
        let mut pieces = head.split('.');
        let tag = pieces.next().unwrap_or("");
        if !tag.is_empty() && tag != n.tag {
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
