//! The SDK's one error type: the negative codes of docs/abi.md.

use core::fmt;

/// A refusal reported by the host, one variant per error code of docs/abi.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Error {
    /// `-1`: a pointer or length outside the guest's memory (the host ends the component).
    OutOfBounds,
    /// `-2`: a truncated operation, an unknown opcode, or text that is not UTF-8.
    Malformed,
    /// `-3`: a tag outside the host's allowlist.
    RefusedTag,
    /// `-4`: an attribute the host refuses (`on*`, `srcdoc`, ...).
    RefusedAttribute,
    /// `-5`: a URL attribute with a refused scheme (`javascript:`, `data:`, ...).
    RefusedUrl,
    /// `-6`: a node or listener id that does not exist.
    UnknownNode,
    /// `-7`: a `CREATE_*` with an id that is already live.
    IdInUse,
    /// `-8`: the manifest does not grant this topic.
    CapabilityDenied,
    /// `-9`: a per-component limit was reached (nodes, listeners, timers, batch size).
    Limit,
    /// A negative code this version of the SDK does not know (a newer host).
    Unknown(i32),
}

impl Error {
    /// Maps an import's result to `Ok(value)` (`>= 0`) or the error it names.
    pub fn check(code: i32) -> Result<i32, Error> {
        if code >= 0 {
            return Ok(code);
        }
        Err(match code {
            -1 => Error::OutOfBounds,
            -2 => Error::Malformed,
            -3 => Error::RefusedTag,
            -4 => Error::RefusedAttribute,
            -5 => Error::RefusedUrl,
            -6 => Error::UnknownNode,
            -7 => Error::IdInUse,
            -8 => Error::CapabilityDenied,
            -9 => Error::Limit,
            other => Error::Unknown(other),
        })
    }

    /// The numeric code of docs/abi.md (`-1` ... `-9`).
    pub fn code(self) -> i32 {
        match self {
            Error::OutOfBounds => -1,
            Error::Malformed => -2,
            Error::RefusedTag => -3,
            Error::RefusedAttribute => -4,
            Error::RefusedUrl => -5,
            Error::UnknownNode => -6,
            Error::IdInUse => -7,
            Error::CapabilityDenied => -8,
            Error::Limit => -9,
            Error::Unknown(code) => code,
        }
    }

    /// The stable name of the code, as docs/abi.md spells it (`"refused-tag"`).
    pub fn name(self) -> &'static str {
        match self {
            Error::OutOfBounds => "out-of-bounds",
            Error::Malformed => "malformed",
            Error::RefusedTag => "refused-tag",
            Error::RefusedAttribute => "refused-attribute",
            Error::RefusedUrl => "refused-url",
            Error::UnknownNode => "unknown-node",
            Error::IdInUse => "id-in-use",
            Error::CapabilityDenied => "capability-denied",
            Error::Limit => "limit",
            Error::Unknown(_) => "unknown-error",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "host refused the call: {} ({})",
            self.name(),
            self.code()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_round_trips() {
        for code in -10..=0 {
            match Error::check(code) {
                Ok(v) => assert_eq!(v, code),
                Err(e) => assert_eq!(e.code(), code),
            }
        }
        assert_eq!(Error::check(7), Ok(7));
        assert_eq!(Error::check(-3), Err(Error::RefusedTag));
        assert_eq!(Error::RefusedUrl.name(), "refused-url");
        assert_eq!(
            Error::Unknown(-42).to_string(),
            "host refused the call: unknown-error (-42)"
        );
    }
}
