package records

import (
	"time"

	"github.com/duban/duban/internal/i18n"
)

// Notification is one message to send on one channel ("inbox" for the
// in-app inbox, "webhook", "dingtalk", "wecom", "email").
type Notification struct {
	ID      int64  `json:"id"`
	Key     string `json:"key"`
	Channel string `json:"channel"`
	TaskID  int64  `json:"task_id,omitempty"`
	UnitID  int64  `json:"unit_id,omitempty"`
	// Recipient is where an e-mail goes (addresses, comma-separated);
	// other channels have their destination in their configuration.
	Recipient string    `json:"recipient,omitempty"`
	Title     string    `json:"title"`
	Text      string    `json:"text"`
	Link      string    `json:"link"`
	Status    string    `json:"status"` // pending, sending, sent, dead
	Attempts  int       `json:"attempts"`
	NextAt    time.Time `json:"next_at"`
	Error     string    `json:"error,omitempty"`
	Created   time.Time `json:"created_at"`

	// Message is Title and Text as messages of the catalogue, the title's
	// first, then a line of the text each, for the inbox to show in the
	// reader's language; Title and Text keep what was sent, in zh-CN.
	// Empty for messages stored before it was kept (migration 0018).
	Message []i18n.Message `json:"message,omitempty"`
}
