//! Integration tests of nearer-core's public API: manifests, content kinds, transcripts.

mod kinds;
mod manifest;
