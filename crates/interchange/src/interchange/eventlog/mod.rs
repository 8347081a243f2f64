//! Journeys from data: an event log (CSV or XES) read once, streamed, and measured
//! against the map's planned journey (`journeymap conform`). What it measures, and
//! how, is in `docs/conformance.md`: reach and waiting per element, entries and
//! drop-off per stage, and the customer journey modelling language's deviations (ad
//! hoc, missing, failing, out of order) counted by case.
//!
//! - `read`: the log's two forms, streamed through the guarded reader's refusals;
//! - `plan`: which activity is which element, and the planned (partial) order;
//! - `conform`: the measuring, one event at a time;
//! - `evidence`: the numbers written onto the map as evidence, and the grey areas they
//!   suggest;
//! - `generate`: logs with known truth, for tests and demos.

pub mod conform;
pub mod evidence;
pub mod generate;
pub mod plan;
pub mod read;
pub mod timestamp;

pub use conform::{Conformance, Conformer, Options};
pub use plan::Plan;

/// A log that does not read or measure: where (line and column, 1-based; 0 when the
/// whole file) and what.
#[derive(Debug, thiserror::Error)]
pub enum LogError {
    #[error("{line}:{column}: {message}")]
    At {
        line: u64,
        column: u64,
        message: String,
    },
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl LogError {
    pub fn at(line: u64, column: u64, message: String) -> Self {
        LogError::At {
            line,
            column,
            message,
        }
    }
}

/// One event of a log, as its reader found it.
#[derive(Clone, Copy, Debug)]
pub struct LogEvent<'a> {
    pub case: &'a [u8],
    pub activity: &'a [u8],
    pub time: timestamp::Millis,
    /// The event's outcome says it failed.
    pub failed: bool,
    /// Where it starts in the log (1-based).
    pub line: u64,
}

/// A fixed-size set of small numbers (elements of a plan), one bit each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bits(Box<[u64]>);

impl Bits {
    pub fn new(len: usize) -> Self {
        Bits(vec![0; len.div_ceil(64)].into_boxed_slice())
    }

    pub fn set(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }

    pub fn get(&self, i: usize) -> bool {
        self.0[i / 64] & (1 << (i % 64)) != 0
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|w| *w == 0)
    }

    /// Whether the two sets share a member.
    pub fn meets(&self, other: &Bits) -> bool {
        self.0.iter().zip(other.0.iter()).any(|(a, b)| a & b != 0)
    }

    /// The members of both.
    pub fn and(&self, other: &Bits) -> Bits {
        Bits(
            self.0
                .iter()
                .zip(other.0.iter())
                .map(|(a, b)| a & b)
                .collect(),
        )
    }

    /// Whether every member of `self` is in `other`.
    pub fn within(&self, other: &Bits) -> bool {
        self.0.iter().zip(other.0.iter()).all(|(a, b)| a & !b == 0)
    }

    pub fn ones(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(w, &word)| {
            (0..64)
                .filter(move |b| word & (1 << b) != 0)
                .map(move |b| w * 64 + b)
        })
    }
}
