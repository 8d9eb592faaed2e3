package changesvc

import (
	"context"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/records"
)

// RequestExtension records p's unit's 延期申请 for task id: the date asked
// for (ISO, later than the deadline that is due, and not before today)
// and the reason (required). Only a liaison of one of the task's units
// asks; a task has at most one request awaiting a decision.
func (s *Service) RequestExtension(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, newDue, reason string) (*records.TaskChange, error) {
	t, err := s.Ledger.Reportable(ctx, p, id)
	if err != nil {
		return nil, err
	}
	reason, newDue = strings.TrimSpace(reason), strings.TrimSpace(newDue)
	var pr fault.Problems
	if d, ok := parseDay(newDue); !ok {
		pr.At("new_due", map[bool]string{true: "error.required", false: "error.date_invalid"}[newDue == ""])
	} else if current, ok := parseDay(DueDeadline(t)); ok && !d.After(current) {
		pr.At("new_due", "extension.error.not_later", "due", DueDeadline(t))
	} else if d.Before(s.today()) {
		pr.At("new_due", "extension.error.past")
	}
	if err := reasonError("reason", reason, true); err != nil {
		pr.At("reason", fault.As(err).Fields["reason"])
	}
	if err := pr.Err(); err != nil {
		return nil, err
	}
	rid, err := s.Store.RequestExtension(ctx, actor, t.ID, ledgersvc.ReportingUnit(p, t), newDue, reason)
	if e := fault.As(err); e != nil && e.Code == fault.Conflict && e.Key == "" {
		return nil, fault.Wrap(fault.Conflict, "extension.error.open", err)
	}
	if err != nil {
		return nil, stateError(err, "extension.error.state")
	}
	return s.change(ctx, t.ID, rid)
}

// DecideExtension settles the open 延期申请 of task id: approved, the
// task's deadline moves to the date asked for from today; refused (a
// comment is then required), nothing changes but the record. Only the
// office decides; the unit finds the decision in its inbox.
func (s *Service) DecideExtension(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, approve bool, comment string) (*records.TaskChange, error) {
	if !authz.Allowed(p, authz.TaskAssign) {
		return nil, ledgersvc.ErrForbidden
	}
	comment = strings.TrimSpace(comment)
	if err := reasonError("comment", comment, !approve); err != nil {
		return nil, err
	}
	t, err := s.Ledger.Readable(ctx, p, id)
	if err != nil {
		return nil, err
	}
	if err := s.Ledger.InScope(ctx, p, authz.TaskAssign, id); err != nil {
		return nil, err
	}
	ch, err := s.Store.DecideExtension(ctx, actor, t.ID, approve, comment, s.today(), func(req records.TaskChange) []records.Notification {
		return decisionNotes(t, req, comment)
	})
	if err != nil {
		return nil, stateError(err, "extension.error.none")
	}
	return ch, nil
}

// decisionNotes tells the requesting unit, in its inbox, what the office
// decided on its 延期申请.
func decisionNotes(t *records.Task, req records.TaskChange, comment string) []records.Notification {
	if req.UnitID == 0 {
		return nil
	}
	return []records.Notification{inboxNote(t, req.UnitID, "t"+strconv.FormatInt(t.ID, 10)+"/extension/"+strconv.FormatInt(req.ID, 10),
		"extension."+req.State, map[string]string{"task": t.Title, "due": req.NewDue, "comment": comment})}
}

// changeNotes tells each unit of a task (before and after an adjustment),
// in its inbox, that the office adjusted or revoked it, and why.
func changeNotes(t *records.Task, ch records.TaskChange, units []int64) []records.Notification {
	var out []records.Notification
	seen := map[int64]bool{}
	for _, u := range units {
		if u == 0 || seen[u] {
			continue
		}
		seen[u] = true
		key := "t" + strconv.FormatInt(t.ID, 10) + "/change/" + strconv.FormatInt(ch.ID, 10) + "/u" + strconv.FormatInt(u, 10)
		out = append(out, inboxNote(t, u, key, "change.note."+ch.Kind, map[string]string{"task": t.Title, "reason": ch.Reason}))
	}
	return out
}

// inboxNote is one inbox message to a unit about task t: its title and
// text are the catalogue's base+"_title" and base+"_text" with args, kept
// as messages for the reader's language and sent in zh-CN.
func inboxNote(t *records.Task, unit int64, key, base string, args map[string]string) records.Notification {
	pairs := make([]any, 0, 2*len(args))
	for k, v := range args {
		pairs = append(pairs, k, v)
	}
	title := i18n.Message{Key: base + "_title", Args: args}
	text := i18n.Message{Key: base + "_text", Args: args}
	return records.Notification{Key: key, Channel: "inbox", TaskID: t.ID, UnitID: unit, Link: "/tasks/" + strconv.FormatInt(t.ID, 10),
		Title: i18n.Lookup(i18n.ZhCN, title.Key, pairs...), Text: i18n.Lookup(i18n.ZhCN, text.Key, pairs...),
		Message: []i18n.Message{title, text}}
}

// change reads one change of a task back.
func (s *Service) change(ctx context.Context, taskID, id int64) (*records.TaskChange, error) {
	list, err := s.Store.FindTaskChanges(ctx, taskID)
	if err != nil {
		return nil, err
	}
	for i := range list {
		if list[i].ID == id {
			return &list[i], nil
		}
	}
	return nil, fault.ErrNotFound
}
