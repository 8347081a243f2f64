//! The blueprint's flow: which steps follow which (`Step::after`), whether that flow
//! runs in a circle, and the time it takes. Elapsed time is read along the flow: a step
//! starts when the last of the steps it follows is done (a step that follows none
//! starts at zero), waits, then takes its duration. A missing wait or duration counts
//! as zero, and the steps without a duration are counted so a total can say it is
//! partial. Linear in steps plus `after` edges.

use super::{Journey, Stage, StepId};
use foldhash::HashMap;

/// Time along the flow, in minutes.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Elapsed {
    /// From the first start to the last end, on the longest path.
    pub minutes: f64,
    /// Of `minutes`, the waiting on that path.
    pub waiting: f64,
    /// Steps counted that have no duration (counted as zero).
    pub without_duration: usize,
    /// Steps counted.
    pub steps: usize,
}

/// The flow's times: each step's start and end (minutes from the journey's start, in
/// the order of `journey.steps`), the whole journey's elapsed time and each stage's.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timing {
    pub start: Vec<f64>,
    pub end: Vec<f64>,
    pub total: Elapsed,
    pub stages: [Elapsed; 6],
}

impl Timing {
    /// Whether any step has a time to show (a wait or a duration).
    pub fn has_times(&self) -> bool {
        self.total.steps > self.total.without_duration || self.total.waiting > 0.0
    }
}

/// Index of each step id in `journey.steps`.
fn positions(journey: &Journey) -> HashMap<&str, usize> {
    journey
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect()
}

/// The predecessors of each step (indexes), dangling ids left out.
fn predecessors(journey: &Journey) -> Vec<Vec<usize>> {
    let at = positions(journey);
    journey
        .steps
        .iter()
        .map(|s| {
            s.after
                .iter()
                .filter_map(|a| at.get(a.as_str()).copied())
                .collect()
        })
        .collect()
}

/// The steps in an order where each comes after the steps it follows (Kahn's
/// algorithm); steps on a circle, and those after one, are left out.
fn topological(preds: &[Vec<usize>]) -> Vec<usize> {
    let mut successors: Vec<Vec<usize>> = vec![Vec::new(); preds.len()];
    let mut waiting: Vec<usize> = preds.iter().map(Vec::len).collect();
    for (step, before) in preds.iter().enumerate() {
        for &p in before {
            successors[p].push(step);
        }
    }
    let mut ready: Vec<usize> = (0..preds.len()).filter(|&s| waiting[s] == 0).collect();
    ready.reverse();
    let mut order = Vec::with_capacity(preds.len());
    while let Some(step) = ready.pop() {
        order.push(step);
        for &next in successors[step].iter().rev() {
            waiting[next] -= 1;
            if waiting[next] == 0 {
                ready.push(next);
            }
        }
    }
    order
}

/// A circle in the flow, if there is one: the steps on it, each following the one
/// before it and the first following the last (`[a]` when a step follows itself).
pub fn cycle(journey: &Journey) -> Option<Vec<StepId>> {
    let preds = predecessors(journey);
    let order = topological(&preds);
    if order.len() == preds.len() {
        return None;
    }
    // Walk back from a step left out along predecessors also left out: every such step
    // has one, so the walk meets a step twice, and that stretch is a circle.
    let mut placed = vec![false; preds.len()];
    for &s in &order {
        placed[s] = true;
    }
    let start = (0..preds.len()).find(|&s| !placed[s])?;
    let mut seen: HashMap<usize, usize> = HashMap::default();
    let mut path = Vec::new();
    let mut at = start;
    loop {
        if let Some(&from) = seen.get(&at) {
            let mut circle: Vec<StepId> = path[from..]
                .iter()
                .map(|&i: &usize| journey.steps[i].id.clone())
                .collect();
            circle.reverse();
            return Some(circle);
        }
        seen.insert(at, path.len());
        path.push(at);
        at = *preds[at].iter().find(|&&p| !placed[p])?;
    }
}

/// The times along the flow. Steps on a circle count from zero.
pub fn timing(journey: &Journey) -> Timing {
    let preds = predecessors(journey);
    let n = preds.len();
    let mut order = topological(&preds);
    if order.len() < n {
        let mut placed = vec![false; n];
        for &s in &order {
            placed[s] = true;
        }
        order.extend((0..n).filter(|&s| !placed[s]));
    }
    let minutes = |d: Option<super::Duration>| d.map_or(0.0, super::Duration::minutes);
    let mut start = vec![0.0; n];
    let mut end = vec![0.0; n];
    // The waiting on the longest path to each step's end, for the whole journey and
    // within its stage.
    let mut waited = vec![0.0; n];
    let mut stage_start = vec![0.0; n];
    let mut stage_end = vec![0.0; n];
    let mut stage_waited = vec![0.0; n];
    let mut done = vec![false; n];
    for &s in &order {
        let step = &journey.steps[s];
        let (mut begin, mut waited_before) = (0.0_f64, 0.0_f64);
        let (mut stage_begin, mut stage_waited_before) = (0.0_f64, 0.0_f64);
        for &p in &preds[s] {
            if !done[p] {
                continue;
            }
            if end[p] > begin {
                begin = end[p];
                waited_before = waited[p];
            }
            if journey.steps[p].stage == step.stage && stage_end[p] > stage_begin {
                stage_begin = stage_end[p];
                stage_waited_before = stage_waited[p];
            }
        }
        let wait = minutes(step.wait);
        let work = minutes(step.duration);
        start[s] = begin + wait;
        end[s] = start[s] + work;
        waited[s] = waited_before + wait;
        stage_start[s] = stage_begin + wait;
        stage_end[s] = stage_start[s] + work;
        stage_waited[s] = stage_waited_before + wait;
        done[s] = true;
    }
    let mut timing = Timing {
        start,
        end,
        ..Timing::default()
    };
    for (s, step) in journey.steps.iter().enumerate() {
        let missing = usize::from(step.duration.is_none());
        for (elapsed, finish, wait) in [
            (&mut timing.total, timing.end[s], waited[s]),
            (
                &mut timing.stages[step.stage.index()],
                stage_end[s],
                stage_waited[s],
            ),
        ] {
            elapsed.steps += 1;
            elapsed.without_duration += missing;
            if finish > elapsed.minutes || (finish == elapsed.minutes && wait > elapsed.waiting) {
                elapsed.minutes = finish;
                elapsed.waiting = wait;
            }
        }
    }
    timing
}

/// A stage's elapsed time.
pub fn stage_elapsed(timing: &Timing, stage: Stage) -> Elapsed {
    timing.stages[stage.index()]
}

/// A clock time of day `HH:MM` as minutes after midnight.
pub fn read_clock(text: &str) -> Option<u32> {
    let (h, m) = text.trim().split_once(':')?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// `minutes` after `start` (minutes after midnight) as a time of day, `HH:MM`, with
/// `+N d` when it falls N days later.
pub fn clock_after(start: u32, minutes: f64) -> String {
    let total = f64::from(start) + minutes.max(0.0);
    let total = total.round() as u64;
    let (days, rest) = (total / 1440, total % 1440);
    let time = format!("{:02}:{:02}", rest / 60, rest % 60);
    if days == 0 {
        time
    } else {
        format!("{time} +{days} d")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BlueprintLane, Duration, Step, TimeUnit};

    fn step(id: &str, stage: Stage, after: &[&str], wait: f64, work: Option<f64>) -> Step {
        let mut s = Step::new(id.into(), stage, BlueprintLane::Backstage, id);
        s.after = after.iter().map(|a| (*a).into()).collect();
        s.wait = (wait > 0.0).then_some(Duration {
            amount: wait,
            unit: TimeUnit::Min,
        });
        s.duration = work.map(|amount| Duration {
            amount,
            unit: TimeUnit::Min,
        });
        s
    }

    #[test]
    fn the_longest_path_counts_and_its_waiting_is_said() {
        let mut j = Journey::new("t", crate::model::Language::En);
        j.steps = vec![
            step("a", Stage::Action, &[], 0.0, Some(20.0)),
            step("b", Stage::Action, &["a"], 150.0, Some(10.0)),
            step("c", Stage::Action, &["a"], 0.0, Some(5.0)),
            step("d", Stage::Usage, &["b", "c"], 30.0, None),
        ];
        let t = timing(&j);
        assert_eq!(t.start, vec![0.0, 170.0, 20.0, 210.0]);
        assert_eq!(t.end, vec![20.0, 180.0, 25.0, 210.0]);
        assert_eq!(t.total.minutes, 210.0);
        assert_eq!(t.total.waiting, 180.0);
        assert_eq!((t.total.steps, t.total.without_duration), (4, 1));
        let action = stage_elapsed(&t, Stage::Action);
        assert_eq!(
            (action.minutes, action.waiting, action.steps),
            (180.0, 150.0, 3)
        );
        // Within its stage d follows nothing: only its own wait counts.
        let usage = stage_elapsed(&t, Stage::Usage);
        assert_eq!((usage.minutes, usage.waiting), (30.0, 30.0));
        assert_eq!(cycle(&j), None);
    }

    #[test]
    fn a_circle_is_found_and_named_in_order() {
        let mut j = Journey::new("t", crate::model::Language::En);
        j.steps = vec![
            step("a", Stage::Action, &[], 0.0, None),
            step("b", Stage::Action, &["a", "d"], 0.0, None),
            step("c", Stage::Action, &["b"], 0.0, None),
            step("d", Stage::Action, &["c"], 0.0, None),
        ];
        let circle = cycle(&j).unwrap();
        assert_eq!(circle.len(), 3);
        // Each follows the one before it, the first the last.
        for (i, id) in circle.iter().enumerate() {
            let before = &circle[(i + circle.len() - 1) % circle.len()];
            assert!(j.step(id).unwrap().after.contains(before), "{circle:?}");
        }
        // Timing still ends.
        assert_eq!(timing(&j).total.steps, 4);
        j.steps[0].after = vec!["a".into()];
        j.steps[1].after = vec!["a".into()];
        assert_eq!(cycle(&j), Some(vec!["a".into()]));
    }

    #[test]
    fn clock_times_read_and_run_past_midnight() {
        assert_eq!(read_clock("09:00"), Some(540));
        assert_eq!(read_clock("9:05"), Some(545));
        for bad in ["24:00", "9", "09:60", "ab:cd", "", "09:5"] {
            assert_eq!(read_clock(bad), None, "{bad}");
        }
        assert_eq!(clock_after(540, 150.0), "11:30");
        assert_eq!(clock_after(1380, 120.0), "01:00 +1 d");
    }
}
