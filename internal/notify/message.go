package notify

import (
	"context"
	"errors"
	"strings"
)

// Message is one notification, independent of the channel that carries it.
type Message struct {
	// Key identifies the notification for idempotency: the same event must
	// always produce the same Key (see the package doc).
	Key string
	// Title is the subject line of an e-mail and the title of a robot card.
	Title string
	// Text is the body: plain text, Markdown-ish where the channel renders
	// Markdown (DingTalk and WeCom), read as plain text elsewhere.
	Text string
	// Link points at the task or notice in duban; it may be empty.
	Link string
	// Recipients are e-mail addresses; only the e-mail channel uses them,
	// since a robot posts to its group and a webhook to its endpoint.
	Recipients []string
}

// Validate reports a message that no channel could ever send, so that it is
// dead at once instead of being retried.
func (m Message) Validate() error {
	if strings.TrimSpace(m.Key) == "" {
		return permanent("", 0, errors.New("notify: message without key"))
	}
	if strings.TrimSpace(m.Title) == "" && strings.TrimSpace(m.Text) == "" {
		return permanent("", 0, errors.New("notify: empty message"))
	}
	return nil
}

// Channel sends a message over one configured destination. Send must return
// nil only when the peer accepted the message, and otherwise an error that
// IsRetryable classifies.
type Channel interface {
	// Name is a short stable name for logs and the outbox ("email",
	// "webhook", "dingtalk", "wecom").
	Name() string
	// Send delivers m once; it does not retry, because retrying is the
	// outbox's decision, made durable in its row.
	Send(ctx context.Context, m Message) error
}

// The channels this package provides.
var (
	_ Channel = (*Email)(nil)
	_ Channel = (*Webhook)(nil)
	_ Channel = (*DingTalk)(nil)
	_ Channel = (*WeCom)(nil)
)
