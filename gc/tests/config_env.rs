//! `GcConfig::from_env` and the default read `CELLVM_GC_TORTURE`. This is its own test binary
//! (its own process) because it changes the environment.

use cellvm_gc::{GcConfig, TORTURE_ENV_VAR};

#[test]
fn torture_is_switched_on_by_the_environment() {
    for (value, torture) in [(None, false), (Some(""), false), (Some("0"), false), (Some("1"), true)] {
        match value {
            Some(v) => std::env::set_var(TORTURE_ENV_VAR, v),
            None => std::env::remove_var(TORTURE_ENV_VAR),
        }
        let expected = if torture { GcConfig::TORTURE } else { GcConfig::DEFAULT };
        assert_eq!(GcConfig::from_env(), expected, "{value:?}");
        assert_eq!(GcConfig::default(), expected, "{value:?}");
    }
}
