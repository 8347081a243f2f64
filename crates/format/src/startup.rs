//! Start-up measurement: with `JOURNEYMAP_STARTUP_PROBE=1` the editor prints how long
//! after process start the first frame of the map was presented (a big file is read
//! first; frames of "Opening…" do not count), then quits
//! (`scripts/measure-startup.sh` runs it under Xvfb).

use std::sync::OnceLock;
use std::time::Instant;

static START: OnceLock<Instant> = OnceLock::new();

/// Called first thing in `main`.
pub fn mark_process_start() {
    START.get_or_init(Instant::now);
}

/// Milliseconds since `mark_process_start`.
pub fn elapsed_ms() -> f64 {
    START
        .get()
        .map_or(0.0, |start| start.elapsed().as_secs_f64() * 1000.0)
}

pub fn probing() -> bool {
    std::env::var_os("JOURNEYMAP_STARTUP_PROBE").is_some()
}
