package scheduler

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/supervise"
)

// notifications are what one event sends: an inbox message to each of
// the task's units, an e-mail to each unit that has an address (when mail
// is configured), and one message on each group channel (robots,
// webhook). Keys come from the event's key, so a retry or another
// instance never sends twice.
func (s *Scheduler) notifications(e supervise.Event, t *records.Task, emails map[int64]string) []records.Notification {
	title, text := message(e, t)
	link := fmt.Sprintf("%s/tasks/%d", s.BaseURL, t.ID)
	var out []records.Notification
	for _, u := range t.UnitIDs {
		key := e.Key + "/u" + strconv.FormatInt(u, 10)
		out = append(out, records.Notification{Key: key, Channel: "inbox", TaskID: t.ID, UnitID: u, Title: title, Text: text, Link: link})
		if to := emails[u]; to != "" {
			out = append(out, records.Notification{Key: key, Channel: "email", TaskID: t.ID, UnitID: u, Recipient: to,
				Title: title, Text: text, Link: link})
		}
	}
	for name := range s.Channels {
		if name != "email" { // mail goes to the units, above
			out = append(out, records.Notification{Key: e.Key, Channel: name, TaskID: t.ID, Title: title, Text: text, Link: link})
		}
	}
	return out
}

// message words an event for people.
func message(e supervise.Event, t *records.Task) (string, string) {
	label := e.Label
	if label == "" {
		label = e.Kind.Label()
	}
	title := fmt.Sprintf("【%s】%s", label, t.Title)
	text := fmt.Sprintf("任务：%s\n责任单位：%s\n", t.Title, strings.Join(t.Units, "、"))
	if !e.Due.IsZero() {
		text += "到期日：" + e.Due.Format("2006-01-02") + "\n"
	}
	if !e.Deadline.IsZero() {
		text += "限期整改至：" + e.Deadline.Format("2006-01-02") + "\n"
	}
	if e.Period != "" {
		text += "欠报期次：" + e.Period + "\n"
	}
	return title, text
}

func ledgerWorkflow(s string) ledger.Workflow { return ledger.Workflow(s) }
