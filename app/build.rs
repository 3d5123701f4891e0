//! The translation catalog is read at compile time by `fluent_templates::static_loader!`,
//! which cargo cannot see: without this, editing a `.ftl` file rebuilds nothing and tests
//! run against the old texts.

fn main() {
    println!("cargo:rerun-if-changed=locales");
}
