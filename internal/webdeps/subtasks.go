package webdeps

import (
	"context"
	"errors"
	"strconv"

	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/intakesvc"
	"github.com/duban/duban/internal/subtasksvc"
	"github.com/duban/duban/internal/web"
)

// subtasks are 任务分解 and 落实计划 over subtasksvc, which checks who may
// split a task; the pages read the form into its rows.
type subtasks struct{ d *Deps }

func (s *subtasks) Breakdown(ctx context.Context, id int64) (*subtasksvc.Breakdown, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	b, err := s.d.Subtasks.List(ctx, p, id)
	return b, pageError(err, "", "")
}

func (s *subtasks) Split(ctx context.Context, id int64, rows []web.SubtaskRow) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	in, err := subtaskInputs(rows)
	if err != nil {
		return err
	}
	_, err = s.d.Subtasks.Split(ctx, p, actor, id, in)
	return pageError(err, "", "")
}

func (s *subtasks) PassDown(ctx context.Context, id int64) (int, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return 0, err
	}
	made, err := s.d.Subtasks.PassDown(ctx, p, actor, id)
	return len(made), pageError(err, "", "")
}

func (s *subtasks) ReadWorkPlan(ctx context.Context, id int64, name string, data []byte) (*subtasksvc.Proposal, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	pr, err := s.d.Subtasks.ReadWorkPlan(ctx, p, actor, id, name, data)
	var doc *intakesvc.DocumentError
	if errors.As(err, &doc) {
		return nil, intakeError(err)
	}
	return pr, pageError(err, "", "")
}

func (s *subtasks) ConfirmWorkPlan(ctx context.Context, id int64, file, sha string, rows []web.SubtaskRow) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	in, err := subtaskInputs(rows)
	if err != nil {
		return err
	}
	_, err = s.d.Subtasks.ConfirmWorkPlan(ctx, p, actor, id, subtasksvc.Source{Name: file, SHA256: sha}, in)
	err = pageError(err, "", "")
	// The review page names the file above the rows: its problem as a
	// whole is worded without it.
	var ve *web.ValidationError
	if errors.As(err, &ve) && ve.Fields[""] == "subtasks.error.in_file" {
		ve.Fields[""] = "subtasks.error.in_plan"
	}
	return err
}

// subtaskInputs reads the form's rows as the service's input; a unit or a
// weight that is not a number is refused at its row (numbered as sent),
// as the service names its own problems.
func subtaskInputs(rows []web.SubtaskRow) ([]subtasksvc.Input, error) {
	bad := map[string]string{}
	out := make([]subtasksvc.Input, len(rows))
	for i, r := range rows {
		at := "subtasks." + strconv.Itoa(i+1) + "."
		in := subtasksvc.Input{Title: r.Title, Text: r.Text, Due: r.Due}
		if r.Unit != "" {
			id, err := strconv.ParseInt(r.Unit, 10, 64)
			if err != nil {
				bad[at+"unit"] = "subtasks.error.unit_unknown"
			}
			in.UnitID = id
		}
		if r.Weight != "" {
			w, err := strconv.ParseFloat(r.Weight, 64)
			if err != nil {
				bad[at+"weight"] = "subtasks.error.weight"
			}
			in.Weight = &w
		}
		out[i] = in
	}
	if len(bad) > 0 {
		return nil, pageError(&fault.Error{Code: fault.Invalid, Fields: bad}, "", "")
	}
	return out, nil
}
