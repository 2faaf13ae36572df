//! RFC 3986 section 5.2 reference resolution.

use alloc::string::String;
use alloc::string::ToString;
use alloc::vec::Vec;

use super::parse::{parse, Parts};
use super::UrlError;

/// Resolves `reference` against `base` as RFC 3986 section 5.2 says, after checking both the way
/// the manifest checks `module` (so `javascript:` and friends are refused here too); the empty
/// reference, which the manifest refuses, resolves to the base as RFC 3986 says.
///
/// `base` is normally the manifest's own absolute URL: `https://shop.example/app/tessera.json`
/// and `components/cart.wasm` give `https://shop.example/app/components/cart.wasm`. A `base`
/// without a scheme also works and is how the CLI resolves files: `www/tessera.json` and
/// `components/cart.wasm` give `www/components/cart.wasm`; for such relative bases, `..`
/// segments that climb above the base are kept (`a.json` and `../x.wasm` give `../x.wasm`).
///
/// ```
/// use tessera_manifest::resolve_url;
/// let base = "https://shop.example/app/tessera.json";
/// assert_eq!(resolve_url(base, "../cdn/cart.wasm").unwrap(), "https://shop.example/cdn/cart.wasm");
/// assert_eq!(resolve_url(base, "//cdn.example/x.wasm").unwrap(), "https://cdn.example/x.wasm");
/// assert!(resolve_url(base, "javascript:alert(1)").is_err());
/// ```
pub fn resolve_url(base: &str, reference: &str) -> Result<String, UrlError> {
    let b = parse(base)?;
    let r = match reference {
        "" => Parts {
            scheme: None,
            authority: None,
            path: "",
            query: None,
            fragment: None,
        },
        _ => parse(reference)?,
    };
    let t = if r.scheme.is_some() {
        Parts {
            path: &remove_dots(r.path, false),
            ..r
        }
        .to_string_with_path()
    } else {
        let (authority, path, query) = if r.authority.is_some() {
            (r.authority, remove_dots(r.path, false), r.query)
        } else if r.path.is_empty() {
            (b.authority, b.path.to_string(), r.query.or(b.query))
        } else if r.path.starts_with('/') {
            (b.authority, remove_dots(r.path, false), r.query)
        } else {
            let merged = merge(&b, r.path);
            let relative = b.scheme.is_none() && b.authority.is_none() && !merged.starts_with('/');
            (b.authority, remove_dots(&merged, relative), r.query)
        };
        Parts {
            scheme: b.scheme,
            authority,
            path: &path,
            query,
            fragment: r.fragment,
        }
        .to_string_with_path()
    };
    Ok(t)
}

impl Parts<'_> {
    /// Recomposes the reference (RFC 3986 section 5.3).
    fn to_string_with_path(self) -> String {
        let mut out = String::new();
        if let Some(scheme) = self.scheme {
            out.push_str(scheme);
            out.push(':');
        }
        if let Some(authority) = self.authority {
            out.push_str("//");
            out.push_str(authority);
        }
        out.push_str(self.path);
        if let Some(query) = self.query {
            out.push('?');
            out.push_str(query);
        }
        if let Some(fragment) = self.fragment {
            out.push('#');
            out.push_str(fragment);
        }
        out
    }
}

/// RFC 3986 section 5.2.3.
fn merge(base: &Parts<'_>, path: &str) -> String {
    if base.authority.is_some() && base.path.is_empty() {
        let mut out = String::from("/");
        out.push_str(path);
        return out;
    }
    match base.path.rfind('/') {
        Some(i) => {
            let mut out = base.path[..=i].to_string();
            out.push_str(path);
            out
        }
        None => path.to_string(),
    }
}

/// RFC 3986 section 5.2.4, on segments. With `keep_parents` (a relative path resolved against a
/// relative base), `..` that climbs above the start is kept instead of dropped.
fn remove_dots(path: &str, keep_parents: bool) -> String {
    let absolute = path.starts_with('/');
    let body = if absolute { &path[1..] } else { path };
    let segments: Vec<&str> = body.split('/').collect();
    let last = segments.len() - 1;
    let mut out: Vec<&str> = Vec::with_capacity(segments.len());
    for (i, segment) in segments.iter().enumerate() {
        match *segment {
            "." => {}
            ".." => match out.last() {
                Some(&top) if top != ".." => {
                    out.pop();
                }
                _ if keep_parents && !absolute => out.push(".."),
                _ => {}
            },
            other => out.push(other),
        }
        if i == last && (*segment == "." || *segment == "..") {
            out.push("");
        }
    }
    let mut result = String::with_capacity(path.len());
    if absolute {
        result.push('/');
    }
    result.push_str(&out.join("/"));
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The normal examples of RFC 3986 section 5.4.1 (those a manifest accepts).
    #[test]
    fn rfc_3986_normal_examples() {
        let base = "http://a/b/c/d;p?q";
        for (reference, expected) in [
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("g#s", "http://a/b/c/g#s"),
            ("g?y#s", "http://a/b/c/g?y#s"),
            (";x", "http://a/b/c/;x"),
            ("g;x", "http://a/b/c/g;x"),
            ("g;x?y#s", "http://a/b/c/g;x?y#s"),
            ("", "http://a/b/c/d;p?q"),
            (".", "http://a/b/c/"),
            ("./", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../", "http://a/"),
            ("../../g", "http://a/g"),
        ] {
            assert_eq!(
                resolve_url(base, reference).as_deref(),
                Ok(expected),
                "{reference}"
            );
        }
    }

    /// The abnormal examples of RFC 3986 section 5.4.2 (those a manifest accepts).
    #[test]
    fn rfc_3986_abnormal_examples() {
        let base = "http://a/b/c/d;p?q";
        for (reference, expected) in [
            ("../../../g", "http://a/g"),
            ("../../../../g", "http://a/g"),
            ("/./g", "http://a/g"),
            ("/../g", "http://a/g"),
            ("g.", "http://a/b/c/g."),
            (".g", "http://a/b/c/.g"),
            ("g..", "http://a/b/c/g.."),
            ("..g", "http://a/b/c/..g"),
            ("./../g", "http://a/b/g"),
            ("./g/.", "http://a/b/c/g/"),
            ("g/./h", "http://a/b/c/g/h"),
            ("g/../h", "http://a/b/c/h"),
            ("g;x=1/./y", "http://a/b/c/g;x=1/y"),
            ("g;x=1/../y", "http://a/b/c/y"),
            ("g?y/./x", "http://a/b/c/g?y/./x"),
            ("g#s/../x", "http://a/b/c/g#s/../x"),
            ("http:g", "http:g"),
        ] {
            let got = resolve_url(base, reference);
            if reference == "http:g" {
                assert_eq!(
                    got,
                    Err(UrlError::MissingHost),
                    "a manifest refuses http: without a host"
                );
            } else {
                assert_eq!(got.as_deref(), Ok(expected), "{reference}");
            }
        }
    }

    #[test]
    fn relative_bases_resolve_like_file_paths() {
        assert_eq!(
            resolve_url("www/tessera.json", "components/c.wasm").as_deref(),
            Ok("www/components/c.wasm")
        );
        assert_eq!(
            resolve_url("tessera.json", "c.wasm").as_deref(),
            Ok("c.wasm")
        );
        assert_eq!(
            resolve_url("tessera.json", "../c.wasm").as_deref(),
            Ok("../c.wasm")
        );
        assert_eq!(
            resolve_url("a/b/t.json", "../../../c.wasm").as_deref(),
            Ok("../c.wasm")
        );
        assert_eq!(
            resolve_url("/srv/www/t.json", "../c.wasm").as_deref(),
            Ok("/srv/c.wasm")
        );
        assert_eq!(
            resolve_url("www/t.json", "https://cdn.example/c.wasm").as_deref(),
            Ok("https://cdn.example/c.wasm")
        );
    }

    #[test]
    fn refuses_bad_references_and_bases() {
        let base = "https://shop.example/";
        assert_eq!(
            resolve_url(base, "data:application/wasm;base64,AA"),
            Err(UrlError::ForbiddenScheme("data".into()))
        );
        assert_eq!(
            resolve_url(base, "JavaScript:x"),
            Err(UrlError::ForbiddenScheme("javascript".into()))
        );
        assert_eq!(
            resolve_url(base, "ftp://x/y"),
            Err(UrlError::UnsupportedScheme("ftp".into()))
        );
        assert_eq!(resolve_url(base, "a b"), Err(UrlError::Whitespace));
        assert_eq!(resolve_url(base, "a\\b"), Err(UrlError::Character('\\')));
        assert_eq!(resolve_url(base, "%zz"), Err(UrlError::BadPercentEncoding));
        assert_eq!(
            resolve_url(base, "https://u:p@h/x"),
            Err(UrlError::Credentials)
        );
        assert_eq!(
            resolve_url(base, "https://h:99999/x"),
            Err(UrlError::BadPort("99999".into()))
        );
        assert_eq!(resolve_url(base, "https:///x"), Err(UrlError::MissingHost));
        assert_eq!(
            resolve_url(base, "a_b:c"),
            Err(UrlError::InvalidScheme("a_b".into()))
        );
        assert_eq!(resolve_url("", "x"), Err(UrlError::Empty));
        assert_eq!(
            resolve_url("https://[::1]:8080/a/", "b").as_deref(),
            Ok("https://[::1]:8080/a/b")
        );
    }
}
