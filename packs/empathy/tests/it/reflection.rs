//! From-their-side reflection transcripts.
