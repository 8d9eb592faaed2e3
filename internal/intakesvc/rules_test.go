package intakesvc

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
)

// problems lists an *InputError's problems as field:key.
func problems(err error) []string {
	var bad *InputError
	if !errors.As(err, &bad) {
		return nil
	}
	var out []string
	for _, p := range bad.Problems {
		out = append(out, p.Field+":"+p.Key)
	}
	return out
}

// TestLengthLimits: the limits the page showed are the service's, so the
// API meets them too; several problems come back together, one per field.
func TestLengthLimits(t *testing.T) {
	s := newService(t, "sqlite")
	ctx := context.Background()
	plan, tasks := importDraft(t, s)
	long := func(n int) *string { v := strings.Repeat("长", n); return &v }

	_, err := s.UpdatePlan(ctx, office, actor, plan, records.PlanUpdate{Title: long(5000), DocNumber: long(5000), Issuer: long(101)})
	if got, want := problems(err), []string{"title:error.title_too_long", "doc_number:error.too_long", "issuer:error.too_long"}; !reflect.DeepEqual(got, want) {
		t.Errorf("plan fields: %v, want %v", got, want)
	}
	if _, err := s.UpdatePlan(ctx, office, actor, plan, records.PlanUpdate{Title: long(MaxPlanTitle), DocNumber: long(MaxName)}); err != nil {
		t.Errorf("plan fields at the limits: %v", err)
	}
	if _, err := s.AddTask(ctx, office, actor, plan, NewTask{Title: *long(5000)}); problem(err) != "title:error.too_long" {
		t.Errorf("add a task with a long title: %v", err)
	}
	if _, err := s.AddTask(ctx, office, actor, plan, NewTask{Title: "x", Text: *long(MaxLongText + 1)}); problem(err) != "text:error.text_too_long" {
		t.Errorf("add a task with a long text: %v", err)
	}
	if _, err := s.AddTask(ctx, office, actor, plan, NewTask{Title: "x", Path: []string{*long(MaxName + 1)}}); problem(err) != "path:error.too_long" {
		t.Errorf("add a task with a long path: %v", err)
	}
	_, err = s.UpdateTask(ctx, office, actor, plan, tasks[0].ID, records.TaskUpdate{Title: long(101), Goal: long(2001), Owner: long(101),
		Units: &[]records.UnitLink{{Name: *long(101)}}})
	if got, want := problems(err), []string{"title:error.too_long", "goal:error.text_too_long", "owner:error.too_long", "units:error.too_long"}; !reflect.DeepEqual(got, want) {
		t.Errorf("task fields: %v, want %v", got, want)
	}
	if p, _ := s.Store.FindPlanByID(ctx, plan); len(p.Tasks) != 4 || p.Tasks[0].Title == *long(101) {
		t.Errorf("a refused edit wrote: %+v", p.Tasks[0])
	}
}

// TestSplitNeverBeforeANote: a sentence that is only a bracketed note is
// not a task of its own.
func TestSplitNeverBeforeANote(t *testing.T) {
	s := newService(t, "sqlite")
	ctx := context.Background()
	plan, tasks := importDraft(t, s)
	text := "建立问题台账。（责任单位：市发改委）"
	if _, err := s.Store.UpdateTask(ctx, actor, tasks[0].ID, records.TaskUpdate{Text: &text}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SplitTask(ctx, office, actor, plan, tasks[0].ID, 1); problem(err) != "at:plans.error.split_note" {
		t.Errorf("split before a note: %v", err)
	}
	// A ； inside a note is no place to cut either; the next sentence is.
	text = "建立问题台账（牵头单位：市发改委；配合单位：市财政局）。每月调度一次。"
	if _, err := s.Store.UpdateTask(ctx, actor, tasks[0].ID, records.TaskUpdate{Text: &text}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SplitTask(ctx, office, actor, plan, tasks[0].ID, 1); problem(err) != "at:plans.error.split_note" {
		t.Errorf("split inside a note: %v", err)
	}
	if _, err := s.SplitTask(ctx, office, actor, plan, tasks[0].ID, 2); err != nil {
		t.Errorf("split after the note: %v", err)
	}
}

// TestEditsComputedOnFreshRows: a split, a merge and an addition are
// computed from the rows their own transaction reads, so an edit landing
// between their checks and their write is kept, not overwritten.
func TestEditsComputedOnFreshRows(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			s := newService(t, kind)
			plan, tasks := importDraft(t, s)
			one, two, three, four := tasks[0].ID, tasks[1].ID, tasks[2].ID, tasks[3].ID

			// 四 is merged into 三 while 三 is being split: the split
			// cuts the merged text, and the merged sentence is kept.
			s.beforeWrite = func() {
				s.beforeWrite = nil
				if _, err := s.MergeTasks(ctx, office, actor, plan, three, four); err != nil {
					t.Fatal(err)
				}
			}
			rest, err := s.SplitTask(ctx, office, actor, plan, three, 1)
			if err != nil {
				t.Fatal(err)
			}
			if got := pathsOf(t, s, plan); !reflect.DeepEqual(got, []string{"一", "二", "三", "四"}) {
				t.Errorf("after the split: %v", got) // 四 was merged away: its label is free
			}
			if !strings.Contains(rest.Text, "开展专项评估") || !strings.HasSuffix(rest.Text, "加强宣传引导。") {
				t.Errorf("split lost the merged text: %q", rest.Text)
			}

			// A unit set on 二 while 二 is merged into 一 is merged too.
			s.beforeWrite = func() {
				s.beforeWrite = nil
				if _, err := s.UpdateTask(ctx, office, actor, plan, two, records.TaskUpdate{Units: &[]records.UnitLink{{Name: "市审计局"}}}); err != nil {
					t.Fatal(err)
				}
			}
			merged, err := s.MergeTasks(ctx, office, actor, plan, one, two)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(merged.Units, []string{"市发改委", "市审计局"}) {
				t.Errorf("merge overwrote a unit edit: %v", merged.Units)
			}

			// 二 is gone, so an addition after 一 takes 二; a second one,
			// checked before the first was written, still sees 二 taken.
			s.beforeWrite = func() {
				s.beforeWrite = nil
				if _, err := s.AddTask(ctx, office, actor, plan, NewTask{After: one, Title: "先到"}); err != nil {
					t.Fatal(err)
				}
			}
			late, err := s.AddTask(ctx, office, actor, plan, NewTask{After: one, Title: "后到"})
			if err != nil {
				t.Fatal(err)
			}
			if got := pathsOf(t, s, plan); !reflect.DeepEqual(got, []string{"一", "一-1", "二", "三", "四"}) || late.Path[0] != "一-1" {
				t.Errorf("paths = %v, late = %v", got, late.Path)
			}

			// A unit removed between the check and the confirmation is
			// asked about: the check runs on what is registered.
			s.beforeWrite = func() {
				s.beforeWrite = nil
				if _, err := s.UpdateTask(ctx, office, actor, plan, one, records.TaskUpdate{Units: &[]records.UnitLink{}}); err != nil {
					t.Fatal(err)
				}
			}
			var ul *UnitlessError
			if _, err := s.Confirm(ctx, office, actor, plan, false); !errors.As(err, &ul) || ul.Tasks[0].ID != one {
				t.Errorf("confirm after a unit was removed: %v", err)
			}
		})
	}
}

// TestParallelAdditions: twenty additions after the same task at once
// take twenty paths, in document order.
func TestParallelAdditions(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			s := newService(t, kind)
			plan, tasks := importDraft(t, s)
			var wg sync.WaitGroup
			for i := range 20 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					if _, err := s.AddTask(ctx, office, actor, plan, NewTask{After: tasks[0].ID, Title: fmt.Sprint("新增", i)}); err != nil {
						t.Error(err)
					}
				}()
			}
			wg.Wait()
			want := []string{"一"}
			for i := 1; i <= 20; i++ {
				want = append(want, fmt.Sprintf("一-%d", i))
			}
			if got := pathsOf(t, s, plan); !reflect.DeepEqual(got[:21], want) {
				t.Errorf("paths = %v", got)
			}
		})
	}
}

func pathsOf(t *testing.T, s *Service, plan int64) []string {
	t.Helper()
	p, err := s.Store.FindPlanByID(context.Background(), plan)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, task := range p.Tasks {
		out = append(out, strings.Join(task.Path, "."))
	}
	return out
}

// TestPlaceAfter: where an added task goes and what it is numbered.
func TestPlaceAfter(t *testing.T) {
	task := func(id int64, path ...string) records.Task {
		return records.Task{ID: id, Task: plandoc.Task{Path: path}}
	}
	tasks := []records.Task{task(1, "三", "(一)", "1"), task(2, "三", "(一)", "2"), task(3, "三", "(二)"), task(4, "三", "(二)-1"),
		task(5, "三", "(二)-1", "1"), task(6, "三", "(三)"), task(7, "九")}
	for _, tt := range []struct {
		after     int64
		wantAfter int64
		want      string
	}{
		{2, 2, "三.(一).3"},   // the next label, free
		{1, 1, "三.(一).1-1"}, // the next label taken: a suffix
		{3, 5, "三.(二)-2"},   // after (二)'s own run: (二)-1 and its item
		{4, 5, "三.(二)-2"},   // after (二)-1: (二)-2, never (二)-1-1
		{6, 6, "三.(四)"},     // the next label in its style
		{7, 7, "十"},         // 九 → 十
		{0, 0, "三.(一).1-0"}, // first, and nothing before 1 in its style
		{99, 99, "1"},       // no such task: the store refuses it
	} {
		after, path := placeAfter(tasks, tt.after)
		if after != tt.wantAfter || strings.Join(path, ".") != tt.want {
			t.Errorf("after %d: placed after %d as %v, want after %d as %s", tt.after, after, path, tt.wantAfter, tt.want)
		}
	}
	// Repeated additions after the same task keep document order.
	run := []records.Task{task(1, "(一)"), task(8, "(一)-1"), task(9, "(一)-2"), task(2, "(二)")}
	if after, path := placeAfter(run, 1); after != 9 || path[0] != "(一)-3" {
		t.Errorf("third addition after (一): after %d as %v", after, path)
	}
	// First: the label before the first one's, when there is one.
	if _, path := placeAfter([]records.Task{task(1, "(三)"), task(2, "(四)")}, 0); path[0] != "(二)" {
		t.Errorf("first before (三): %v", path)
	}
	if _, path := placeAfter([]records.Task{task(1, "一"), task(2, "一-0")}, 0); path[0] != "一-0-0" {
		t.Errorf("first when 一-0 is taken: %v", path)
	}
	if _, path := placeAfter(nil, 0); !reflect.DeepEqual(path, []string{"1"}) {
		t.Errorf("first of none: %v", path)
	}
	for in, want := range map[string]string{"9": "10", "(九)": "(十)", "（十九）": "（二十）", "二十九": "三十", "十": "十一", "附件": ""} {
		if got, _ := nextLabel(in); got != want {
			t.Errorf("nextLabel(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"2": "1", "1": "", "(二)": "(一)", "(一)": "", "十一": "十", "一": ""} {
		if got, ok := prevLabel(in); (ok && got != want) || (!ok && want != "") {
			t.Errorf("prevLabel(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
}

// TestConfirmAsks: the question names the tasks without a unit and the
// unit names not in the registry by id; an empty draft has its own
// refusal; force registers.
func TestConfirmAsks(t *testing.T) {
	s := newService(t, "sqlite")
	ctx := context.Background()
	plan, tasks := importDraft(t, s)
	// 市发改委 and 市财政局 are in no registry yet: two unmatched names.
	var ul *UnitlessError
	_, err := s.Confirm(ctx, office, actor, plan, false)
	if !errors.As(err, &ul) {
		t.Fatalf("confirm: %v", err)
	}
	want := &UnitlessError{Tasks: []TaskRef{{tasks[2].ID, []string{"三"}, tasks[2].Title}, {tasks[3].ID, []string{"四"}, tasks[3].Title}},
		Unmatched: 2, UnmatchedTasks: []TaskRef{{tasks[0].ID, []string{"一"}, tasks[0].Title}, {tasks[1].ID, []string{"二"}, tasks[1].Title}}}
	if !reflect.DeepEqual(ul, want) {
		t.Errorf("asked %+v, want %+v", ul, want)
	}
	if ul.Tasks[0].Name() != "三 "+tasks[2].Title {
		t.Errorf("name = %q", ul.Tasks[0].Name())
	}
	// Once every task has a unit, no question: the unmatched names alone
	// are the banner's to count.
	for _, task := range tasks[2:] {
		if err := s.DeleteTask(ctx, office, actor, plan, task.ID); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Confirm(ctx, office, actor, plan, false); err != nil {
		t.Errorf("confirm with every unit placed: %v", err)
	}

	// A draft whose every task was deleted is refused in its own words.
	res, err := s.Import(ctx, office, actor, Upload{Name: "另一份.txt", Data: []byte(strings.Replace(draft, "营商环境", "政务服务", 1)), Draft: true})
	if err != nil {
		t.Fatal(err)
	}
	p, _ := s.Store.FindPlanByID(ctx, res.ID)
	for _, task := range p.Tasks {
		if err := s.DeleteTask(ctx, office, actor, res.ID, task.ID); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Confirm(ctx, office, actor, res.ID, true); problem(err) != ":plans.error.draft_empty" {
		t.Errorf("confirm an empty draft: %v", err)
	}
}

// TestSplitKeepsOrder: the part cut off a task with additions after it
// goes after them, numbered after them.
func TestSplitKeepsOrder(t *testing.T) {
	s := newService(t, "sqlite")
	ctx := context.Background()
	plan, tasks := importDraft(t, s)
	three := tasks[2].ID
	if _, err := s.AddTask(ctx, office, actor, plan, NewTask{After: tasks[1].ID, Title: "补充"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SplitTask(ctx, office, actor, plan, three, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddTask(ctx, office, actor, plan, NewTask{After: three, Title: "再补充"}); err != nil {
		t.Fatal(err)
	}
	// 二-1 after 二; 三 split: 三-1; then after 三: 三-2 after 三-1.
	if got := pathsOf(t, s, plan); !reflect.DeepEqual(got, []string{"一", "二", "二-1", "三", "三-1", "三-2", "四"}) {
		t.Errorf("paths = %v", got)
	}
}
