package store

import (
	"context"
	"fmt"
	"testing"
)

// BenchmarkImport100Plans imports 100 distinct plans of 50 tasks each
// (every task with units, deadlines, a target and milestones: about 500
// rows a plan) into a fresh database, one transaction per plan as
// `duban import` does, on each database.
func BenchmarkImport100Plans(b *testing.B) {
	for _, kind := range dbKinds {
		b.Run(kind, func(b *testing.B) { benchmarkImport(b, kind) })
	}
}

func benchmarkImport(b *testing.B, kind string) {
	const plans, tasks = 100, 50
	ctx := context.Background()
	imports := make([]PlanImport, plans)
	for i := range imports {
		name := fmt.Sprintf("方案%03d.docx", i)
		imports[i] = PlanImport{SourceName: name, SourceSHA256: sha(name), Format: "docx", Plan: samplePlan(name, tasks)}
	}
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		db := openWith(b, testOptions(b, kind))
		b.StartTimer()
		for _, imp := range imports {
			if _, _, err := db.ImportPlan(ctx, imp); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
	perOp := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(plans/perOp, "plans/s")
	b.ReportMetric(plans*tasks/perOp, "tasks/s")
}
