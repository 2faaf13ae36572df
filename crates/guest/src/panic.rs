//! Panics: the message goes to the host through the `fail` import, then the guest traps.
//!
//! Formatting is avoided on purpose (it costs kilobytes): by default a panic with a plain
//! message (`panic!("no cart")`, `unwrap()` on `None`, `expect("...")` on an `Option`) is
//! reported verbatim, and a message with arguments (`panic!("{}", x)`, index out of bounds) is
//! replaced by a hint. With the `fmt-panic` feature every message is formatted and the
//! location is added: `panicked at src/lib.rs:12: index out of bounds: ...` (about 2 KB more),
//! cut at 256 bytes.

/// The report buffer: a panic must not allocate (it may be an out-of-memory).
#[cfg_attr(not(any(feature = "fmt-panic", feature = "std")), allow(dead_code))]
pub(crate) struct Report {
    buf: [u8; 256],
    len: usize,
}

#[cfg_attr(not(any(feature = "fmt-panic", feature = "std")), allow(dead_code))]
impl Report {
    pub(crate) const fn new() -> Report {
        Report {
            buf: [0; 256],
            len: 0,
        }
    }

    /// Appends as much of `s` as fits.
    pub(crate) fn push(&mut self, s: &str) {
        for &b in s.as_bytes() {
            self.byte(b);
        }
    }

    fn byte(&mut self, b: u8) {
        if let Some(d) = self.buf.get_mut(self.len) {
            *d = b;
            self.len += 1;
        }
    }

    fn push_u32(&mut self, mut v: u32) {
        let mut digits = [b'0'; 10];
        let mut i = digits.len();
        while let Some(d) = i.checked_sub(1).and_then(|j| digits.get_mut(j)) {
            *d = b'0' + (v % 10) as u8;
            i -= 1;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        for &b in digits.get(i..).unwrap_or(&[]) {
            self.byte(b);
        }
    }

    /// `panicked at file:line: ` (or `panicked: ` without a location).
    pub(crate) fn location(&mut self, loc: Option<&core::panic::Location<'_>>) {
        self.push("panicked");
        if let Some(l) = loc {
            self.push(" at ");
            self.push(l.file());
            self.push(":");
            self.push_u32(l.line());
        }
        self.push(": ");
    }

    /// The report so far. When it filled the buffer, the last character is dropped in case it
    /// was cut (everything pushed is whole `str`s, so only the end can be cut).
    pub(crate) fn text(&self) -> &str {
        let mut n = self.len;
        if n == self.buf.len() {
            while self
                .buf
                .get(n.wrapping_sub(1))
                .is_some_and(|b| b & 0xC0 == 0x80)
            {
                n -= 1;
            }
            n = n.saturating_sub(1);
        }
        // SAFETY: whole characters only, see above.
        unsafe { core::str::from_utf8_unchecked(self.buf.get(..n).unwrap_or(&[])) }
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
#[cfg_attr(feature = "fmt-panic", allow(dead_code))]
pub(crate) const NO_FMT: &str = "panicked (message: see feature fmt-panic)";

#[cfg(all(target_arch = "wasm32", not(feature = "std"), not(test)))]
#[panic_handler]
fn on_panic(info: &core::panic::PanicInfo<'_>) -> ! {
    #[cfg(not(feature = "fmt-panic"))]
    {
        let msg = info.message().as_str().unwrap_or(NO_FMT);
        // SAFETY: a live borrowed string.
        unsafe { crate::abi::fail(msg.as_ptr(), msg.len()) }
    }
    #[cfg(feature = "fmt-panic")]
    {
        // One report at a time: a static buffer keeps the stack small and allocates nothing.
        struct Slot(core::cell::UnsafeCell<Report>);
        // SAFETY: wasm32-unknown-unknown without `atomics` runs one thread.
        unsafe impl Sync for Slot {}
        static REPORT: Slot = Slot(core::cell::UnsafeCell::new(Report::new()));
        // A panic while formatting (a `Display` that panics) must not reuse the buffer.
        static BUSY: core::sync::atomic::AtomicBool = core::sync::atomic::AtomicBool::new(false);
        if BUSY.swap(true, core::sync::atomic::Ordering::Relaxed) {
            core::arch::wasm32::unreachable()
        }
        // SAFETY: single-threaded, and `BUSY` keeps a nested panic out.
        let r = unsafe { &mut *REPORT.0.get() };
        r.len = 0;
        r.location(info.location());
        let _ = core::fmt::Write::write_fmt(r, format_args!("{}", info.message()));
        r.send();
    }
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
        r.location(Some(core::panic::Location::caller()));
        r.push("boom");
        assert!(r
            .text()
            .starts_with("panicked at crates/guest/src/panic.rs:"));
        assert!(r.text().ends_with(": boom"), "{}", r.text());
        let mut long = Report::new();
        for _ in 0..100 {
            long.push("é€"); // 5 bytes: the cut falls inside a character
        }
        assert!(long.text().len() <= 256 && long.text().len() > 250);
    }
}
