//! Chooses the dispatch backend: threaded tail calls (`tail`, the default) need an optimised
//! build to become jumps, so unoptimised builds and the `loop` feature use the `loop { match }`
//! backend.
fn main() {
    println!("cargo::rustc-check-cfg=cfg(tail_dispatch)");
    let tail = std::env::var_os("CARGO_FEATURE_TAIL").is_some();
    let forced_loop = std::env::var_os("CARGO_FEATURE_LOOP").is_some();
    let optimised = std::env::var("OPT_LEVEL").map(|o| o != "0").unwrap_or(false);
    if tail && !forced_loop && optimised {
        println!("cargo:rustc-cfg=tail_dispatch");
    }
}
