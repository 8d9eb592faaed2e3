package decision

import "time"

// Standings of a commitment (守信践诺) as the portal shows them.
const (
	Fulfilled = "fulfilled" // 已兑现
	OnTrack   = "on_track"  // 推进中
	Late      = "late"      // 已逾期
	Broken    = "broken"    // 未兑现 (in the 政务诚信档案)
)

// Commitment progress kinds.
const (
	ProgressNote   = "progress"  // a public progress report
	ProgressFulfil = "fulfilled" // the commitment kept
	ProgressBreak  = "broken"    // the commitment broken: reason and rectification
)

// Standing is a commitment's standing on day today: closed as fulfilled
// or broken when so recorded, else late once today is past its deadline
// (an ISO date; the deadline day itself is still on time), else on
// track.
func Standing(closed, deadline string, today time.Time) string {
	switch closed {
	case ProgressFulfil:
		return Fulfilled
	case ProgressBreak:
		return Broken
	}
	if deadline != "" && today.Format(time.DateOnly) > deadline {
		return Late
	}
	return OnTrack
}
