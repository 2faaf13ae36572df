//! What a listener turns an event into: a message of the component, or nothing.

use alloc::boxed::Box;

/// A closure from event data to a message.
pub(crate) type MapFn<M> = Box<dyn Fn(&str) -> Option<M>>;

/// How an event's data (docs/abi.md "Event data") becomes a message. Only the closures a
/// component actually uses end up in its wasm.
pub(crate) enum Handler<M> {
    /// Always this message (click, submit, ...).
    Msg(M),
    /// Any mapping of the data (a value, a key); `None` ignores the event.
    Map(MapFn<M>),
}

impl<M: Clone> Handler<M> {
    /// The message for an event carrying `data`, if any.
    pub(crate) fn message(&self, data: &str) -> Option<M> {
        match self {
            Handler::Msg(m) => Some(m.clone()),
            Handler::Map(f) => f(data),
        }
    }
}

/// One listener of an element: the DOM event name, the listener id once bound, the handler.
pub(crate) struct Listener<M> {
    pub(crate) event: &'static str,
    pub(crate) id: u32,
    pub(crate) handler: Handler<M>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handlers_map_event_data() {
        assert_eq!(Handler::Msg(1).message("x"), Some(1));
        let parse = Handler::Map(Box::new(|s: &str| s.parse::<u8>().ok()));
        assert_eq!(parse.message("42"), Some(42));
        assert_eq!(parse.message("x"), None);
    }
}
