//! Support talk transcripts.
