// The migrations are built into this crate (`sqlx::migrate!`), so adding one must build it again.
fn main() {
    println!("cargo:rerun-if-changed=../../migrations");
}
