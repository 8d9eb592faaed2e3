package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/supervise"
)

// TestAnswerSupervision: a unit's 整改反馈 answers a notice once, with its
// text kept and audited; a step that is no notice, a notice of another
// task, an empty answer and a second answer are refused and change nothing.
func TestAnswerSupervision(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		id, _, err := db.ImportPlan(ctx, PlanImport{SourceName: "p.txt", SourceSHA256: sha("answer"), Format: "text", Plan: samplePlan("方案", 2)})
		if err != nil {
			t.Fatal(err)
		}
		tasks, _, _ := db.FindTasks(ctx, TaskFilter{PlanID: id})
		task, other := tasks[0].ID, tasks[1].ID
		day := time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)
		notice := supervise.Event{Key: "n1", TaskID: task, Kind: supervise.KindNotice, Label: "蓝色督办单", On: day, Deadline: day.AddDate(0, 0, 7), Recorded: day}
		press := supervise.Event{Key: "p1", TaskID: task, Kind: supervise.KindPress, On: day, Recorded: day}
		if _, err := db.RecordSupervision(ctx, []supervise.Event{notice, press}, func(supervise.Event) []Notification { return nil }); err != nil {
			t.Fatal(err)
		}
		liaison := audit.Actor{ID: 7, Username: "fazhiban"}
		for _, c := range []struct {
			task      int64
			key, text string
			want      error
		}{{task, "p1", "已整改", ErrNotFound}, {other, "n1", "已整改", ErrNotFound}, {task, "n1", "  ", ErrInvalid}} {
			if err := db.AnswerSupervision(ctx, liaison, c.task, c.key, c.text, nil); !errors.Is(err, c.want) {
				t.Errorf("answer %s of task %d with %q: %v, want %v", c.key, c.task, c.text, err, c.want)
			}
		}
		if err := db.AnswerSupervision(ctx, liaison, task, "n1", "已完成整改，制度已印发。", nil); err != nil {
			t.Fatal(err)
		}
		if err := db.AnswerSupervision(ctx, liaison, task, "n1", "再答一次", nil); !errors.Is(err, ErrConflict) {
			t.Errorf("second answer: %v, want ErrConflict", err)
		}
		hist, err := db.SupervisionHistory(ctx, []int64{task})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range hist[task] {
			switch e.Key {
			case "n1":
				if !e.Answered || e.Answer != "已完成整改，制度已印发。" {
					t.Errorf("notice after the answer: answered %v, %q", e.Answered, e.Answer)
				}
			case "p1":
				if e.Answered {
					t.Error("the 催办 was answered too")
				}
			}
		}
		entries, _, err := db.FindAudit(ctx, AuditFilter{Action: "supervise.answer"})
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) != 1 || entries[0].Actor != "fazhiban" {
			t.Errorf("audit of the answer: %+v", entries)
		}
	})
}
