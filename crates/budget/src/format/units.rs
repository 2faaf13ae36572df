//! Human-readable numbers shared by the text formats: sizes, budgets, changes, shares.

use crate::report::{Change, Item, Metric};

/// `812 B`, `12.3 KiB`, `1.20 MiB` (binary units, as budgets are usually powers of two).
pub fn bytes(n: u64) -> String {
    const KIB: f64 = 1024.0;
    if n < 1024 {
        format!("{n} B")
    } else if n < 1024 * 1024 {
        format!("{:.1} KiB", n as f64 / KIB)
    } else {
        format!("{:.2} MiB", n as f64 / (KIB * KIB))
    }
}

/// Exact bytes with thousands separators: `53,583 B`. Used where a budget is close, so that a
/// rounded `52.3 KiB / 52.5 KiB` does not hide how many bytes are left.
pub fn exact(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out.push_str(" B");
    out
}

/// Whether `actual` is at least [`CLOSE_PERCENT`] of `limit`: then reports show exact bytes.
pub fn close(actual: u64, limit: u64) -> bool {
    actual.saturating_mul(100) >= limit.saturating_mul(CLOSE_PERCENT)
}

/// From this share of a budget on (or over it), sizes are shown in exact bytes.
pub const CLOSE_PERCENT: u64 = 95;

/// A signed size: `+812 B`, `-1.2 KiB`, `0 B`.
pub fn signed(n: i64) -> String {
    match n {
        0 => "0 B".to_string(),
        n if n > 0 => format!("+{}", bytes(n.unsigned_abs())),
        n => format!("-{}", bytes(n.unsigned_abs())),
    }
}

/// A change with its percentage: `+812 B (+1.2%)`; just the bytes when the old value was 0.
pub fn change(c: Change) -> String {
    match c.percent {
        Some(p) if p > 0.0 => format!("{} (+{p:.1}%)", signed(c.bytes)),
        Some(p) => format!("{} ({p:.1}%)", signed(c.bytes)),
        None => signed(c.bytes),
    }
}

/// `part` as a percentage of `whole` with one decimal: `71.3%`.
pub fn share(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "-".to_string();
    }
    format!("{:.1}%", part as f64 * 100.0 / whole as f64)
}

/// The actual value and limit of `metric` for `item`; memory pages are not bytes.
pub fn actual_and_limit(item: &Item, metric: Metric) -> (u64, Option<u64>) {
    match metric {
        Metric::Raw => (item.size.raw, item.budget.raw),
        Metric::Gzip => (item.size.gzip, item.budget.gzip),
        Metric::Brotli => (item.size.brotli, item.budget.brotli),
        Metric::MemoryPages => {
            let memory = item.memory.unwrap_or(crate::report::Memory {
                initial_pages: None,
                max_pages: None,
            });
            (
                memory.initial_pages.unwrap_or(0),
                memory.max_pages.map(u64::from),
            )
        }
    }
}

/// `812 B / 4.0 KiB` for a byte metric with a limit, `812 B` without one; pages as `17 / 17 pages`.
/// Close to the limit (see [`close`]) both are exact: `53,583 B / 53,760 B`.
pub fn cell(item: &Item, metric: Metric) -> String {
    let (actual, limit) = actual_and_limit(item, metric);
    if metric == Metric::MemoryPages {
        return match (item.memory.and_then(|m| m.initial_pages), limit) {
            (None, _) => "-".to_string(),
            (Some(p), Some(l)) => format!("{p} / {l} pages"),
            (Some(p), None) => format!("{p} pages"),
        };
    }
    match limit {
        Some(limit) if close(actual, limit) => format!("{} / {}", exact(actual), exact(limit)),
        Some(limit) => format!("{} / {}", bytes(actual), bytes(limit)),
        None => bytes(actual),
    }
}

/// One over-budget line, in exact bytes: `counter gzip: 4,608 B > 4,096 B (512 B over, 112.5% of
/// budget)`.
pub fn overrun(item: &Item, metric: Metric) -> String {
    let (actual, limit) = actual_and_limit(item, metric);
    let limit = limit.unwrap_or(0);
    if metric == Metric::MemoryPages {
        return format!(
            "{} memory: {actual} initial pages > {limit} allowed",
            item.name
        );
    }
    format!(
        "{} {}: {} > {} ({} over, {} of budget)",
        item.name,
        metric.as_str(),
        exact(actual),
        exact(limit),
        exact(actual - limit),
        share(actual, limit)
    )
}

/// The metrics shown as columns, in order.
pub const COLUMNS: [Metric; 4] = [
    Metric::Raw,
    Metric::Gzip,
    Metric::Brotli,
    Metric::MemoryPages,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_bytes_near_a_budget() {
        assert_eq!(exact(0), "0 B");
        assert_eq!(exact(999), "999 B");
        assert_eq!(exact(53_583), "53,583 B");
        assert_eq!(exact(1_234_567), "1,234,567 B");
        assert!(close(95, 100) && close(101, 100));
        assert!(!close(94, 100));
    }

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(bytes(0), "0 B");
        assert_eq!(bytes(1023), "1023 B");
        assert_eq!(bytes(1024), "1.0 KiB");
        assert_eq!(bytes(20 * 1024 + 512), "20.5 KiB");
        assert_eq!(bytes(3 * 1024 * 1024 / 2), "1.50 MiB");
        assert_eq!(signed(-2048), "-2.0 KiB");
        assert_eq!(signed(0), "0 B");
        assert_eq!(
            change(Change {
                bytes: 12,
                percent: Some(1.5)
            }),
            "+12 B (+1.5%)"
        );
        assert_eq!(
            change(Change {
                bytes: -12,
                percent: Some(-1.5)
            }),
            "-12 B (-1.5%)"
        );
        assert_eq!(
            change(Change {
                bytes: 0,
                percent: Some(0.0)
            }),
            "0 B (0.0%)"
        );
        assert_eq!(share(1, 3), "33.3%");
    }
}
