package scheduler

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/supervise"
	"github.com/duban/duban/internal/workday"
)

// proposalStep is one step the office's default rules call for on a
// 交办'd proposal by today.
type proposalStep struct {
	kind string // records.ProposalEventRemind, Press or Notice
	on   time.Time
	term string // the catalogue's word for it, or
	own  string // the office's own ladder label, as it wrote it
}

// proposalSteps are the steps due by today on a proposal due on due,
// with the same rule data as a task's: a reminder RemindWorkdays working
// days before the time limit (until it passes), a 催办 on the working day
// after it, and a 督办 (the ladder's first level) AfterWorkdays working
// days later.
func proposalSteps(r supervise.Rules, cal *workday.Calendar, due, today time.Time) []proposalStep {
	var out []proposalStep
	if r.RemindWorkdays > 0 {
		on := cal.SubWorkdays(due, r.RemindWorkdays)
		if !today.Before(on) && !today.After(due) {
			out = append(out, proposalStep{kind: records.ProposalEventRemind, on: on, term: "proposals.event.remind"})
		}
	}
	press := cal.NextWorkday(due)
	if r.PressAfterMissed && !today.Before(press) {
		out = append(out, proposalStep{kind: records.ProposalEventPress, on: press, term: "proposals.event.press"})
	}
	if len(r.Ladder) > 0 {
		l := r.Ladder[0]
		on := cal.AddWorkdays(press, l.AfterWorkdays)
		if !today.Before(on) {
			step := proposalStep{kind: records.ProposalEventNotice, on: on, term: "proposals.event.notice"}
			if key, ok := supervise.LevelKey(l.Name, l.Label); ok {
				step.term = key
			} else if l.Label != "" {
				step.term, step.own = "", l.Label
			}
			out = append(out, step)
		}
	}
	return out
}

// recordProposals records the reminders, 催办 and 督办 due by today on
// the 交办'd proposals not yet answered, each once (the store keys them
// by proposal, round and step), into the proposal's history, with a
// message to the 主办 unit's inbox (its liaisons), its mail and the group
// channels. It says how many steps were new.
func (s *Scheduler) recordProposals(ctx context.Context, today time.Time, st standing) (int, error) {
	list, err := s.Store.FindProposals(ctx, records.ProposalFilter{State: records.ProposalAssigned})
	if err != nil {
		return 0, err
	}
	cal := s.Calendar.Current()
	fresh := 0
	for _, p := range list {
		if p.Due == "" || p.LeadUnitID == 0 {
			continue
		}
		due, err := workday.ParseDate(p.Due)
		if err != nil {
			s.Log.Warn("supervise proposal", "proposal", p.ID, "err", err)
			continue
		}
		for _, step := range proposalSteps(st.book.Default, cal, due, today) {
			ok, err := s.Store.RecordProposalStep(ctx, audit.System, p.ID, p.Round,
				records.ProposalEvent{Kind: step.kind, UnitID: p.LeadUnitID, Text: p.Due, OnDay: step.on.Format(time.DateOnly)},
				s.proposalNotes(&p, step, st.emails))
			if err != nil {
				return fresh, err
			}
			if ok {
				fresh++
			}
		}
	}
	return fresh, nil
}

// proposalNotes are a step's notifications: the 主办 unit's inbox message
// first (its key is the step's), its mail, and the group channels.
func (s *Scheduler) proposalNotes(p *records.Proposal, step proposalStep, emails map[int64]string) []records.Notification {
	key := fmt.Sprintf("proposal/%d/r%d/%s", p.ID, p.Round, step.kind)
	msg := []i18n.Message{
		{Key: "notify.msg.title", Args: map[string]string{"task": p.Number + " " + p.Title}},
		{Key: "notify.msg.proposal", Args: map[string]string{"number": p.Number, "title": p.Title}},
		{Key: "notify.msg.proposal_unit", Args: map[string]string{"unit": p.LeadUnit}},
		{Key: "notify.msg.due", Args: map[string]string{"due": p.Due}},
	}
	if step.term != "" {
		msg[0].Terms = map[string]string{"label": step.term}
	} else {
		msg[0].Args["label"] = step.own
	}
	title, text := sent(msg)
	link := s.link(fmt.Sprintf("/proposals/%d", p.ID))
	unitKey := key + "/u" + strconv.FormatInt(p.LeadUnitID, 10)
	out := []records.Notification{{Key: unitKey, Channel: "inbox", UnitID: p.LeadUnitID, Title: title, Text: text, Link: link, Message: msg}}
	if to := emails[p.LeadUnitID]; to != "" {
		out = append(out, records.Notification{Key: unitKey, Channel: "email", UnitID: p.LeadUnitID, Recipient: to,
			Title: title, Text: text, Link: link, Message: msg})
	}
	for name := range s.Channels {
		if name != "email" {
			out = append(out, records.Notification{Key: key, Channel: name, Title: title, Text: text, Link: link, Message: msg})
		}
	}
	return out
}
