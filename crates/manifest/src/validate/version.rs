//! `manifestVersion`: the only version this reader supports.

use super::path::Path;
use super::Ctx;
use crate::text::{is_integer, Msg};
use crate::value::Value;
use crate::MANIFEST_VERSION;

/// Checks that `value` is [`MANIFEST_VERSION`].
pub(super) fn version(ctx: &mut Ctx<'_>, path: &Path<'_>, value: &Value) {
    match value {
        Value::Number(n) if *n == f64::from(MANIFEST_VERSION) => {}
        Value::Number(n) if is_integer(*n) => {
            let mut message = Msg::new("unsupported manifest version ");
            message
                .int(*n as i64)
                .s(", this reader supports version ")
                .int(MANIFEST_VERSION.into());
            ctx.report(path, message);
        }
        other => {
            let mut message = Msg::new("must be the integer ");
            message.int(MANIFEST_VERSION.into());
            ctx.report_got(path, message, other);
        }
    }
}
