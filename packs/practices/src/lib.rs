//! The building practices pack: small, repeatable habits that grow closeness day by day.
//!
//! The source of nearer names four building practices: active listening, sharing personal
//! experiences, being present, and expressing appreciation. Each gets short exercises here, meant
//! to be done often rather than once:
//!
//! - listening: [`check_in`], a feelings check-in on a pleasant/unpleasant by calm/activated
//!   grid, then a precise word ([`quadrant`] does the filtering), with the distinct words used
//!   over time shown to encourage precision;
//! - sharing: [`good_news`], where a reply to good news gets a kind hint from [`replies`] while
//!   the sharer's own sense of it is what is recorded; and a story swap of the built-in
//!   `prompts` kind (content only);
//! - presence: [`phones_down`], with a two-minute arriving pacer, and [`bid_log`], whose trend
//!   of bids turned toward lives in [`bids`];
//! - appreciation: [`thank_you`], whose "about them or about me" check is [`gratitude`], and
//!   [`fondness`], whose "a real moment" check is [`moments`].
//!
//! The key design decision is that every check only ever gives a hint. The checks are plain
//! marker lists kept as data in `content/*.toml` (so they can be read, argued with and
//! localised without touching code), compiled in with `include_str!` and used when the host
//! passes no content text. The person's own choice or rating is always what gets recorded.

pub mod bid_log;
pub mod bids;
pub mod check_in;
mod data;
pub mod fondness;
pub mod good_news;
pub mod gratitude;
pub mod moments;
pub mod phones_down;
pub mod quadrant;
pub mod replies;
pub mod thank_you;

use nearer_core::abi::NativePack;
use nearer_core::{Exercise, Scripted};

/// The practices pack's native exercise kinds.
#[derive(Debug, Default)]
pub struct PracticesPack;

impl NativePack for PracticesPack {
    fn kinds(&self) -> Vec<&'static str> {
        vec![
            "feelings-check-in",
            "good-news",
            "phones-down",
            "bid-log",
            "thank-you",
            "fondness-list",
        ]
    }

    fn create(
        &self,
        kind: &str,
        _id: &str,
        content: Option<&str>,
    ) -> Result<Box<dyn Exercise>, String> {
        let err = |e: nearer_core::ContentError| e.to_string();
        Ok(match kind {
            "feelings-check-in" => Box::new(Scripted::new(check_in::CheckIn)),
            "good-news" => Box::new(Scripted::new(good_news::GoodNews::new(
                replies::ReplyData::parse(content).map_err(err)?,
            ))),
            "phones-down" => Box::new(Scripted::new(phones_down::PhonesDown::new(
                phones_down::PhonesData::parse(content).map_err(err)?,
            ))),
            "bid-log" => Box::new(Scripted::new(bid_log::BidLog)),
            "thank-you" => Box::new(Scripted::new(thank_you::ThankYou::new(
                gratitude::GratitudeData::parse(content).map_err(err)?,
            ))),
            "fondness-list" => Box::new(Scripted::new(fondness::Fondness::new(
                moments::FondnessData::parse(content).map_err(err)?,
            ))),
            other => return Err(format!("the practices pack has no exercise kind {other:?}")),
        })
    }
}

nearer_core::export_pack!("practices", PracticesPack);
