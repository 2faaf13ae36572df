//! Fetching a module: Subresource Integrity checked by the browser, one abort signal, retries
//! with exponential backoff for transient failures, and the `application/wasm` content type.
//!
//! Transient means a network error, or status 408, 429 or 5xx; nothing else is retried. The
//! timeout (see [`crate::stop`]) covers every attempt and the compile that follows.
//!
//! **How an integrity failure is told apart from a network error.** With `integrity` set, the
//! browser reads the whole body, hashes it, and on a mismatch rejects `fetch` with the same bare
//! `TypeError` it uses for a network error (the hashes only go to the console). So when a request
//! with integrity rejects, the loader asks once more *without* integrity, on the same signal: if
//! that response is OK the server is fine and the bytes are wrong (`integrity`); if it has an error
//! status that status is reported (`http-status`); if it fails too it was the network
//! (`fetch-failed`, retried). Nothing from the probe is used, and its body is cancelled at once.

use crate::errors::Error;
use crate::options::Options;
use crate::stop::Stopper;
use crate::sys;
use alloc::string::String;
use js_sys::Promise;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestInit, Response};

/// What to fetch.
pub(crate) struct Request<'a> {
    /// The absolute URL.
    pub url: &'a str,
    /// The manifest's `integrity`, when it has one.
    pub integrity: Option<&'a str>,
    /// Whether the response must be `application/wasm` (modules yes, the manifest no).
    pub wasm: bool,
    /// Retries, delays and the page's fetch function.
    pub options: &'a Options,
}

/// Fetches `request` until it succeeds, fails for good, or `stop` is pulled.
pub(crate) async fn fetch(request: &Request<'_>, stop: &Stopper) -> Result<Response, Error> {
    let mut attempt = 1;
    loop {
        let result = once(request, stop, attempt).await;
        let transient = match &result {
            Err(Error::FetchFailed { .. }) => true,
            Err(Error::HttpStatus { status, .. }) => matches!(status, 408 | 429 | 500..=599),
            _ => false,
        };
        if !transient || attempt > request.options.retries {
            return result;
        }
        let mut delay = request.options.retry_delay_ms as f64;
        for _ in 1..attempt {
            delay *= 2.0;
        }
        sys::sleep(delay).await;
        if let Some(why) = stop.why() {
            return Err(why.error(request.url));
        }
        attempt += 1;
    }
}

/// One attempt, with the integrity probe described in the module docs.
async fn once(request: &Request<'_>, stop: &Stopper, attempt: u32) -> Result<Response, Error> {
    let url = request.url;
    let cause = match send(request, request.integrity, stop).await {
        Ok(response) => return check(request, response),
        Err(cause) => cause,
    };
    if let Some(why) = stop.why() {
        return Err(why.error(url));
    }
    if request.integrity.is_some() {
        if let Ok(probe) = send(request, None, stop).await {
            if !probe.ok() {
                return check(request, probe);
            }
            cancel(&probe);
            return Err(Error::Integrity { url: url.into() });
        }
    }
    Err(Error::FetchFailed {
        url: url.into(),
        attempts: attempt,
        cause,
    })
}

/// Calls the page's fetch (or the global one) on the stop signal.
async fn send(
    request: &Request<'_>,
    integrity: Option<&str>,
    stop: &Stopper,
) -> Result<Response, JsValue> {
    let init = RequestInit::new();
    init.set_signal(Some(&stop.signal()));
    if let Some(integrity) = integrity {
        init.set_integrity(integrity);
    }
    let promise = match &request.options.fetch {
        Some(f) => Promise::resolve(&f.call2(&JsValue::NULL, &request.url.into(), &init)?),
        None => sys::fetch(request.url, &init),
    };
    let response = JsFuture::from(promise).await?;
    response.dyn_into::<Response>().map_err(|v| {
        js_sys::TypeError::new(&cat!("fetch gave ", sys::string(&v), ", not a Response")).into()
    })
}

/// Turns an error status or a wrong content type into an error.
fn check(request: &Request<'_>, response: Response) -> Result<Response, Error> {
    let url = request.url;
    if !response.ok() {
        cancel(&response);
        return Err(Error::HttpStatus {
            url: url.into(),
            status: response.status(),
        });
    }
    if request.wasm {
        let found = header(&response, "content-type").unwrap_or_default();
        let essence = found.split(';').next().unwrap_or_default().trim();
        if !essence.eq_ignore_ascii_case("application/wasm") {
            cancel(&response);
            return Err(Error::ContentType {
                url: url.into(),
                found,
            });
        }
    }
    Ok(response)
}

/// The body size the server announced: `Content-Length`, unless a `Content-Encoding` other than
/// `identity` makes it the compressed size.
pub(crate) fn announced_length(response: &Response) -> Option<u64> {
    let encoding = header(response, "content-encoding");
    if encoding.is_some_and(|e| !e.eq_ignore_ascii_case("identity")) {
        return None;
    }
    header(response, "content-length")?.trim().parse().ok()
}

/// A response header's value.
fn header(response: &Response, name: &str) -> Option<String> {
    response.headers().get(name).ok().flatten()
}

/// Stops downloading a body the loader will not read.
pub(crate) fn cancel(response: &Response) {
    if let Some(body) = response.body() {
        let _ = body.cancel();
    }
}
