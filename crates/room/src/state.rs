//! The room's state and its answers: participants and their tokens, the round being
//! voted, the notes received, the PIN's lockout. One lock around it: every answer is a
//! few microseconds, so fifty phones voting at once wait on nothing.

use crate::reply::Reply;
use journeymap_model::model::{Journey, Stage, VoteRound, VoteTarget};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Called from the server's threads after each request that changed the room (the
/// editor repaints its window then).
pub type Wake = std::sync::Arc<dyn Fn() + Send + Sync>;

/// How a room is served.
#[derive(Clone)]
pub struct RoomOptions {
    pub bind: SocketAddr,
    /// The six-digit PIN (a random one when `None`).
    pub pin: Option<String>,
    /// After ten wrong PINs from one address, how long it waits.
    pub lockout: Duration,
    /// At most this many participants.
    pub max_participants: usize,
    /// Whether closing writes the round into the map file and the notes beside it (the
    /// command line); the editor puts them in its open document itself.
    pub writes_files: bool,
    pub wake: Option<Wake>,
}

impl RoomOptions {
    pub fn new(bind: SocketAddr) -> Self {
        RoomOptions {
            bind,
            pin: None,
            lockout: Duration::from_secs(300),
            max_participants: 200,
            writes_files: true,
            wake: None,
        }
    }
}

#[derive(Debug, thiserror::Error, Clone)]
pub enum RoomError {
    #[error("cannot listen on {0}: {1}")]
    Bind(String, String),
    #[error("{0}")]
    Save(String),
}

/// What a participant may note.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoteKind {
    Pain,
    Idea,
    Quote,
    Touchpoint,
}

/// A note from the room, for the facilitator to accept, merge or discard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Note {
    pub stage: Stage,
    pub kind: NoteKind,
    pub text: String,
    /// The participant's number (1 for the first to join).
    pub participant: usize,
}

/// What closing the room wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tally {
    /// The round written into the map (none when no round was opened).
    pub round: Option<VoteRound>,
    pub notes: Vec<Note>,
    pub notes_file: Option<PathBuf>,
}

/// What the facilitator sees of the room.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snapshot {
    pub participants: usize,
    /// Every note received, in order.
    pub notes: Vec<Note>,
    pub round: Option<RoundView>,
    pub closed: bool,
}

/// The round being voted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoundView {
    pub question: String,
    pub budget: u32,
    pub cap: u32,
    pub revealed: bool,
    /// How many have used all their votes.
    pub finished: usize,
    pub seconds_left: Option<u64>,
    /// Each element on the ballot and its dots so far, most first.
    pub totals: Vec<(VoteTarget, u32)>,
    /// How many have voted at least once.
    pub voters: usize,
}

/// Something a room votes on.
#[derive(Clone, Debug)]
struct Item {
    target: VoteTarget,
    kind: &'static str,
    title: String,
    stage: Option<Stage>,
}

struct Participant {
    number: usize,
    votes: HashMap<String, u32>,
}

struct Round {
    items: Vec<Item>,
    budget: u32,
    cap: u32,
    question: String,
    deadline: Option<Instant>,
    revealed: bool,
}

pub struct State {
    journey: Journey,
    map: PathBuf,
    host: String,
    pub pin: String,
    pub facilitator: String,
    options: RoomOptions,
    participants: HashMap<String, Participant>,
    wrong_pins: HashMap<IpAddr, (u32, Instant)>,
    round: Option<Round>,
    notes: Vec<Note>,
    pub closed: Option<Result<Tally, RoomError>>,
}

/// A random token: 128 bits from the system's randomness (the std hasher's keys, drawn
/// per process, mixed with the time and a counter).
fn random_hex(bytes: usize) -> String {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut out = String::new();
    while out.len() < bytes * 2 {
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
        hasher.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        out.push_str(&format!("{:016x}", hasher.finish()));
    }
    out.truncate(bytes * 2);
    out
}

/// A six-digit PIN.
fn random_pin() -> String {
    let n = u64::from_str_radix(&random_hex(8), 16).unwrap_or(0);
    format!("{:06}", n % 1_000_000)
}

#[derive(Deserialize)]
struct Join {
    pin: String,
    #[serde(default)]
    #[allow(dead_code)]
    name: Option<String>,
}

#[derive(Deserialize)]
struct Vote {
    #[serde(rename = "ref")]
    reference: String,
    delta: i32,
}

#[derive(Deserialize)]
struct NoteBody {
    stage: String,
    kind: NoteKind,
    text: String,
}

#[derive(Deserialize)]
struct OpenRound {
    refs: Vec<String>,
    #[serde(default = "default_budget")]
    budget: u32,
    #[serde(default = "default_cap")]
    cap: u32,
    #[serde(default)]
    question: Option<String>,
}

fn default_budget() -> u32 {
    5
}

fn default_cap() -> u32 {
    3
}

#[derive(Deserialize)]
struct Timer {
    seconds: u64,
}

/// The longest text a participant may send.
const MAX_TEXT: usize = 2000;
const WRONG_PINS: u32 = 10;

impl State {
    pub fn new(journey: Journey, map: PathBuf, address: SocketAddr, options: RoomOptions) -> Self {
        State {
            journey,
            map,
            host: address.to_string(),
            pin: options.pin.clone().unwrap_or_else(random_pin),
            facilitator: random_hex(16),
            options,
            participants: HashMap::new(),
            wrong_pins: HashMap::new(),
            round: None,
            notes: Vec::new(),
            closed: None,
        }
    }

    pub fn wake(&self) {
        if let Some(wake) = &self.options.wake {
            wake();
        }
    }

    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            participants: self.participants.len(),
            notes: self.notes.clone(),
            round: self.round.as_ref().map(|round| {
                let totals = self.totals();
                let mut counts: Vec<(VoteTarget, u32)> = round
                    .items
                    .iter()
                    .map(|i| {
                        let n = totals.get(i.target.as_str()).copied().unwrap_or(0);
                        (i.target.clone(), n)
                    })
                    .collect();
                counts.sort_by_key(|c| std::cmp::Reverse(c.1));
                RoundView {
                    question: round.question.clone(),
                    budget: round.budget,
                    cap: round.cap,
                    revealed: round.revealed,
                    finished: self.finished(round.budget),
                    seconds_left: round
                        .deadline
                        .map(|d| d.saturating_duration_since(Instant::now()).as_secs()),
                    totals: counts,
                    voters: self.voters(),
                }
            }),
            closed: self.closed.is_some(),
        }
    }

    fn voters(&self) -> usize {
        self.participants
            .values()
            .filter(|p| p.votes.values().any(|n| *n > 0))
            .count()
    }

    /// The facilitator's calls, from the editor's own window.
    pub fn facilitate(&mut self, call: &str, body: &serde_json::Value) -> Reply {
        let token = self.facilitator.clone();
        let reply = self.handle(
            "POST",
            &format!("/api/facilitator/{call}"),
            Some(&token),
            None,
            body.to_string().as_bytes(),
        );
        self.wake();
        reply
    }

    /// Only requests for the bound address and port: a page elsewhere that resolves
    /// its own name to this machine (DNS rebinding) is refused.
    pub fn host_allowed(&self, host: Option<&str>) -> bool {
        host.is_some_and(|h| h.eq_ignore_ascii_case(&self.host))
    }

    pub fn handle(
        &mut self,
        method: &str,
        url: &str,
        token: Option<&str>,
        peer: Option<IpAddr>,
        body: &[u8],
    ) -> Reply {
        if self.closed.is_some() {
            return Reply::error(410, "the room is closed");
        }
        let path = url.split('?').next().unwrap_or(url);
        match (method, path) {
            ("GET", "/") => crate::page::participant_page(&self.journey),
            ("POST", "/api/join") => self.join(peer, body),
            ("GET", "/api/state") => match self.participant(token) {
                Some(t) => self.state_for(&t),
                None => Reply::error(401, "join first: the token is not this room's"),
            },
            ("POST", "/api/vote") => match self.participant(token) {
                Some(t) => self.vote(&t, body),
                None => Reply::error(401, "join first: the token is not this room's"),
            },
            ("POST", "/api/note") => match self.participant(token) {
                Some(t) => self.note(&t, body),
                None => Reply::error(401, "join first: the token is not this room's"),
            },
            ("POST", facilitator) if facilitator.starts_with("/api/facilitator/") => {
                if token != Some(self.facilitator.as_str()) {
                    return Reply::error(401, "only the facilitator's token does this");
                }
                match &facilitator["/api/facilitator/".len()..] {
                    "vote" => self.open_round(body),
                    "timer" => self.timer(body),
                    "reveal" => self.reveal(),
                    "close" => self.close(),
                    _ => Reply::error(404, "no such call"),
                }
            }
            _ => Reply::error(404, "no such call"),
        }
    }

    fn participant(&self, token: Option<&str>) -> Option<String> {
        let token = token?;
        self.participants
            .contains_key(token)
            .then(|| token.to_owned())
    }

    fn join(&mut self, peer: Option<IpAddr>, body: &[u8]) -> Reply {
        let Ok(join) = serde_json::from_slice::<Join>(body) else {
            return Reply::error(400, "the body is not {\"pin\": \"...\"}");
        };
        let now = Instant::now();
        if let Some(ip) = peer
            && let Some((count, since)) = self.wrong_pins.get(&ip).copied()
        {
            if now.duration_since(since) >= self.options.lockout {
                self.wrong_pins.remove(&ip);
            } else if count >= WRONG_PINS {
                let wait = self.options.lockout - now.duration_since(since);
                let mut reply = Reply::error(429, "too many wrong PINs: wait and try again");
                reply
                    .headers
                    .push(("Retry-After".into(), wait.as_secs().max(1).to_string()));
                return reply;
            }
        }
        if join.pin.trim() != self.pin {
            if let Some(ip) = peer {
                let entry = self.wrong_pins.entry(ip).or_insert((0, now));
                entry.0 += 1;
            }
            return Reply::error(403, "that is not the room's PIN");
        }
        if self.participants.len() >= self.options.max_participants {
            return Reply::error(403, "the room is full");
        }
        let token = random_hex(16);
        let number = self.participants.len() + 1;
        self.participants.insert(
            token.clone(),
            Participant {
                number,
                votes: HashMap::new(),
            },
        );
        Reply::json(
            200,
            serde_json::json!({ "token": token, "participant": number }),
        )
    }

    fn totals(&self) -> HashMap<String, u32> {
        let mut totals: HashMap<String, u32> = HashMap::new();
        for p in self.participants.values() {
            for (r, n) in &p.votes {
                *totals.entry(r.clone()).or_default() += n;
            }
        }
        totals
    }

    fn finished(&self, budget: u32) -> usize {
        self.participants
            .values()
            .filter(|p| p.votes.values().sum::<u32>() >= budget)
            .count()
    }

    fn state_for(&self, token: &str) -> Reply {
        let participant = &self.participants[token];
        let stages: Vec<&str> = Stage::ALL.iter().map(|s| s.key()).collect();
        let Some(round) = &self.round else {
            return Reply::json(
                200,
                serde_json::json!({
                    "participant": participant.number,
                    "voting": false,
                    "stages": stages,
                    "language": self.journey.language.key(),
                }),
            );
        };
        let used: u32 = participant.votes.values().sum();
        let items: Vec<serde_json::Value> = round
            .items
            .iter()
            .map(|i| {
                serde_json::json!({
                    "ref": i.target.as_str(),
                    "kind": i.kind,
                    "title": i.title,
                    "stage": i.stage.map(|s| s.key()),
                    "mine": participant.votes.get(i.target.as_str()).copied().unwrap_or(0),
                })
            })
            .collect();
        let seconds_left = round
            .deadline
            .map(|d| d.saturating_duration_since(Instant::now()).as_secs());
        let counts = round.revealed.then(|| {
            let totals = self.totals();
            round
                .items
                .iter()
                .map(|i| {
                    serde_json::json!({
                        "ref": i.target.as_str(),
                        "count": totals.get(i.target.as_str()).copied().unwrap_or(0),
                    })
                })
                .collect::<Vec<_>>()
        });
        Reply::json(
            200,
            serde_json::json!({
                "participant": participant.number,
                "voting": true,
                "question": round.question,
                "items": items,
                "budget": round.budget,
                "cap": round.cap,
                "votes_left": round.budget.saturating_sub(used),
                "seconds_left": seconds_left,
                "revealed": round.revealed,
                "counts": counts,
                "participants": self.participants.len(),
                "finished": self.finished(round.budget),
                "stages": stages,
                "language": self.journey.language.key(),
            }),
        )
    }

    fn vote(&mut self, token: &str, body: &[u8]) -> Reply {
        let Ok(vote) = serde_json::from_slice::<Vote>(body) else {
            return Reply::error(400, "the body is not {\"ref\": \"ga-1\", \"delta\": 1}");
        };
        let Some(round) = &self.round else {
            return Reply::error(409, "no vote is open");
        };
        if round.deadline.is_some_and(|d| Instant::now() >= d) {
            return Reply::error(409, "time is up");
        }
        if round.revealed {
            return Reply::error(409, "the results are revealed: voting is over");
        }
        if !round
            .items
            .iter()
            .any(|i| i.target.as_str() == vote.reference)
        {
            return Reply::error(404, "that is not on the ballot");
        }
        if vote.delta != 1 && vote.delta != -1 {
            return Reply::error(400, "delta is 1 or -1");
        }
        let (budget, cap) = (round.budget, round.cap);
        let participant = self.participants.get_mut(token).expect("checked");
        let used: u32 = participant.votes.values().sum();
        let mine = participant.votes.entry(vote.reference).or_default();
        if vote.delta == 1 {
            if used >= budget {
                return Reply::error(409, "no votes left");
            }
            if *mine >= cap {
                return Reply::error(409, "that one has all the votes one person may give it");
            }
            *mine += 1;
        } else {
            if *mine == 0 {
                return Reply::error(409, "no vote of yours to take back");
            }
            *mine -= 1;
        }
        let left = budget - participant.votes.values().sum::<u32>();
        Reply::json(200, serde_json::json!({ "votes_left": left }))
    }

    fn note(&mut self, token: &str, body: &[u8]) -> Reply {
        let Ok(note) = serde_json::from_slice::<NoteBody>(body) else {
            return Reply::error(
                400,
                "the body is not {\"stage\": \"usage\", \"kind\": \"pain\", \"text\": \"...\"}",
            );
        };
        let Some(stage) = Stage::ALL.iter().find(|s| s.key() == note.stage) else {
            return Reply::error(400, "stage is one of awareness … advocacy");
        };
        let text = note.text.trim();
        if text.is_empty() {
            return Reply::error(400, "the note is empty");
        }
        if text.chars().count() > MAX_TEXT {
            return Reply::error(400, "a note is at most 2,000 characters");
        }
        let participant = self.participants[token].number;
        self.notes.push(Note {
            stage: *stage,
            kind: note.kind,
            text: text.to_owned(),
            participant,
        });
        Reply::json(201, serde_json::json!({ "notes": self.notes.len() }))
    }

    /// The ballot: grey areas, opportunities or touchpoints, all or some.
    fn open_round(&mut self, body: &[u8]) -> Reply {
        let Ok(open) = serde_json::from_slice::<OpenRound>(body) else {
            return Reply::error(
                400,
                "the body is not {\"refs\": [\"ga-1\"], \"budget\": 5, \"cap\": 3}",
            );
        };
        if !(1..=99).contains(&open.budget) || open.cap == 0 {
            return Reply::error(400, "budget is 1 to 99 votes a person, cap at least 1");
        }
        let j = &self.journey;
        let grey = |g: &journeymap_model::model::GreyArea| Item {
            target: VoteTarget::GreyArea(g.id.clone()),
            kind: "grey-area",
            title: if g.title.trim().is_empty() {
                format!(
                    "{} → {}",
                    j.end_title(&g.from).unwrap_or(""),
                    j.end_title(&g.to).unwrap_or("")
                )
            } else {
                g.title.clone()
            },
            stage: j.end_stage(&g.from),
        };
        let opportunity = |o: &journeymap_model::model::Opportunity| Item {
            target: VoteTarget::Opportunity(o.id.clone()),
            kind: "opportunity",
            title: o.idea.clone(),
            stage: match &o.target {
                journeymap_model::model::OpportunityTarget::Touchpoint(t) => {
                    j.touchpoint(t).map(|t| t.stage)
                }
                journeymap_model::model::OpportunityTarget::GreyArea(g) => {
                    j.grey_area(g).and_then(|g| j.end_stage(&g.from))
                }
                journeymap_model::model::OpportunityTarget::Step(s) => j.step(s).map(|s| s.stage),
            },
        };
        let card = |t: &journeymap_model::model::Touchpoint| Item {
            target: VoteTarget::Touchpoint(t.id.clone()),
            kind: "touchpoint",
            title: t.title.clone(),
            stage: Some(t.stage),
        };
        let mut items = Vec::new();
        for r in &open.refs {
            match r.as_str() {
                "grey_areas" => items.extend(j.grey_areas.iter().map(grey)),
                "opportunities" => items.extend(j.opportunities.iter().map(opportunity)),
                "touchpoints" => items.extend(j.touchpoints.iter().map(card)),
                id => {
                    let item = j
                        .grey_area(&id.into())
                        .map(grey)
                        .or_else(|| j.opportunity(&id.into()).map(opportunity))
                        .or_else(|| j.touchpoint(&id.into()).map(card));
                    match item {
                        Some(item) => items.push(item),
                        None => {
                            return Reply::error(
                                404,
                                &format!(
                                    "{id} is not a grey area, opportunity or touchpoint of the map"
                                ),
                            );
                        }
                    }
                }
            }
        }
        if items.is_empty() {
            return Reply::error(400, "nothing to vote on");
        }
        for p in self.participants.values_mut() {
            p.votes.clear();
        }
        self.round = Some(Round {
            items,
            budget: open.budget,
            cap: open.cap,
            question: open.question.unwrap_or_default(),
            deadline: None,
            revealed: false,
        });
        Reply::json(200, serde_json::json!({ "open": true }))
    }

    fn timer(&mut self, body: &[u8]) -> Reply {
        let Ok(timer) = serde_json::from_slice::<Timer>(body) else {
            return Reply::error(400, "the body is not {\"seconds\": 120}");
        };
        let Some(round) = &mut self.round else {
            return Reply::error(409, "no vote is open");
        };
        round.deadline = Some(Instant::now() + Duration::from_secs(timer.seconds));
        Reply::json(200, serde_json::json!({ "seconds": timer.seconds }))
    }

    fn reveal(&mut self) -> Reply {
        let Some(round) = &mut self.round else {
            return Reply::error(409, "no vote is open");
        };
        round.revealed = true;
        Reply::json(200, serde_json::json!({ "revealed": true }))
    }

    /// The round into the map (through the atomic writer, only if the map still
    /// loads), the notes beside it; then every call is 410.
    fn close(&mut self) -> Reply {
        let result = self.write();
        let reply = match &result {
            Ok(tally) => Reply::json(
                200,
                serde_json::json!({
                    "closed": true,
                    "round": tally.round.as_ref().map(|r| r.id.as_str()),
                    "notes": tally.notes.len(),
                }),
            ),
            Err(e) => Reply::error(500, &e.to_string()),
        };
        self.closed = Some(result);
        reply
    }

    fn write(&self) -> Result<Tally, RoomError> {
        use journeymap_format::format;
        if !self.options.writes_files {
            return Ok(Tally {
                round: None,
                notes: self.notes.clone(),
                notes_file: None,
            });
        }
        let save = |e: String| RoomError::Save(e);
        let round = self.round.as_ref().map(|round| {
            let totals = self.totals();
            let mut counts: Vec<(VoteTarget, u32)> = round
                .items
                .iter()
                .filter_map(|i| {
                    let n = totals.get(i.target.as_str()).copied().unwrap_or(0);
                    (n > 0).then(|| (i.target.clone(), n))
                })
                .collect();
            counts.sort_by_key(|c| std::cmp::Reverse(c.1));
            (round, counts)
        });
        let mut written = None;
        if let Some((round, counts)) = round {
            // The map as it is on disk now (the facilitator may have saved meanwhile).
            let parsed = format::load(&self.map).map_err(|e| save(e.to_string()))?;
            let mut journey = parsed.journey;
            let id = journey.next_vote_round_id();
            let today = format::today();
            let mut vote = VoteRound::new(id, round.question.clone());
            vote.date = format!(
                "{:04}-{:02}-{:02}",
                today.year(),
                u8::from(today.month()),
                today.day()
            );
            vote.participants = self.voters() as u32;
            // What the map no longer has is left out.
            vote.counts = counts
                .into_iter()
                .filter(|(t, _)| journey.map_ids().any(|id| id == t.as_str()))
                .collect();
            journey.votes.push(vote.clone());
            let text = format::to_text(&journey).map_err(|e| save(e.to_string()))?;
            if let Err(diagnostics) = format::parse(&text) {
                let messages: Vec<String> = diagnostics.iter().map(|d| d.message.clone()).collect();
                return Err(save(messages.join("; ")));
            }
            let text = parsed.line_ending.apply(text);
            format::atomic_write(&self.map, text.as_bytes())
                .map_err(|e| save(format!("{}: {e}", self.map.display())))?;
            written = Some(vote);
        }
        let mut notes_file = None;
        if !self.notes.is_empty() {
            let mut path = self.map.clone().into_os_string();
            path.push(".room-notes.csv");
            let path = PathBuf::from(path);
            let path = match self.map.file_stem() {
                Some(stem) => self
                    .map
                    .with_file_name(format!("{}.room-notes.csv", stem.to_string_lossy())),
                None => path,
            };
            let mut sheet = csv::Writer::from_writer(Vec::new());
            sheet
                .write_record(["stage", "kind", "text", "participant"])
                .map_err(|e| save(e.to_string()))?;
            for n in &self.notes {
                let kind = serde_json::to_value(n.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default();
                sheet
                    .write_record([
                        n.stage.key(),
                        kind.as_str(),
                        &journeymap_interchange::interchange::sheet::neutralised(n.text.clone()),
                        &n.participant.to_string(),
                    ])
                    .map_err(|e| save(e.to_string()))?;
            }
            let bytes = sheet.into_inner().map_err(|e| save(e.to_string()))?;
            format::write_output(&path, &bytes)
                .map_err(|e| save(format!("{}: {e}", path.display())))?;
            notes_file = Some(path);
        }
        Ok(Tally {
            round: written,
            notes: self.notes.clone(),
            notes_file,
        })
    }
}
