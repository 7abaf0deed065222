//! `dict` and `set` storage.
//!
//! `Dict` keeps entries in insertion order (what Python guarantees) with a `hashbrown` index
//! of entry positions. `Set` reproduces CPython's open-addressing table (linear probes plus
//! perturbation, the same resize rule), because Python programs print sets and their order is
//! the table's order: with the same hashes (see `ops::hash`) the output matches CPython's.
//!
//! Neither knows how to hash or compare values: callers pass the hash and an equality test,
//! so that the interpreter can decide what equality means (and, later, call `__eq__`).

use gc_arena::Collect;
use hashbrown::HashTable;

use crate::value::Value;

#[derive(Collect, Clone, Copy)]
#[collect(no_drop)]
pub struct DictEntry<'gc> {
    pub hash: i64,
    /// `Undef` marks a deleted entry.
    pub key: Value<'gc>,
    pub value: Value<'gc>,
}

#[derive(Collect, Default)]
#[collect(no_drop)]
pub struct Dict<'gc> {
    entries: Vec<DictEntry<'gc>>,
    #[collect(require_static)]
    index: HashTable<u32>,
    len: usize,
    /// Changes (to a value never used before) whenever a key is added: while it stays the
    /// same, a key found absent is still absent. The LOAD_GLOBAL cache relies on it.
    keys_tag: u64,
}

/// Whether two strs have the same text (None unless both are strs). A str equals another
/// only by its text, whatever equality the caller passes, so string keys (the most common)
/// are compared here without the call through `eq`.
#[inline(always)]
fn same_text(a: Value<'_>, b: Value<'_>) -> Option<bool> {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Some(x.as_str() == y.as_str()),
        _ => None,
    }
}

/// The hash hashbrown sees. Python's hashes are not mixed (an int hashes to itself), and
/// hashbrown takes its 7-bit tags from the top bits: small ints would all share one tag and
/// every probe would compare keys. A multiply by an odd constant spreads them and is a
/// bijection, so distinct hashes stay distinct.
#[inline]
fn mix(hash: i64) -> u64 {
    (hash as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

thread_local! {
    /// The last key tag handed out. One counter for all dicts, so a tag names one state of
    /// one dict's key set even when a dict is freed and another takes its address.
    static LAST_KEYS_TAG: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

fn next_keys_tag() -> u64 {
    LAST_KEYS_TAG.with(|t| {
        let tag = t.get() + 1;
        t.set(tag);
        tag
    })
}

impl<'gc> Dict<'gc> {
    pub fn new() -> Dict<'gc> {
        Dict { entries: Vec::new(), index: HashTable::new(), len: 0, keys_tag: 0 }
    }

    pub fn with_capacity(n: usize) -> Dict<'gc> {
        Dict { entries: Vec::with_capacity(n), index: HashTable::with_capacity(n), len: 0, keys_tag: 0 }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Position of the entry for `key`, if present.
    pub fn find(
        &self,
        hash: i64,
        key: Value<'gc>,
        eq: &mut dyn FnMut(Value<'gc>, Value<'gc>) -> bool,
    ) -> Option<usize> {
        let entries = &self.entries;
        self.index
            .find(mix(hash), |&i| {
                let e = &entries[i as usize];
                e.hash == hash && (e.key.is(key) || same_text(e.key, key).unwrap_or_else(|| eq(e.key, key)))
            })
            .map(|&i| i as usize)
    }

    pub fn get(
        &self,
        hash: i64,
        key: Value<'gc>,
        eq: &mut dyn FnMut(Value<'gc>, Value<'gc>) -> bool,
    ) -> Option<Value<'gc>> {
        self.find(hash, key, eq).map(|i| self.entries[i].value)
    }

    /// Look up a `str` key by its text (attribute dicts, globals).
    pub fn get_str(&self, name: &str) -> Option<Value<'gc>> {
        let hash = crate::ops::hash::str_hash(name);
        let entries = &self.entries;
        self.index
            .find(mix(hash), |&i| {
                let e = &entries[i as usize];
                e.hash == hash && e.key.as_str() == Some(name)
            })
            .map(|&i| entries[i as usize].value)
    }

    /// Look up a `str` key whose hash is known.
    pub fn get_key(&self, key: crate::object::Key<'_>) -> Option<Value<'gc>> {
        self.find_key(key).map(|i| self.entries[i].value)
    }

    /// Position of the entry for a `str` key whose hash is known.
    pub fn find_key(&self, key: crate::object::Key<'_>) -> Option<usize> {
        let entries = &self.entries;
        self.index
            .find(mix(key.hash), |&i| {
                let e = &entries[i as usize];
                e.hash == key.hash && e.key.as_str() == Some(key.text)
            })
            .map(|&i| i as usize)
    }

    /// Look up a `str` key given as an (interned) `PyStr`, using its cached hash.
    pub fn get_pystr(&self, name: &crate::object::PyStr) -> Option<Value<'gc>> {
        self.find_pystr(name).map(|i| self.entries[i].value)
    }

    /// Position of the entry for a `str` key given as a `PyStr`.
    pub fn find_pystr(&self, name: &crate::object::PyStr) -> Option<usize> {
        let hash = name.hash();
        let entries = &self.entries;
        self.index
            .find(mix(hash), |&i| {
                let e = &entries[i as usize];
                e.hash == hash
                    && match e.key {
                        Value::Str(k) => {
                            std::ptr::eq(gc_arena::Gc::as_ptr(k), name) || k.as_str() == name.as_str()
                        }
                        _ => false,
                    }
            })
            .map(|&i| i as usize)
    }

    /// The value at position `pos` if that entry's key is the very object `name`: a
    /// remembered position checked in O(1) (a deleted or moved entry fails the check).
    #[inline]
    pub fn value_at_if_key(&self, pos: usize, name: *const crate::object::PyStr) -> Option<Value<'gc>> {
        match self.entries.get(pos) {
            Some(DictEntry { key: Value::Str(k), value, .. })
                if std::ptr::eq(gc_arena::Gc::as_ptr(*k), name) =>
            {
                Some(*value)
            }
            _ => None,
        }
    }

    /// See the field: equal tags mean no key was added in between.
    #[inline]
    pub fn keys_tag(&self) -> u64 {
        self.keys_tag
    }

    /// Insert or replace; returns the previous value.
    pub fn insert(
        &mut self,
        hash: i64,
        key: Value<'gc>,
        value: Value<'gc>,
        eq: &mut dyn FnMut(Value<'gc>, Value<'gc>) -> bool,
    ) -> Option<Value<'gc>> {
        if let Some(i) = self.find(hash, key, eq) {
            return Some(std::mem::replace(&mut self.entries[i].value, value));
        }
        let pos = self.entries.len() as u32;
        self.entries.push(DictEntry { hash, key, value });
        self.keys_tag = next_keys_tag();
        let entries = &self.entries;
        self.index.insert_unique(mix(hash), pos, |&i| mix(entries[i as usize].hash));
        self.len += 1;
        None
    }

    pub fn remove(
        &mut self,
        hash: i64,
        key: Value<'gc>,
        eq: &mut dyn FnMut(Value<'gc>, Value<'gc>) -> bool,
    ) -> Option<(Value<'gc>, Value<'gc>)> {
        let entries = &self.entries;
        let found = self.index.find_entry(mix(hash), |&i| {
            let e = &entries[i as usize];
            e.hash == hash && (e.key.is(key) || same_text(e.key, key).unwrap_or_else(|| eq(e.key, key)))
        });
        let Ok(slot) = found else { return None };
        let (i, _) = slot.remove();
        let e = std::mem::replace(
            &mut self.entries[i as usize],
            DictEntry { hash: 0, key: Value::Undef, value: Value::Undef },
        );
        self.len -= 1;
        self.maybe_compact();
        Some((e.key, e.value))
    }

    /// Drop deleted entries once they outnumber the live ones.
    fn maybe_compact(&mut self) {
        if self.entries.len() < 16 || self.entries.len() < 2 * self.len {
            return;
        }
        self.entries.retain(|e| !e.key.is_undef());
        self.index.clear();
        for (i, e) in self.entries.iter().enumerate() {
            self.index.insert_unique(mix(e.hash), i as u32, |_| unreachable!("capacity is kept"));
        }
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.index.clear();
        self.len = 0;
    }

    /// Entry at position `i` (positions run over deleted entries too, for iterators).
    pub fn entry_at(&self, i: usize) -> Option<&DictEntry<'gc>> {
        self.entries.get(i)
    }

    /// Number of positions, deleted entries included.
    pub fn positions(&self) -> usize {
        self.entries.len()
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &DictEntry<'gc>> + '_ {
        self.entries.iter().filter(|e| !e.key.is_undef())
    }

    /// Remove and return the last inserted entry (`dict.popitem`).
    pub fn pop_last(&mut self) -> Option<(Value<'gc>, Value<'gc>)> {
        while let Some(e) = self.entries.pop() {
            if e.key.is_undef() {
                continue;
            }
            let pos = self.entries.len() as u32;
            if let Ok(slot) = self.index.find_entry(mix(e.hash), |&i| i == pos) {
                slot.remove();
            }
            self.len -= 1;
            return Some((e.key, e.value));
        }
        None
    }
}

const SET_MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Collect, Clone, Copy)]
#[collect(no_drop)]
enum Slot<'gc> {
    Empty,
    Dummy,
    Full { hash: i64, key: Value<'gc> },
}

/// CPython's set table.
#[derive(Collect)]
#[collect(no_drop)]
pub struct Set<'gc> {
    table: Vec<Slot<'gc>>,
    /// Full plus dummy slots.
    fill: usize,
    used: usize,
    /// Where `pop` resumes its scan (CPython's `finger`); kept across clears and resizes.
    finger: usize,
}

impl<'gc> Default for Set<'gc> {
    fn default() -> Self {
        Set::new()
    }
}

impl<'gc> Set<'gc> {
    pub fn new() -> Set<'gc> {
        Set { table: vec![Slot::Empty; SET_MINSIZE], fill: 0, used: 0, finger: 0 }
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// The slot holding `key`, or where probing for it ended.
    fn lookup(
        &self,
        hash: i64,
        key: Value<'gc>,
        eq: &mut dyn FnMut(Value<'gc>, Value<'gc>) -> bool,
    ) -> Option<usize> {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = hash as u64 as usize & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                match self.table[j] {
                    Slot::Empty => return None,
                    Slot::Full { hash: h, key: k } if h == hash && (k.is(key) || eq(k, key)) => {
                        return Some(j)
                    }
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    pub fn contains(
        &self,
        hash: i64,
        key: Value<'gc>,
        eq: &mut dyn FnMut(Value<'gc>, Value<'gc>) -> bool,
    ) -> bool {
        self.lookup(hash, key, eq).is_some()
    }

    /// Add `key`; false if it was already present.
    pub fn add(
        &mut self,
        hash: i64,
        key: Value<'gc>,
        eq: &mut dyn FnMut(Value<'gc>, Value<'gc>) -> bool,
    ) -> bool {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = hash as u64 as usize & mask;
        let mut freeslot = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                match self.table[j] {
                    Slot::Empty => {
                        match freeslot {
                            Some(f) => {
                                self.table[f] = Slot::Full { hash, key };
                                self.used += 1;
                            }
                            None => {
                                self.table[j] = Slot::Full { hash, key };
                                self.fill += 1;
                                self.used += 1;
                                if self.fill * 5 >= mask * 3 {
                                    let n = if self.used > 50000 { self.used * 2 } else { self.used * 4 };
                                    self.resize(n);
                                }
                            }
                        }
                        return true;
                    }
                    Slot::Full { hash: h, key: k } => {
                        if h == hash && (k.is(key) || eq(k, key)) {
                            return false;
                        }
                    }
                    // CPython 3.11 keeps the last dummy it passed, not the first.
                    Slot::Dummy => freeslot = Some(j),
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    pub fn discard(
        &mut self,
        hash: i64,
        key: Value<'gc>,
        eq: &mut dyn FnMut(Value<'gc>, Value<'gc>) -> bool,
    ) -> bool {
        match self.lookup(hash, key, eq) {
            Some(j) => {
                self.table[j] = Slot::Dummy;
                self.used -= 1;
                true
            }
            None => false,
        }
    }

    /// Grow (or shrink) to the smallest power of two above `minused`, reinserting in table
    /// order as CPython does.
    pub fn resize(&mut self, minused: usize) {
        let mut size = SET_MINSIZE;
        while size <= minused {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.table, vec![Slot::Empty; size]);
        self.fill = self.used;
        let mask = size - 1;
        for slot in old {
            if let Slot::Full { hash, key } = slot {
                insert_clean(&mut self.table, mask, hash, key);
            }
        }
    }

    /// `set.update(other_set)` / copying a set: CPython's `set_merge`, which keeps the other
    /// table's layout when it can.
    pub fn merge(&mut self, other: &Set<'gc>, eq: &mut dyn FnMut(Value<'gc>, Value<'gc>) -> bool) {
        if other.used == 0 {
            return;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            self.table.clone_from(&other.table);
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            let mask = self.mask();
            for slot in &other.table {
                if let Slot::Full { hash, key } = *slot {
                    insert_clean(&mut self.table, mask, hash, key);
                }
            }
            self.fill = other.used;
            self.used = other.used;
            return;
        }
        for slot in &other.table {
            if let Slot::Full { hash, key } = *slot {
                self.add(hash, key, eq);
            }
        }
    }

    /// Make room for `extra` more entries at once (CPython does this before adding a dict's
    /// keys).
    pub fn reserve_for(&mut self, extra: usize) {
        if (self.fill + extra) * 5 >= self.mask() * 3 {
            self.resize((self.used + extra) * 2);
        }
    }

    /// Empty the set (back to the smallest table); `pop`'s finger stays where it was.
    pub fn clear(&mut self) {
        let finger = self.finger;
        *self = Set::new();
        self.finger = finger;
    }

    /// Take `other`'s table as this set's own, keeping this set's `pop` finger (CPython's
    /// `set_swap_bodies`, used by the in-place updates that build a new table).
    pub fn replace_table(&mut self, other: Set<'gc>) {
        let finger = self.finger;
        *self = other;
        self.finger = finger;
    }

    /// Full plus dummy slots.
    pub fn fill(&self) -> usize {
        self.fill
    }

    /// The keys with this hash along `hash`'s probe sequence: the only candidates an
    /// equality test with a key of that hash could match (callers that must run Python's
    /// `__eq__` test them outside any borrow of the table).
    pub fn same_hash(&self, hash: i64) -> Vec<Value<'gc>> {
        let mut out = Vec::new();
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = hash as u64 as usize & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                match self.table[j] {
                    Slot::Empty => return out,
                    Slot::Full { hash: h, key } if h == hash => out.push(key),
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// The entries in table order, as (hash, key).
    pub fn iter(&self) -> impl Iterator<Item = (i64, Value<'gc>)> + '_ {
        self.table.iter().filter_map(|s| match *s {
            Slot::Full { hash, key } => Some((hash, key)),
            _ => None,
        })
    }

    /// Slot count, for iterators that walk positions.
    pub fn positions(&self) -> usize {
        self.table.len()
    }

    pub fn entry_at(&self, i: usize) -> Option<(i64, Value<'gc>)> {
        match self.table.get(i) {
            Some(Slot::Full { hash, key }) => Some((*hash, *key)),
            _ => None,
        }
    }

    /// Remove and return an arbitrary element, as CPython's `set.pop`: the first full slot
    /// at or after the finger (wrapping), which then moves past it.
    pub fn pop(&mut self) -> Option<Value<'gc>> {
        if self.used == 0 {
            return None;
        }
        let size = self.table.len();
        let start = self.finger & self.mask();
        let j =
            (0..size).map(|k| (start + k) % size).find(|&j| matches!(self.table[j], Slot::Full { .. }))?;
        let Slot::Full { key, .. } = std::mem::replace(&mut self.table[j], Slot::Dummy) else { return None };
        self.used -= 1;
        self.finger = j + 1;
        Some(key)
    }
}

fn insert_clean<'gc>(table: &mut [Slot<'gc>], mask: usize, hash: i64, key: Value<'gc>) {
    let mut perturb = hash as u64;
    let mut i = hash as u64 as usize & mask;
    loop {
        if matches!(table[i], Slot::Empty) {
            table[i] = Slot::Full { hash, key };
            return;
        }
        if i + LINEAR_PROBES <= mask {
            for slot in &mut table[i + 1..=i + LINEAR_PROBES] {
                if matches!(slot, Slot::Empty) {
                    *slot = Slot::Full { hash, key };
                    return;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
    }
}
