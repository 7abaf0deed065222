//! The UTF-8 text of a `str`: up to `INLINE_TEXT` bytes inside the object itself, longer
//! text in a block of its own. Programs make short strings by the million (digits, keys,
//! names, characters); kept inline, each is one allocation and one free instead of two.

/// The most bytes kept inline (with the length and the enum's tag, 24 bytes: the size of
/// the `Box<str>` alternative plus its length).
pub const INLINE_TEXT: usize = 22;

pub enum Text {
    Inline { len: u8, bytes: [u8; INLINE_TEXT] },
    Boxed(Box<str>),
}

impl Text {
    /// A copy of `s`.
    #[inline]
    pub fn copy_of(s: &str) -> Text {
        if s.len() <= INLINE_TEXT {
            let mut bytes = [0; INLINE_TEXT];
            bytes[..s.len()].copy_from_slice(s.as_bytes());
            Text::Inline { len: s.len() as u8, bytes }
        } else {
            Text::Boxed(s.into())
        }
    }

    /// `a` followed by `b`.
    #[inline]
    pub fn concat(a: &str, b: &str) -> Text {
        let n = a.len() + b.len();
        if n <= INLINE_TEXT {
            let mut bytes = [0; INLINE_TEXT];
            bytes[..a.len()].copy_from_slice(a.as_bytes());
            bytes[a.len()..n].copy_from_slice(b.as_bytes());
            Text::Inline { len: n as u8, bytes }
        } else {
            let mut s = String::with_capacity(n);
            s.push_str(a);
            s.push_str(b);
            Text::Boxed(s.into_boxed_str())
        }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        match self {
            Text::Inline { len, bytes } => {
                let bytes = &bytes[..*len as usize];
                // SAFETY: an inline text is only made by `copy_of` and `concat`, which copy
                // whole `&str`s (valid UTF-8, and two of them end to end are too) into
                // `bytes[..len]`; the bytes are never written afterwards.
                unsafe { std::str::from_utf8_unchecked(bytes) }
            }
            Text::Boxed(s) => s,
        }
    }
}

/// What a `str` can be made from: borrowed text is copied, owned text kept when it is long.
pub trait IntoText {
    fn into_text(self) -> Text;
}

impl IntoText for &str {
    #[inline]
    fn into_text(self) -> Text {
        Text::copy_of(self)
    }
}

impl IntoText for &String {
    #[inline]
    fn into_text(self) -> Text {
        Text::copy_of(self)
    }
}

impl IntoText for &Box<str> {
    #[inline]
    fn into_text(self) -> Text {
        Text::copy_of(self)
    }
}

impl IntoText for String {
    #[inline]
    fn into_text(self) -> Text {
        if self.len() <= INLINE_TEXT {
            Text::copy_of(&self)
        } else {
            Text::Boxed(self.into_boxed_str())
        }
    }
}

impl IntoText for Box<str> {
    #[inline]
    fn into_text(self) -> Text {
        if self.len() <= INLINE_TEXT {
            Text::copy_of(&self)
        } else {
            Text::Boxed(self)
        }
    }
}

impl IntoText for std::borrow::Cow<'_, str> {
    #[inline]
    fn into_text(self) -> Text {
        match self {
            std::borrow::Cow::Borrowed(s) => Text::copy_of(s),
            std::borrow::Cow::Owned(s) => s.into_text(),
        }
    }
}

impl IntoText for char {
    #[inline]
    fn into_text(self) -> Text {
        Text::copy_of(self.encode_utf8(&mut [0; 4]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_inline_and_long_text_boxed() {
        for s in [
            "",
            "a",
            "é",
            "\u{1f600}x",
            "exactly twenty-two b!!",
            "twenty-three bytes long",
            &"x".repeat(100),
        ] {
            for t in [Text::copy_of(s), s.to_string().into_text(), Box::<str>::from(s).into_text()] {
                assert_eq!(t.as_str(), s);
                assert_eq!(matches!(t, Text::Inline { .. }), s.len() <= INLINE_TEXT, "{s:?}");
            }
        }
        let (a, b) = ("héllo ", "wörld");
        assert_eq!(Text::concat(a, b).as_str(), "héllo wörld");
        let long = "y".repeat(30);
        assert_eq!(Text::concat(a, &long).as_str(), format!("{a}{long}"));
        assert_eq!(Text::concat("", "").as_str(), "");
        assert_eq!('\u{20ac}'.into_text().as_str(), "\u{20ac}");
    }
}
