//! The streaming module scan (`tessera_abi::module`): every refusal at the byte that makes it
//! certain, every valid module in every chunking, O(1) memory across a 16 MiB section, and a
//! deterministic fuzz against a whole-module reference reading.

use tessera_abi::limits::DEFAULT_MAX_MEMORY_PAGES;
use tessera_abi::module::{Refused, Scan};

const HEADER: &[u8] = b"\0asm\x01\0\0\0";
const CAP: u32 = 4;

fn leb(mut n: u32) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return out;
        }
        out.push(byte | 0x80);
    }
}

/// `n` in 5 bytes, as LLVM pads section sizes.
fn padded(n: u32) -> Vec<u8> {
    (0..5)
        .map(|i| {
            let byte = ((n >> (7 * i)) & 0x7f) as u8;
            if i < 4 {
                byte | 0x80
            } else {
                byte
            }
        })
        .collect()
}

fn section(id: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![id];
    out.extend(leb(content.len() as u32));
    out.extend_from_slice(content);
    out
}

fn padded_section(id: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![id];
    out.extend(padded(content.len() as u32));
    out.extend_from_slice(content);
    out
}

fn module(sections: &[Vec<u8>]) -> Vec<u8> {
    let mut out = HEADER.to_vec();
    for s in sections {
        out.extend_from_slice(s);
    }
    out
}

/// A memory section's content: one memory with these limits.
fn memory(flags: u8, min: u32, max: Option<u32>) -> Vec<u8> {
    let mut out = vec![1, flags];
    out.extend(leb(min));
    if let Some(max) = max {
        out.extend(leb(max));
    }
    out
}

fn custom(name: &str, payload: &[u8]) -> Vec<u8> {
    let mut content = leb(name.len() as u32);
    content.extend_from_slice(name.as_bytes());
    content.extend_from_slice(payload);
    section(0, &content)
}

/// A small module like the SDK's: one `() -> ()` function exported as `tessera_mount`, a memory.
fn program(memory_section: Vec<u8>) -> Vec<u8> {
    let types = section(1, &[1, 0x60, 0, 0]);
    let funcs = section(3, &[1, 0]);
    let mut exports = vec![1];
    exports.extend(leb(13));
    exports.extend_from_slice(b"tessera_mount");
    exports.extend([0, 0]);
    let code = section(10, &[1, 2, 0, 0x0b]);
    module(&[
        types,
        funcs,
        memory_section,
        section(7, &exports),
        code,
        custom("name", &[0; 3]),
    ])
}

fn valid_modules() -> Vec<(&'static str, Vec<u8>)> {
    let mut padded_limits = vec![1, 1];
    padded_limits.extend(padded(1));
    padded_limits.extend(padded(CAP));
    vec![
        ("header only", HEADER.to_vec()),
        ("program", program(section(5, &memory(1, 1, Some(CAP))))),
        (
            "max equals min",
            program(section(5, &memory(1, 2, Some(2)))),
        ),
        ("zero pages", program(section(5, &memory(1, 0, Some(0))))),
        (
            "padded sizes",
            program(padded_section(5, &memory(1, 1, Some(3)))),
        ),
        ("padded limits", program(padded_section(5, &padded_limits))),
        ("no memories", program(section(5, &[0]))),
        (
            "no memory section",
            module(&[section(1, &[0]), section(10, &[0])]),
        ),
        (
            "custom sections around memory",
            module(&[
                custom("a", &[8; 300]),
                section(5, &memory(1, 1, Some(1))),
                custom("b", &[5, 1, 0]),
            ]),
        ),
        (
            "empty sections",
            module(&[section(1, &[]), section(0, &[])]),
        ),
        (
            "unknown section ids",
            module(&[section(13, &[8]), section(255, &[])]),
        ),
    ]
}

/// A refused module, the refusal, and the index of the byte that makes it certain.
fn refused_modules() -> Vec<(&'static str, Vec<u8>, Refused, usize)> {
    let mem = |content: Vec<u8>| module(&[section(1, &[0]), section(5, &content)]);
    // The memory section's content starts after the type section (3 bytes) and its own 2.
    let at = |i: isize| (HEADER.len() as isize + 3 + 2 + i) as usize;
    let mut two_sections = module(&[section(5, &memory(1, 1, Some(1)))]);
    let second = two_sections.len() + 2;
    two_sections.extend(section(5, &memory(1, 1, Some(1))));
    let mut no_max_byte = memory(1, 1, Some(1));
    no_max_byte.truncate(3);
    vec![
        (
            "bad magic",
            b"\0asn\x01\0\0\0".to_vec(),
            Refused::NotWasm,
            3,
        ),
        (
            "version 2",
            b"\0asm\x02\0\0\0".to_vec(),
            Refused::NotWasm,
            4,
        ),
        ("text", b"(module)".to_vec(), Refused::NotWasm, 0),
        (
            "start",
            module(&[section(8, &[0])]),
            Refused::StartSection,
            8,
        ),
        (
            "start after memory",
            module(&[section(5, &memory(1, 1, Some(1))), section(8, &[0])]),
            Refused::StartSection,
            8 + 6,
        ),
        (
            "start id, nothing more",
            module(&[vec![8]]),
            Refused::StartSection,
            8,
        ),
        (
            "no maximum",
            mem(memory(0, 3, None)),
            Refused::NoMaximum { initial: 3 },
            at(2),
        ),
        (
            "no maximum, long initial",
            mem(memory(0, 300, None)),
            Refused::NoMaximum { initial: 300 },
            at(3),
        ),
        (
            "over cap",
            mem(memory(1, 1, Some(CAP + 1))),
            Refused::OverCap {
                max: CAP + 1,
                cap: CAP,
            },
            at(3),
        ),
        (
            "over cap, then a stray byte",
            mem({
                let mut m = memory(1, 1, Some(CAP + 1));
                m.push(0);
                m
            }),
            Refused::OverCap {
                max: CAP + 1,
                cap: CAP,
            },
            at(3),
        ),
        (
            "over cap, u32 max",
            mem(memory(1, 1, Some(u32::MAX))),
            Refused::OverCap {
                max: u32::MAX,
                cap: CAP,
            },
            at(7),
        ),
        (
            "memory64",
            mem(memory(4, 1, None)),
            Refused::Memory64,
            at(1),
        ),
        (
            "memory64 with max",
            mem(memory(5, 1, Some(1))),
            Refused::Memory64,
            at(1),
        ),
        (
            "shared",
            mem(memory(3, 1, Some(1))),
            Refused::SharedMemory,
            at(1),
        ),
        (
            "shared memory64",
            mem(memory(7, 1, Some(1))),
            Refused::Memory64,
            at(1),
        ),
        (
            "unknown flag",
            mem(memory(9, 1, Some(1))),
            Refused::Malformed,
            at(1),
        ),
        (
            "two memories",
            mem(vec![2, 1, 1, 1, 1, 1, 1]),
            Refused::ManyMemories(2),
            at(0),
        ),
        (
            "many memories, long count",
            mem(vec![0x80, 0x01, 1, 1, 1]),
            Refused::ManyMemories(128),
            at(1),
        ),
        (
            "two memory sections",
            two_sections,
            Refused::ManyMemories(2),
            second,
        ),
        (
            "initial above maximum",
            mem(memory(1, 3, Some(2))),
            Refused::Malformed,
            at(3),
        ),
        (
            "memory section longer than its memory",
            mem({
                let mut m = memory(1, 1, Some(1));
                m.push(0);
                m
            }),
            Refused::Malformed,
            at(3),
        ),
        (
            "memory section shorter than its memory",
            mem(no_max_byte),
            Refused::Malformed,
            at(2),
        ),
        (
            "empty memory section",
            mem(vec![]),
            Refused::Malformed,
            at(-1),
        ),
        (
            "memory section over 64 bytes",
            mem({
                let mut m = memory(1, 1, Some(1));
                m.resize(65, 0);
                m
            }),
            Refused::Malformed,
            at(-1),
        ),
        (
            "overlong section size",
            module(&[vec![1, 0x80, 0x80, 0x80, 0x80, 0x80, 0]]),
            Refused::Malformed,
            8 + 5,
        ),
        (
            "overflowing section size",
            module(&[vec![0, 0xff, 0xff, 0xff, 0xff, 0x10]]),
            Refused::Malformed,
            8 + 5,
        ),
        (
            "overlong memory initial",
            mem(vec![1, 1, 0x80, 0x80, 0x80, 0x80, 0x80, 0, 1]),
            Refused::Malformed,
            at(6),
        ),
        (
            "overflowing memory maximum",
            mem(vec![1, 1, 0, 0xff, 0xff, 0xff, 0xff, 0x1f]),
            Refused::Malformed,
            at(7),
        ),
    ]
}

/// Modules that feed without refusal but end inside the header or a section.
fn truncated_modules() -> Vec<(&'static str, Vec<u8>)> {
    let whole = program(section(5, &memory(1, 1, Some(CAP))));
    vec![
        ("empty", vec![]),
        ("half a header", HEADER[..5].to_vec()),
        ("inside a section size", module(&[vec![1, 0x80]])),
        ("section id only", module(&[vec![10]])),
        ("inside a skipped section", module(&[vec![10, 4, 1, 2]])),
        (
            "u32::MAX section",
            module(&[vec![0, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]]),
        ),
        ("inside the memory section", module(&[vec![5, 4, 1, 1, 1]])),
        ("program cut short", whole[..whole.len() - 1].to_vec()),
    ]
}

/// The scan's verdict on `bytes` fed as `chunks`: the first refusal, else `finish`; and the
/// number of chunks accepted before it.
fn scan_chunks(cap: u32, chunks: &[&[u8]]) -> (Result<(), Refused>, usize) {
    let mut scan = Scan::new(cap);
    for (i, chunk) in chunks.iter().enumerate() {
        if let Err(why) = scan.feed(chunk) {
            // Every later call keeps returning it.
            assert_eq!(scan.feed(b"\0asm\x01\0\0\0"), Err(why));
            assert_eq!(scan.feed(&[]), Err(why));
            assert_eq!(scan.finish(), Err(why));
            return (Err(why), i);
        }
    }
    (scan.finish(), chunks.len())
}

fn verdict(cap: u32, bytes: &[u8]) -> Result<(), Refused> {
    scan_chunks(cap, &[bytes]).0
}

/// The index of the byte at which byte-by-byte feeding is refused, if any.
fn refused_at(cap: u32, bytes: &[u8]) -> (Result<(), Refused>, Option<usize>) {
    let bytes: Vec<&[u8]> = bytes.chunks(1).collect();
    let (result, accepted) = scan_chunks(cap, &bytes);
    (result, result.is_err().then_some(accepted))
}

#[test]
fn passes_every_valid_module_in_every_chunking() {
    for (name, bytes) in valid_modules() {
        assert_eq!(verdict(CAP, &bytes), Ok(()), "{name}");
        assert_eq!(
            refused_at(CAP, &bytes),
            (Ok(()), None),
            "{name}, byte by byte"
        );
        for i in 0..=bytes.len() {
            let (a, b) = bytes.split_at(i);
            assert_eq!(scan_chunks(CAP, &[a, b]).0, Ok(()), "{name}, split at {i}");
        }
    }
}

#[test]
fn refuses_at_the_byte_that_makes_it_certain() {
    for (name, bytes, why, at) in refused_modules() {
        assert_eq!(verdict(CAP, &bytes), Err(why), "{name}");
        assert_eq!(refused_at(CAP, &bytes), (Err(why), Some(at)), "{name}");
        for i in 0..=bytes.len() {
            let (a, b) = bytes.split_at(i);
            // The first chunk is refused exactly when it holds the deciding byte.
            let accepted = usize::from(i <= at);
            assert_eq!(
                scan_chunks(CAP, &[a, b]),
                (Err(why), accepted),
                "{name}, split at {i}"
            );
        }
    }
}

#[test]
fn truncated_modules_are_refused_only_at_the_end() {
    for (name, bytes) in truncated_modules() {
        assert_eq!(verdict(CAP, &bytes), Err(Refused::Truncated), "{name}");
        for i in 0..=bytes.len() {
            let (a, b) = bytes.split_at(i);
            let mut scan = Scan::new(CAP);
            assert_eq!(scan.feed(a), Ok(()), "{name}, split at {i}");
            assert_eq!(scan.feed(b), Ok(()), "{name}, split at {i}");
            assert_eq!(scan.finish(), Err(Refused::Truncated), "{name}");
        }
    }
}

#[test]
fn finish_does_not_consume_the_scan() {
    let bytes = program(section(5, &memory(1, 1, Some(1))));
    let mut scan = Scan::new(CAP);
    scan.feed(&bytes[..20]).unwrap();
    assert_eq!(scan.finish(), Err(Refused::Truncated));
    scan.feed(&bytes[20..]).unwrap();
    assert_eq!(scan.finish(), Ok(()));
}

#[test]
fn the_default_cap_is_the_default_max_memory_pages() {
    assert_eq!(DEFAULT_MAX_MEMORY_PAGES, 256);
    let at_cap = program(section(5, &memory(1, 1, Some(256))));
    let over = program(section(5, &memory(1, 1, Some(257))));
    let mut scan = Scan::default();
    assert_eq!(scan.feed(&at_cap), Ok(()));
    assert_eq!(scan.finish(), Ok(()));
    let mut scan = Scan::default();
    assert_eq!(
        scan.feed(&over),
        Err(Refused::OverCap { max: 257, cap: 256 })
    );
}

#[test]
fn the_cap_is_the_one_given() {
    let bytes = program(section(5, &memory(1, 1, Some(17))));
    assert_eq!(verdict(17, &bytes), Ok(()));
    assert_eq!(
        verdict(16, &bytes),
        Err(Refused::OverCap { max: 17, cap: 16 })
    );
    assert_eq!(verdict(u32::MAX, &bytes), Ok(()));
    let none = program(section(5, &memory(1, 0, Some(0))));
    assert_eq!(verdict(0, &none), Ok(()));
}

#[test]
fn a_16_mib_section_is_skipped_in_constant_memory() {
    assert!(
        std::mem::size_of::<Scan>() <= 96,
        "{}",
        std::mem::size_of::<Scan>()
    );
    let big = vec![0x0b; 16 << 20];
    for (memory, expected) in [
        (memory(1, 1, Some(CAP)), Ok(())),
        (
            memory(1, 1, Some(CAP + 1)),
            Err(Refused::OverCap {
                max: CAP + 1,
                cap: CAP,
            }),
        ),
    ] {
        let bytes = module(&[
            padded_section(10, &big),
            section(5, &memory),
            custom("x", &big),
        ]);
        for size in [1 << 16, 1000, 7] {
            let chunks: Vec<&[u8]> = bytes.chunks(size).collect();
            assert_eq!(scan_chunks(CAP, &chunks).0, expected, "chunks of {size}");
        }
    }
}

#[test]
fn every_refusal_has_a_lowercase_reason() {
    let all = [
        Refused::NotWasm,
        Refused::StartSection,
        Refused::NoMaximum { initial: 1 },
        Refused::OverCap { max: 2, cap: 1 },
        Refused::Memory64,
        Refused::SharedMemory,
        Refused::ManyMemories(2),
        Refused::Truncated,
        Refused::Malformed,
    ];
    let mut seen = std::collections::HashSet::new();
    for why in all {
        let text = why.as_str();
        assert!(!text.is_empty() && text == text.to_lowercase(), "{why:?}");
        assert!(seen.insert(text), "{why:?} shares its reason");
    }
}

/// The rules read over a whole module at once, independently of the scan's state machine.
fn reference(bytes: &[u8], cap: u32) -> Result<(), Refused> {
    fn read_leb(bytes: &[u8], pos: &mut usize) -> Result<Option<u32>, Refused> {
        let mut value: u64 = 0;
        for i in 0..5 {
            let Some(&b) = bytes.get(*pos) else {
                return Ok(None);
            };
            *pos += 1;
            value |= u64::from(b & 0x7f) << (7 * i);
            if b & 0x80 == 0 {
                return u32::try_from(value)
                    .map(Some)
                    .map_err(|_| Refused::Malformed);
            }
        }
        Err(Refused::Malformed)
    }
    if bytes.len() < 8 {
        return if HEADER.starts_with(bytes) {
            Err(Refused::Truncated)
        } else {
            Err(Refused::NotWasm)
        };
    }
    if &bytes[..8] != HEADER {
        return Err(Refused::NotWasm);
    }
    let mut pos = 8;
    let mut memories = 0u32;
    while pos < bytes.len() {
        let id = bytes[pos];
        pos += 1;
        if id == 8 {
            return Err(Refused::StartSection);
        }
        let size = read_leb(bytes, &mut pos)?.ok_or(Refused::Truncated)? as usize;
        let end = pos.saturating_add(size);
        if id != 5 {
            if end > bytes.len() {
                return Err(Refused::Truncated);
            }
            pos = end;
            continue;
        }
        if size == 0 || size > 64 {
            return Err(Refused::Malformed);
        }
        let content = &bytes[pos..end.min(bytes.len())];
        let complete = end <= bytes.len();
        let need_more = if complete {
            Refused::Malformed
        } else {
            Refused::Truncated
        };
        let mut at = 0;
        let count = read_leb(content, &mut at)?.ok_or(need_more)?;
        memories = memories.saturating_add(count);
        if memories > 1 {
            return Err(Refused::ManyMemories(memories));
        }
        if count == 1 {
            let flags = *content.get(at).ok_or(need_more)?;
            at += 1;
            match flags {
                0 | 1 => {}
                f if f & !7 != 0 => return Err(Refused::Malformed),
                f if f & 4 != 0 => return Err(Refused::Memory64),
                _ => return Err(Refused::SharedMemory),
            }
            let initial = read_leb(content, &mut at)?.ok_or(need_more)?;
            if flags == 0 {
                return Err(Refused::NoMaximum { initial });
            }
            let max = read_leb(content, &mut at)?.ok_or(need_more)?;
            if initial > max {
                return Err(Refused::Malformed);
            }
            if max > cap {
                return Err(Refused::OverCap { max, cap });
            }
        }
        if at != size {
            return Err(Refused::Malformed);
        }
        pos = end;
    }
    Ok(())
}

#[test]
fn the_reference_agrees_with_the_tables() {
    for (name, bytes) in valid_modules() {
        assert_eq!(reference(&bytes, CAP), Ok(()), "{name}");
    }
    for (name, bytes, why, _) in refused_modules() {
        assert_eq!(reference(&bytes, CAP), Err(why), "{name}");
    }
    for (name, bytes) in truncated_modules() {
        assert_eq!(reference(&bytes, CAP), Err(Refused::Truncated), "{name}");
    }
}

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A random module: random bytes, or a valid or refused one mutated.
fn random_module(rng: &mut XorShift, seeds: &[Vec<u8>]) -> Vec<u8> {
    match rng.below(4) {
        0 => (0..rng.below(40)).map(|_| rng.next() as u8).collect(),
        1 => {
            let mut m = HEADER.to_vec();
            // Small ids and sizes, often the memory section's.
            for _ in 0..rng.below(30) {
                m.push(match rng.below(4) {
                    0 => 5,
                    1 => rng.below(4) as u8,
                    2 => 0x80 | rng.next() as u8,
                    _ => rng.next() as u8,
                });
            }
            m
        }
        _ => {
            let mut m = seeds[rng.below(seeds.len())].clone();
            for _ in 0..1 + rng.below(3) {
                if m.is_empty() {
                    break;
                }
                let i = rng.below(m.len());
                match rng.below(4) {
                    0 => m[i] = rng.next() as u8,
                    1 => m[i] ^= 1 << rng.below(8),
                    2 => m.truncate(i),
                    _ => m.insert(i, rng.next() as u8),
                }
            }
            m
        }
    }
}

#[test]
fn fuzz_agrees_with_the_reference_in_any_chunking() {
    let mut seeds: Vec<Vec<u8>> = valid_modules().into_iter().map(|(_, m)| m).collect();
    seeds.extend(refused_modules().into_iter().map(|(_, m, _, _)| m));
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    let mut outcomes = std::collections::HashSet::new();
    for round in 0..20_000 {
        let bytes = random_module(&mut rng, &seeds);
        let cap = [0, 1, CAP, 256, u32::MAX][rng.below(5)];
        let expected = reference(&bytes, cap);
        let kind = format!("{expected:?}");
        let kind: Vec<&str> = kind.split(|c: char| !c.is_alphanumeric()).take(2).collect();
        outcomes.insert(kind.join(" "));
        assert_eq!(verdict(cap, &bytes), expected, "round {round}: {bytes:?}");
        assert_eq!(
            refused_at(cap, &bytes).0,
            expected,
            "round {round}, byte by byte"
        );
        let mut chunks = Vec::new();
        let mut rest = &bytes[..];
        while !rest.is_empty() {
            let (a, b) = rest.split_at(rng.below(rest.len() + 1));
            chunks.push(a);
            rest = b;
        }
        assert_eq!(
            scan_chunks(cap, &chunks).0,
            expected,
            "round {round}, chunks {chunks:?}"
        );
    }
    // The fuzz reached every kind of verdict: `Ok` and the 9 refusals.
    assert_eq!(outcomes.len(), 10, "{outcomes:?}");
}
