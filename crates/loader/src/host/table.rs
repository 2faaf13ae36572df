//! A small map from guest-chosen `u32` ids to values: a vector sorted by id. Smaller in wasm than
//! a `HashMap` (no hasher) and fast enough for the ABI's limits (10,000 nodes, 1,000 listeners).

/// Values keyed by guest-chosen ids, kept sorted by id.
pub(super) struct IdTable<T> {
    entries: Vec<(u32, T)>,
}

impl<T> Default for IdTable<T> {
    fn default() -> Self {
        IdTable {
            entries: Vec::new(),
        }
    }
}

impl<T> IdTable<T> {
    /// How many ids are live.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The value for `id`, if live.
    pub fn get(&self, id: u32) -> Option<&T> {
        let i = self.entries.binary_search_by_key(&id, |e| e.0).ok()?;
        Some(&self.entries[i].1)
    }

    /// Whether `id` is live.
    pub fn contains(&self, id: u32) -> bool {
        self.get(id).is_some()
    }

    /// Adds `id`; returns `false` (and keeps the old value) when it is already live.
    pub fn insert(&mut self, id: u32, value: T) -> bool {
        match self.entries.binary_search_by_key(&id, |e| e.0) {
            Ok(_) => false,
            Err(i) => {
                self.entries.insert(i, (id, value));
                true
            }
        }
    }

    /// Removes `id` and returns its value, if it was live.
    pub fn remove(&mut self, id: u32) -> Option<T> {
        let i = self.entries.binary_search_by_key(&id, |e| e.0).ok()?;
        Some(self.entries.remove(i).1)
    }

    /// Removes every entry and returns the values, in id order.
    pub fn drain(&mut self) -> impl Iterator<Item = T> + '_ {
        self.entries.drain(..).map(|e| e.1)
    }
}

#[cfg(test)]
mod tests {
    use super::IdTable;

    #[test]
    fn insert_get_remove() {
        let mut t = IdTable::default();
        assert!(t.insert(5, "five"));
        assert!(t.insert(1, "one"));
        assert!(t.insert(u32::MAX, "max"));
        assert!(!t.insert(5, "again"));
        assert_eq!(t.get(5), Some(&"five"));
        assert_eq!(t.len(), 3);
        assert_eq!(t.remove(1), Some("one"));
        assert_eq!(t.remove(1), None);
        assert!(!t.contains(1));
        assert_eq!(t.drain().collect::<Vec<_>>(), vec!["five", "max"]);
        assert_eq!(t.len(), 0);
    }
}
