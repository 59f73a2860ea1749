//! nearer
fn main() {}
