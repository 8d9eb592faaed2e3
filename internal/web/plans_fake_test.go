package web

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/duban/duban/internal/docread"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/plandoc"
)

// fakePlans is plan intake in memory, with the rules the real service
// keeps: the office alone reviews; a confirmed plan is not changed or
// thrown away; a task needs a title; a split point is one of
// plandoc.SplitPoints (never before a bracketed note); a draft whose tasks lack units is confirmed only when
// forced. Its Review computes the unit matches, the warnings (the
// document's, then plandoc.CheckTasks) and the counts as the service
// does. refuse makes a method fail with a service-only rule the pages
// cannot know (keyed by method name); calls records what was asked.
type fakePlans struct {
	mu     sync.Mutex
	units  *fakeUnits
	plans  map[int64]*fakePlan
	nextID int64
	refuse map[string]error
	calls  []string
}

type fakePlan struct {
	plan     ledgersvc.Plan
	source   string
	warnings []plandoc.Warning // the document's, found at import
	tasks    []fakeTask
	personal []PersonalTask // what Publish finds, nil: nothing
}

type fakeTask struct {
	ID        int64
	Path      []string
	Title     string
	Text      string
	Units     []UnitLink
	Deadlines []plandoc.Deadline
	Optional  bool
}

// office checks that the signed-in user may review plans.
func (f *fakePlans) office(ctx context.Context) error {
	u, ok := CurrentUserFrom(ctx)
	if !ok {
		return ErrSignedOut
	}
	if u.Role != RoleOffice {
		return ErrForbidden
	}
	return nil
}

// draft returns the draft plan id for a change by the office.
func (f *fakePlans) draft(ctx context.Context, method string, id int64) (*fakePlan, error) {
	if err := f.office(ctx); err != nil {
		return nil, err
	}
	p, ok := f.plans[id]
	if !ok {
		return nil, fmt.Errorf("fake plan %d: %w", id, ErrNotFound)
	}
	if p.plan.Status != "draft" {
		return nil, &ValidationError{Fields: map[string]string{"": "error.plan_confirmed"}}
	}
	if err := f.refuse[method]; err != nil {
		return nil, err
	}
	return p, nil
}

func (p *fakePlan) index(task int64) int {
	return slices.IndexFunc(p.tasks, func(t fakeTask) bool { return t.ID == task })
}

func (f *fakePlans) record(format string, args ...any) {
	f.calls = append(f.calls, fmt.Sprintf(format, args...))
}

func (f *fakePlans) List(ctx context.Context) ([]ledgersvc.Plan, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := CurrentUserFrom(ctx); !ok {
		return nil, ErrSignedOut
	}
	var out []ledgersvc.Plan
	for _, p := range f.plans {
		pl := p.plan
		pl.TaskCount = len(p.tasks)
		out = append(out, pl)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID > out[j].ID })
	return out, nil
}

// Import reads and parses the document as the service does (docread,
// plandoc) and keeps it as a draft with the parse's document warnings.
func (f *fakePlans) Import(ctx context.Context, name string, data []byte) (int64, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.office(ctx); err != nil {
		return 0, false, err
	}
	doc, err := docread.Read(name, data)
	if err != nil {
		return 0, false, &DocumentError{Message: err.Error()}
	}
	parsed, err := plandoc.ParseDoc(doc)
	if err != nil {
		return 0, false, &DocumentError{Message: err.Error()}
	}
	if len(parsed.Tasks) == 0 {
		return 0, false, &ValidationError{Fields: map[string]string{"file": "error.plan_no_tasks"}}
	}
	f.nextID++
	p := &fakePlan{plan: ledgersvc.Plan{ID: f.nextID, Title: parsed.Title, DocNumber: parsed.DocNumber, Issuer: parsed.Issuer, IssuedOn: parsed.IssuedOn,
		Year: parsed.Year, SourceName: name, Format: string(doc.Format), Status: "draft", ImportedAt: testNow}, source: docread.Text(doc)}
	for _, w := range parsed.Warnings {
		if !plandoc.TaskWarning(w.Kind) {
			p.warnings = append(p.warnings, w)
		}
	}
	for _, t := range parsed.Tasks {
		f.nextID++
		ft := fakeTask{ID: f.nextID, Path: t.Path, Title: t.Title, Text: t.Text, Deadlines: t.Deadlines, Optional: t.Optional}
		for _, u := range t.LeadUnits {
			ft.Units = append(ft.Units, UnitLink{Name: u, Lead: true})
		}
		for _, u := range t.Units {
			ft.Units = append(ft.Units, UnitLink{Name: u})
		}
		p.tasks = append(p.tasks, ft)
	}
	f.plans[p.plan.ID] = p
	f.record("Import(%s)", name)
	return p.plan.ID, false, nil
}

// Review builds the review as ledgersvc does: every unit name matched to
// the registry (a chosen unit stands), the document's warnings followed
// by the check of the tasks as they stand, and the counts.
func (f *fakePlans) Review(ctx context.Context, id int64) (*ledgersvc.Review, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.office(ctx); err != nil {
		return nil, err
	}
	p, ok := f.plans[id]
	if !ok {
		return nil, fmt.Errorf("fake plan %d: %w", id, ErrNotFound)
	}
	reg, _ := f.units.List(ctx)
	rv := &ledgersvc.Review{Plan: p.plan, SourceText: p.source, Tasks: []ledgersvc.ReviewTask{}}
	rv.TaskCount = len(p.tasks)
	var check []plandoc.Task
	for i, t := range p.tasks {
		rt := ledgersvc.ReviewTask{Task: ledgersvc.Task{TaskEntry: ledgersvc.TaskEntry{ID: t.ID, PlanID: id, Seq: i, Path: t.Path, Title: t.Title, Text: t.Text,
			Deadlines: t.Deadlines, Optional: t.Optional}, TaskState: ledgersvc.TaskState{Status: "draft"}}, UnitMatches: []ledgersvc.UnitMatch{}}
		pt := plandoc.Task{Path: t.Path, Title: t.Title, Deadlines: t.Deadlines, Optional: t.Optional}
		for _, u := range t.Units {
			m := ledgersvc.UnitMatch{Name: u.Name, Lead: u.Lead, UnitID: u.UnitID}
			if u.UnitID != 0 {
				m.How = "linked"
			} else {
				m.UnitID, m.How = matchUnit(reg, u.Name)
			}
			if m.UnitID == 0 {
				rv.Unknown++
			}
			rt.UnitMatches = append(rt.UnitMatches, m)
			rt.Units = append(rt.Units, u.Name)
			if u.Lead {
				rt.LeadUnits = append(rt.LeadUnits, u.Name)
				pt.LeadUnits = append(pt.LeadUnits, u.Name)
			} else {
				pt.Units = append(pt.Units, u.Name)
			}
		}
		if !t.Optional && len(t.Units) == 0 {
			rv.NoUnit++
		}
		if !t.Optional && len(t.Deadlines) == 0 {
			rv.NoDeadline++
		}
		rv.Tasks = append(rv.Tasks, rt)
		check = append(check, pt)
	}
	rv.Warnings = append(append([]plandoc.Warning{}, p.warnings...), plandoc.CheckTasks(check)...)
	return rv, nil
}

// matchUnit matches a name to the registry by name or alias, exactly.
func matchUnit(reg []UnitView, name string) (int64, string) {
	for _, u := range reg {
		if u.Name == name {
			return u.ID, "name"
		}
	}
	for _, u := range reg {
		if slices.Contains(u.Aliases, name) {
			return u.ID, "alias"
		}
	}
	return 0, ""
}

func (f *fakePlans) UpdatePlan(ctx context.Context, id int64, in PlanEdit) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, err := f.draft(ctx, "UpdatePlan", id)
	if err != nil {
		return err
	}
	// The service's checks, which the page leaves to it.
	fe := map[string]string{}
	if strings.TrimSpace(in.Title) == "" {
		fe["title"] = "error.required"
	}
	if _, err := time.Parse(time.DateOnly, in.IssuedOn); in.IssuedOn != "" && err != nil {
		fe["issued_on"] = "error.date_invalid"
	}
	if in.Year != 0 && (in.Year < 1949 || in.Year > 2100) {
		fe["year"] = "plans.error.year"
	}
	if len(fe) > 0 {
		return &ValidationError{Fields: fe}
	}
	p.plan.Title, p.plan.DocNumber, p.plan.Issuer, p.plan.IssuedOn, p.plan.Year = in.Title, in.DocNumber, in.Issuer, in.IssuedOn, in.Year
	f.record("UpdatePlan(%d)", id)
	return nil
}

func (f *fakePlans) UpdateTask(ctx context.Context, plan, task int64, in TaskEdit) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, err := f.draft(ctx, "UpdateTask", plan)
	if err != nil {
		return err
	}
	i := p.index(task)
	if i < 0 {
		return ErrNotFound
	}
	if in.Title != nil && *in.Title == "" {
		return &ValidationError{Fields: map[string]string{"title": "error.required"}}
	}
	t := &p.tasks[i]
	if in.Title != nil {
		t.Title = *in.Title
	}
	if in.Units != nil {
		t.Units = in.Units
	}
	if in.Deadlines != nil {
		t.Deadlines = in.Deadlines
	}
	f.record("UpdateTask(%d,%d)", plan, task)
	return nil
}

func (f *fakePlans) AddTask(ctx context.Context, plan int64, in NewTask) (int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, err := f.draft(ctx, "AddTask", plan)
	if err != nil {
		return 0, err
	}
	if in.Title == "" {
		return 0, &ValidationError{Fields: map[string]string{"title": "error.required"}}
	}
	at := 0
	if in.After != 0 {
		i := p.index(in.After)
		if i < 0 {
			return 0, &ValidationError{Fields: map[string]string{"after": "error.invalid"}}
		}
		at = i + 1
	}
	f.nextID++
	t := fakeTask{ID: f.nextID, Path: in.Path, Title: in.Title, Text: in.Text, Units: in.Units, Deadlines: in.Deadlines}
	p.tasks = slices.Insert(p.tasks, at, t)
	f.record("AddTask(%d,after=%d)", plan, in.After)
	return t.ID, nil
}

func (f *fakePlans) DeleteTask(ctx context.Context, plan, task int64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, err := f.draft(ctx, "DeleteTask", plan)
	if err != nil {
		return err
	}
	i := p.index(task)
	if i < 0 {
		return fmt.Errorf("fake task %d: %w", task, ErrNotFound)
	}
	p.tasks = slices.Delete(p.tasks, i, i+1)
	f.record("DeleteTask(%d,%d)", plan, task)
	return nil
}

// SplitTask keeps the sentences before at in the task and makes the rest
// a new task right after it, with the same units, titled by its first
// sentence and numbered after it. (The real service also reads the
// deadlines of the new text; the fake leaves them empty.)
func (f *fakePlans) SplitTask(ctx context.Context, plan, task int64, at int) (int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, err := f.draft(ctx, "SplitTask", plan)
	if err != nil {
		return 0, err
	}
	i := p.index(task)
	if i < 0 {
		return 0, ErrNotFound
	}
	s := plandoc.Sentences(p.tasks[i].Text)
	if at < 1 || at >= len(s) {
		return 0, &ValidationError{Fields: map[string]string{"at": "error.invalid"}}
	}
	if !slices.Contains(plandoc.SplitPoints(p.tasks[i].Text), at) {
		return 0, &ValidationError{Fields: map[string]string{"at": "plans.error.split_note"}}
	}
	old := &p.tasks[i]
	old.Text = strings.Join(s[:at], "")
	path := slices.Clone(old.Path)
	if n := len(path); n > 0 {
		path[n-1] += "-2"
	}
	f.nextID++
	t := fakeTask{ID: f.nextID, Path: path, Title: strings.TrimRight(strings.TrimSpace(s[at]), "。；;"), Text: strings.Join(s[at:], ""),
		Units: slices.Clone(old.Units)}
	p.tasks = slices.Insert(p.tasks, i+1, t)
	f.record("SplitTask(%d,%d,%d)", plan, task, at)
	return t.ID, nil
}

func (f *fakePlans) MergeTasks(ctx context.Context, plan, task, with int64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, err := f.draft(ctx, "MergeTasks", plan)
	if err != nil {
		return err
	}
	i, j := p.index(task), p.index(with)
	if i < 0 || j < 0 || i == j {
		return ErrNotFound
	}
	t, w := &p.tasks[i], p.tasks[j]
	t.Text += w.Text
	for _, u := range w.Units {
		if !slices.ContainsFunc(t.Units, func(x UnitLink) bool { return x.Name == u.Name }) {
			t.Units = append(t.Units, u)
		}
	}
	t.Deadlines = append(t.Deadlines, w.Deadlines...)
	p.tasks = slices.Delete(p.tasks, j, j+1)
	f.record("MergeTasks(%d,%d,%d)", plan, task, with)
	return nil
}

func (f *fakePlans) MoveTask(ctx context.Context, plan, task, after int64, path []string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, err := f.draft(ctx, "MoveTask", plan)
	if err != nil {
		return err
	}
	i := p.index(task)
	if i < 0 {
		return ErrNotFound
	}
	if after == task || (after != 0 && p.index(after) < 0) {
		return &ValidationError{Fields: map[string]string{"after": "error.invalid"}}
	}
	t := p.tasks[i]
	if path != nil {
		t.Path = path
	}
	p.tasks = slices.Delete(p.tasks, i, i+1)
	at := 0
	if after != 0 {
		at = p.index(after) + 1
	}
	p.tasks = slices.Insert(p.tasks, at, t)
	f.record("MoveTask(%d,%d,after=%d,path=%v)", plan, task, after, path)
	return nil
}

func (f *fakePlans) Discard(ctx context.Context, plan int64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, err := f.draft(ctx, "Discard", plan); err != nil {
		return err
	}
	delete(f.plans, plan)
	f.record("Discard(%d)", plan)
	return nil
}

func (f *fakePlans) Confirm(ctx context.Context, id int64, force bool) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, err := f.draft(ctx, "Confirm", id)
	if err != nil {
		return err
	}
	if len(p.tasks) == 0 {
		return &ValidationError{Fields: map[string]string{"": "plans.error.draft_empty"}}
	}
	var unitless []TaskRef
	for _, t := range p.tasks {
		if !t.Optional && len(t.Units) == 0 {
			unitless = append(unitless, TaskRef{ID: t.ID, Path: strings.Join(t.Path, "."), Title: t.Title})
		}
	}
	if len(unitless) > 0 && !force {
		return &UnitlessError{Tasks: unitless}
	}
	p.plan.Status = "confirmed"
	f.record("Confirm(%d,force=%v)", id, force)
	return nil
}

func (f *fakePlans) Publish(ctx context.Context, id int64, public, confirmPII bool) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.office(ctx); err != nil {
		return err
	}
	p, ok := f.plans[id]
	if !ok {
		return ErrNotFound
	}
	if p.plan.Status != "confirmed" {
		return &ValidationError{Fields: map[string]string{"": "error.invalid"}}
	}
	if public && !confirmPII && p.personal != nil {
		return &PersonalDataError{Tasks: p.personal}
	}
	p.plan.Published = nil
	if public {
		at := testNow
		p.plan.Published = &at
	}
	return nil
}

// samplePlans is the fixture's intake: plan 2, a draft whose document
// has an annex the importer did not read, with a task of three
// sentences, one with an unregistered unit and no deadline, one without a
// unit, and a repeated path without either; and plan 3, confirmed. txt
// marks user-controlled text for the escaping test.
func samplePlans(units *fakeUnits, txt func(string) string) *fakePlans {
	source := strings.Join([]string{
		"",
		txt("嘉兴市法治政府建设实施方案"),
		"一、重点任务",
		"1. 建立重大行政决策目录。每年确定10个左右重点课题；2026年底前完成。（市司法局负责）",
		"2. 完善行政决策机制。（市府法制负责）",
		"二、保障措施",
		"1. 加强督查。每季度通报一次。",
		"1. 落实责任。",
		txt("附件2：重点任务分工表"),
		"序号 任务 责任单位",
	}, "\n")
	draft := &fakePlan{
		plan:   ledgersvc.Plan{ID: 2, Title: txt("嘉兴市法治政府建设实施方案"), SourceName: "方案.docx", Format: "docx", Status: "draft", Year: 2026, ImportedAt: testNow.Add(-time.Hour)},
		source: source,
		warnings: []plandoc.Warning{
			{Kind: plandoc.WarnUnreadAnnex, Line: 9, Excerpt: txt("附件2：重点任务分工表")},
			{Kind: plandoc.WarnUnreadParagraph, Line: 99, Excerpt: "第99行"},
			{Kind: "someday_new_kind"},
		},
		tasks: []fakeTask{
			{ID: 11, Path: []string{"一", "1"}, Title: txt("建立重大行政决策目录"), Text: txt("建立重大行政决策目录。") + "每年确定10个左右重点课题；2026年底前完成。",
				Units: []UnitLink{{Name: "市司法局", Lead: true}}, Deadlines: []plandoc.Deadline{{Text: "2026年底前", Due: "2026-12-31"}}},
			{ID: 12, Path: []string{"一", "2"}, Title: "完善行政决策机制", Text: "完善行政决策机制。", Units: []UnitLink{{Name: txt("市府法制")}}},
			{ID: 13, Path: []string{"二", "1"}, Title: "加强督查", Text: "加强督查。每季度通报一次。", Deadlines: []plandoc.Deadline{{Text: "每季度", Every: "quarter"}}},
			{ID: 14, Path: []string{"二", "1"}, Title: "落实责任", Text: "落实责任。"},
		},
	}
	confirmed := &fakePlan{plan: ledgersvc.Plan{ID: 3, Title: "已挂号的方案", SourceName: "b.txt", Status: "confirmed", ImportedAt: testNow.Add(-48 * time.Hour)},
		tasks: []fakeTask{{ID: 31, Path: []string{"1"}, Title: "已挂号任务", Units: []UnitLink{{Name: "市司法局"}}}}}
	return &fakePlans{units: units, plans: map[int64]*fakePlan{2: draft, 3: confirmed}, nextID: 100, refuse: map[string]error{}}
}

func (f *fakePlans) Rename(ctx context.Context, id int64, title string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.office(ctx); err != nil {
		return err
	}
	p, ok := f.plans[id]
	if !ok {
		return ErrNotFound
	}
	if strings.TrimSpace(title) == "" {
		return &ValidationError{Fields: map[string]string{"title": "error.required"}}
	}
	p.plan.Title = strings.TrimSpace(title)
	f.record("Rename(%d,%s)", id, p.plan.Title)
	return nil
}
