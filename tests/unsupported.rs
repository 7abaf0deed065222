//! `match`, `async`/`await` and type-parameter syntax are outside cellvm's language (the
//! compiler issue names them). Programs using them must give a clean SyntaxError that names
//! the feature, never a panic and never a wrong compilation.

use std::path::Path;

#[test]
fn unsupported_features_are_named_syntax_errors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/unsupported");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/unsupported exists").flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "py") {
            continue;
        }
        let source = std::fs::read_to_string(&path).expect("readable");
        let feature = if source.contains("match ") && !path.to_string_lossy().contains("async") {
            "'match' statements"
        } else {
            "async"
        };
        let err = cellvm::compiler::compile(&source, "x.py", cellvm::compiler::Mode::Exec)
            .expect_err("an unsupported feature must not compile");
        assert!(
            err.msg.contains("not supported by cellvm") && err.msg.contains(feature),
            "{}: {:?} does not name {feature}",
            path.display(),
            err.msg
        );
        checked += 1;
    }
    assert!(checked >= 5, "only {checked} programs checked");
}
