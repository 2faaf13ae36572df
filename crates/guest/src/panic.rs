//! Panics: the message goes to the host through the `fail` import, then the guest traps.
//!
//! Formatting is avoided on purpose: a panic with a plain message (`panic!("no cart")`,
//! `unwrap()` on `None`, `expect("...")` on an `Option`) is reported verbatim with its
//! location. A message with arguments (`panic!("{}", x)`, index out of bounds) needs
//! `core::fmt`; only with the `fmt-panic` feature is it formatted, otherwise its location is
//! reported with a hint. The report fits in 512 bytes (longer messages are cut).

use core::panic::Location;

/// A fixed buffer for the report: a panic must not allocate (it may be an out-of-memory).
pub(crate) struct Report {
    buf: [u8; 512],
    len: usize,
}

impl Report {
    pub(crate) fn new() -> Report {
        Report {
            buf: [0; 512],
            len: 0,
        }
    }

    /// Appends as much of `s` as fits, cut at a character boundary.
    pub(crate) fn push(&mut self, s: &str) {
        let mut n = s.len().min(self.buf.len().saturating_sub(self.len));
        while !s.is_char_boundary(n) {
            n -= 1;
        }
        for &b in s.as_bytes().iter().take(n) {
            if let Some(d) = self.buf.get_mut(self.len) {
                *d = b;
                self.len += 1;
            }
        }
    }

    fn push_u32(&mut self, v: u32) {
        let mut digits = [0u8; 10];
        let mut i = digits.len();
        let mut v = v;
        while let Some(d) = i.checked_sub(1).and_then(|j| digits.get_mut(j)) {
            *d = b'0' + (v % 10) as u8;
            i -= 1;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        // SAFETY: ASCII digits.
        self.push(unsafe { core::str::from_utf8_unchecked(digits.get(i..).unwrap_or(&[])) });
    }

    /// `panicked at file:line:col: ` (or `panicked: ` without a location).
    pub(crate) fn location(&mut self, loc: Option<&Location<'_>>) {
        self.push("panicked");
        if let Some(l) = loc {
            self.push(" at ");
            self.push(l.file());
            self.push(":");
            self.push_u32(l.line());
            self.push(":");
            self.push_u32(l.column());
        }
        self.push(": ");
    }

    /// The report so far.
    pub(crate) fn text(&self) -> &str {
        // SAFETY: only whole characters of `str`s were copied in.
        unsafe { core::str::from_utf8_unchecked(self.buf.get(..self.len).unwrap_or(&[])) }
    }

    /// Sends the report to the host as a panic message.
    pub(crate) fn send(&self) {
        let t = self.text();
        // SAFETY: a live borrowed string.
        unsafe { crate::abi::fail(t.as_ptr(), t.len()) }
    }
}

impl core::fmt::Write for Report {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        self.push(s);
        Ok(())
    }
}

/// The hint that replaces a message that needs formatting.
pub(crate) const NO_FMT: &str = "(formatted message: see tessera-guest feature fmt-panic)";

#[cfg(all(target_arch = "wasm32", not(feature = "std"), not(test)))]
#[panic_handler]
fn on_panic(info: &core::panic::PanicInfo<'_>) -> ! {
    let mut r = Report::new();
    r.location(info.location());
    let msg = info.message();
    match msg.as_str() {
        Some(s) => r.push(s),
        #[cfg(feature = "fmt-panic")]
        None => {
            let _ = core::fmt::Write::write_fmt(&mut r, format_args!("{msg}"));
        }
        #[cfg(not(feature = "fmt-panic"))]
        None => r.push(NO_FMT),
    }
    r.send();
    core::arch::wasm32::unreachable()
}

/// With `std`: a panic hook that reports like the handler above (installed at mount).
#[cfg(feature = "std")]
pub(crate) fn install_hook() {
    extern crate std;
    std::panic::set_hook(std::boxed::Box::new(|info| {
        let mut r = Report::new();
        r.location(info.location());
        match info.payload().downcast_ref::<&str>() {
            Some(s) => r.push(s),
            None => match info.payload().downcast_ref::<std::string::String>() {
                Some(s) => r.push(s),
                None => r.push(NO_FMT),
            },
        }
        r.send();
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_names_the_location_and_cuts_long_messages() {
        let mut r = Report::new();
        r.location(Some(Location::caller()));
        r.push("boom");
        assert!(r.text().starts_with("panicked at crates/guest/src/panic.rs:"));
        assert!(r.text().ends_with(": boom"), "{}", r.text());
        let mut long = Report::new();
        for _ in 0..200 {
            long.push("é€"); // 5 bytes: the cut must fall on a character boundary
        }
        assert!(long.text().len() <= 512 && long.text().len() > 500);
    }
}
