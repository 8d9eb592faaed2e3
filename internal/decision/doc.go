// Package decision is the procedure of a 重大行政决策 as the 《重大行政决策
// 程序暂行条例》(2019) lays it down, and the standing of a public
// commitment (守信践诺): which gate a decision stands at, which step may
// come next and which is refused with the gate it lacks, and whether a
// commitment is on track, late, fulfilled or broken on a given day. It is
// pure: values in, values out, no database, no clock of its own.
package decision
