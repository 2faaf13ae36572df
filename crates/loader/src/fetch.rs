//! Fetching: Subresource Integrity checked by the browser, one abort switch, retries with
//! exponential backoff for transient failures, and the checks on the response.
//!
//! `net.js` does the requests: it retries a network error or status 408, 429 or 5xx (nothing
//! else), and resolves with the last response. This module decides what that outcome means:
//! a stop recorded on the switch, an integrity failure, a network failure, an error status, a
//! wrong content type. The timeout (see [`crate::stop`]) covers every attempt and the compile.
//!
//! **How an integrity failure is told apart from a network error.** With `integrity` set, the
//! browser reads the whole body, hashes it, and on a mismatch rejects `fetch` with the same bare
//! `TypeError` it uses for a network error (the hashes only go to the console). So when a request
//! with integrity rejects, `net.js` asks once more *without* integrity, on the same switch: if
//! that response is OK the server is fine and the bytes are wrong (`integrity`); if it has an
//! error status that status counts (`http-status`, retried when transient); if it fails too it
//! was the network (`fetch-failed`, retried). Nothing from the probe is used; its body is
//! cancelled at once.

use crate::errors::Error;
use crate::stop::Stopper;
use crate::sys::{self, Options, Response};
use crate::text::field;
use alloc::string::String;
use js_sys::Promise;
use wasm_bindgen::{JsCast, JsValue};

/// What to fetch.
pub(crate) struct Request<'a> {
    /// The absolute URL.
    pub url: &'a str,
    /// The manifest's `integrity`, when it has one.
    pub integrity: Option<&'a str>,
    /// Whether the response must be `application/wasm` (modules yes, the manifest no).
    pub wasm: bool,
}

impl Request<'_> {
    /// Starts fetching (every attempt) on `stop`'s switch; settle the promise with [`Request::settled`].
    pub(crate) fn send(&self, options: &Options, stop: &Stopper) -> Promise {
        sys::fetch_retry(self.url, self.integrity, options, &stop.switch)
    }

    /// The response if the fetch settled with a usable one, else the error it means.
    pub(crate) fn settled(
        &self,
        outcome: Result<JsValue, JsValue>,
        stop: &Stopper,
    ) -> Result<Response, Error> {
        let url = self.url;
        let failure = match outcome {
            Ok(response) => return self.check(response.unchecked_into()),
            Err(failure) => failure,
        };
        if let Some(why) = stop.why() {
            return Err(why.error(url));
        }
        match sys::attempts(&failure) {
            0 => Err(Error::Integrity { url: url.into() }),
            attempts => Err(Error::FetchFailed {
                url: url.into(),
                attempts,
                cause: field(&failure, "cause"),
                no_response: true,
            }),
        }
    }

    /// Turns an error status (outside 200-299, what `response.ok` means) or a wrong content type
    /// into an error.
    fn check(&self, response: Response) -> Result<Response, Error> {
        let url = self.url;
        let status = sys::status(&response);
        if !(200..300).contains(&status) {
            sys::cancel(&response);
            return Err(Error::HttpStatus {
                url: url.into(),
                status,
            });
        }
        if self.wasm {
            let found = header(&response, "content-type").unwrap_or_default();
            // The essence is what comes before any `;` (a byte loop: `split` brings a searcher).
            let bytes = found.as_bytes();
            let end = bytes.iter().position(|&b| b == b';').unwrap_or(bytes.len());
            let essence = bytes[..end].trim_ascii();
            if !essence.eq_ignore_ascii_case(b"application/wasm") {
                sys::cancel(&response);
                return Err(Error::ContentType {
                    url: url.into(),
                    found,
                });
            }
        }
        Ok(response)
    }
}

/// The body size the server announced: `Content-Length`, unless a `Content-Encoding` other than
/// `identity` makes it the compressed size.
pub(crate) fn announced_length(response: &Response) -> Option<u64> {
    let encoding = header(response, "content-encoding");
    if encoding.is_some_and(|e| !e.eq_ignore_ascii_case("identity")) {
        return None;
    }
    header(response, "content-length")?
        .trim_ascii()
        .parse()
        .ok()
}

/// The URL the response came from (after redirects), when the browser tells it.
pub(crate) fn final_url(response: &Response) -> Option<String> {
    field(response, "url").as_string().filter(|u| !u.is_empty())
}

/// A response header, `None` when absent. (Strings cross as a `JsValue`: a binding that returns
/// `Option<String>` needs more glue.)
fn header(response: &Response, name: &str) -> Option<String> {
    sys::header(response, name).as_string()
}
