//! Scanning a component's module while it downloads: the host refuses a module whose memory it
//! cannot cap, or that would run code at instantiation, before compiling it.
//!
//! [`Scan`] reads the module's section headers as the bytes stream in, in chunks split anywhere,
//! and keeps O(1) memory: every section is skipped unread except the memory section (id 5), whose
//! few bytes it buffers and checks. A module passes when its header is `\0asm` version 1, it has
//! no start section (id 8), and it defines at most one memory, 32-bit, not shared, with a maximum
//! of at most the cap in pages. A module without a memory section passes (it has no memory of its
//! own; the host provides none to import). Everything else — the sections' order and contents —
//! is left to the engine's validation when the module compiles.
//!
//! ```
//! use tessera_abi::module::{Refused, Scan};
//! let mut scan = Scan::new(4);
//! assert_eq!(scan.feed(b"\0asm\x01\0\0\0\x05\x04\x01"), Ok(()));
//! assert_eq!(scan.feed(b"\x01\x01\x09"), Err(Refused::OverCap { max: 9, cap: 4 }));
//! assert_eq!(scan.finish(), Err(Refused::OverCap { max: 9, cap: 4 }));
//! ```

use crate::limits::DEFAULT_MAX_MEMORY_PAGES;

/// The module header: the magic `\0asm` and version 1.
const HEADER: [u8; 8] = *b"\0asm\x01\0\0\0";
/// The start section's id.
const START: u8 = 8;
/// The memory section's id.
const MEMORY: u8 = 5;
/// The most bytes of a memory section [`Scan`] buffers; a longer one is [`Refused::Malformed`]
/// (one memory takes at most 11).
const MAX_MEMORY_SECTION: usize = 64;

/// Why a module is refused before it compiles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// The first 8 bytes are not `\0asm` followed by version 1.
    NotWasm,
    /// The module has a start section: code that would run while it instantiates.
    StartSection,
    /// The memory declares no maximum, so nothing caps its growth; `initial` is its minimum in
    /// pages.
    NoMaximum {
        /// The memory's initial size in 64 KiB pages.
        initial: u32,
    },
    /// The memory's maximum is above the cap.
    OverCap {
        /// The memory's declared maximum in 64 KiB pages.
        max: u32,
        /// The cap in pages ([`Scan::new`]'s `max_pages`).
        cap: u32,
    },
    /// The memory is 64-bit (limits flag `0x04`).
    Memory64,
    /// The memory is shared (limits flag `0x02`).
    SharedMemory,
    /// The module defines this many memories (more than one).
    ManyMemories(u32),
    /// The stream ended inside the header or a section.
    Truncated,
    /// A section size or memory field is not a valid LEB128 `u32`, a memory's limits flag has an
    /// unknown bit, its minimum is above its maximum, or the memory section is empty, longer
    /// than 64 bytes, or longer or shorter than its memories.
    Malformed,
}

impl Refused {
    /// The lowercase reason, e.g. `memory has no maximum`.
    pub fn as_str(self) -> &'static str {
        match self {
            Refused::NotWasm => "not a wasm module",
            Refused::StartSection => "module has a start section",
            Refused::NoMaximum { .. } => "memory has no maximum",
            Refused::OverCap { .. } => "memory maximum is above the cap",
            Refused::Memory64 => "memory is 64-bit",
            Refused::SharedMemory => "memory is shared",
            Refused::ManyMemories(_) => "module has more than one memory",
            Refused::Truncated => "module is truncated",
            Refused::Malformed => "module sections are malformed",
        }
    }
}

/// Where the scan is in the stream.
#[derive(Clone, Copy, Debug)]
enum State {
    /// Inside the header, this many bytes matched.
    Header(u8),
    /// Between sections: the next byte is a section id.
    Id,
    /// Inside a section's size: its id, the value so far, and the bits read.
    Size { id: u8, value: u32, shift: u8 },
    /// Inside a skipped section, this many bytes left.
    Skip(u32),
    /// Inside the memory section, `len` bytes long, `got` of them buffered.
    Memory { len: u8, got: u8 },
    /// Refused; every later call returns it.
    Refused(Refused),
}

/// An incremental scan of a module's section headers, fed the module's bytes chunk by chunk as
/// they arrive (see the [module docs](self)). Its size is fixed, whatever the module's.
#[derive(Clone, Debug)]
pub struct Scan {
    cap: u32,
    state: State,
    /// Memories defined by the memory sections already read.
    memories: u32,
    /// The memory section's bytes so far.
    buf: [u8; MAX_MEMORY_SECTION],
}

impl Default for Scan {
    /// A scan with the default cap, [`DEFAULT_MAX_MEMORY_PAGES`].
    fn default() -> Scan {
        Scan::new(DEFAULT_MAX_MEMORY_PAGES)
    }
}

impl Scan {
    /// A scan at the start of a module that refuses a memory maximum above `max_pages` 64 KiB
    /// pages.
    pub fn new(max_pages: u32) -> Scan {
        Scan {
            cap: max_pages,
            state: State::Header(0),
            memories: 0,
            buf: [0; MAX_MEMORY_SECTION],
        }
    }

    /// Feeds the next chunk; Err the first time a refusal is certain (later calls keep returning
    /// it). An empty chunk changes nothing.
    pub fn feed(&mut self, chunk: &[u8]) -> Result<(), Refused> {
        let mut rest = chunk;
        while !rest.is_empty() {
            match self.step(rest) {
                Ok(used) => rest = rest.get(used..).unwrap_or(&[]),
                Err(why) => self.state = State::Refused(why),
            }
            if let State::Refused(why) = self.state {
                return Err(why);
            }
        }
        match self.state {
            State::Refused(why) => Err(why),
            _ => Ok(()),
        }
    }

    /// The stream ended: Err(Truncated) if it ended inside the header/a section, otherwise Ok.
    /// After a refusal, that refusal instead. An empty stream is truncated.
    pub fn finish(&self) -> Result<(), Refused> {
        match self.state {
            State::Id => Ok(()),
            State::Refused(why) => Err(why),
            _ => Err(Refused::Truncated),
        }
    }

    /// Reads from the start of `bytes` (not empty): the bytes used, at least one.
    fn step(&mut self, bytes: &[u8]) -> Result<usize, Refused> {
        let Some(&byte) = bytes.first() else {
            return Ok(1);
        };
        self.state = match self.state {
            State::Header(got) => {
                if HEADER.get(got as usize) != Some(&byte) {
                    return Err(Refused::NotWasm);
                }
                if got as usize + 1 == HEADER.len() {
                    State::Id
                } else {
                    State::Header(got + 1)
                }
            }
            State::Id if byte == START => return Err(Refused::StartSection),
            State::Id => State::Size {
                id: byte,
                value: 0,
                shift: 0,
            },
            State::Size { id, value, shift } => {
                // The fifth byte holds the top 4 bits and ends the number.
                if shift == 28 && byte > 0x0f {
                    return Err(Refused::Malformed);
                }
                let value = value | (u32::from(byte & 0x7f) << shift);
                if byte & 0x80 != 0 {
                    State::Size {
                        id,
                        value,
                        shift: shift + 7,
                    }
                } else if id != MEMORY {
                    if value == 0 {
                        State::Id
                    } else {
                        State::Skip(value)
                    }
                } else if value == 0 || value as usize > MAX_MEMORY_SECTION {
                    return Err(Refused::Malformed);
                } else {
                    State::Memory {
                        len: value as u8,
                        got: 0,
                    }
                }
            }
            State::Skip(left) => {
                let used = bytes.len().min(left as usize);
                // `used` is at most `left`, a u32.
                let left = left - used as u32;
                self.state = if left == 0 {
                    State::Id
                } else {
                    State::Skip(left)
                };
                return Ok(used);
            }
            State::Memory { len, got } => {
                let want = usize::from(len - got);
                let used = bytes.len().min(want);
                let start = usize::from(got);
                let end = start + used;
                if let (Some(dst), Some(src)) = (self.buf.get_mut(start..end), bytes.get(..used)) {
                    dst.copy_from_slice(src);
                }
                let got = end as u8;
                let have = self.buf.get(..end).unwrap_or(&[]);
                match memories(have, self.memories, self.cap)? {
                    Some((count, read)) if read == have.len() && got == len => {
                        self.memories = count;
                        self.state = State::Id;
                    }
                    // All memories read, yet the section has more bytes.
                    Some(_) => return Err(Refused::Malformed),
                    None if got == len => return Err(Refused::Malformed),
                    None => self.state = State::Memory { len, got },
                }
                return Ok(used);
            }
            State::Refused(why) => return Err(why),
        };
        Ok(1)
    }
}

/// Checks the start of a memory section's content, `prior` memories already defined: the
/// memories now defined and the bytes their entries take once all are in `bytes`, `None` while
/// more bytes are needed, or the refusal as soon as `bytes` makes it certain.
fn memories(bytes: &[u8], prior: u32, cap: u32) -> Result<Option<(u32, usize)>, Refused> {
    let mut at = 0;
    let Some(count) = leb(bytes, &mut at)? else {
        return Ok(None);
    };
    let total = prior.saturating_add(count);
    if total > 1 {
        return Err(Refused::ManyMemories(total));
    }
    if count == 1 {
        let Some(&flags) = bytes.get(at) else {
            return Ok(None);
        };
        at += 1;
        if flags & !0x07 != 0 {
            return Err(Refused::Malformed);
        }
        if flags & 0x04 != 0 {
            return Err(Refused::Memory64);
        }
        if flags & 0x02 != 0 {
            return Err(Refused::SharedMemory);
        }
        let Some(initial) = leb(bytes, &mut at)? else {
            return Ok(None);
        };
        if flags == 0 {
            return Err(Refused::NoMaximum { initial });
        }
        let Some(max) = leb(bytes, &mut at)? else {
            return Ok(None);
        };
        if initial > max {
            return Err(Refused::Malformed);
        }
        if max > cap {
            return Err(Refused::OverCap { max, cap });
        }
    }
    Ok(Some((total, at)))
}

/// Reads an LEB128 `u32` from `bytes` at `*at`, advancing past it: `None` if `bytes` ends inside
/// it; [`Refused::Malformed`] if it is longer than 5 bytes or above `u32::MAX`.
fn leb(bytes: &[u8], at: &mut usize) -> Result<Option<u32>, Refused> {
    let mut value = 0u32;
    let mut shift = 0;
    loop {
        let Some(&byte) = bytes.get(*at) else {
            return Ok(None);
        };
        *at += 1;
        if shift == 28 && byte > 0x0f {
            return Err(Refused::Malformed);
        }
        value |= u32::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok(Some(value));
        }
        shift += 7;
    }
}
