package assesssvc

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
)

// The problems a record can have, at its fields (the API's JSON names).
const (
	problemKind       = "assess.problem.record_kind"
	problemUnit       = "assess.problem.record_unit"
	problemTaskNumber = "assess.problem.task_number_format"
	problemDate       = "error.date_invalid"
	problemRequired   = "error.required"
)

// recordLabels name a record's fields as the records form does.
var recordLabels = map[string]fault.Label{
	"unit_id": {Key: "field.unit_name"}, "kind": {Key: "assess.record.kind"}, "title": {Key: "assess.record.title"},
	"on": {Key: "assess.record.on"}, "task_ids": {Key: "assess.record.tasks"}, "event_keys": {Key: "assess.record.notices"},
	"reason": {Key: "assess.record.revoke_reason"},
}

// recordRefusal puts the records form's labels on a refusal at a record's
// fields, the store's (a task or notice cited that does not exist) too;
// any other error passes as it is.
func recordRefusal(err error) error {
	e := fault.As(err)
	if e == nil || len(e.Fields) == 0 {
		return err
	}
	named := *e
	named.Labels = map[string]fault.Label{}
	for f := range e.Fields {
		if l, ok := recordLabels[f]; ok {
			named.Labels[f] = l
		}
	}
	return &named
}

// Records lists the 激励/问责 records f selects, newest first, for whoever
// may read the ledger; a liaison gets their own units' records only.
func (s *Service) Records(ctx context.Context, p authz.Principal, f records.RecordFilter) ([]records.AssessRecord, error) {
	if err := mayRead(p); err != nil {
		return nil, err
	}
	recs, err := s.Store.FindAssessRecords(ctx, f)
	if err != nil {
		return nil, err
	}
	out := recs[:0]
	for _, r := range recs {
		if authz.Can(p, authz.TaskRead, authz.Resource{Units: []int64{r.UnitID}}) {
			out = append(out, r)
		}
	}
	return out, nil
}

// RecordUnits are the units a record may be about (every unit but the
// groups), for the office's form; nil for anyone else.
func (s *Service) RecordUnits(ctx context.Context, p authz.Principal) ([]records.Unit, error) {
	if !s.CanSupervise(p) {
		return nil, nil
	}
	units, err := s.Store.FindUnits(ctx)
	if err != nil {
		return nil, err
	}
	var out []records.Unit
	for _, u := range units {
		if u.Kind != records.UnitGroup {
			out = append(out, u)
		}
	}
	return out, nil
}

// AddRecord stores a 激励/问责 record with its audit entry, for the office.
// It is refused with catalogue keys at its fields: unit_id (none, or not
// a unit a record may be about), kind, title, on (a date), and task_ids
// and event_keys when they cite what does not exist.
func (s *Service) AddRecord(ctx context.Context, p authz.Principal, actor audit.Actor, r records.AssessRecord) (int64, error) {
	if err := maySupervise(p); err != nil {
		return 0, err
	}
	r.Title, r.Basis, r.Text, r.On = strings.TrimSpace(r.Title), strings.TrimSpace(r.Basis), strings.TrimSpace(r.Text), strings.TrimSpace(r.On)
	bad := map[string]string{}
	if r.UnitID <= 0 {
		bad["unit_id"] = problemRequired
	} else if u, err := s.Store.FindUnitByID(ctx, r.UnitID); fault.CodeOf(err) == fault.NotFound || (err == nil && u.Kind == records.UnitGroup) {
		bad["unit_id"] = problemUnit
	} else if err != nil {
		return 0, err
	}
	if assess.RecordLabel(r.Kind) == "" {
		bad["kind"] = problemKind
	}
	if r.Title == "" {
		bad["title"] = problemRequired
	}
	if _, err := time.Parse(time.DateOnly, r.On); err != nil {
		bad["on"] = problemDate
	}
	for _, id := range r.TaskIDs {
		if id <= 0 {
			bad["task_ids"] = problemTaskNumber
		}
	}
	if len(bad) > 0 {
		return 0, recordRefusal(&fault.Error{Code: fault.Invalid, Fields: bad})
	}
	id, err := s.Store.AddAssessRecord(ctx, actor, r)
	return id, recordRefusal(err)
}

// RevokeRecord withdraws a record with the reason, for the office: it no
// longer counts and stays visible as revoked. The reason is required; a
// record that does not exist or was revoked already is not found.
func (s *Service) RevokeRecord(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, reason string) error {
	if err := maySupervise(p); err != nil {
		return err
	}
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return recordRefusal(fault.Field("reason", problemRequired))
	}
	return s.Store.RevokeAssessRecord(ctx, actor, id, reason)
}

// TaskNumbers reads the task numbers a form lists (“12, t13、14”); one
// that is no number is refused at task_ids.
func TaskNumbers(s string) ([]int64, error) {
	var out []int64
	for _, f := range List(s) {
		id, err := strconv.ParseInt(strings.TrimPrefix(strings.ToLower(f), "t"), 10, 64)
		if err != nil || id <= 0 {
			return nil, recordRefusal(fault.Field("task_ids", problemTaskNumber))
		}
		out = append(out, id)
	}
	return out, nil
}

// List reads numbers or keys separated by commas (also full-width ones),
// 、, semicolons or spaces.
func List(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == '，' || r == '、' || r == ';' || r == '；' || r == ' ' || r == '\n' || r == '\t'
	})
}
