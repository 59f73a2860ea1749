//! nearer-testkit
