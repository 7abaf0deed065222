//! `str`: immutable Unicode text, stored as UTF-8 with its length in code points (Python
//! indexes by code point) and a lazily computed, cached hash.

use std::cell::Cell;

use gc_arena::Collect;

use super::text::{IntoText, Text};

#[derive(Collect)]
#[collect(require_static)]
pub struct PyStr {
    text: Text,
    nchars: usize,
    hash: Cell<Option<i64>>,
}

impl PyStr {
    pub fn new(s: impl IntoText) -> PyStr {
        let text = s.into_text();
        let s = text.as_str();
        let nchars = if s.is_ascii() { s.len() } else { s.chars().count() };
        PyStr { text, nchars, hash: Cell::new(None) }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        self.text.as_str()
    }

    /// Length in code points.
    #[inline]
    pub fn len(&self) -> usize {
        self.nchars
    }

    pub fn is_empty(&self) -> bool {
        self.nchars == 0
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.nchars == self.as_str().len()
    }

    pub fn hash(&self) -> i64 {
        if let Some(h) = self.hash.get() {
            return h;
        }
        let h = crate::ops::hash::str_hash(self.as_str());
        self.hash.set(Some(h));
        h
    }

    /// The code point at index `i` (0 <= i < len).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.as_str().as_bytes().get(i).map(|&b| b as char)
        } else {
            self.as_str().chars().nth(i)
        }
    }

    /// Byte offset of code point index `i` (clamped to the end).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i.min(self.as_str().len())
        } else {
            self.as_str().char_indices().nth(i).map_or(self.as_str().len(), |(b, _)| b)
        }
    }
}

impl PyStr {
    /// `a + b`, its length in code points known from the parts (no scan of the text).
    pub fn concat(a: &PyStr, b: &PyStr) -> PyStr {
        let text = Text::concat(a.as_str(), b.as_str());
        PyStr { text, nchars: a.nchars + b.nchars, hash: Cell::new(None) }
    }
}
