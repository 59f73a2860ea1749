//! Table tests for nearer-text's public API: one module per check, one `check` table each.

mod feelings;
mod integrity;
mod judgments;
mod needs;
mod overlap;
mod roadblocks;
mod statement;
mod tidy;
