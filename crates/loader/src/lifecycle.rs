//! The component lifecycle: one state machine, every transition checked.
//!
//! ```text
//!             +--------------------------- unload ----------------------------+
//!             v                                                               |
//!  NotLoaded --> Loading --> Compiled --> Mounting --> Mounted --> Unmounting -+-> Compiled
//!                   |            ^           |            |            |
//!                   +----------> Error <-----+------------+------------+
//!                                  |  reload: -> Loading, remount: -> Mounting, unload: -> NotLoaded
//!
//!  Mounted <-- suspend / resume --> Suspended --> Unmounting | Error
//! ```
//!
//! `Suspended` is keep-alive: the instance and its DOM live on, out of the page.
//!
//! Every state has a way out (single-spa #1301: an application stuck in `SKIP_BECAUSE_BROKEN`
//! could not be unloaded): `Loading`, `Compiled`, `Mounting` and `Error` go straight back to
//! `NotLoaded`, `Mounted` through `Unmounting`.

use crate::errors::Error;

/// Where one component is in its life. JavaScript sees [`State::id`]; messages use [`State::name`].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum State {
    /// Nothing fetched; the slot shows its own placeholder children.
    NotLoaded,
    /// Fetching and compiling (streamed through the byte gate).
    Loading,
    /// A compiled `WebAssembly.Module` is kept; nothing is instantiated.
    Compiled,
    /// Instantiating and calling the component's mount.
    Mounting,
    /// Rendered in its slot.
    Mounted,
    /// Kept alive out of the page (`suspend`): the instance, its state and its DOM are kept,
    /// detached from the slot, which shows its own children; `resume` puts the DOM back.
    Suspended,
    /// Calling the component's unmount and removing its DOM.
    Unmounting,
    /// Failed; the slot shows fallback content.
    Error,
}

use State::*;

impl State {
    /// Every state, in lifecycle order.
    #[cfg(test)]
    pub(crate) const ALL: [State; 8] = [
        NotLoaded, Loading, Compiled, Mounting, Mounted, Suspended, Unmounting, Error,
    ];

    /// The name used in messages: `NotLoaded`, `Mounting`, ...
    pub(crate) fn name(self) -> &'static str {
        self.names().0
    }

    /// The id JavaScript sees in `state()`, events (`tessera:<id>`) and `data-tessera-state`.
    pub(crate) fn id(self) -> &'static str {
        self.names().1
    }

    fn names(self) -> (&'static str, &'static str) {
        match self {
            NotLoaded => ("NotLoaded", "not-loaded"),
            Loading => ("Loading", "loading"),
            Compiled => ("Compiled", "compiled"),
            Mounting => ("Mounting", "mounting"),
            Mounted => ("Mounted", "mounted"),
            Suspended => ("Suspended", "suspended"),
            Unmounting => ("Unmounting", "unmounting"),
            Error => ("Error", "error"),
        }
    }

    /// Whether the lifecycle allows going from `self` to `to`.
    pub(crate) fn allows(self, to: State) -> bool {
        matches!(
            (self, to),
            (NotLoaded, Loading)
                | (Loading, Compiled | Error | NotLoaded)
                | (Compiled, Mounting | NotLoaded)
                | (Mounting, Mounted | Error | NotLoaded)
                | (Mounted, Unmounting | Suspended | Error)
                | (Suspended, Mounted | Unmounting | Error)
                | (Unmounting, Compiled | Error)
                | (Error, Loading | Mounting | NotLoaded)
        )
    }

    /// The edge `unload` takes out of this state (repeated until `NotLoaded`): `Mounted` goes
    /// through `Unmounting` (the guest's unmount) to `Compiled`, every other state straight to
    /// `NotLoaded`.
    pub(crate) fn unload_edge(self) -> Option<State> {
        match self {
            NotLoaded => None,
            Mounted | Suspended => Some(Unmounting),
            Unmounting => Some(Compiled),
            Loading | Compiled | Mounting | Error => Some(NotLoaded),
        }
    }

    /// `Ok` when [`State::allows`] the step, else an `invalid-state` error naming both states.
    pub(crate) fn check(self, to: State) -> Result<(), Error> {
        if self.allows(to) {
            Ok(())
        } else {
            Err(Error::InvalidState { from: self, to })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn every_state_can_reach_not_loaded() {
        for start in State::ALL {
            // Breadth-first over allowed steps.
            let mut seen = vec![start];
            let mut i = 0;
            while i < seen.len() {
                for next in State::ALL {
                    if seen[i].allows(next) && !seen.contains(&next) {
                        seen.push(next);
                    }
                }
                i += 1;
            }
            assert!(seen.contains(&NotLoaded), "{} is a dead end", start.name());
        }
    }

    /// `unload` walks edges of the table only, and reaches `NotLoaded` from every state, also
    /// when the guest's unmount fails on the way (then through `Error`).
    #[wasm_bindgen_test]
    fn unload_takes_only_edges_of_the_table() {
        for start in State::ALL {
            for unmount_fails in [false, true] {
                let (mut at, mut steps) = (start, 0);
                while let Some(mut next) = at.unload_edge() {
                    if next == Compiled && at == Unmounting && unmount_fails {
                        next = Error;
                    }
                    assert!(at.allows(next), "{} -> {}", at.name(), next.name());
                    at = next;
                    steps += 1;
                    assert!(steps <= 4, "from {}", start.name());
                }
                assert_eq!(at, NotLoaded, "from {}", start.name());
            }
        }
    }

    #[wasm_bindgen_test]
    fn forbidden_steps_name_both_states() {
        assert!(!NotLoaded.allows(Mounted));
        assert!(!Mounted.allows(Mounting));
        assert!(!Loading.allows(Loading));
        let message = NotLoaded.check(Unmounting).unwrap_err().message();
        assert_eq!(message, "invalid transition from NotLoaded to Unmounting");
        assert!(Error.check(Loading).is_ok());
    }

    #[wasm_bindgen_test]
    fn ids_are_kebab_case_names() {
        let ids: Vec<&str> = State::ALL.iter().map(|s| s.id()).collect();
        assert_eq!(
            ids,
            [
                "not-loaded",
                "loading",
                "compiled",
                "mounting",
                "mounted",
                "suspended",
                "unmounting",
                "error"
            ]
        );
    }
}
