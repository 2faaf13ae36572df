//! [`css!`](crate::css!): CSS minified at compile time, so a component's `STYLE` costs only the
//! bytes the browser needs.

/// Minifies CSS in a constant: `const STYLE: &'static str = css!(include_str!("app.css"));`.
///
/// It removes comments, collapses whitespace, and drops the whitespace next to `{ } ; , >`
/// and after `:`, and the `;` before `}`. Quoted strings are kept as written. It does not
/// touch whitespace around `+`, `-` or `~` (significant in `calc()` and selectors).
#[macro_export]
macro_rules! css {
    ($css:expr) => {{
        const SRC: &str = $css;
        const LEN: usize = $crate::css::minify::<0>(SRC).1;
        const OUT: [u8; LEN] = $crate::css::minify::<LEN>(SRC).0;
        match ::core::str::from_utf8(&OUT) {
            Ok(s) => s,
            Err(_) => panic!("css! cut a character"),
        }
    }};
}

const fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Whitespace next to these bytes is never needed.
const fn is_tight(b: u8) -> bool {
    matches!(b, b'{' | b'}' | b';' | b',' | b'>')
}

/// Writes the minified `src` into an array of `N` bytes (as much as fits) and returns it with
/// the full minified length. Call it with `N = 0` to learn the length.
#[doc(hidden)]
pub const fn minify<const N: usize>(src: &str) -> ([u8; N], usize) {
    let s = src.as_bytes();
    let mut out = [0u8; N];
    let (mut i, mut n) = (0, 0);
    // The last byte written, `0` at the start.
    let mut last = 0u8;
    let mut pending_space = false;
    while i < s.len() {
        let b = s[i];
        if b == b'/' && i + 1 < s.len() && s[i + 1] == b'*' {
            i += 2;
            while i + 1 < s.len() && !(s[i] == b'*' && s[i + 1] == b'/') {
                i += 1;
            }
            i += 2;
            pending_space = true;
            continue;
        }
        if is_space(b) {
            pending_space = true;
            i += 1;
            continue;
        }
        if pending_space && last != 0 && !is_tight(last) && last != b':' && !is_tight(b) {
            if n < N {
                out[n] = b' ';
            }
            n += 1;
        }
        pending_space = false;
        if b == b'}' && last == b';' {
            n -= 1; // drop the `;` before `}`
        }
        if b == b'"' || b == b'\'' {
            // Copy a string verbatim, escapes included.
            let quote = b;
            loop {
                if n < N {
                    out[n] = s[i];
                }
                n += 1;
                i += 1;
                if i >= s.len() || (s[i] == quote && s[i - 1] != b'\\') {
                    break;
                }
            }
            if i < s.len() {
                if n < N {
                    out[n] = quote;
                }
                n += 1;
            }
            last = quote;
            i += 1;
            continue;
        }
        if n < N {
            out[n] = b;
        }
        n += 1;
        last = b;
        i += 1;
    }
    (out, n)
}

#[cfg(test)]
mod tests {
    const MIN: &str = crate::css!(
        "/* card */\n.a  >  .b ,\n.c:hover {\n  color : red;\n  margin: 0 auto ;\n}\n\
         .d::after { content: \"a  ;  b\"; width: calc(100% - 2px) }\n"
    );

    #[test]
    fn minifies_without_changing_meaning() {
        assert_eq!(
            MIN,
            ".a>.b,.c:hover{color :red;margin:0 auto}.d::after{content:\"a  ;  b\";width:calc(100% - 2px)}"
        );
    }
}
