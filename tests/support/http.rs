//! One HTTP/1.1 request as a phone sends it (a connection each, `Connection: close`),
//! shared by the tests and the benchmark that talk to the room over loopback.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::TcpStream;

/// The status and the body of `method path` at `host`, with a bearer token if given.
pub fn request(
    host: &str,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: impl AsRef<[u8]>,
) -> (u16, String) {
    request_as(host, host, method, path, token, body)
}

/// The same, its `Host` header saying `host_header` (a page elsewhere pointing here).
pub fn request_as(
    host: &str,
    host_header: &str,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: impl AsRef<[u8]>,
) -> (u16, String) {
    let body = body.as_ref();
    let mut stream = TcpStream::connect(host).unwrap();
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {host_header}\r\nContent-Length: {}\r\nContent-Type: application/json\r\nConnection: close\r\n",
        body.len()
    );
    if let Some(token) = token {
        head.push_str(&format!("Authorization: Bearer {token}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    // A server refusing a large body may close before reading all of it.
    stream.write_all(body).ok();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).ok();
    let text = String::from_utf8_lossy(&response).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map_or("", |(_, b)| b)
        .to_owned();
    (status, body)
}

/// The body of a call that must succeed (2xx).
pub fn ok(host: &str, method: &str, path: &str, token: Option<&str>, body: &str) -> String {
    let (status, text) = request(host, method, path, token, body);
    assert!(
        (200..300).contains(&status),
        "{method} {path}: {status} {text}"
    );
    text
}

pub fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// Joins with `pin`; the participant's token.
pub fn join(host: &str, pin: &str) -> String {
    let body = ok(
        host,
        "POST",
        "/api/join",
        None,
        &format!(r#"{{"pin": "{pin}"}}"#),
    );
    json(&body)["token"].as_str().unwrap().to_owned()
}
