//! Presenter mode's pure part: which key moves where, and the messages the projector's window
//! and the notes window exchange over a `BroadcastChannel` (`ui::presenter` sends and reads
//! them as JS objects through serde-wasm-bindgen).
//!
//! A message is `{ type: "step", step, hidden, predict, case, variant }` (the state both windows
//! share) or `{ type: "hello" }` (a window that opens asks the others for theirs). Anything else
//! is not a message of ours and is ignored.

use serde::{Deserialize, Serialize};

/// The channel both windows open (same origin; `file://` pages share Chromium's file origin).
pub const CHANNEL: &str = "reform-explorer-present";

/// What both windows show: the step, whether its figures are hidden (predict, then reveal),
/// whether each new step starts hidden, and the case and scope it belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shared {
    pub step: usize,
    pub hidden: bool,
    pub predict: bool,
    pub case: String,
    pub variant: String,
}

/// A message between the windows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Message {
    /// A window that opened asks for the shared state.
    Hello,
    /// The state a window shows, sent when it changes there (never when it was received).
    Step(Shared),
}

/// What a key does in presenter mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Next,
    Prev,
    First,
    Last,
    /// Hide or reveal the step's figures.
    ToggleHidden,
    /// Predict mode: each new step starts with its figures hidden.
    TogglePredict,
}

impl Move {
    /// The move a key makes (`KeyboardEvent.key`): clickers send PageUp and PageDown.
    pub fn of_key(key: &str) -> Option<Move> {
        Some(match key {
            "ArrowRight" | "ArrowDown" | "PageDown" | " " | "Spacebar" => Move::Next,
            "ArrowLeft" | "ArrowUp" | "PageUp" | "Backspace" => Move::Prev,
            "Home" => Move::First,
            "End" => Move::Last,
            "h" | "H" => Move::ToggleHidden,
            "p" | "P" => Move::TogglePredict,
            _ => return None,
        })
    }

    /// The step after this move from `now`, with `last` the final step (moves that do not
    /// change the step leave it).
    pub fn step(self, now: usize, last: usize) -> usize {
        match self {
            Move::Next => (now + 1).min(last),
            Move::Prev => now.saturating_sub(1).min(last),
            Move::First => 0,
            Move::Last => last,
            Move::ToggleHidden | Move::TogglePredict => now.min(last),
        }
    }
}

/// The shared state after a move: a new step starts hidden exactly when predict mode is on
/// (the baseline, step 0, has nothing to predict); the same step keeps what it had.
pub fn after_move(s: &Shared, m: Move, last: usize) -> Shared {
    let step = m.step(s.step, last);
    let mut out = Shared { step, ..s.clone() };
    match m {
        Move::ToggleHidden => out.hidden = !s.hidden && step > 0,
        Move::TogglePredict => {
            out.predict = !s.predict;
            out.hidden = out.predict && step > 0;
        }
        _ if step != s.step => out.hidden = s.predict && step > 0,
        _ => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shared(step: usize, hidden: bool, predict: bool) -> Shared {
        Shared {
            step,
            hidden,
            predict,
            case: "daqing".into(),
            variant: "urban".into(),
        }
    }

    #[test]
    fn keys_and_clickers_move_between_steps_within_bounds() {
        for k in ["ArrowRight", "ArrowDown", "PageDown", " "] {
            assert_eq!(Move::of_key(k), Some(Move::Next), "{k}");
        }
        for k in ["ArrowLeft", "ArrowUp", "PageUp"] {
            assert_eq!(Move::of_key(k), Some(Move::Prev), "{k}");
        }
        assert_eq!(Move::of_key("Home"), Some(Move::First));
        assert_eq!(Move::of_key("End"), Some(Move::Last));
        assert_eq!(Move::of_key("h"), Some(Move::ToggleHidden));
        assert_eq!(Move::of_key("H"), Some(Move::ToggleHidden));
        assert_eq!(Move::of_key("p"), Some(Move::TogglePredict));
        assert_eq!(Move::of_key("x"), None);
        assert_eq!(Move::of_key("Enter"), None);
        assert_eq!(Move::Next.step(4, 4), 4);
        assert_eq!(Move::Next.step(2, 4), 3);
        assert_eq!(Move::Prev.step(0, 4), 0);
        assert_eq!(Move::Prev.step(3, 4), 2);
        assert_eq!(Move::First.step(3, 4), 0);
        assert_eq!(Move::Last.step(0, 4), 4);
        // A step beyond the last (another scope's) is brought back.
        assert_eq!(Move::ToggleHidden.step(9, 4), 4);
    }

    #[test]
    fn predict_mode_hides_each_new_step_until_revealed() {
        let s = shared(1, false, false);
        // Off: moving shows the figures; H hides this step's only.
        let h = after_move(&s, Move::ToggleHidden, 4);
        assert!(h.hidden && !h.predict);
        let n = after_move(&h, Move::Next, 4);
        assert_eq!((n.step, n.hidden), (2, false));
        // On: every new step starts hidden, H reveals it, the baseline never hides.
        let p = after_move(&s, Move::TogglePredict, 4);
        assert!(p.predict && p.hidden);
        let r = after_move(&p, Move::ToggleHidden, 4);
        assert!(!r.hidden && r.predict);
        let n = after_move(&r, Move::Next, 4);
        assert_eq!((n.step, n.hidden), (2, true));
        let f = after_move(&n, Move::First, 4);
        assert_eq!((f.step, f.hidden), (0, false));
        assert!(!after_move(&f, Move::ToggleHidden, 4).hidden);
        // At the last step "next" stays, and keeps what it had.
        let l = after_move(&r, Move::Last, 4);
        let r2 = after_move(&l, Move::ToggleHidden, 4);
        assert_eq!(after_move(&r2, Move::Next, 4), r2);
        // Predict off again shows the figures.
        let off = after_move(&n, Move::TogglePredict, 4);
        assert!(!off.predict && !off.hidden);
    }

    #[test]
    fn messages_read_and_write_as_small_objects_and_others_are_refused() {
        let m = Message::Step(shared(2, true, true));
        let text = serde_json::to_string(&m).expect("json");
        assert_eq!(
            text,
            r#"{"type":"step","step":2,"hidden":true,"predict":true,"case":"daqing","variant":"urban"}"#
        );
        assert_eq!(serde_json::from_str::<Message>(&text).ok(), Some(m));
        assert_eq!(
            serde_json::from_str::<Message>(r#"{"type":"hello"}"#).ok(),
            Some(Message::Hello)
        );
        // Extra fields are ignored (a later version may add some).
        assert!(serde_json::from_str::<Message>(
            r#"{"type":"step","step":0,"hidden":false,"predict":false,"case":"x","variant":"y","more":1}"#
        )
        .is_ok());
        for bad in [
            r#"{"type":"jump","step":1}"#,
            r#"{"type":"step","step":-1,"hidden":false,"predict":false,"case":"d","variant":"u"}"#,
            r#"{"type":"step","step":"2"}"#,
            r#"{"step":2}"#,
            r#"[1,2]"#,
            r#""step""#,
            "null",
        ] {
            assert!(serde_json::from_str::<Message>(bad).is_err(), "{bad}");
        }
    }
}
