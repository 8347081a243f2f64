//! `journeymap room` on 127.0.0.1, driven over real HTTP: fifty participants join and
//! cast five votes each at once and the saved round holds the exact counts; every
//! refusal of the contract (wrong PIN and its lockout, a bad token, bad JSON, a body
//! over 16 KB, a text over 2,000 characters, over budget and over cap, a foreign
//! `Host`, anything after close) answers as docs/room.md says; a note holding markup
//! is kept as text; the page is self-contained under its CSP.

use crate::http::{json, request, request_as};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};

struct Running {
    child: Child,
    host: String,
    facilitator: String,
}

impl Drop for Running {
    fn drop(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
    }
}

fn open_room(map: &Path, extra: &[&str]) -> Running {
    let mut child = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(["room"])
        .arg(map)
        .args(["--bind", "127.0.0.1", "--port", "0", "--pin", "424242"])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Both lines come before it serves.
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let url = lines.next().unwrap().unwrap();
    let token = lines.next().unwrap().unwrap();
    assert!(
        url.starts_with("http://127.0.0.1:") && url.ends_with("/?pin=424242"),
        "{url}"
    );
    let host = url
        .trim_start_matches("http://")
        .split('/')
        .next()
        .unwrap()
        .to_owned();
    let facilitator = token
        .strip_prefix("facilitator token: ")
        .expect("the token line")
        .to_owned();
    Running {
        child,
        host,
        facilitator,
    }
}

fn join(host: &str) -> String {
    crate::http::join(host, "424242")
}

fn map(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("map.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/online-order-delivery-return.ron"),
        &path,
    )
    .unwrap();
    path
}

#[test]
fn fifty_participants_vote_at_once_and_the_saved_counts_are_exact() {
    let dir = tempfile::tempdir().unwrap();
    let path = map(dir.path());
    let room = open_room(&path, &[]);
    let host = room.host.clone();
    let (status, _) = request(
        &host,
        "POST",
        "/api/facilitator/vote",
        Some(&room.facilitator),
        br#"{"refs": ["grey_areas", "op-1"], "budget": 5, "cap": 3, "question": "Where does it hurt most?"}"#,
    );
    assert_eq!(status, 200);
    let journey = journeymap::format::load(&path).unwrap().journey;
    let refs: Vec<String> = journey
        .grey_areas
        .iter()
        .map(|g| g.id.to_string())
        .chain(["op-1".to_owned()])
        .collect();
    // Each participant n gives its five votes to refs n, n+1, n+2, n, n+1 (in turn).
    let mut expected: std::collections::BTreeMap<String, u32> = Default::default();
    let plans: Vec<Vec<String>> = (0..50)
        .map(|n| {
            [0, 1, 2, 0, 1]
                .iter()
                .map(|k| refs[(n + k) % refs.len()].clone())
                .collect()
        })
        .collect();
    for plan in &plans {
        for r in plan {
            *expected.entry(r.clone()).or_default() += 1;
        }
    }
    let threads: Vec<_> = plans
        .into_iter()
        .map(|plan| {
            let host = host.clone();
            std::thread::spawn(move || {
                let token = join(&host);
                for r in plan {
                    let body = format!(r#"{{"ref": "{r}", "delta": 1}}"#);
                    let (status, text) =
                        request(&host, "POST", "/api/vote", Some(&token), body.as_bytes());
                    assert_eq!(status, 200, "{text}");
                }
                // The sixth vote is over the budget.
                let body = format!(r#"{{"ref": "{}", "delta": 1}}"#, "op-1");
                let (status, _) =
                    request(&host, "POST", "/api/vote", Some(&token), body.as_bytes());
                assert_eq!(status, 409);
                let (status, state) = request(&host, "GET", "/api/state", Some(&token), b"");
                assert_eq!(status, 200);
                assert_eq!(json(&state)["votes_left"], 0);
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    // Results stay hidden until revealed; the room knows how many have finished.
    let token = join(&host);
    let (_, state) = request(&host, "GET", "/api/state", Some(&token), b"");
    let state = json(&state);
    assert_eq!(state["revealed"], false);
    assert!(state["counts"].is_null());
    assert_eq!(state["finished"], 50);
    request(
        &host,
        "POST",
        "/api/facilitator/reveal",
        Some(&room.facilitator),
        b"{}",
    );
    let (_, state) = request(&host, "GET", "/api/state", Some(&token), b"");
    let counts = json(&state)["counts"].clone();
    for (r, n) in &expected {
        let shown = counts
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["ref"] == r.as_str())
            .unwrap();
        assert_eq!(shown["count"], *n, "{r}");
    }
    let (status, body) = request(
        &host,
        "POST",
        "/api/facilitator/close",
        Some(&room.facilitator),
        b"{}",
    );
    assert_eq!(status, 200, "{body}");
    let saved = journeymap::format::load(&path).unwrap().journey;
    let round = saved.votes.last().expect("the round is in the map");
    assert_eq!(round.question, "Where does it hurt most?");
    assert_eq!(round.participants, 50);
    for (r, n) in &expected {
        assert_eq!(round.count(r), Some(*n), "{r}");
    }
    assert_eq!(round.counts.len(), expected.len());
    // After close, every call is 410.
    for (method, path) in [
        ("GET", "/api/state"),
        ("POST", "/api/vote"),
        ("POST", "/api/join"),
        ("GET", "/"),
    ] {
        let (status, _) = request(&host, method, path, Some(&token), br#"{"pin": "424242"}"#);
        assert_eq!(status, 410, "{method} {path}");
    }
}

#[test]
fn the_contract_refuses_what_it_must_and_keeps_notes_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = map(dir.path());
    let before = std::fs::read(&path).unwrap();
    let room = open_room(&path, &["--lockout-seconds", "2"]);
    let host = room.host.clone();
    // A foreign Host (a page elsewhere resolving its name here) is refused.
    let (status, _) = request_as(&host, "evil.example:80", "GET", "/", None, b"");
    assert_eq!(status, 403);
    // The page: self-contained, under a CSP that allows only its own script and style.
    let mut stream = TcpStream::connect(&host).unwrap();
    write!(
        stream,
        "GET /?pin=424242 HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut page = String::new();
    stream.read_to_string(&mut page).unwrap();
    let policy = page
        .lines()
        .find(|l| l.starts_with("Content-Security-Policy: "))
        .expect("the policy header");
    for part in [
        "default-src 'none'",
        "script-src 'sha256-",
        "style-src 'sha256-",
        "connect-src 'self'",
    ] {
        assert!(policy.contains(part), "{part}: {policy}");
    }
    assert!(
        !page.contains("src=\"http") && !page.contains("href=\"http"),
        "no external request"
    );
    assert!(page.contains("<html lang=\"en\">"));
    // Wrong PINs: 403, and the eleventh from one address waits (429, Retry-After).
    for _ in 0..10 {
        let (status, _) = request(&host, "POST", "/api/join", None, br#"{"pin": "000000"}"#);
        assert_eq!(status, 403);
    }
    let mut stream = TcpStream::connect(&host).unwrap();
    write!(stream, "POST /api/join HTTP/1.1\r\nHost: {host}\r\nContent-Length: 17\r\nConnection: close\r\n\r\n{{\"pin\": \"424242\"}}").unwrap();
    let mut locked = String::new();
    stream.read_to_string(&mut locked).unwrap();
    assert!(locked.starts_with("HTTP/1.1 429"), "{locked}");
    assert!(locked.contains("Retry-After: "), "{locked}");
    // The lockout ends (2 s here): wait on the server's own answer, not a guess.
    let token = loop {
        let (status, body) = request(&host, "POST", "/api/join", None, br#"{"pin": "424242"}"#);
        if status == 200 {
            break json(&body)["token"].as_str().unwrap().to_owned();
        }
        assert_eq!(status, 429);
        std::thread::sleep(std::time::Duration::from_millis(200));
    };
    // A bad token, bad JSON, a body over 16 KB.
    assert_eq!(
        request(&host, "GET", "/api/state", Some("nope"), b"").0,
        401
    );
    assert_eq!(
        request(&host, "POST", "/api/vote", Some(&token), b"{not json").0,
        400
    );
    let big = format!(
        r#"{{"stage": "usage", "kind": "pain", "text": "{}"}}"#,
        "x".repeat(17 * 1024)
    );
    assert_eq!(
        request(&host, "POST", "/api/note", Some(&token), big.as_bytes()).0,
        413
    );
    let long = format!(
        r#"{{"stage": "usage", "kind": "pain", "text": "{}"}}"#,
        "é".repeat(2001)
    );
    assert_eq!(
        request(&host, "POST", "/api/note", Some(&token), long.as_bytes()).0,
        400
    );
    // No vote open yet: 409. Then over the cap: 409.
    assert_eq!(
        request(
            &host,
            "POST",
            "/api/vote",
            Some(&token),
            br#"{"ref": "ga-1", "delta": 1}"#
        )
        .0,
        409
    );
    let (status, _) = request(
        &host,
        "POST",
        "/api/facilitator/vote",
        Some(&room.facilitator),
        br#"{"refs": ["ga-1", "ga-2"], "budget": 5, "cap": 2}"#,
    );
    assert_eq!(status, 200);
    assert_eq!(
        request(
            &host,
            "POST",
            "/api/facilitator/vote",
            Some(&token),
            br#"{"refs": ["ga-1"]}"#
        )
        .0,
        401,
        "a participant is not the facilitator"
    );
    for expected in [200, 200, 409] {
        assert_eq!(
            request(
                &host,
                "POST",
                "/api/vote",
                Some(&token),
                br#"{"ref": "ga-1", "delta": 1}"#
            )
            .0,
            expected
        );
    }
    assert_eq!(
        request(
            &host,
            "POST",
            "/api/vote",
            Some(&token),
            br#"{"ref": "ga-1", "delta": -1}"#
        )
        .0,
        200
    );
    assert_eq!(
        request(
            &host,
            "POST",
            "/api/vote",
            Some(&token),
            br#"{"ref": "tp-1", "delta": 1}"#
        )
        .0,
        404
    );
    // A note with markup is kept as text, in the notes sheet, never in the map.
    let (status, _) = request(
        &host,
        "POST",
        "/api/note",
        Some(&token),
        br#"{"stage": "usage", "kind": "quote", "text": "<script>alert(1)</script> =cmd"}"#,
    );
    assert_eq!(status, 201);
    let (status, _) = request(
        &host,
        "POST",
        "/api/facilitator/close",
        Some(&room.facilitator),
        b"{}",
    );
    assert_eq!(status, 200);
    let notes = std::fs::read_to_string(dir.path().join("map.room-notes.csv")).unwrap();
    assert_eq!(
        notes,
        "stage,kind,text,participant\nusage,quote,<script>alert(1)</script> =cmd,1\n"
    );
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(!saved.contains("<script>"));
    assert_ne!(saved.as_bytes(), before.as_slice(), "the round is written");
    let journey = journeymap::format::load(&path).unwrap().journey;
    assert_eq!(journey.votes[0].counts.len(), 1);
    assert_eq!(journey.latest_votes("ga-1"), Some(1));
}
