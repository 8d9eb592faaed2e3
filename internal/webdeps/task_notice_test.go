package webdeps

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/docread"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/supervise"
)

// TestNoticeSaysWhatHappened (issue 14, defect 2): a 督办单 issued by
// hand on a task with no due date and no 催办 before it reads as such:
// its addressee is the unit, it does not say 经催办 nor "应于前完成";
// a 催办 recorded after the notice does not change what it says.
func TestNoticeSaysWhatHappened(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			d, ctx := ledgerDeps(t, kind)
			id, _, err := d.Store.ImportPlan(ctx, records.PlanImport{SourceName: "p.txt", SourceSHA256: strings.Repeat("e", 64), Format: "text",
				Plan: &plandoc.Plan{Title: "方案", Tasks: []plandoc.Task{{Path: []string{"1"}, Title: "无时限任务", Units: []string{"市法制办"}}}}})
			if err != nil {
				t.Fatal(err)
			}
			list, _, err := d.Store.FindTasks(ctx, records.TaskFilter{PlanID: id})
			if err != nil || len(list) != 1 {
				t.Fatalf("tasks %v, %v", list, err)
			}
			task := list[0].ID
			on := time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)
			issued := supervise.Event{Key: fmt.Sprintf("t%d/issued/2026-03-09", task), TaskID: task, Kind: supervise.KindIssued,
				Level: "blue", Label: "蓝色督办单", On: on, Basis: on, Workdays: 5, Deadline: on.AddDate(0, 0, 7), Recorded: on}
			later := supervise.Event{Key: fmt.Sprintf("t%d/press/2026-03-12", task), TaskID: task, Kind: supervise.KindPress,
				On: on.AddDate(0, 0, 3), Basis: on, Workdays: 1, Recorded: on.AddDate(0, 0, 3)}
			if _, err := d.Store.RecordSupervision(ctx, []supervise.Event{issued, later}, func(supervise.Event) []records.Notification { return nil }); err != nil {
				t.Fatal(err)
			}
			dl, err := d.Web().Tasks.Notice(ctx, task, issued.Key)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(dl.Body)
			doc, err := docread.Read(dl.Filename, body)
			if err != nil {
				t.Fatal(err)
			}
			text := docread.Text(doc)
			if !strings.Contains(text, "市法制办：") || !strings.Contains(text, "《方案》确定的“无时限任务”任务需加快推进。") {
				t.Errorf("notice reads:\n%s", text)
			}
			for _, bad := range []string{"经催办", "应于前完成", "《》"} {
				if strings.Contains(text, bad) {
					t.Errorf("notice says %q:\n%s", bad, text)
				}
			}
		})
	}
}
