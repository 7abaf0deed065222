//! The tokenizer against CPython 3.11. Every expected error below is what `python3` reports
//! running the source as a file: (message, line, offset, end offset), with CPython's -1
//! (no end) written as 0.

use cellvm_compiler::error::ErrorKind::{self, IndentationError, SyntaxError, TabError};
use cellvm_compiler::lexer::{decode_source, lex, normalize_newlines, tokenize, Reported};
use cellvm_compiler::token::{Op, Tok};

type Case = (&'static str, ErrorKind, &'static str, u32, u32, u32);

fn check(cases: &[Case]) {
    for &(src, kind, msg, lineno, offset, end_offset) in cases {
        let e = tokenize(src, "t.py").expect_err(src);
        assert_eq!(
            (e.kind, e.msg.as_str(), e.lineno, e.offset, e.end_lineno, e.end_offset),
            (kind, msg, lineno, offset, lineno, end_offset),
            "source {src:?}"
        );
    }
}

const INDENTATION: &[Case] = &[
    ("if x:\n    a\n  b\n", IndentationError, "unindent does not match any outer indentation level", 3, 4, 0),
    ("if x:\n  é\n é\n", IndentationError, "unindent does not match any outer indentation level", 3, 4, 0),
    (
        "if x:\n    a\n  \\\n b\n",
        IndentationError,
        "unindent does not match any outer indentation level",
        4,
        3,
        0,
    ),
    (
        "if 1:\n  x = 1\n \u{c} y = 2\n",
        IndentationError,
        "unindent does not match any outer indentation level",
        3,
        9,
        0,
    ),
    ("if x:\n    a\n  b", IndentationError, "unindent does not match any outer indentation level", 3, 4, 0),
    ("if x:\n\ta\n        b\n", TabError, "inconsistent use of tabs and spaces in indentation", 3, 1, 0),
    ("if x:\n        a\n\tb\n", TabError, "inconsistent use of tabs and spaces in indentation", 3, 1, 0),
    ("if x:\n  \ta\n\t  b\n", TabError, "inconsistent use of tabs and spaces in indentation", 3, 1, 0),
    ("if 1:\n    \tx\n\ty\n", TabError, "inconsistent use of tabs and spaces in indentation", 3, 1, 0),
    (
        "if 1:\n        x\n\tif 1:\n\t\ty\n",
        TabError,
        "inconsistent use of tabs and spaces in indentation",
        3,
        1,
        0,
    ),
    (
        "if 1:\n\tx = 1\n\u{c}        y = 2\n",
        TabError,
        "inconsistent use of tabs and spaces in indentation",
        3,
        1,
        0,
    ),
];

const BRACKETS: &[Case] = &[
    ("x = 1)\n", SyntaxError, "unmatched ')'", 1, 6, 6),
    ("x = 1\n)", SyntaxError, "unmatched ')'", 2, 1, 1),
    ("é = 1)\n", SyntaxError, "unmatched ')'", 1, 6, 6),
    (
        "x = (1, 2]\n",
        SyntaxError,
        "closing parenthesis ']' does not match opening parenthesis '('",
        1,
        10,
        10,
    ),
    (
        "x = {1, 2)\n",
        SyntaxError,
        "closing parenthesis ')' does not match opening parenthesis '{'",
        1,
        10,
        10,
    ),
    (
        "x = [1, 2}\n",
        SyntaxError,
        "closing parenthesis '}' does not match opening parenthesis '['",
        1,
        10,
        10,
    ),
    (
        "x = (1,\n  2]\n",
        SyntaxError,
        "closing parenthesis ']' does not match opening parenthesis '(' on line 1",
        2,
        4,
        4,
    ),
    (
        "x = [1,\n(2,\n3\n}\n",
        SyntaxError,
        "closing parenthesis '}' does not match opening parenthesis '(' on line 2",
        4,
        1,
        1,
    ),
];

const UNCLOSED: &[Case] = &[
    ("foo(\n", SyntaxError, "'(' was never closed", 1, 4, 0),
    ("foo(a b\n", SyntaxError, "'(' was never closed", 1, 4, 0),
    ("x = [1,\n(2,\n3\n", SyntaxError, "'(' was never closed", 2, 1, 0),
    ("x = (1,", SyntaxError, "'(' was never closed", 1, 5, 0),
    ("é = (\n", SyntaxError, "'(' was never closed", 1, 6, 0),
    ("x = (1 \\\n", SyntaxError, "'(' was never closed", 1, 5, 0),
    ("x = {\n\n# c\n", SyntaxError, "'{' was never closed", 1, 5, 0),
];

const CONTINUATION: &[Case] = &[
    ("x = 1 \\ y\n", SyntaxError, "unexpected character after line continuation character", 1, 8, 0),
    ("x = (1 \\ 2)\n", SyntaxError, "unexpected character after line continuation character", 1, 9, 0),
    ("x = 1\ny = 2 \\ z\n", SyntaxError, "unexpected character after line continuation character", 2, 8, 0),
    ("x = (1,\n2 \\ z)\n", SyntaxError, "unexpected character after line continuation character", 2, 4, 0),
    (
        "x = 1 + \\\n  2 \\ z\n",
        SyntaxError,
        "unexpected character after line continuation character",
        2,
        16,
        0,
    ),
    ("é = 1 \\ z\n", SyntaxError, "unexpected character after line continuation character", 1, 9, 0),
    (
        "x = \"\"\"a\nb\"\"\" \\ z\n",
        SyntaxError,
        "unexpected character after line continuation character",
        2,
        16,
        0,
    ),
    ("  \\ x\n", SyntaxError, "unexpected character after line continuation character", 1, 4, 0),
    ("if 1:\n  x\n  \\ x\n", SyntaxError, "unexpected character after line continuation character", 3, 4, 0),
    ("x = 1 \\\n", SyntaxError, "unexpected EOF while parsing", 1, 8, 0),
    ("x = 1 \\", SyntaxError, "unexpected EOF while parsing", 1, 8, 0),
    ("x = 1\ny = 2 \\\n", SyntaxError, "unexpected EOF while parsing", 2, 8, 0),
    ("x = \\\n", SyntaxError, "unexpected EOF while parsing", 1, 6, 0),
    ("é = 1 \\\n", SyntaxError, "unexpected EOF while parsing", 1, 9, 0),
    ("\\\n", SyntaxError, "unexpected EOF while parsing", 1, 0, 0),
    ("\\", SyntaxError, "unexpected EOF while parsing", 1, 0, 0),
    ("x = 1\n  \\\n", SyntaxError, "unexpected EOF while parsing", 2, 0, 0),
    ("x = 1 \\\r\n", SyntaxError, "unexpected EOF while parsing", 1, 8, 0),
];

const STRINGS: &[Case] = &[
    ("x = 'abc\n", SyntaxError, "unterminated string literal (detected at line 1)", 1, 5, 5),
    ("x = 'abc", SyntaxError, "unterminated string literal (detected at line 1)", 1, 5, 5),
    ("x = \"abc\ny = 2\n", SyntaxError, "unterminated string literal (detected at line 1)", 1, 5, 5),
    ("x = rb'abc\ny = 2\n", SyntaxError, "unterminated string literal (detected at line 1)", 1, 5, 5),
    ("é = 'abc\n", SyntaxError, "unterminated string literal (detected at line 1)", 1, 5, 5),
    ("x = 'abc\\\ndef\n", SyntaxError, "unterminated string literal (detected at line 2)", 1, 5, 5),
    ("x = 'abc\\\ndef", SyntaxError, "unterminated string literal (detected at line 2)", 1, 5, 5),
    ("x = 'abc\\", SyntaxError, "unterminated string literal (detected at line 1)", 1, 5, 5),
    ("x = 'abc\\\n", SyntaxError, "unterminated string literal (detected at line 1)", 1, 5, 5),
    ("x = '''abc\n", SyntaxError, "unterminated triple-quoted string literal (detected at line 1)", 1, 5, 5),
    (
        "x = '''abc\ndef",
        SyntaxError,
        "unterminated triple-quoted string literal (detected at line 2)",
        1,
        5,
        5,
    ),
    (
        "x = '''abc\n\n",
        SyntaxError,
        "unterminated triple-quoted string literal (detected at line 2)",
        1,
        5,
        5,
    ),
    (
        "x = '''abc\ndef\n\n\n",
        SyntaxError,
        "unterminated triple-quoted string literal (detected at line 4)",
        1,
        5,
        5,
    ),
    (
        "x = f\"\"\"abc\n'''\n",
        SyntaxError,
        "unterminated triple-quoted string literal (detected at line 2)",
        1,
        5,
        5,
    ),
    ("x = 1\ny = 'a' 'b\n", SyntaxError, "unterminated string literal (detected at line 2)", 2, 9, 9),
];

const NUMBERS: &[Case] = &[
    ("x = 0x\n", SyntaxError, "invalid hexadecimal literal", 1, 6, 6),
    ("x = 0x_\n", SyntaxError, "invalid hexadecimal literal", 1, 7, 7),
    ("x = 0xg\n", SyntaxError, "invalid hexadecimal literal", 1, 6, 6),
    ("x = 0x1_\n", SyntaxError, "invalid hexadecimal literal", 1, 8, 8),
    ("x = 0xf_\n", SyntaxError, "invalid hexadecimal literal", 1, 8, 8),
    ("x = 0x1__2\n", SyntaxError, "invalid hexadecimal literal", 1, 8, 8),
    ("x = 0o8\n", SyntaxError, "invalid digit '8' in octal literal", 1, 7, 7),
    ("x = 0o18\n", SyntaxError, "invalid digit '8' in octal literal", 1, 8, 8),
    ("x = 0o1_8\n", SyntaxError, "invalid digit '8' in octal literal", 1, 9, 9),
    ("x = 0o\n", SyntaxError, "invalid octal literal", 1, 6, 6),
    ("x = 0o1a\n", SyntaxError, "invalid octal literal", 1, 7, 7),
    ("x = 0o7_\n", SyntaxError, "invalid octal literal", 1, 8, 8),
    ("x = 0b2\n", SyntaxError, "invalid digit '2' in binary literal", 1, 7, 7),
    ("x = 0b12\n", SyntaxError, "invalid digit '2' in binary literal", 1, 8, 8),
    ("x = 0b1_2\n", SyntaxError, "invalid digit '2' in binary literal", 1, 9, 9),
    ("x = 0b\n", SyntaxError, "invalid binary literal", 1, 6, 6),
    ("x = 0b_\n", SyntaxError, "invalid binary literal", 1, 7, 7),
    ("x = 0b1a\n", SyntaxError, "invalid binary literal", 1, 7, 7),
    ("x = 0b1_\n", SyntaxError, "invalid binary literal", 1, 8, 8),
    (
        "x = 0777\n",
        SyntaxError,
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
        1,
        5,
        6,
    ),
    (
        "x = 00777\n",
        SyntaxError,
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
        1,
        5,
        7,
    ),
    (
        "x = 09\n",
        SyntaxError,
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
        1,
        5,
        6,
    ),
    (
        "x = 0_7\n",
        SyntaxError,
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
        1,
        5,
        7,
    ),
    (
        "é = 0777\n",
        SyntaxError,
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
        1,
        6,
        7,
    ),
    ("x = 1__0\n", SyntaxError, "invalid decimal literal", 1, 6, 6),
    ("é = 1__0\n", SyntaxError, "invalid decimal literal", 1, 6, 6),
    ("x = 1_\n", SyntaxError, "invalid decimal literal", 1, 6, 6),
    ("x = 0_\n", SyntaxError, "invalid decimal literal", 1, 6, 6),
    ("x = 0__7\n", SyntaxError, "invalid decimal literal", 1, 6, 6),
    ("x = 1__.0\n", SyntaxError, "invalid decimal literal", 1, 6, 6),
    ("x = 1a\n", SyntaxError, "invalid decimal literal", 1, 5, 5),
    ("x = 1andy\n", SyntaxError, "invalid decimal literal", 1, 5, 5),
    ("x = 1e\n", SyntaxError, "invalid decimal literal", 1, 5, 5),
    ("x = 0e\n", SyntaxError, "invalid decimal literal", 1, 5, 5),
    ("x = 1ee\n", SyntaxError, "invalid decimal literal", 1, 5, 5),
    ("x = 1.e\n", SyntaxError, "invalid decimal literal", 1, 6, 6),
    ("x = 1e+\n", SyntaxError, "invalid decimal literal", 1, 7, 7),
    ("x = 1e+a\n", SyntaxError, "invalid decimal literal", 1, 7, 7),
    ("x = 1e_1\n", SyntaxError, "invalid decimal literal", 1, 5, 5),
    ("x = 1e1_\n", SyntaxError, "invalid decimal literal", 1, 8, 8),
    ("x = 1e5e\n", SyntaxError, "invalid decimal literal", 1, 7, 7),
    ("x = 1.0_\n", SyntaxError, "invalid decimal literal", 1, 8, 8),
    ("x = 1._0\n", SyntaxError, "invalid decimal literal", 1, 6, 6),
    ("x = 1.e5_\n", SyntaxError, "invalid decimal literal", 1, 9, 9),
    ("x = 1.5j2\n", SyntaxError, "invalid imaginary literal", 1, 8, 8),
    ("x = 1jk\n", SyntaxError, "invalid imaginary literal", 1, 6, 6),
    ("x = .5_\n", SyntaxError, "invalid decimal literal", 1, 7, 7),
];

const CHARACTERS: &[Case] = &[
    ("x = €\n", SyntaxError, "invalid character '€' (U+20AC)", 1, 5, 5),
    ("x = a€b\n", SyntaxError, "invalid character '€' (U+20AC)", 1, 6, 6),
    ("\u{301} = 1\n", SyntaxError, "invalid character '\u{301}' (U+0301)", 1, 1, 1),
    ("x = ²\n", SyntaxError, "invalid character '²' (U+00B2)", 1, 5, 5),
    ("x = 🐍\n", SyntaxError, "invalid character '🐍' (U+1F40D)", 1, 5, 5),
    ("x = \u{a0}\n", SyntaxError, "invalid non-printable character U+00A0", 1, 5, 5),
    ("x = \u{200b}\n", SyntaxError, "invalid non-printable character U+200B", 1, 5, 5),
    ("x = \u{feff}\n", SyntaxError, "invalid non-printable character U+FEFF", 1, 5, 5),
    ("x = 1\u{1}\n", SyntaxError, "invalid non-printable character U+0001", 1, 6, 6),
    ("x = 1\u{b}\n", SyntaxError, "invalid non-printable character U+000B", 1, 6, 6),
    ("\u{7f}", SyntaxError, "invalid non-printable character U+007F", 1, 1, 1),
    ("x = 1\u{1b}\n", SyntaxError, "invalid non-printable character U+001B", 1, 6, 6),
];

const NUL: &[Case] = &[
    ("\u{0}", SyntaxError, "source code cannot contain null bytes", 1, 0, 0),
    ("x = 1\u{0}\n", SyntaxError, "source code cannot contain null bytes", 1, 0, 0),
    ("x = 1\n\u{0}\n", SyntaxError, "source code cannot contain null bytes", 2, 0, 0),
    ("x = 'a\u{0}b'\n", SyntaxError, "source code cannot contain null bytes", 1, 0, 0),
    ("x = 1 # \u{0}\n", SyntaxError, "source code cannot contain null bytes", 1, 0, 0),
    ("x = '''\n\u{0}\n'''\n", SyntaxError, "source code cannot contain null bytes", 2, 0, 0),
];

#[test]
fn indentation_errors() {
    check(INDENTATION);
}

#[test]
fn too_many_indentation_levels() {
    // 99 levels are fine; CPython refuses the 100th.
    let nest = |levels: usize| -> String {
        (0..levels).map(|i| format!("{}if 1:\n", " ".repeat(i))).collect::<String>()
            + &" ".repeat(levels)
            + "pass\n"
    };
    assert!(tokenize(&nest(99), "t.py").is_ok());
    let e = tokenize(&nest(100), "t.py").unwrap_err();
    assert_eq!(
        (e.kind, e.msg.as_str(), e.lineno, e.offset, e.end_offset),
        (IndentationError, "too many levels of indentation", 101, 1, 0)
    );
}

#[test]
fn bracket_errors() {
    check(BRACKETS);
    check(UNCLOSED);
}

#[test]
fn too_many_nested_brackets() {
    // 200 open brackets are fine; CPython refuses the 201st, pointing just past it.
    let ok = format!("x = {}{}\n", "(".repeat(200), ")".repeat(200));
    assert!(tokenize(&ok, "t.py").is_ok());
    for (open, close) in [("(", ")"), ("[(", ")]"), ("{", "}")] {
        let src = format!("x = {}{}\n", open.repeat(201 / open.len() + 1), close.repeat(201));
        let e = tokenize(&src, "t.py").unwrap_err();
        assert_eq!(
            (e.msg.as_str(), e.lineno, e.offset, e.end_offset),
            ("too many nested parentheses", 1, 205, 205)
        );
    }
}

#[test]
fn continuation_errors() {
    check(CONTINUATION);
}

#[test]
fn string_errors() {
    check(STRINGS);
}

#[test]
fn number_errors() {
    check(NUMBERS);
}

#[test]
fn character_errors() {
    check(CHARACTERS);
}

#[test]
fn nul_bytes() {
    check(NUL);
    // CPython shows the line up to the NUL.
    let e = tokenize("x = 1 # \0 y\n", "t.py").unwrap_err();
    assert_eq!(e.text.as_deref(), Some("x = 1 # \n"));
}

fn kinds(src: &str) -> Vec<Tok> {
    tokenize(src, "t.py").unwrap_or_else(|e| panic!("{src:?}: {e}")).iter().map(|t| t.kind).collect()
}

/// The text of each token that has one.
fn texts(src: &str) -> Vec<&str> {
    let tokens = tokenize(src, "t.py").unwrap_or_else(|e| panic!("{src:?}: {e}"));
    tokens.iter().filter(|t| t.start < t.end).map(|t| t.text(src)).collect()
}

/// (kind, line, col, end line, end col) of each token.
fn spans(src: &str) -> Vec<(Tok, u32, u32, u32, u32)> {
    let tokens = tokenize(src, "t.py").unwrap_or_else(|e| panic!("{src:?}: {e}"));
    tokens.iter().map(|t| (t.kind, t.loc.lineno, t.loc.col, t.loc.end_lineno, t.loc.end_col)).collect()
}

use Tok::{Dedent, EndMarker, Indent, Name, Newline, Number, String as Str};

fn op(o: Op) -> Tok {
    Tok::Op(o)
}

#[test]
fn token_kinds_match_cpython() {
    // The sequences are those of CPython's tokenize module without NL and COMMENT tokens.
    let cases: &[(&str, &[Tok])] = &[
        (
            "if x:\n    y = 1\n\n    # c\n    z\nw\n",
            &[
                Name,
                Name,
                op(Op::Colon),
                Newline,
                Indent,
                Name,
                op(Op::Equal),
                Number,
                Newline,
                Name,
                Newline,
                Dedent,
                Name,
                Newline,
                EndMarker,
            ],
        ),
        (
            "def f(a,\n      b):\n  return [a,\n    b]\n",
            &[
                Name,
                Name,
                op(Op::LPar),
                Name,
                op(Op::Comma),
                Name,
                op(Op::RPar),
                op(Op::Colon),
                Newline,
                Indent,
                Name,
                op(Op::LSqb),
                Name,
                op(Op::Comma),
                Name,
                op(Op::RSqb),
                Newline,
                Dedent,
                EndMarker,
            ],
        ),
        (
            "if a:\n  if b:\n    c\nd = 1",
            &[
                Name,
                Name,
                op(Op::Colon),
                Newline,
                Indent,
                Name,
                Name,
                op(Op::Colon),
                Newline,
                Indent,
                Name,
                Newline,
                Dedent,
                Dedent,
                Name,
                op(Op::Equal),
                Number,
                Newline,
                EndMarker,
            ],
        ),
        ("x = 1 + \\\n    2\n", &[Name, op(Op::Equal), Number, op(Op::Plus), Number, Newline, EndMarker]),
        (
            "class A:\n\tdef f(self):\n\t\tpass\n\n\n",
            &[
                Name,
                Name,
                op(Op::Colon),
                Newline,
                Indent,
                Name,
                Name,
                op(Op::LPar),
                Name,
                op(Op::RPar),
                op(Op::Colon),
                Newline,
                Indent,
                Name,
                Newline,
                Dedent,
                Dedent,
                EndMarker,
            ],
        ),
        (
            "x = f'{a!r}' != b'x' # c\n",
            &[Name, op(Op::Equal), Str, op(Op::NotEqual), Str, Newline, EndMarker],
        ),
        (
            "\x0cx = 1\n\x0c\n  \x0c y = 2\n",
            &[
                Name,
                op(Op::Equal),
                Number,
                Newline,
                Indent,
                Name,
                op(Op::Equal),
                Number,
                Newline,
                Dedent,
                EndMarker,
            ],
        ),
        ("", &[EndMarker]),
        ("\n\n  \n# only a comment", &[EndMarker]),
    ];
    for &(src, expected) in cases {
        assert_eq!(kinds(src), expected, "source {src:?}");
    }
}

#[test]
fn every_operator() {
    use Op::*;
    let src = "( ) [ ] { } : , ; + - * / | & < > = . % == != <= >= ~ ^ << >> ** += -= *= /= %= &= |= ^= \
               <<= >>= **= // //= @ @= -> ... := !";
    let expected = [
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
        Exclamation,
    ];
    let mut want: Vec<Tok> = expected.iter().map(|&o| Tok::Op(o)).collect();
    want.extend([Newline, EndMarker]);
    assert_eq!(kinds(src), want);
    // Operators run together split as CPython splits them: longest first, at most three.
    assert_eq!(
        texts("a**=b//=c<<=d>>=e...f:=g->h"),
        ["a", "**=", "b", "//=", "c", "<<=", "d", ">>=", "e", "...", "f", ":=", "g", "->", "h"]
    );
    assert_eq!(texts("x.. y....z !== ***"), ["x", ".", ".", "y", "...", ".", "z", "!=", "=", "**", "*"]);
    assert_eq!(kinds("x[1:2]")[..6], [Name, op(LSqb), Number, op(Colon), Number, op(RSqb)]);
}

#[test]
fn unknown_characters_are_left_to_the_parser() {
    // CPython's tokenizer passes `$`, `?`, backquote and `<>` on; its parser reports them.
    assert_eq!(
        kinds("a $ b ? c ` d <> e"),
        [
            Name,
            Tok::Unknown,
            Name,
            Tok::Unknown,
            Name,
            Tok::Unknown,
            Name,
            Tok::Unknown,
            Name,
            Newline,
            EndMarker
        ]
    );
    assert_eq!(texts("1 <>= 2"), ["1", "<>", "=", "2"]);
    assert_eq!(kinds("x = !y")[2], op(Op::Exclamation));
}

#[test]
fn names_and_keywords() {
    assert_eq!(
        texts("if not_ _x x1 None λ é_2 ℘ ゴ x·y"),
        ["if", "not_", "_x", "x1", "None", "λ", "é_2", "℘", "ゴ", "x·y"]
    );
    assert!(kinds("async await match case type").iter().take(5).all(|&k| k == Name));
    // A combining mark continues a name (CPython's tokenize module gets this wrong).
    assert_eq!(texts("עִברִית = 1"), ["עִברִית", "=", "1"]);
}

#[test]
fn numbers() {
    let valid = [
        "0",
        "00",
        "0_0",
        "00_0",
        "7",
        "1_000",
        "123456789012345678901234567890",
        "0x1f",
        "0X_AB_cd",
        "0o17",
        "0O_7",
        "0b1",
        "0B_1_0",
        "1.",
        "1.5",
        ".5",
        "1_0.0_1",
        "1e5",
        "1E+5",
        "1e-5",
        "1.5e10",
        "1_0e1_0",
        "0e0",
        "00.5",
        "09.5",
        "01e5",
        "1j",
        "1J",
        "1.5j",
        "1e5j",
        ".5j",
        "0j",
        "01j",
        "5.j",
        "1_000.0_1e1_0j",
    ];
    for lit in valid {
        assert_eq!(texts(lit), [lit], "literal {lit}");
    }
    // The keywords that may follow a number end it (CPython warns, but accepts).
    assert_eq!(texts("1if x else 2"), ["1", "if", "x", "else", "2"]);
    assert_eq!(texts("1else"), ["1", "else"]);
    assert_eq!(texts("0x1for x in y"), ["0x1f", "or", "x", "in", "y"]);
    assert_eq!(texts("1in x"), ["1", "in", "x"]);
    assert_eq!(texts("1is x"), ["1", "is", "x"]);
    assert_eq!(texts("1or x"), ["1", "or", "x"]);
    assert_eq!(texts("1and x"), ["1", "and", "x"]);
    assert_eq!(texts("1not in x"), ["1", "not", "in", "x"]);
    assert_eq!(texts("0b1and 1"), ["0b1", "and", "1"]);
    // CPython warns about each keyword run into a number.
    let warnings: Vec<_> = lex("x = 1if 1else 2\ny = [0x1for x in y]\nz = 1 if 2 else 3\n", "t.py")
        .warnings
        .into_iter()
        .map(|w| (w.msg, w.lineno))
        .collect();
    assert_eq!(
        warnings,
        [
            ("invalid decimal literal".to_string(), 1),
            ("invalid decimal literal".to_string(), 1),
            ("invalid hexadecimal literal".to_string(), 2)
        ]
    );
    // A non-ASCII character after a number is a name of its own, for the parser to reject.
    assert_eq!(texts("1é"), ["1", "é"]);
    assert_eq!(texts("1..2"), ["1.", ".2"]);
    assert_eq!(texts("1 .__class__"), ["1", ".", "__class__"]);
}

#[test]
fn strings() {
    let valid = [
        "''",
        "\"\"",
        "'a'",
        "\"a\"",
        "'''a'''",
        "\"\"\"a\"\"\"",
        "''''''",
        "'\\''",
        "'\\\\'",
        "\"\\\"\"",
        "'''a''b'''",
        "'''a\\'''b'''",
        "'''\"\"\"'''",
    ];
    for lit in valid {
        assert_eq!(texts(lit), [lit], "literal {lit}");
    }
    for prefix in [
        "r", "u", "R", "U", "f", "F", "b", "B", "br", "Br", "bR", "BR", "rb", "rB", "Rb", "RB", "fr", "Fr",
        "fR", "FR", "rf", "rF", "Rf", "RF",
    ] {
        let lit = format!("{prefix}'x'");
        assert_eq!(texts(&lit), [lit.as_str()]);
        let lit = format!("{prefix}\"\"\"x\ny\"\"\"");
        assert_eq!(texts(&lit), [lit.as_str()]);
    }
    // Not prefixes: a name, then a string.
    for (src, name) in [("ur'x'", "ur"), ("bu'x'", "bu"), ("fb'x'", "fb"), ("rr'x'", "rr"), ("bé'x'", "bé")]
    {
        assert_eq!(texts(src), [name, &src[name.len()..]]);
    }
    // Adjacent literals stay separate tokens.
    assert_eq!(texts("'a' \"b\"'c'"), ["'a'", "\"b\"", "'c'"]);
    // A backslash-newline inside a one-quote string continues it on the next line.
    assert_eq!(spans("x = 'a\\\nb'\n")[2], (Str, 1, 4, 2, 2));
    // The lexer does not look inside: escapes and f-string fields are raw text.
    assert_eq!(texts("f'{x!r:>{w}}' '\\N{DASH}'"), ["f'{x!r:>{w}}'", "'\\N{DASH}'"]);
}

#[test]
fn multi_line_string_positions() {
    let src = "x = '''a\nbc\n''' + rb\"\"\"\n\"\"\"\ny\n";
    assert_eq!(
        spans(src),
        [
            (Name, 1, 0, 1, 1),
            (op(Op::Equal), 1, 2, 1, 3),
            (Str, 1, 4, 3, 3),
            (op(Op::Plus), 3, 4, 3, 5),
            (Str, 3, 6, 4, 3),
            (Newline, 4, 3, 4, 3),
            (Name, 5, 0, 5, 1),
            (Newline, 5, 1, 5, 1),
            (EndMarker, 5, 0, 5, 0),
        ]
    );
}

#[test]
fn positions_are_byte_columns() {
    // A tab is one byte; é is two.
    assert_eq!(
        spans("\tx = 'é' + y\n")[..5],
        [
            (Indent, 1, 1, 1, 1),
            (Name, 1, 1, 1, 2),
            (op(Op::Equal), 1, 3, 1, 4),
            (Str, 1, 5, 1, 9),
            (op(Op::Plus), 1, 10, 1, 11),
        ]
    );
}

#[test]
fn newline_positions() {
    // As CPython's tokenizer gives them to its parser: NEWLINE starts at a trailing comment
    // and ends where the line ends; a last line without a line end gets one at its end.
    assert_eq!(
        spans("x # c\ny")[1..],
        [(Newline, 1, 2, 1, 5), (Name, 2, 0, 2, 1), (Newline, 2, 1, 2, 1), (EndMarker, 2, 0, 2, 0),]
    );
    let tokens = tokenize("x   # c\n", "t.py").unwrap();
    assert_eq!((tokens[1].start, tokens[1].end), (4, 7));
    // No NEWLINE inside brackets, nor for blank and comment lines.
    assert_eq!(
        kinds("(\n\n1 # c\n,\n)\n\n# c\n"),
        [op(Op::LPar), Number, op(Op::Comma), op(Op::RPar), Newline, EndMarker]
    );
    // A backslash joins lines: one NEWLINE, at the end of the last.
    assert_eq!(spans("a \\\n  b\n")[2], (Newline, 2, 3, 2, 3));
}

#[test]
fn indentation() {
    // INDENT and DEDENT sit where the line's first token starts; at the end of the file, at
    // column 0 of the last line.
    assert_eq!(
        spans("if x:\n  y\n    # c\nz\n"),
        [
            (Name, 1, 0, 1, 2),
            (Name, 1, 3, 1, 4),
            (op(Op::Colon), 1, 4, 1, 5),
            (Newline, 1, 5, 1, 5),
            (Indent, 2, 2, 2, 2),
            (Name, 2, 2, 2, 3),
            (Newline, 2, 3, 2, 3),
            (Dedent, 4, 0, 4, 0),
            (Name, 4, 0, 4, 1),
            (Newline, 4, 1, 4, 1),
            (EndMarker, 4, 0, 4, 0),
        ]
    );
    assert_eq!(
        spans("if x:\n  if y:\n    z\n")[12..],
        [(Dedent, 3, 0, 3, 0), (Dedent, 3, 0, 3, 0), (EndMarker, 3, 0, 3, 0),]
    );
    // A tab goes to the next multiple of 8 columns, and must agree with the tab-as-one count.
    assert_eq!(kinds("if 1:\n\tx\n\tif 1:\n\t        y\n").iter().filter(|&&k| k == Indent).count(), 2);
    // A form feed resets the column; a backslash in the indentation: its column counts.
    assert_eq!(kinds("if 1:\n  x = 1\n  \x0cy = 2\n")[9], Dedent);
    assert_eq!(spans("if 1:\n \\\n\tx\n")[4], (Indent, 3, 1, 3, 1));
    assert_eq!(spans("  \\\nx = 1\n")[0], (Indent, 2, 0, 2, 0));
    assert_eq!(kinds("x = 1\n  \\\n\n"), [Name, op(Op::Equal), Number, Newline, EndMarker]);
    // Inside brackets indentation means nothing.
    assert_eq!(
        kinds("x = (1,\n        2,\n  3)\n"),
        [
            Name,
            op(Op::Equal),
            op(Op::LPar),
            Number,
            op(Op::Comma),
            Number,
            op(Op::Comma),
            Number,
            op(Op::RPar),
            Newline,
            EndMarker
        ]
    );
}

#[test]
fn end_of_file() {
    assert_eq!(spans(""), [(EndMarker, 0, 0, 0, 0)]);
    assert_eq!(spans("\n\n"), [(EndMarker, 2, 0, 2, 0)]);
    assert_eq!(spans("x"), [(Name, 1, 0, 1, 1), (Newline, 1, 1, 1, 1), (EndMarker, 1, 0, 1, 0)]);
    assert_eq!(
        kinds("if x:\n  y"),
        [Name, Name, op(Op::Colon), Newline, Indent, Name, Newline, Dedent, EndMarker]
    );
    assert_eq!(
        kinds("if x:\n  y\n  "),
        [Name, Name, op(Op::Colon), Newline, Indent, Name, Newline, Dedent, EndMarker]
    );
    let tokens = tokenize("x\n", "t.py").unwrap();
    assert_eq!((tokens[2].start, tokens[2].end), (2, 2));
}

#[test]
fn line_ends() {
    // \r\n and \r end lines like \n; locations are the same as after normalizing.
    for src in ["if x:\r\n  y = (1,\r\n  2)\r\n# c\r\nz = '''\r\n'''\r\n", "if x:\r  y \\\r  + 1\r\rz\r"] {
        let normalized = normalize_newlines(src);
        assert!(!normalized.contains('\r'));
        let strip =
            |s: &str| tokenize(s, "t.py").unwrap().iter().map(|t| (t.kind, t.loc)).collect::<Vec<_>>();
        assert_eq!(strip(src), strip(&normalized), "source {src:?}");
    }
    assert_eq!(normalize_newlines("a\r\nb\rc\n\r\r\n"), "a\nb\nc\n\n\n");
    let e = tokenize("x = 1\rif 1:\r  \\ z\r", "t.py").unwrap_err();
    assert_eq!(
        (e.msg.as_str(), e.lineno, e.offset),
        ("unexpected character after line continuation character", 3, 4)
    );
}

/// The error `lex` stops at, with how CPython ranks it.
fn lex_error(src: &str) -> (String, Reported, Option<(String, u32)>) {
    let e = lex(src, "t.py").error.expect(src);
    (e.error.msg, e.reported, e.unclosed.map(|u| (u.msg, u.lineno)))
}

#[test]
fn how_cpython_ranks_errors() {
    use Reported::*;
    let always =
        |src: &str, msg: &str| assert_eq!(lex_error(src), (msg.to_string(), Always, None), "{src:?}");
    always(
        "x = 0777\n",
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
    );
    always("f(\nx = 'a\n", "unterminated string literal (detected at line 2)");
    always("x = ]\n", "unmatched ']'");
    always("x = €\n", "invalid character '€' (U+20AC)");
    always("x\n\0", "source code cannot contain null bytes");
    let reached = |src: &str, msg: &str, unclosed: Option<(&str, u32)>| {
        let unclosed = unclosed.map(|(m, l)| (m.to_string(), l));
        assert_eq!(lex_error(src), (msg.to_string(), WhenReached, unclosed), "{src:?}");
    };
    reached("if 1:\n    a\n  b\n", "unindent does not match any outer indentation level", None);
    reached("if 1:\n\ta\n        b\n", "inconsistent use of tabs and spaces in indentation", None);
    reached("x = 1 \\ 2\n", "unexpected character after line continuation character", None);
    reached("x = 1 \\\n", "unexpected EOF while parsing", None);
    reached(
        "f(\n  [1 \\ 2])\n",
        "unexpected character after line continuation character",
        Some(("'[' was never closed", 2)),
    );
    reached("f(\n  [1,\n", "'[' was never closed", Some(("'[' was never closed", 2)));
    reached("f(1 \\\n", "'(' was never closed", Some(("'(' was never closed", 1)));
    // The tokens before the error are those CPython's parser gets: no DEDENT before a bad one.
    let lexed = lex("if 1:\n    a\n  b\n", "t.py");
    assert_eq!(lexed.tokens.last().map(|t| t.kind), Some(Newline));
    assert_eq!(lexed.tokens.len(), 7);
}

#[test]
fn reports_match_cpython() {
    // `python3 /tmp/t.py` on stderr, byte for byte.
    let cases: &[(&[u8], &str)] = &[
        (b"x = (1, 2]\n", "  File \"/tmp/t.py\", line 1\n    x = (1, 2]\n             ^\nSyntaxError: closing parenthesis ']' does not match opening parenthesis '('\n"),
        (b"if x:\n  \xc3\xa9\n \xc3\xa9\n", "  File \"/tmp/t.py\", line 3\n    \u{e9}\n      ^\nIndentationError: unindent does not match any outer indentation level\n"),
        (b"if x:\n\ta\n        b\n", "  File \"/tmp/t.py\", line 3\n    b\nTabError: inconsistent use of tabs and spaces in indentation\n"),
        (b"x = 1 + \\\n  2 \\ z\n", "  File \"/tmp/t.py\", line 2\n    2 \\ z\n         ^\nSyntaxError: unexpected character after line continuation character\n"),
        (b"x = 'abc\n", "  File \"/tmp/t.py\", line 1\n    x = 'abc\n        ^\nSyntaxError: unterminated string literal (detected at line 1)\n"),
        (b"x = 0777\n", "  File \"/tmp/t.py\", line 1\n    x = 0777\n        ^\nSyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers\n"),
        (b"x = 1 # \x00\n", "  File \"/tmp/t.py\", line 1\n    x = 1 # \nSyntaxError: source code cannot contain null bytes\n"),
        (b"x = a\xe2\x82\xacb\n", "  File \"/tmp/t.py\", line 1\n    x = a\u{20ac}b\n         ^\nSyntaxError: invalid character '\u{20ac}' (U+20AC)\n"),
        (b"x = \xc2\xa0\n", "  File \"/tmp/t.py\", line 1\n    x = \u{a0}\n        ^\nSyntaxError: invalid non-printable character U+00A0\n"),
        (b"def f(\n  a,\n", "  File \"/tmp/t.py\", line 1\n    def f(\n         ^\nSyntaxError: '(' was never closed\n"),
        (b"x = \"\xff\"\n", "SyntaxError: Non-UTF-8 code starting with '\\xff' in file /tmp/t.py on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details\n"),
        (b"# coding: foo\n", "SyntaxError: encoding problem: foo\n"),
    ];
    for &(bytes, expected) in cases {
        let report = match decode_source(bytes, "/tmp/t.py") {
            Ok(src) => tokenize(&src, "/tmp/t.py").unwrap_err().report(),
            Err(e) => e.report(),
        };
        assert_eq!(report, expected, "source {:?}", String::from_utf8_lossy(bytes));
    }
}

fn decode_error(bytes: &[u8]) -> (String, u32, u32, u32) {
    let e = decode_source(bytes, "t.py").unwrap_err();
    (e.msg, e.lineno, e.offset, e.end_offset)
}

#[test]
fn decoding() {
    let ok = |bytes: &[u8], text: &str| assert_eq!(decode_source(bytes, "t.py").as_deref(), Ok(text));
    ok(b"x = '\xc3\xa9'\n", "x = '\u{e9}'\n");
    ok(b"\xef\xbb\xbfx = 1\n", "x = 1\n");
    ok(b"x = 1\r\ny = '''\r\n'''\r", "x = 1\ny = '''\n'''\n");
    // Coding cookies: line 1, or line 2 after a comment or blank line; CPython's spellings.
    ok(b"# -*- coding: latin-1 -*-\nx = '\xe9'\n", "# -*- coding: latin-1 -*-\nx = '\u{e9}'\n");
    ok(
        b"#!/usr/bin/python\n# coding=Latin1\nx = '\xff'\n",
        "#!/usr/bin/python\n# coding=Latin1\nx = '\u{ff}'\n",
    );
    ok(b"# vim: set fileencoding=iso8859_1 :\n\xa4\n", "# vim: set fileencoding=iso8859_1 :\n\u{a4}\n");
    ok(b"\x0c#coding:l1\n'\xe9'", "\x0c#coding:l1\n'\u{e9}'");
    ok(b"# \xff coding: latin-1\ny = 1\n", "# \u{ff} coding: latin-1\ny = 1\n");
    ok(b"# coding: UTF-8-unix\nx = 1\n", "# coding: UTF-8-unix\nx = 1\n");
    ok(b"# coding: utf8\nx = '\xc3\xa9'\n", "# coding: utf8\nx = '\u{e9}'\n");
    ok(b"\xef\xbb\xbf# coding: utf-8\nx = 1\n", "# coding: utf-8\nx = 1\n");
    ok(b"# coding: ascii\nx = 1\n", "# coding: ascii\nx = 1\n");
    ok(b"# coding: cp1252\nx = 1\n", "# coding: cp1252\nx = 1\n");
    // With UTF-8 declared, CPython never decodes comments.
    ok(b"# coding: utf-8\nx = 1 # \xff\n", "# coding: utf-8\nx = 1 # \u{fffd}\n");
    ok(b"\xef\xbb\xbfx = 1 # \xff\n", "x = 1 # \u{fffd}\n");

    let non_utf8 = |byte: &str, line: u32| {
        format!(
            "Non-UTF-8 code starting with '\\x{byte}' in file t.py on line {line}, but no encoding declared; \
             see https://peps.python.org/pep-0263/ for details"
        )
    };
    assert_eq!(decode_error(b"x = \"\xff\"\n"), (non_utf8("ff", 1), 0, 0, 0));
    assert_eq!(decode_error(b"x = 1\r\ny = \"\xe2\x82\"\n"), (non_utf8("e2", 2), 0, 0, 0));
    assert_eq!(decode_error(b"x = '\xed\xa0\x80'\n"), (non_utf8("ed", 1), 0, 0, 0));
    assert_eq!(decode_error(b"\xef\xbbx = 1\n"), (non_utf8("ef", 1), 0, 0, 0));
    assert_eq!(decode_error(b"x = 1\n# coding: latin-1\ny = '\xff'\n"), (non_utf8("ff", 3), 0, 0, 0));
    assert_eq!(decode_error(b"\n\n# coding: latin-1\nx = '\xff'\n"), (non_utf8("ff", 4), 0, 0, 0));
    assert_eq!(decode_error(b"# \xff\n# coding: latin-1\n"), (non_utf8("ff", 1), 0, 0, 0));
    let problem = |msg: &str| (msg.to_string(), 0, 0, 0);
    assert_eq!(decode_error(b"# coding: foo\nx = 1\n"), problem("encoding problem: foo"));
    assert_eq!(decode_error(b"# coding: utf8\nx = '\xff'\n"), problem("encoding problem: utf8"));
    assert_eq!(decode_error(b"# coding: ascii\nx = '\xff'\n"), problem("encoding problem: ascii"));
    assert_eq!(
        decode_error(b"\xef\xbb\xbf# coding: latin-1\n"),
        problem("encoding problem: iso-8859-1 with BOM")
    );
    assert_eq!(decode_error(b"\xef\xbb\xbf# coding: utf8\n"), problem("encoding problem: utf8 with BOM"));
    // With UTF-8 declared, CPython's parser fails on the literal or name it cannot decode.
    let unicode = |reason: &str| format!("(unicode error) 'utf-8' codec can't decode {reason}");
    assert_eq!(
        decode_error(b"# coding: utf-8\nx = \"\xff\"\n"),
        (unicode("byte 0xff in position 0: invalid start byte"), 2, 6, 6)
    );
    assert_eq!(
        decode_error(b"# coding: utf-8\nx = \"\xe2\x82\"\n"),
        (unicode("bytes in position 0-1: unexpected end of data"), 2, 7, 7)
    );
    assert_eq!(
        decode_error(b"\xef\xbb\xbfx = \"\xff\"\n"),
        (unicode("byte 0xff in position 0: invalid start byte"), 1, 6, 6)
    );
    assert_eq!(
        decode_error(b"# coding: utf-8\nx\xff = 1\n"),
        (unicode("byte 0xff in position 1: invalid start byte"), 2, 2, 0)
    );
}

/// A fixed-seed xorshift generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Everything the lexer and decoder can be given, with the lexer's invariants checked.
fn exercise(bytes: &[u8]) {
    if let Ok(text) = decode_source(bytes, "t.py") {
        check_invariants(&text);
    }
    let text = String::from_utf8_lossy(bytes);
    check_invariants(&text);
    // Newlines written as \r or \r\n lex as after normalizing.
    let normalized = normalize_newlines(&text);
    let locs = |s: &str| {
        let lexed = lex(s, "t.py");
        let locs: Vec<_> = lexed.tokens.iter().map(|t| (t.kind, t.loc)).collect();
        (locs, lexed.error.map(|e| (e.error.msg, e.error.lineno, e.error.offset, e.reported)))
    };
    assert_eq!(locs(&text), locs(&normalized), "source {text:?}");
}

fn check_invariants(text: &str) {
    let lexed = lex(text, "t.py");
    let mut last_end = 0;
    for t in &lexed.tokens {
        assert!(t.start <= t.end && t.end as usize <= text.len(), "{t:?} in {text:?}");
        assert!(t.start >= last_end || t.start == t.end, "{t:?} overlaps in {text:?}");
        let _ = t.text(text);
        last_end = t.end.max(last_end);
    }
    match &lexed.error {
        None => assert_eq!(lexed.tokens.last().map(|t| t.kind), Some(EndMarker)),
        Some(e) => {
            let _ = e.error.report();
        }
    }
    let depth = lexed.tokens.iter().fold(0i64, |d, t| match t.kind {
        Indent => d + 1,
        Dedent => d - 1,
        _ => d,
    });
    assert!(depth >= 0);
    if lexed.error.is_none() {
        assert_eq!(depth, 0, "unbalanced INDENT/DEDENT in {text:?}");
    }
}

#[test]
fn no_input_panics() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let alphabet: &[&[u8]] = &[
        b" ",
        b"  ",
        b"\t",
        b"\n",
        b"\r",
        b"\r\n",
        b"\x0c",
        b"\\",
        b"'",
        b"\"",
        b"'''",
        b"\"\"\"",
        b"#",
        b"(",
        b")",
        b"[",
        b"]",
        b"{",
        b"}",
        b"0",
        b"1",
        b"9",
        b"_",
        b".",
        b"e",
        b"E",
        b"j",
        b"x",
        b"o",
        b"b",
        b"r",
        b"f",
        b"u",
        b"a",
        b"n",
        b"d",
        b"i",
        b"s",
        b"+",
        b"-",
        b"*",
        b"/",
        b"<",
        b">",
        b"=",
        b"!",
        b"$",
        b"?",
        b"`",
        b":",
        b",",
        b"\xc3\xa9",
        b"\xe2\x82\xac",
        b"\xc2\xa0",
        b"\xcc\x81",
        b"\xff",
        b"\xc3",
        b"\x00",
        b"\x01",
        b"\x0b",
        b"\xef\xbb\xbf",
        b"# coding: latin-1\n",
        b"# coding: utf-8\n",
        b"if x:\n",
        b"\n    ",
        b"\n\t",
    ];
    for _ in 0..3000 {
        let len = rng.below(40);
        let bytes: Vec<u8> = if rng.below(4) == 0 {
            (0..len).map(|_| rng.next() as u8).collect()
        } else {
            (0..len).flat_map(|_| alphabet[rng.below(alphabet.len())].iter().copied()).collect()
        };
        exercise(&bytes);
    }
}

#[test]
fn every_truncation_lexes() {
    let sample = "# coding: utf-8\nimport os\n\nclass A(B, metaclass=M):\n    '''Doc\n    string'''\n\n    \
                  def f(self, *a, x=0x1F, **k) -> 'A':\n        if a and not x: return [1_0.5e-3j,\t0o7, 0b1]\n        \
                  y = f\"{x!r:>{w}}\" rb'\\x' \\\n            + (1,\n    2) @ {3: ...}\n        z = é_λ <<= 2\n\
                  \x0c\n# end €\n";
    let bytes = sample.as_bytes();
    assert!(tokenize(sample, "t.py").is_ok());
    for cut in 0..=bytes.len() {
        exercise(&bytes[..cut]);
    }
}
