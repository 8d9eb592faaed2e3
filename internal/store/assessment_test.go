package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/supervise"
)

// TestAssessmentFromTheLedger: the scores come out of the database as the
// pure scoring expects them. Two units share two tasks due in the first
// quarter: one closed on time (applied for 03-20, accepted later), the
// other still open at 40%; a 催办 and a blue notice fall on the second;
// a 亮点 counts and a revoked record does not; the catch-all group unit
// and a draft plan's task stay out.
func TestAssessmentFromTheLedger(t *testing.T) {
	forEachKind(t, func(t *testing.T, opts Options) {
		ctx := context.Background()
		clock := time.Date(2026, 3, 1, 2, 0, 0, 0, time.UTC)
		opts.Now = func() time.Time { return clock }
		db := openWith(t, opts)
		sys := audit.System
		fzb, _ := db.CreateUnit(ctx, sys, UnitCreate{Name: "市法制办", Kind: UnitDepartment})
		czj, _ := db.CreateUnit(ctx, sys, UnitCreate{Name: "市财政局", Kind: UnitDepartment})
		if _, err := db.CreateUnit(ctx, sys, UnitCreate{Name: "市级有关部门", Kind: UnitGroup}); err != nil {
			t.Fatal(err)
		}
		w := 15.0
		plan := &plandoc.Plan{Title: "方案", Year: 2026, Tasks: []plandoc.Task{
			{Path: []string{"1"}, Title: "甲", Weight: &w, LeadUnits: []string{"市法制办"}, Units: []string{"市法制办", "市财政局", "市级有关部门"},
				Deadlines: []plandoc.Deadline{{Text: "3月底前", Due: "2026-03-31"}}},
			{Path: []string{"2"}, Title: "乙", LeadUnits: []string{"市财政局"}, Units: []string{"市财政局", "市法制办"},
				Deadlines: []plandoc.Deadline{{Text: "3月底前", Due: "2026-03-31"}}},
		}}
		id, _, err := db.ImportPlan(ctx, PlanImport{SourceName: "p", SourceSHA256: sha("assess"), Format: "text", Plan: plan})
		if err != nil {
			t.Fatal(err)
		}
		tasks, _, _ := db.FindTasks(ctx, TaskFilter{PlanID: id})
		a, b := tasks[0].ID, tasks[1].ID
		lu, err := db.CreateUser(ctx, sys, UserCreate{Username: "fazhiban", PasswordHash: "x", Role: "liaison", Units: []int64{fzb.ID, czj.ID}})
		if err != nil {
			t.Fatal(err)
		}
		ou, err := db.CreateUser(ctx, sys, UserCreate{Username: "ducha", PasswordHash: "x", Role: "office"})
		if err != nil {
			t.Fatal(err)
		}
		liaison := audit.Actor{ID: lu.ID, Username: lu.Username}
		clock = time.Date(2026, 3, 19, 17, 0, 0, 0, time.UTC) // 03-20 01:00 in China
		if _, err := db.RequestClose(ctx, liaison, a, fzb.ID, "已完成", nil); err != nil {
			t.Fatal(err)
		}
		clock = time.Date(2026, 4, 2, 2, 0, 0, 0, time.UTC)
		if err := db.DecideClose(ctx, audit.Actor{ID: ou.ID, Username: ou.Username}, a, true, ""); err != nil {
			t.Fatal(err)
		}
		pct := 40.0
		if _, err := db.AddProgress(ctx, liaison, b, ProgressInput{UnitID: czj.ID, Text: "推进中", Percent: &pct}); err != nil {
			t.Fatal(err)
		}
		day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
		events := []supervise.Event{
			{Key: "b/press", TaskID: b, Kind: supervise.KindPress, On: day("2026-03-02"), Recorded: day("2026-03-02")},
			{Key: "b/blue", TaskID: b, Kind: supervise.KindNotice, Level: "blue", Label: "蓝色督办单", On: day("2026-03-04"),
				Deadline: day("2026-03-11"), Recorded: day("2026-03-04")},
		}
		if _, err := db.RecordSupervision(ctx, events, func(supervise.Event) []Notification { return nil }); err != nil {
			t.Fatal(err)
		}
		office := audit.Actor{Username: "ducha"}
		if _, err := db.AddAssessRecord(ctx, office, AssessRecord{UnitID: fzb.ID, Kind: assess.RecordHighlight, Title: "法治示范", On: "2026-03-10",
			TaskIDs: []int64{a}}); err != nil {
			t.Fatal(err)
		}
		gone, err := db.AddAssessRecord(ctx, office, AssessRecord{UnitID: czj.ID, Kind: assess.RecordAccountability, Title: "推进不力", On: "2026-03-12",
			EventKeys: []string{"b/blue"}})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.RevokeAssessRecord(ctx, office, gone, "复核后撤销"); err != nil {
			t.Fatal(err)
		}
		p, _ := ledger.ParsePeriod("2026-Q1")
		in, err := db.AssessmentInput(ctx, p.Start, p.End)
		if err != nil {
			t.Fatal(err)
		}
		if len(in.Units) != 2 || len(in.Tasks) != 2 || len(in.Events) != 2 || len(in.Records) != 1 {
			t.Fatalf("input: %d units, %d tasks, %d events, %d records", len(in.Units), len(in.Tasks), len(in.Events), len(in.Records))
		}
		if got := in.Tasks[0]; got.Done.Format(time.DateOnly) != "2026-03-20" || got.Weight != 15 || len(got.Units) != 2 {
			t.Errorf("task 甲 read as %+v", got)
		}
		if got := in.Tasks[1]; !got.Done.IsZero() || got.Percent != 40 {
			t.Errorf("task 乙 read as %+v", got)
		}
		s := assess.Default()
		s.MinTasks = 1
		res := assess.Compute(s, p, day("2026-04-15"), in, assess.ExplainAll)
		// 市法制办: 甲 15×1 on time, 乙 (配合) 10×0.5 at 0.3×40% → 60×15.6/20 = 46.8;
		// 30 − 0.25 (催办, 配合) − 0.5 (蓝, 配合); 亮点 2; no rates: 10.
		// 市财政局: 甲 (配合) 7.5×1, 乙 10×0.12 → 60×8.7/17.5 = 29.83; 30 − 0.5 − 1; 10.
		want := map[string]float64{"市法制办": 46.8 + 29.25 + 2 + 10, "市财政局": 29.83 + 28.5 + 10}
		for _, sc := range res.Scores {
			if sc.Total != want[sc.Unit] {
				t.Errorf("%s: total %.2f, want %.2f\n%+v", sc.Unit, sc.Total, want[sc.Unit], sc.Lines)
			}
		}
		recs, err := db.FindAssessRecords(ctx, RecordFilter{WithRevoked: true})
		if err != nil || len(recs) != 2 || recs[0].RevokedAt == nil || len(recs[0].EventKeys) != 1 || recs[0].TaskIDs[0] != b || recs[1].TaskIDs[0] != a {
			t.Errorf("records %+v, %v", recs, err)
		}
		if _, err := db.AddAssessRecord(ctx, office, AssessRecord{UnitID: fzb.ID, Kind: "medal", Title: "", On: "2026-13-01"}); !errors.Is(err, ErrInvalid) ||
			fault.As(err).Fields["kind"] != "assess.problem.record_kind" || fault.As(err).Fields["title"] != "error.required" ||
			fault.As(err).Fields["on"] != "error.date_invalid" {
			t.Errorf("a bad record: %v", err)
		}
		if _, err := db.AddAssessRecord(ctx, office, AssessRecord{UnitID: fzb.ID, Kind: assess.RecordHighlight, Title: "x", On: "2026-03-01",
			EventKeys: []string{"no-such"}}); !errors.Is(err, ErrInvalid) || fault.As(err).Fields["event_keys"] != "assess.problem.notice_missing" {
			t.Errorf("a record citing a missing notice: %v", err)
		}
		if err := db.RevokeAssessRecord(ctx, office, recs[1].ID, " "); !errors.Is(err, ErrInvalid) || fault.As(err).Fields["reason"] != "error.required" {
			t.Errorf("a revocation without a reason: %v", err)
		}
	})
}

// TestSchemeDraftAndPublish: the office saves a draft (a bad one is
// refused with its problems), publishes it, and the published one is in
// force; with none published there is none.
func TestSchemeDraftAndPublish(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		office := audit.Actor{Username: "ducha"}
		if _, err := db.CurrentScheme(ctx); !errors.Is(err, ErrNotFound) {
			t.Errorf("before publishing: %v", err)
		}
		if _, err := db.PublishScheme(ctx, office); !errors.Is(err, ErrNotFound) {
			t.Errorf("publishing without a draft: %v", err)
		}
		bad := assess.Default()
		bad.CoShare = 3
		if _, err := db.SaveSchemeDraft(ctx, office, bad); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "co_share") {
			t.Errorf("a bad scheme: %v", err)
		}
		s := assess.Default()
		s.KeyWork.Points, s.Daily.Points = 70, 20
		if _, err := db.SaveSchemeDraft(ctx, office, s); err != nil {
			t.Fatal(err)
		}
		if d, err := db.SchemeDraft(ctx); err != nil || d.Scheme.KeyWork.Points != 70 {
			t.Errorf("draft %+v, %v", d, err)
		}
		v, err := db.PublishScheme(ctx, office)
		if err != nil || v.Status != "published" || v.PublishedAt == nil {
			t.Fatalf("publish %+v, %v", v, err)
		}
		cur, err := db.CurrentScheme(ctx)
		if err != nil || cur.ID != v.ID || cur.Scheme.Daily.Points != 20 || cur.Scheme.Daily.Notice["red"] != 3 {
			t.Errorf("current %+v, %v", cur, err)
		}
		if _, err := db.SchemeDraft(ctx); !errors.Is(err, ErrNotFound) {
			t.Errorf("the draft outlived its publication: %v", err)
		}
	})
}
