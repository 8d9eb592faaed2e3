package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/duban/duban/internal/plandoc"
)

// BenchmarkTaskPage times the task list's pages on SQLite over 20,000
// tasks: the first page, a random page by cursor and by offset, and a
// random search for a task's number.
func BenchmarkTaskPage(b *testing.B) {
	ctx := context.Background()
	db := openWith(b, testOptions(b, "sqlite"))
	const n = 20000
	for p := 0; p*500 < n; p++ {
		plan := &plandoc.Plan{Title: fmt.Sprintf("方案%03d", p), Year: 2026}
		for i := range 500 {
			k := p*500 + i
			due := fmt.Sprintf("2026-%02d-%02d", k%12+1, k%28+1)
			plan.Tasks = append(plan.Tasks, plandoc.Task{Path: []string{fmt.Sprint(i + 1)}, Title: fmt.Sprintf("推进第%d项重点改革任务", k),
				Text: fmt.Sprintf("推进第%d项重点改革任务。围绕年度目标，细化措施。", k), Units: []string{"市法制办", "市财政局"}, LeadUnits: []string{"市法制办"},
				Deadlines: []plandoc.Deadline{{Text: due, Due: due}}})
		}
		if _, _, err := db.ImportPlan(ctx, PlanImport{SourceName: plan.Title, SourceSHA256: sha(plan.Title), Format: "text", Plan: plan}); err != nil {
			b.Fatal(err)
		}
	}
	var cursors []string
	for c := ""; ; {
		p, err := db.FindTaskPage(ctx, TaskFilter{Limit: 50, Cursor: c})
		if err != nil {
			b.Fatal(err)
		}
		if c = p.NextCursor; c == "" {
			break
		}
		cursors = append(cursors, c)
	}
	for _, bc := range []struct {
		name string
		f    func() TaskFilter
	}{
		{"first", func() TaskFilter { return TaskFilter{Limit: 50} }},
		{"cursor", func() TaskFilter { return TaskFilter{Limit: 50, Cursor: cursors[rand.IntN(len(cursors))]} }},
		{"offset", func() TaskFilter { return TaskFilter{Limit: 50, Offset: rand.IntN(n - 50)} }},
		{"search", func() TaskFilter { return TaskFilter{Limit: 50, Q: fmt.Sprintf("第%d项", rand.IntN(n))} }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := db.FindTaskPage(ctx, bc.f()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
