package subtasksvc

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/docread"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/intakesvc"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/units"
)

// Proposal is a unit's 落实计划 read into proposed sub-tasks, for the unit
// to review (change units and deadlines, drop rows) and confirm. Nothing
// is stored until ConfirmWorkPlan; the file's name and SHA-256 come back
// with the confirmation, for the audit log.
type Proposal struct {
	TaskID int64         `json:"task_id"`
	File   string        `json:"file"`
	SHA256 string        `json:"sha256"`
	Rows   []ProposedRow `json:"rows"`
	// Units are where p may send a sub-task.
	Units []records.Unit `json:"units"`
}

// ProposedRow is one task of the document as a proposed sub-task: Item
// is its place among the document's tasks (1-based), Path its numbering
// there; Notes are catalogue keys saying what was chosen for it (a unit
// the document named that is not the task's, a deadline moved to the
// parent's), with UnitNamed the document's own words for the unit.
type ProposedRow struct {
	Item      int      `json:"item"`
	Path      []string `json:"path"`
	Input              // title, text, unit, due, weight as proposed
	UnitName  string   `json:"unit_name"`
	UnitNamed string   `json:"unit_named,omitempty"`
	Notes     []string `json:"notes,omitempty"`
}

// ReadWorkPlan reads a 落实计划 that p's unit wrote for task id (which p
// may split) with the plan importer and proposes its tasks as sub-tasks;
// the audit log records the upload (file and SHA-256).
// A document of the wrong kind, too large, unreadable or giving no task
// is refused naming the file (*intakesvc.DocumentError or a problem at
// "file").
func (s *Service) ReadWorkPlan(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, name string, data []byte) (*Proposal, error) {
	parent, err := s.splittable(ctx, p, id)
	if err != nil {
		return nil, err
	}
	name = filepath.Base(strings.ReplaceAll(strings.TrimSpace(name), `\`, "/"))
	switch {
	case name == "" || name == ".":
		return nil, fault.Field("file", "plans.error.no_file")
	case !slices.Contains(intakesvc.Extensions, strings.ToLower(filepath.Ext(name))):
		return nil, fault.Field("file", "plans.error.type")
	case len(data) > intakesvc.MaxBytes:
		return nil, fault.Field("file", "plans.error.too_large")
	}
	doc, err := docread.Read(name, data)
	if err != nil {
		return nil, &intakesvc.DocumentError{Name: name, Err: err}
	}
	plan, err := parseWorkPlan(doc)
	if err != nil {
		de := &intakesvc.DocumentError{Name: name, Err: err}
		if errors.Is(err, errParser) {
			de.Key = "plans.error.parser_failed"
		}
		return nil, de
	}
	targets, err := s.targets(ctx, p, parent)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	pr := &Proposal{TaskID: parent.ID, File: name, SHA256: hex.EncodeToString(sum[:]), Rows: []ProposedRow{}, Units: targets}
	ix := units.NewIndex(unitList(targets))
	home := homeUnit(p, parent, targets)
	for i, t := range plan.Tasks {
		if t.Optional {
			continue
		}
		pr.Rows = append(pr.Rows, propose(i+1, t, parent, ix, targets, home))
	}
	if len(pr.Rows) == 0 {
		return nil, &fault.Error{Code: fault.Invalid, Key: "subtasks.error.in_file", Args: map[string]any{"file": name},
			Fields: map[string]string{"file": "error.plan_no_tasks"}}
	}
	if err := s.Store.RecordEvent(ctx, actor, "task.work_plan", "task", parent.ID,
		map[string]any{"file": name, "sha256": pr.SHA256, "rows": len(pr.Rows)}); err != nil {
		return nil, err
	}
	return pr, nil
}

// ConfirmWorkPlan creates the reviewed rows of a 落实计划 as sub-tasks of
// task id, all or none, as Split does; a refusal names the file and the
// row. src is the file the rows came from (Proposal.File and SHA256).
func (s *Service) ConfirmWorkPlan(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, src Source, rows []Input) ([]ledgersvc.Task, error) {
	if strings.TrimSpace(src.Name) == "" {
		return nil, fault.Field("file", "plans.error.no_file")
	}
	return s.split(ctx, p, actor, id, rows, src)
}

// propose makes a document's task a proposed sub-task: its unit the first
// the document names that p may choose, else p's own (home) unit; its
// deadline the document's (the latest it gives), else the parent's, and
// never after the parent's.
func propose(item int, t plandoc.Task, parent *records.Task, ix *units.Index, targets []records.Unit, home records.Unit) ProposedRow {
	title := bareTitle(t)
	if title == "" {
		title = shorten(t.Text, MaxTitle)
	}
	row := ProposedRow{Item: item, Path: t.Path, Input: Input{Title: shorten(title, MaxTitle), Text: shorten(t.Text, MaxText)}}
	named := append(append([]string{}, t.LeadUnits...), t.Units...)
	for _, n := range named {
		if m := ix.Match(n); m.UnitID != 0 {
			row.UnitID = m.UnitID
			break
		}
	}
	if row.UnitID == 0 {
		row.UnitID = home.ID
		if len(named) > 0 {
			row.UnitNamed = strings.Join(named, "、")
			row.Notes = append(row.Notes, "subtasks.note.unit_not_of_task")
		}
	}
	for _, u := range targets {
		if u.ID == row.UnitID {
			row.UnitName = u.Name
		}
	}
	for _, d := range t.Deadlines {
		if d.Due > row.Due {
			row.Due = d.Due
		}
	}
	for _, m := range t.Milestones {
		if m.Due > row.Due {
			row.Due = m.Due
		}
	}
	switch {
	case row.Due == "":
		row.Due = parent.Due
		row.Notes = append(row.Notes, "subtasks.note.due_of_task")
	case parent.Due != "" && row.Due > parent.Due:
		row.Due = parent.Due
		row.Notes = append(row.Notes, "subtasks.note.due_capped")
	}
	return row
}

// homeUnit is the unit a proposed row goes to when the document names
// none p may choose: p's own unit that leads the task, else the task's
// first lead unit, else the first p may choose.
func homeUnit(p authz.Principal, parent *records.Task, targets []records.Unit) records.Unit {
	leads := leadUnits(parent)
	pick := func(ok func(records.Unit) bool) (records.Unit, bool) {
		for _, u := range targets {
			if ok(u) {
				return u, true
			}
		}
		return records.Unit{}, false
	}
	if u, ok := pick(func(u records.Unit) bool { return p.HasUnit(u.ID) && slices.Contains(leads, u.ID) }); ok {
		return u
	}
	if u, ok := pick(func(u records.Unit) bool { return slices.Contains(leads, u.ID) }); ok {
		return u
	}
	u, _ := pick(func(records.Unit) bool { return true })
	return u
}

// bareTitle is a task's title without the trailing bracket that only
// says who and by when (（市法制办负责，2026年6月底前完成）): the row shows
// those in their own columns. The document's words stay in Text.
func bareTitle(t plandoc.Task) string {
	title := strings.TrimSpace(t.Title)
	for _, pair := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if !strings.HasSuffix(title, pair[1]) {
			continue
		}
		i := strings.LastIndex(title, pair[0])
		if i <= 0 {
			continue
		}
		inner := title[i:]
		says := false
		for _, u := range append(append([]string{}, t.Units...), t.LeadUnits...) {
			says = says || strings.Contains(inner, u)
		}
		for _, d := range t.Deadlines {
			says = says || (d.Text != "" && strings.Contains(inner, d.Text))
		}
		if says {
			return strings.TrimSpace(title[:i])
		}
	}
	return title
}

func unitList(reg []records.Unit) []units.Unit {
	out := make([]units.Unit, len(reg))
	for i, u := range reg {
		out[i] = units.Unit{ID: u.ID, Name: u.Name, Aliases: u.Aliases}
	}
	return out
}

func shorten(s string, n int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) > n {
		return string(r[:n])
	}
	return string(r)
}

// errParser is the parser failing on a document (a bug met, not the
// document's fault).
var errParser = errors.New("subtasks: the parser failed")

// parseWorkPlan runs the plan parser, a panic turned into this
// document's error, as intake does: a parser bug met in one unit's
// document must not take the server down.
func parseWorkPlan(doc *docread.Doc) (plan *plandoc.Plan, err error) {
	defer func() {
		if r := recover(); r != nil {
			slog.Error("work plan parser panic", "file", doc.Name, "panic", r, "stack", string(debug.Stack()))
			plan, err = nil, fmt.Errorf("%w: %v", errParser, r)
		}
	}()
	plan, err = plandoc.ParseDoc(doc)
	if err == nil && plan == nil {
		err = fmt.Errorf("%w: no plan", errParser)
	}
	return plan, err
}
