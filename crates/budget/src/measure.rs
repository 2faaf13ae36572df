//! Byte counts of one file as it travels: raw, gzip (level 9) and brotli (quality 11, window 22).
//!
//! These match what a static server pre-compressing with `gzip -9` and `brotli -q 11 -w 22` sends.

use std::io::Write;

use serde::{Deserialize, Serialize};

/// Gzip compression level used for every figure (the maximum).
pub const GZIP_LEVEL: u32 = 9;
/// Brotli quality used for every figure (the maximum).
pub const BROTLI_QUALITY: i32 = 11;
/// Brotli window, as a power of two (22: a 4 MiB window, the library default).
pub const BROTLI_LGWIN: i32 = 22;

/// Raw, gzip and brotli bytes of a file, or the sum over several files.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sizes {
    /// Bytes on disk, uncompressed.
    pub raw: u64,
    /// Bytes after gzip at level 9 (gzip container included).
    pub gzip: u64,
    /// Bytes after brotli at quality 11, window 22.
    pub brotli: u64,
}

impl Sizes {
    /// Measures `bytes` compressed both ways.
    pub fn of(bytes: &[u8]) -> Sizes {
        Sizes {
            raw: bytes.len() as u64,
            gzip: gzip_len(bytes),
            brotli: brotli_len(bytes),
        }
    }

    /// The field-wise sum of two sizes (files served one by one, each compressed on its own).
    pub fn plus(self, other: Sizes) -> Sizes {
        Sizes {
            raw: self.raw + other.raw,
            gzip: self.gzip + other.gzip,
            brotli: self.brotli + other.brotli,
        }
    }
}

impl std::iter::Sum for Sizes {
    fn sum<I: Iterator<Item = Sizes>>(iter: I) -> Sizes {
        iter.fold(Sizes::default(), Sizes::plus)
    }
}

/// Length of `bytes` gzip-compressed at level 9.
pub fn gzip_len(bytes: &[u8]) -> u64 {
    let mut encoder =
        flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(GZIP_LEVEL));
    encoder
        .write_all(bytes)
        .expect("writing to a Vec cannot fail");
    encoder
        .finish()
        .expect("writing to a Vec cannot fail")
        .len() as u64
}

/// Length of `bytes` brotli-compressed at quality 11 with a 2^22-byte window.
pub fn brotli_len(bytes: &[u8]) -> u64 {
    let params = brotli::enc::BrotliEncoderParams {
        quality: BROTLI_QUALITY,
        lgwin: BROTLI_LGWIN,
        size_hint: bytes.len(),
        ..Default::default()
    };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)
        .expect("writing to a Vec cannot fail");
    out.len() as u64
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn gzip_round_trips_and_shrinks_repetitive_input() {
        let input = b"tessera ".repeat(512);
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(&input).unwrap();
        let packed = encoder.finish().unwrap();
        let mut back = Vec::new();
        flate2::read::GzDecoder::new(&packed[..])
            .read_to_end(&mut back)
            .unwrap();
        assert_eq!(back, input);
        assert_eq!(gzip_len(&input), packed.len() as u64);
        assert!(gzip_len(&input) < 100);
    }

    #[test]
    fn brotli_beats_gzip_on_text_and_sizes_add_up() {
        let input = b"<div class=\"tile\">tessera</div>\n".repeat(200);
        let one = Sizes::of(&input);
        assert_eq!(one.raw, input.len() as u64);
        assert!(one.brotli < one.gzip, "{one:?}");
        let two: Sizes = [one, one].into_iter().sum();
        assert_eq!(
            two,
            Sizes {
                raw: one.raw * 2,
                gzip: one.gzip * 2,
                brotli: one.brotli * 2
            }
        );
    }

    #[test]
    fn empty_input_still_has_container_bytes() {
        let empty = Sizes::of(&[]);
        assert_eq!(empty.raw, 0);
        assert_eq!(
            empty.gzip, 20,
            "gzip header and trailer around an empty deflate block"
        );
        assert!(empty.brotli >= 1);
    }
}
