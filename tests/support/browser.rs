//! Headless Chromium driven over the DevTools protocol (a websocket; no WebDriver),
//! shared by the tests that open a page in a real browser: the published page
//! (tests/cli/html.rs) and the room's page on a phone-sized screen (tests/app/room.rs).

#![allow(dead_code)]

use serde_json::{Value, json};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tungstenite::{Message, WebSocket};

/// Headless Chromium with its DevTools socket, killed when dropped.
pub struct Browser {
    child: Child,
    socket: WebSocket<TcpStream>,
    next: u64,
    session: String,
    /// Every event received, in order.
    pub events: Vec<Value>,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Browser {
    pub fn start() -> Browser {
        let profile = tempfile::tempdir().unwrap();
        let child = Command::new("chromium")
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--remote-debugging-port=0",
                "--window-size=1280,800",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromium (scripts/install-deps.sh installs it)");
        // Chromium writes its port and browser path once it listens.
        let port_file = profile.path().join("DevToolsActivePort");
        let started = Instant::now();
        let text = loop {
            if let Ok(text) = std::fs::read_to_string(&port_file)
                && text.lines().count() >= 2
            {
                break text;
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "chromium did not open its DevTools port"
            );
            std::thread::sleep(Duration::from_millis(50));
        };
        let mut lines = text.lines();
        let port = lines.next().unwrap().trim().to_owned();
        let path = lines.next().unwrap().trim().to_owned();
        let stream = TcpStream::connect(format!("127.0.0.1:{port}")).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .unwrap();
        let (socket, _) =
            tungstenite::client(format!("ws://127.0.0.1:{port}{path}"), stream).unwrap();
        let mut browser = Browser {
            child,
            socket,
            next: 0,
            session: String::new(),
            events: Vec::new(),
            _profile: profile,
        };
        let target = browser.call("Target.createTarget", json!({"url": "about:blank"}));
        let attached = browser.call(
            "Target.attachToTarget",
            json!({"targetId": target["targetId"], "flatten": true}),
        );
        browser.session = attached["sessionId"].as_str().unwrap().to_owned();
        for domain in [
            "Runtime.enable",
            "Log.enable",
            "Network.enable",
            "Page.enable",
        ] {
            browser.call(domain, json!({}));
        }
        browser
    }

    /// The next message; a read a signal interrupts is tried again.
    fn next_message(&mut self) -> Message {
        loop {
            match self.socket.read() {
                Ok(message) => return message,
                Err(tungstenite::Error::Io(e)) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => panic!("the DevTools socket: {e}"),
            }
        }
    }

    /// Sends a command (to the page once attached) and waits for its answer; events
    /// that come meanwhile are kept.
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = self.next;
        let mut message = json!({"id": id, "method": method, "params": params});
        if !self.session.is_empty() {
            message["sessionId"] = json!(self.session);
        }
        self.socket
            .send(Message::Text(message.to_string().into()))
            .unwrap();
        loop {
            let Message::Text(text) = self.next_message() else {
                continue;
            };
            let value: Value = serde_json::from_str(&text).unwrap();
            if value["id"] == json!(id) {
                assert!(value.get("error").is_none(), "{method}: {value}");
                return value["result"].clone();
            }
            self.events.push(value);
        }
    }

    /// Waits for an event named `method`.
    pub fn wait_for(&mut self, method: &str) {
        let started = Instant::now();
        while !self.events.iter().any(|e| e["method"] == json!(method)) {
            assert!(started.elapsed() < Duration::from_secs(60), "no {method}");
            let Message::Text(text) = self.next_message() else {
                continue;
            };
            self.events.push(serde_json::from_str(&text).unwrap());
        }
    }

    pub fn open(&mut self, file: &Path) -> String {
        let url = format!("file://{}", file.canonicalize().unwrap().display());
        self.events.clear();
        self.call("Page.navigate", json!({"url": url}));
        self.wait_for("Page.loadEventFired");
        // A round trip so the page's script has run and its messages have come.
        self.eval("1");
        url
    }

    /// Opens a page at `url` (an address, not a file) and waits for its load.
    pub fn navigate(&mut self, url: &str) {
        self.events.clear();
        self.call("Page.navigate", json!({"url": url}));
        self.wait_for("Page.loadEventFired");
        self.eval("1");
    }

    pub fn eval(&mut self, expression: &str) -> Value {
        let result = self.call(
            "Runtime.evaluate",
            json!({"expression": expression, "returnByValue": true, "awaitPromise": true}),
        );
        assert!(result.get("exceptionDetails").is_none(), "{result}");
        result["result"]["value"].clone()
    }

    /// A real click (mouse down and up) at the middle of the element `selector` finds,
    /// scrolled into view first (a phone's screen is short).
    pub fn click(&mut self, selector: &str) {
        let at = self.eval(&format!(
            "(() => {{ const e = document.querySelector({}); e.scrollIntoView({{block: 'center'}}); \
             const r = e.getBoundingClientRect(); \
             return [r.left + r.width / 2, r.top + r.height / 2]; }})()",
            json!(selector)
        ));
        for kind in ["mousePressed", "mouseReleased"] {
            self.call(
                "Input.dispatchMouseEvent",
                json!({"type": kind, "x": at[0], "y": at[1], "button": "left", "clickCount": 1}),
            );
        }
        self.eval("1");
    }

    /// Console errors, uncaught exceptions, log errors and dialogs since the page
    /// opened.
    pub fn problems(&self) -> Vec<String> {
        self.events
            .iter()
            .filter(|e| {
                let method = e["method"].as_str().unwrap_or_default();
                match method {
                    "Runtime.consoleAPICalled" => {
                        matches!(e["params"]["type"].as_str(), Some("error" | "warning"))
                    }
                    "Runtime.exceptionThrown" | "Page.javascriptDialogOpening" => true,
                    "Log.entryAdded" => {
                        matches!(
                            e["params"]["entry"]["level"].as_str(),
                            Some("error" | "warning")
                        )
                    }
                    _ => false,
                }
            })
            .map(|e| e.to_string())
            .collect()
    }

    /// Requests the page made besides itself (`data:` URLs are the page's own bytes).
    pub fn requests_besides(&self, url: &str) -> Vec<String> {
        self.events
            .iter()
            .filter(|e| e["method"] == json!("Network.requestWillBeSent"))
            .filter_map(|e| e["params"]["request"]["url"].as_str())
            .filter(|u| *u != url && !u.starts_with("data:"))
            .map(str::to_owned)
            .collect()
    }
}
