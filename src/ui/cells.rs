//! Keyed cells: one signal per row (or box), written by one sync pass.
//!
//! In Leptos every effect downstream of a changed memo is woken and polled, even when the value
//! it reads turns out the same. A table whose rows each hold a memo of one big memo (the
//! scenario) therefore wakes every cell of every row on every parameter change. Instead, one
//! effect reads the big memo, compares each row's new value with what its cell holds, and writes
//! only the cells that differ: a change wakes the sync pass and the cells that really change.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::Hash;

use leptos::prelude::*;

/// Writes `v` to `s` only when it differs from what `s` holds (readers are woken only then).
pub fn set_if<T: PartialEq + Send + Sync + 'static>(s: &ArcRwSignal<T>, v: T) {
    if s.with_untracked(|old| *old != v) {
        s.set(v);
    }
}

/// A map from row keys to their cells. Copy; lives as long as the component that made it.
pub struct Cells<K: Send + Sync + 'static, V: Send + Sync + 'static>(
    StoredValue<HashMap<K, ArcRwSignal<V>>>,
);

impl<K: Send + Sync + 'static, V: Send + Sync + 'static> Clone for Cells<K, V> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<K: Send + Sync + 'static, V: Send + Sync + 'static> Copy for Cells<K, V> {}

impl<K, V> Cells<K, V>
where
    K: Eq + Hash + Clone + Send + Sync + 'static,
    V: PartialEq + Clone + Send + Sync + 'static,
{
    pub fn new() -> Self {
        Cells(StoredValue::new(HashMap::new()))
    }

    /// The cell of `key` as a Copy signal for the current owner (a row's view), made with
    /// `init()` the first time the key is seen.
    pub fn cell(&self, key: &K, init: impl FnOnce() -> V) -> RwSignal<V> {
        match self.0.try_with_value(|m| m.get(key).cloned()) {
            Some(Some(arc)) => arc.into(),
            Some(None) => {
                let arc = ArcRwSignal::new(init());
                self.0.update_value(|m| {
                    m.insert(key.clone(), arc.clone());
                });
                arc.into()
            }
            // The store is gone (its component was disposed): a cell of its own.
            None => RwSignal::new(init()),
        }
    }

    /// Writes the value of every key that has a cell: `value(key)` gives the new value (owned
    /// or borrowed from a table), or `None` to leave the cell as it is. A value is cloned into
    /// its cell, and the cell's readers woken, only when it differs from what the cell holds.
    pub fn sync<B: Borrow<V>>(&self, mut value: impl FnMut(&K) -> Option<B>) {
        self.0.with_value(|m| {
            for (k, cell) in m {
                if let Some(v) = value(k) {
                    let v = v.borrow();
                    if cell.with_untracked(|old| old != v) {
                        cell.set(v.clone());
                    }
                }
            }
        });
    }

    /// Follows a table of rows keyed by `K`: drops the cells of rows that are gone and writes
    /// the others (rows still to be drawn get their cell from [`Cells::cell`]).
    pub fn sync_table<'a>(&self, rows: impl IntoIterator<Item = (&'a K, &'a V)>)
    where
        K: 'a,
        V: 'a,
    {
        let by_key: HashMap<&K, &V> = rows.into_iter().collect();
        self.0
            .update_value(|m| m.retain(|k, _| by_key.contains_key(k)));
        self.sync(|k| by_key.get(k).copied());
    }
}

impl<K, V> Default for Cells<K, V>
where
    K: Eq + Hash + Clone + Send + Sync + 'static,
    V: PartialEq + Clone + Send + Sync + 'static,
{
    fn default() -> Self {
        Self::new()
    }
}
