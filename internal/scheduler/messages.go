package scheduler

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/supervise"
)

// notifications are what one event sends: an inbox message to each of
// the task's units, an e-mail to each unit that has an address (when mail
// is configured), and one message on each group channel (robots,
// webhook). Keys come from the event's key, so a retry or another
// instance never sends twice. Each carries its message in the
// catalogue's terms, for the inbox to show in the reader's language, and
// its zh-CN rendering, which is what the channels send.
func (s *Scheduler) notifications(e supervise.Event, t *records.Task, emails map[int64]string) []records.Notification {
	msg := message(e, t)
	title, text := sent(msg)
	link := s.link(fmt.Sprintf("/tasks/%d", t.ID))
	var out []records.Notification
	for _, u := range t.UnitIDs {
		key := e.Key + "/u" + strconv.FormatInt(u, 10)
		out = append(out, records.Notification{Key: key, Channel: "inbox", TaskID: t.ID, UnitID: u, Title: title, Text: text, Link: link, Message: msg})
		if to := emails[u]; to != "" {
			out = append(out, records.Notification{Key: key, Channel: "email", TaskID: t.ID, UnitID: u, Recipient: to,
				Title: title, Text: text, Link: link, Message: msg})
		}
	}
	for name := range s.Channels {
		if name != "email" { // mail goes to the units, above
			out = append(out, records.Notification{Key: e.Key, Channel: name, TaskID: t.ID, Title: title, Text: text, Link: link, Message: msg})
		}
	}
	return out
}

// message words an event for people, as messages of the catalogue: the
// title first, then the text's lines.
func message(e supervise.Event, t *records.Task) []i18n.Message {
	title := i18n.Message{Key: "notify.msg.title", Args: map[string]string{"task": t.Title}}
	switch key, ok := supervise.LevelKey(e.Level, e.Label); {
	case ok:
		title.Terms = map[string]string{"label": key}
	case e.Label != "": // the office's own ladder: its label as it wrote it
		title.Args["label"] = e.Label
	default:
		title.Terms = map[string]string{"label": "supervise.kind." + string(e.Kind)}
	}
	out := []i18n.Message{title,
		{Key: "notify.msg.task", Args: map[string]string{"task": t.Title}},
		{Key: "notify.msg.units", Args: map[string]string{"units": strings.Join(t.Units, "、")}},
	}
	if !e.Due.IsZero() {
		out = append(out, i18n.Message{Key: "notify.msg.due", Args: map[string]string{"due": e.Due.Format(time.DateOnly)}})
	}
	if !e.Deadline.IsZero() {
		out = append(out, i18n.Message{Key: "notify.msg.deadline", Args: map[string]string{"deadline": e.Deadline.Format(time.DateOnly)}})
	}
	if e.Period != "" {
		out = append(out, i18n.Message{Key: "notify.msg.period", Args: map[string]string{"period": e.Period}})
	}
	return out
}

// sent is a message as the channels send it and the outbox keeps it: its
// title and text in zh-CN, the language of the office's robots and mail.
func sent(msg []i18n.Message) (title, text string) {
	zh := i18n.New(i18n.ZhCN)
	return zh.Render(msg[0]), zh.RenderLines(msg[1:])
}

func ledgerWorkflow(s string) ledger.Workflow { return ledger.Workflow(s) }
