//! Renders the three `help` pages once, at build time, so that `help` costs no typesetting at
//! run time. The renderer (`src/help/renderer/`) is self-contained and is compiled here as is.

#[path = "src/help/renderer/mod.rs"]
#[allow(dead_code, unused_imports)]
mod renderer;

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=src/help/renderer");
    println!("cargo:rerun-if-changed=src/model/connect-update-user-identity-info.model.json");
    println!("cargo:rerun-if-changed=src/cli/data");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("help");
    std::fs::create_dir_all(&out).expect("create OUT_DIR/help");
    for (name, page) in [
        ("top_level", renderer::Page::TopLevel),
        ("service", renderer::Page::Service),
        ("operation", renderer::Page::Operation),
    ] {
        std::fs::write(out.join(format!("{name}.txt")), renderer::render(page)).expect("write page");
        std::fs::write(out.join(format!("{name}.overstrike")), renderer::render_overstrike(page)).expect("write page");
    }
}
