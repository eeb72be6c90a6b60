//! With the `split` feature on wasm32, the linker keeps its relocations in the module
//! (`--emit-relocs`): the splitter (`cargo xtask build`) reads them to know which code and data
//! each widget reaches. Passed here, for the cdylib link only, so the flag changes no
//! dependency's build.

fn main() {
    println!("cargo:rerun-if-env-changed=CARGO_FEATURE_SPLIT");
    let split = std::env::var_os("CARGO_FEATURE_SPLIT").is_some();
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    if split && wasm {
        println!("cargo:rustc-cdylib-link-arg=--emit-relocs");
    }
}
