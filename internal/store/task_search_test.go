package store

import (
	"context"
	"slices"
	"testing"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/plandoc"
)

// TestSearchTerms cuts Han text into bigrams and other text into
// lowercased words, full-width forms folded.
func TestSearchTerms(t *testing.T) {
	got := searchTerms("推进第12项ＡＢＣ改革", "河长制; Road-7")
	want := []string{"推进", "进第", "12", "项", "abc", "改革", "河长", "长制", "road", "7"}
	// 项 alone is a run of one Han character: no bigram, so it is not a term.
	want = slices.DeleteFunc(want, func(s string) bool { return s == "项" })
	if !slices.Equal(got, want) {
		t.Errorf("searchTerms = %q, want %q", got, want)
	}
	if terms, ok := queryTerms("第12项"); !ok || !slices.Equal(terms, []string{"12"}) {
		t.Errorf("queryTerms(第12项) = %q %v", terms, ok)
	}
	if terms, ok := queryTerms("河"); ok {
		t.Errorf("a lone Han character asks the index: %q", terms)
	}
}

func searchPlan() *plandoc.Plan {
	return &plandoc.Plan{Title: "民生实事方案", Year: 2026, Tasks: []plandoc.Task{
		{Path: []string{"1"}, Title: "完善养老服务体系", Text: "新建社区养老服务中心10个。",
			Units: []string{"市民政局"}, LeadUnits: []string{"市民政局"}, Deadlines: []plandoc.Deadline{{Text: "年底前", Due: "2026-12-31"}}},
		{Path: []string{"2"}, Title: "全面推行河长制", Text: "落实河长巡河制度，Road-7 整治。",
			Units: []string{"市水利局", "市财政局"}, LeadUnits: []string{"市水利局"}, Deadlines: []plandoc.Deadline{{Text: "年底前", Due: "2026-12-31"}}},
		{Path: []string{"3"}, Title: "优化营商环境", Text: "压减审批时限。",
			Units: []string{"市发展改革委"}, LeadUnits: []string{"市发展改革委"}, Deadlines: []plandoc.Deadline{{Text: "年底前", Due: "2026-12-31"}}},
	}}
}

// TestTaskSearch finds tasks by two-character Chinese words in their title
// and text, by unit name, by latin words and by what a progress report
// said, with the total counted; a lone Han character is scanned for; a
// task edited or deleted is found by its new words only, on both
// databases.
func TestTaskSearch(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		u, err := db.CreateUser(ctx, office, UserCreate{Username: "ducha", PasswordHash: "h", Role: "office"})
		if err != nil {
			t.Fatal(err)
		}
		office := audit.Actor{ID: u.ID, Username: u.Username, IP: "127.0.0.1"}
		planID, _, err := db.ImportPlan(ctx, PlanImport{SourceName: "s.txt", SourceSHA256: sha("search"), Format: "text", Plan: searchPlan()})
		if err != nil {
			t.Fatal(err)
		}
		titles := func(q string) []string {
			t.Helper()
			tasks, total, err := db.FindTasks(ctx, TaskFilter{PlanID: planID, Q: q})
			if err != nil {
				t.Fatalf("q=%s: %v", q, err)
			}
			if total != len(tasks) {
				t.Errorf("q=%s: total %d for %d tasks", q, total, len(tasks))
			}
			var out []string
			for _, tk := range tasks {
				out = append(out, tk.Title)
			}
			return out
		}
		for q, want := range map[string][]string{
			"养老":       {"完善养老服务体系"},
			"河长":       {"全面推行河长制"},
			"养老服务中心":   {"完善养老服务体系"},
			"财政局":      {"全面推行河长制"},
			"road":     {"全面推行河长制"},
			"ROAD-7":   {"全面推行河长制"},
			"河":        {"全面推行河长制"},
			"市":        {"完善养老服务体系", "全面推行河长制", "优化营商环境"},
			"养老 河长":    nil,
			"核酸":       nil,
			"第10个":     {"完善养老服务体系"},
			"%":        nil,
			"环境\"OR\"": nil,
		} {
			if got := titles(q); !slices.Equal(got, want) {
				t.Errorf("q=%q: %q, want %q", q, got, want)
			}
		}
		tasks, _, _ := db.FindTasks(ctx, TaskFilter{PlanID: planID})
		if _, err := db.AddProgress(ctx, office, tasks[2].ID, ProgressInput{Text: "一网通办上线运行", Problems: "数据共享不足"}); err != nil {
			t.Fatal(err)
		}
		if got := titles("一网通办"); !slices.Equal(got, []string{"优化营商环境"}) {
			t.Errorf("by progress text: %q", got)
		}
		if got := titles("数据共享"); !slices.Equal(got, []string{"优化营商环境"}) {
			t.Errorf("by a report's problems: %q", got)
		}
		title := "推进智慧养老"
		if _, err := db.UpdateTask(ctx, office, tasks[1].ID, TaskUpdate{Title: &title}); err != nil {
			t.Fatal(err)
		}
		if got := titles("养老"); !slices.Equal(got, []string{"完善养老服务体系", "推进智慧养老"}) {
			t.Errorf("after the edit: %q", got)
		}
		if got := titles("推行"); got != nil {
			t.Errorf("the old title is still found: %q", got)
		}
	})
}

// TestTaskSearchBackfill indexes the tasks of a database that had none:
// one migrated from before the index.
func TestTaskSearchBackfill(t *testing.T) {
	forEachKind(t, func(t *testing.T, opts Options) {
		ctx := context.Background()
		db := openWith(t, opts)
		planID, _, err := db.ImportPlan(ctx, PlanImport{SourceName: "s.txt", SourceSHA256: sha("backfill"), Format: "text", Plan: searchPlan(), Draft: true})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.write.ExecContext(ctx, `DELETE FROM task_search`); err != nil {
			t.Fatal(err)
		}
		if _, n, _ := db.FindTasks(ctx, TaskFilter{PlanID: planID, Q: "养老"}); n != 0 {
			t.Fatalf("found %d with the index emptied", n)
		}
		db.Close()
		db = openWith(t, opts)
		if tasks, n, err := db.FindTasks(ctx, TaskFilter{PlanID: planID, Q: "养老"}); err != nil || n != 1 || tasks[0].Title != "完善养老服务体系" {
			t.Errorf("after reopening: %d %v", n, err)
		}
		if err := db.DeletePlan(ctx, office, planID); err != nil {
			t.Fatal(err)
		}
		var left int
		if err := db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM task_search`).Scan(&left); err != nil || left != 0 {
			t.Errorf("search lines of deleted tasks: %d %v", left, err)
		}
	})
}
