//! Native tests: the component mounted on the fake host.

use super::*;
use tessera_guest::testing::{with_host, Harness};

#[test]
fn counts_time_since_mount_without_a_date() {
    let mut h = Harness::<Clock>::mount("{}");
    assert_eq!(h.text("time.time"), "0:00:00");
    assert_eq!(h.text("small"), "since mount");
    h.advance(61_000.0);
    assert_eq!(h.text("time.time"), "0:01:01");
    h.advance(3_600_000.0);
    assert_eq!(h.text("time.time"), "1:01:01");
}

#[test]
fn shows_wall_time_from_props() {
    // 2024-05-01T23:59:58Z, shown two hours ahead.
    let props = r#"{"label": "Berlin", "epochMs": 1714607998000, "utcOffsetMinutes": 120}"#;
    let mut h = Harness::<Clock>::mount(props);
    assert_eq!(h.text("h2"), "Berlin");
    assert_eq!(h.text("time.time"), "01:59:58");
    h.advance(3000.0);
    assert_eq!(h.text("time.time"), "02:00:01");
}

#[test]
fn new_props_update_in_place() {
    let mut h = Harness::<Clock>::mount(r#"{"epochMs": 0}"#);
    h.click("button.toggle").advance(500.0);
    h.set_props(r#"{"label": "UTC", "epochMs": 43200000}"#);
    assert_eq!(h.text("h2"), "UTC");
    assert_eq!(h.text("time.time"), "12:00:00");
    assert!(h.state().run.is_some(), "the stopwatch kept running");
}

#[test]
fn the_stopwatch_runs_stops_laps_and_resets() {
    let mut h = Harness::<Clock>::mount("{}");
    assert_eq!(h.text(".reading"), "0:00.0");
    assert_eq!(h.select("button.reset[disabled]").len(), 1);
    h.click("button.toggle").advance(1_250.0);
    assert_eq!(h.text(".reading"), "0:01.2");
    assert_eq!(h.select(".watch.running").len(), 1);
    h.click("button.lap").advance(63_000.0);
    assert_eq!(h.text(".reading"), "1:04.2");
    h.click("button.toggle");
    let stopped = h.text(".reading");
    h.advance(5_000.0);
    assert_eq!(h.text(".reading"), stopped, "stopped means stopped");
    assert_eq!(h.text(".laps"), "10:01.2");
    with_host(|host| assert_eq!(host.timers.len(), 1, "only the clock's timer is left"));
    h.click("button.reset");
    assert_eq!(h.text(".reading"), "0:00.0");
    assert_eq!(h.text(".laps"), "");
}

#[test]
fn formats() {
    assert_eq!(hms(0.0, false), "0:00:00");
    assert_eq!(hms(86_399_999.0, true), "23:59:59");
    assert_eq!(stopwatch(599_999.0), "9:59.9");
    assert_eq!(stopwatch(-5.0), "0:00.0");
}
