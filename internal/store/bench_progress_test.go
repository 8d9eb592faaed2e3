package store

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/duban/duban/internal/audit"
)

// BenchmarkProgressReport records progress reports on the tasks of a
// 200-task plan, eight writers at once as units reporting together do,
// on each database: the time per report is the writer lock's turn, most
// of it round trips on PostgreSQL.
func BenchmarkProgressReport(b *testing.B) {
	for _, kind := range dbKinds {
		b.Run(kind, func(b *testing.B) {
			ctx := context.Background()
			db := openWith(b, testOptions(b, kind))
			u, err := db.CreateUser(ctx, audit.System, UserCreate{Username: "bench", PasswordHash: "x", Role: "office"})
			if err != nil {
				b.Fatal(err)
			}
			actor := audit.Actor{ID: u.ID, Username: u.Username}
			id, _, err := db.ImportPlan(ctx, PlanImport{SourceName: "p", SourceSHA256: sha("progress"), Format: "docx", Plan: samplePlan("方案", 200)})
			if err != nil {
				b.Fatal(err)
			}
			tasks, _, err := db.FindTasks(ctx, TaskFilter{PlanID: id, Limit: 200})
			if err != nil || len(tasks) != 200 {
				b.Fatalf("%d tasks, %v", len(tasks), err)
			}
			var n atomic.Int64
			b.SetParallelism(4) // eight writers on two cores
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					i := n.Add(1)
					pct := float64(i % 100)
					if _, err := db.AddProgress(ctx, actor, tasks[i%200].ID, ProgressInput{Text: fmt.Sprint("进展", i), Percent: &pct}); err != nil {
						b.Error(err)
						return
					}
				}
			})
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reports/s")
		})
	}
}
