//! Turning a problem's path (`components[0]["x y"].budget`) into a JSON Pointer (`/components/0/x y/budget`).

/// The JSON Pointer (RFC 6901) of a problem path.
pub fn pointer(path: &str) -> String {
    let mut out = String::new();
    let mut chars = path.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '.' => {}
            '[' if chars.peek() == Some(&'"') => {
                chars.next();
                out.push('/');
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => match chars.next() {
                            Some('n') => out.push('\n'),
                            Some('r') => out.push('\r'),
                            Some('t') => out.push('\t'),
                            Some('u') => {
                                let hex: String = chars.by_ref().take(4).collect();
                                out.push(
                                    char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap(),
                                );
                            }
                            Some(other) => out.push(other),
                            None => panic!("bad escape in {path}"),
                        },
                        c => push_token_char(&mut out, c),
                    }
                }
                assert_eq!(chars.next(), Some(']'), "unclosed quoted key in {path}");
            }
            '[' => {
                out.push('/');
                for c in chars.by_ref() {
                    if c == ']' {
                        break;
                    }
                    out.push(c);
                }
            }
            c => {
                out.push('/');
                push_token_char(&mut out, c);
                while let Some(&next) = chars.peek() {
                    if next == '.' || next == '[' {
                        break;
                    }
                    push_token_char(&mut out, next);
                    chars.next();
                }
            }
        }
    }
    out
}

fn push_token_char(out: &mut String, c: char) {
    match c {
        '~' => out.push_str("~0"),
        '/' => out.push_str("~1"),
        c => out.push(c),
    }
}
