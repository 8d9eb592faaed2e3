package web

import (
	"context"
	"time"
)

// Inbox is what supervision told the user's units (提醒, 催办, 督办单), and
// for the office also what the robots and mail could not deliver.
type Inbox interface {
	// Messages returns the in-app notifications the user may read, newest
	// first: a liaison's units' own, everyone's for the office and leaders.
	Messages(ctx context.Context) (*InboxView, error)
	// Resend queues a notification that was given up on once more; the
	// office only.
	Resend(ctx context.Context, id int64) error
}

// Desk is the supervision desk (督办台): the notices awaiting 整改反馈.
type Desk interface {
	// Open returns the unanswered notices the user may see — all for the
	// office and leaders, their units' for a liaison — earliest deadline
	// first, with the count per unit.
	Open(ctx context.Context) (*DeskView, error)
}

// DeskView is the desk page's content.
type DeskView struct {
	Notices []OpenNotice
	ByUnit  []UnitNotices // most past deadline first
	Overdue int           // notices past their 限期整改 date
}

// OpenNotice is one unanswered 督办单.
type OpenNotice struct {
	Key, Label   string
	TaskID       int64
	TaskTitle    string
	PlanID       int64
	PlanTitle    string
	Source       string // the task's source (records.Sources), for its label
	Units        string // as written, lead first: 市法制办（牵头）、市财政局
	On, Deadline time.Time
	Overdue      bool // the deadline passed without an answer
}

// UnitNotices counts one unit's open notices.
type UnitNotices struct {
	Unit          string
	Open, Overdue int
}

// InboxView is the inbox page's content.
type InboxView struct {
	Messages []Message
	// Failed are the notifications given up on after their retries, for
	// the office to fix the channel and resend; nil for everyone else.
	Failed    []Message
	CanResend bool
}

// Message is one notification as people read it.
type Message struct {
	ID      int64
	Channel string // inbox, email, webhook, dingtalk, wecom
	Unit    string // the unit it was meant for, by name
	Title   string
	Text    string
	Link    string // a path inside duban: the task
	Error   string // why the last delivery failed
	Created time.Time
}
