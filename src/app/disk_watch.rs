//! Notices quickly when the open file changes on disk (a git pull, another editor). A
//! small thread looks at the file's size and time every `POLL_MILLIS` and wakes the UI
//! when they change, so an idle window still reacts within the promised 2 seconds
//! without repainting all the time. The UI then reads and compares the content: the
//! thread only says "look now".

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

const POLL_MILLIS: u64 = 250;

#[derive(Default)]
struct Shared {
    path: Mutex<Option<PathBuf>>,
    changed: AtomicBool,
}

#[derive(Default)]
pub struct DiskWatch {
    shared: Arc<Shared>,
    started: bool,
}

impl std::fmt::Debug for DiskWatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DiskWatch")
            .field("started", &self.started)
            .finish()
    }
}

impl DiskWatch {
    /// Watches `path` (or nothing); starts the thread on first use.
    pub fn watch(&mut self, path: Option<&std::path::Path>, ctx: &egui::Context) {
        {
            let mut current = self.shared.path.lock().unwrap_or_else(|e| e.into_inner());
            if current.as_deref() != path {
                *current = path.map(std::path::Path::to_owned);
            }
        }
        if !self.started && path.is_some() {
            self.started = true;
            let shared = Arc::clone(&self.shared);
            let ctx = ctx.clone();
            let spawned = std::thread::Builder::new()
                .name("journeymap-disk-watch".to_owned())
                .spawn(move || poll(&shared, &ctx));
            // Without the thread the periodic check in the UI still notices changes.
            self.started = spawned.is_ok();
        }
    }

    /// Whether the watcher thread runs (else the UI must poll).
    pub fn running(&self) -> bool {
        self.started
    }

    /// Whether the file changed since the last call.
    pub fn take_changed(&self) -> bool {
        self.shared.changed.swap(false, Ordering::AcqRel)
    }
}

type Seen = Option<(PathBuf, Option<(Option<SystemTime>, u64)>)>;

fn poll(shared: &Arc<Shared>, ctx: &egui::Context) {
    let mut seen: Seen = None;
    // The app owns the other reference; when it is gone, so is the thread.
    while Arc::strong_count(shared) > 1 {
        let path = shared
            .path
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        if let Some(path) = path {
            let now = std::fs::metadata(&path)
                .ok()
                .map(|m| (m.modified().ok(), m.len()));
            match &seen {
                Some((old_path, old)) if *old_path == path && *old != now => {
                    shared.changed.store(true, Ordering::Release);
                    ctx.request_repaint();
                }
                _ => {}
            }
            seen = Some((path, now));
        } else {
            seen = None;
        }
        std::thread::sleep(Duration::from_millis(POLL_MILLIS));
    }
}
