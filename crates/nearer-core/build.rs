//! Records the compiler and target this core was built with, for the native pack manifest.
use std::process::Command;

fn main() {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    let version = Command::new(rustc)
        .arg("--version")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_owned())
        .unwrap_or_else(|| "unknown".to_owned());
    let target = std::env::var("TARGET").unwrap_or_else(|_| "unknown".to_owned());
    println!("cargo:rustc-env=NEARER_BUILD_RUSTC={version}");
    println!("cargo:rustc-env=NEARER_BUILD_TARGET={target}");
    println!("cargo:rerun-if-changed=build.rs");
}
