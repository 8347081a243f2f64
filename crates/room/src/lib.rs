//! The room takes part: a small HTTP server on the local network (`journeymap room`,
//! later Workshop ▸ Open the room…) that participants join from their phones with a
//! six-digit PIN, to add notes to a stage and dot-vote on grey areas, opportunities
//! and touchpoints. No account, no cloud: the facilitator's machine is the server.
//!
//! The contract is in `docs/room.md`. In short: `POST /api/join` with the PIN gives a
//! token; `GET /api/state`, `POST /api/vote` and `POST /api/note` take it; the
//! facilitator's token opens a round (`/api/facilitator/vote`), sets a timer, reveals
//! the counts and closes the room, which writes the round into the map (through the
//! atomic writer) and the notes to `MAP.room-notes.csv` beside it, never into the map
//! unreviewed. Every request whose `Host` is not the bound address is refused (DNS
//! rebinding), bodies are at most 16 KB, texts at most 2,000 characters, a room at
//! most 200 participants, and ten wrong PINs from one address lock it out for a while.

mod page;
mod reply;
mod state;

pub use state::{Note, NoteKind, RoomError, RoomOptions, RoundView, Snapshot, Tally, Wake};

use journeymap_model::model::Journey;
use reply::Reply;
use state::State;
use std::io::Read;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// The largest request body read.
pub const MAX_BODY: usize = 16 * 1024;

/// A room being served.
pub struct Room {
    state: Arc<Mutex<State>>,
    address: SocketAddr,
}

impl Room {
    /// Serves `journey` (the map at `map`, where closing writes the round) on
    /// `options.bind`.
    pub fn open(journey: Journey, map: PathBuf, options: RoomOptions) -> Result<Room, RoomError> {
        let server = tiny_http::Server::http(options.bind)
            .map_err(|e| RoomError::Bind(options.bind.to_string(), e.to_string()))?;
        let address = server
            .server_addr()
            .to_ip()
            .ok_or_else(|| RoomError::Bind(options.bind.to_string(), "not an IP address".into()))?;
        let state = Arc::new(Mutex::new(State::new(journey, map, address, options)));
        let server = Arc::new(server);
        for _ in 0..4 {
            let server = Arc::clone(&server);
            let state = Arc::clone(&state);
            std::thread::spawn(move || serve(&server, &state));
        }
        Ok(Room { state, address })
    }

    /// Where participants join: `http://ADDRESS:PORT/?pin=NNNNNN`.
    pub fn join_url(&self) -> String {
        let pin = lock(&self.state).pin.clone();
        format!("http://{}/?pin={pin}", self.address)
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    pub fn pin(&self) -> String {
        lock(&self.state).pin.clone()
    }

    /// What the facilitator sees: participants, notes, the round and its totals.
    pub fn snapshot(&self) -> Snapshot {
        lock(&self.state).snapshot()
    }

    /// Opens a round on `refs` (ids, or `grey_areas`, `opportunities`, `touchpoints`).
    pub fn open_round(
        &self,
        refs: &[String],
        budget: u32,
        cap: u32,
        question: &str,
        seconds: Option<u64>,
    ) -> Result<(), String> {
        let mut state = lock(&self.state);
        let reply = state.facilitate(
            "vote",
            &serde_json::json!({ "refs": refs, "budget": budget, "cap": cap, "question": question }),
        );
        if reply.status != 200 {
            return Err(reply.body);
        }
        if let Some(seconds) = seconds {
            state.facilitate("timer", &serde_json::json!({ "seconds": seconds }));
        }
        Ok(())
    }

    pub fn reveal(&self) {
        lock(&self.state).facilitate("reveal", &serde_json::json!({}));
    }

    /// Closes the room: every call is 410 from now on (and, from the command line,
    /// the round and the notes are written).
    pub fn close(&self) -> Result<Tally, RoomError> {
        let mut state = lock(&self.state);
        state.facilitate("close", &serde_json::json!({}));
        state.closed.clone().unwrap_or(Ok(Tally {
            round: None,
            notes: Vec::new(),
            notes_file: None,
        }))
    }

    pub fn facilitator_token(&self) -> String {
        lock(&self.state).facilitator.clone()
    }

    /// Waits until the facilitator closes the room; gives what the close wrote. The
    /// server goes on answering (every call 410, "the room is closed") for as long as
    /// the process lives, so a phone that asks again learns it.
    pub fn wait_closed(&self) -> Result<Tally, RoomError> {
        loop {
            {
                let state = lock(&self.state);
                if let Some(result) = &state.closed {
                    return result.clone();
                }
            }
            std::thread::park_timeout(std::time::Duration::from_millis(20));
        }
    }
}

/// This machine's address on the local network: the one a UDP socket "connected" to a
/// private address would send from (nothing is sent); 127.0.0.1 when there is none.
pub fn lan_address() -> std::net::IpAddr {
    let local = std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST);
    std::net::UdpSocket::bind("0.0.0.0:0")
        .and_then(|s| {
            s.connect("192.168.0.1:9")?;
            s.local_addr()
        })
        .map(|a| a.ip())
        .ok()
        .filter(|ip| !ip.is_unspecified())
        .unwrap_or(local)
}

fn lock(state: &Mutex<State>) -> std::sync::MutexGuard<'_, State> {
    state.lock().unwrap_or_else(|e| e.into_inner())
}

/// Answers requests until the room closes (then every call is 410) and the server is
/// unblocked.
fn serve(server: &tiny_http::Server, state: &Mutex<State>) {
    loop {
        let Ok(mut request) = server.recv() else {
            return;
        };
        let reply = answer(&mut request, state);
        // Before the answer: once a phone hears back, the editor has been told.
        lock(state).wake();
        let mut response =
            tiny_http::Response::from_data(reply.body.into_bytes()).with_status_code(reply.status);
        for (name, value) in reply.headers {
            if let Ok(header) = tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()) {
                response.add_header(header);
            }
        }
        request.respond(response).ok();
    }
}

fn answer(request: &mut tiny_http::Request, state: &Mutex<State>) -> Reply {
    let host = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .map(|h| h.value.as_str().to_owned());
    let token = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Authorization"))
        .and_then(|h| h.value.as_str().strip_prefix("Bearer ").map(str::to_owned));
    let method = request.method().as_str().to_owned();
    let url = request.url().to_owned();
    let peer = request.remote_addr().map(|a| a.ip());
    // The body, at most MAX_BODY bytes: a larger one is refused unread.
    let declared = request.body_length().unwrap_or(0);
    let mut body = Vec::new();
    let too_large = if declared > MAX_BODY {
        true
    } else {
        let mut limited = request.as_reader().take(MAX_BODY as u64 + 1);
        limited.read_to_end(&mut body).is_err() || body.len() > MAX_BODY
    };
    let mut state = lock(state);
    if !state.host_allowed(host.as_deref()) {
        return Reply::error(403, "this room answers only at its own address");
    }
    if too_large {
        return Reply::error(413, "the request is over 16 KB");
    }
    state.handle(&method, &url, token.as_deref(), peer, &body)
}
