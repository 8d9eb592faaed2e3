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
