//! Element constructors: `use tessera_guest::html::*;` brings the builder into scope.
//!
//! Each function is `el("tag")`; use [`el`] for any other tag of the host's allowlist.

pub use crate::node::{el, text, Node, Str};

macro_rules! tags {
    ($($name:ident),* $(,)?) => {$(
        #[doc = concat!("A `<", stringify!($name), ">` element.")]
        pub fn $name<M>() -> Node<M> {
            el(stringify!($name))
        }
    )*};
}

// Every tag of the host's allowlist (docs/abi.md) except `style`, which has its own function,
// and `main`, which would clash with a binary's `fn main` under a glob import: `el("main")`.
tags!(
    a, abbr, article, aside, b, blockquote, br, button, caption, code, col, colgroup, dd, del,
    details, dfn, div, dl, dt, em, fieldset, figcaption, figure, footer, form, h1, h2, h3, h4, h5,
    h6, header, hr, i, img, input, ins, kbd, label, legend, li, mark, meter, nav, ol, optgroup,
    option, output, p, pre, progress, q, s, samp, section, select, small, span, strong, sub,
    summary, sup, table, tbody, td, textarea, tfoot, th, thead, time, tr, u, ul, var,
);

/// A `<style>` element holding `css`. Scoped: it lives in the component's shadow root.
/// [`crate::Component::STYLE`] is usually simpler.
pub fn style<M>(css: impl Into<Str>) -> Node<M> {
    el("style").text(css)
}
