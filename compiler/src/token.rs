//! Tokens: what the lexer hands the parser.

use crate::ast::Loc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok {
    /// An identifier or keyword; the parser tells keywords apart by text.
    Name,
    /// A numeric literal, exactly as written.
    Number,
    /// One string literal, prefix and quotes included, exactly as written. Adjacent literals
    /// are separate tokens; the parser concatenates them and decodes escapes and f-strings.
    String,
    Newline,
    Indent,
    Dedent,
    EndMarker,
    /// An operator or delimiter; which one is in `Token::op`.
    Op(Op),
    /// `$`, `?`, `` ` `` or `<>`: text no rule accepts. CPython's tokenizer hands these to its
    /// parser as operators (`<>` as NOTEQUAL, which only `barry_as_FLUFL` allows), so the
    /// parser, not the tokenizer, reports them: "invalid syntax" at the token.
    Unknown,
}

/// Every operator and delimiter of Python 3.11.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Op {
    LPar,
    RPar,
    LSqb,
    RSqb,
    LBrace,
    RBrace,
    Colon,
    Comma,
    Semi,
    Plus,
    Minus,
    Star,
    Slash,
    VBar,
    Amper,
    Less,
    Greater,
    Equal,
    Dot,
    Percent,
    EqEqual,
    NotEqual,
    LessEqual,
    GreaterEqual,
    Tilde,
    CircumFlex,
    LeftShift,
    RightShift,
    DoubleStar,
    PlusEqual,
    MinEqual,
    StarEqual,
    SlashEqual,
    PercentEqual,
    AmperEqual,
    VBarEqual,
    CircumFlexEqual,
    LeftShiftEqual,
    RightShiftEqual,
    DoubleStarEqual,
    DoubleSlash,
    DoubleSlashEqual,
    At,
    AtEqual,
    RArrow,
    Ellipsis,
    ColonEqual,
    /// `!` (only meaningful inside f-string replacement fields).
    Exclamation,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: Tok,
    /// Byte range of the token's text in the source (empty for Indent / Dedent / EndMarker).
    pub start: u32,
    pub end: u32,
    /// Line and byte-column span, as the AST records it.
    pub loc: Loc,
}

impl Token {
    pub fn text<'s>(&self, source: &'s str) -> &'s str {
        &source[self.start as usize..self.end as usize]
    }
}
