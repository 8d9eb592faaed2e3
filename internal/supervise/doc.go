// Package supervise decides what supervision is due: the reminder before a
// due date, the 催办 on the first working day after it is missed, the ladder
// of 督办单 (blue, yellow, red, then 挂牌督办) each with its 限期整改
// deadline, and the report_missing event for a periodic report (每月25日前
// 报送…) that did not come.
//
// It is pure. The caller passes the rules, the official calendar, a task's
// facts, the events already recorded for it and today's date; Due returns
// the events that should exist by today and are not yet recorded. Every
// event has a deterministic Key and a fixed On date — the working day its
// rule fires — so recording is idempotent: a restart, a second instance or
// a run after a week of downtime produces the same keys and dates as a
// process that ran every day, and the on-time flag (OnTime) tells which
// events were late.
//
// Counting follows internal/workday (民法典 第二百零一条、第二百零三条): the
// start day is not counted, and a date that falls on a day off moves to the
// next working day. A due date on a day off is therefore effectively the
// next working day: reminders count back from it and the 催办 falls on the
// working day after it.
package supervise
