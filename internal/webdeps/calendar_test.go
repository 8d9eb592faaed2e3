package webdeps

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/supervise"
	"github.com/duban/duban/internal/web"
)

// upload is an in-memory file for the services.
func upload(name, body string) web.Upload {
	return web.Upload{Name: name, Size: int64(len(body)), Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(body)), nil }}
}

// TestCalendarPage: the office corrects a day and the page's change lists
// the deadline it moved, and the task page explains it; an uploaded year
// fills the coverage; a broken file is refused with its name and line and
// nothing stored; a leader reads the page but cannot change it; a liaison
// cannot read it.
func TestCalendarPage(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			d, office := ledgerDeps(t, kind) // today is 2026-03-02
			id, _, err := d.Store.ImportPlan(office, records.PlanImport{SourceName: "p.txt", SourceSHA256: strings.Repeat("7", 64), Format: "text",
				Plan: &plandoc.Plan{Title: "方案", Tasks: []plandoc.Task{{Path: []string{"1"}, Title: "甲"}}}})
			if err != nil {
				t.Fatal(err)
			}
			tasks, _, _ := d.Store.FindTasks(office, records.TaskFilter{PlanID: id})
			day := func(s string) time.Time { v, _ := time.Parse(time.DateOnly, s); return v }
			blue := supervise.Event{Key: "t/notice/blue", TaskID: tasks[0].ID, Kind: supervise.KindNotice, Label: "蓝色督办单",
				On: day("2026-03-02"), Deadline: day("2026-03-09"), Recorded: day("2026-03-02")}
			if _, err := d.Store.RecordSupervision(office, []supervise.Event{blue}, func(supervise.Event) []records.Notification { return nil }); err != nil {
				t.Fatal(err)
			}

			cal := d.Web().Calendar
			n, err := cal.Correct(office, web.CalendarCorrection{Date: "2026-03-04", Set: "off", Name: "地方节日", Scope: "local", Reason: "市政府通知"})
			if err != nil {
				t.Fatal(err)
			}
			change, err := cal.Change(office, n)
			if err != nil {
				t.Fatal(err)
			}
			if len(change.Moves) != 1 || change.Moves[0].To.Format(time.DateOnly) != "2026-03-10" || change.Moved != 1 || change.Actor != "office" {
				t.Fatalf("change %+v", change)
			}
			got, err := d.Web().Tasks.Get(office, tasks[0].ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Supervision) != 1 || !strings.Contains(got.Supervision[0].Explain, "限期由 2026-03-09 改为 2026-03-10") {
				t.Errorf("the task page does not explain the move: %+v", got.Supervision)
			}
			v, err := cal.View(office, 2026)
			if err != nil {
				t.Fatal(err)
			}
			if march := v.Months[2]; march.Weeks[1][2].Day != 4 || march.Weeks[1][2].Kind != "holiday" || march.Weeks[1][2].Name != "地方节日" {
				t.Errorf("2026-03-04 shows as %+v", march.Weeks[1][2])
			}
			if len(v.Changes) != 1 || !v.CanEdit || v.Covered != "2007—2026" {
				t.Errorf("view %+v", v)
			}

			year := `{"year": 2027, "days": [{"date": "2027-01-01", "name": "元旦", "isOffDay": true}]}`
			if _, err := cal.Upload(office, "national", "国办发明电〔2026〕x号", upload("2027.json", year)); err != nil {
				t.Fatal(err)
			}
			if v, _ := cal.View(office, 2027); v.Missing || v.Covered != "2007—2027" {
				t.Errorf("after the upload 2027 is missing=%v, covered %s", v.Missing, v.Covered)
			}
			var in *web.CalendarInputError
			_, err = cal.Upload(office, "national", "依据", upload("2028.json", "{\n\"year\": 2028,\n\"days\": [{\"date\": \"2028-13-01\"}]}"))
			if !errors.As(err, &in) || !strings.Contains(in.Detail, "2028.json") {
				t.Errorf("a broken file: %v", err)
			}
			if _, err := cal.Upload(office, "national", "依据", upload("2028.txt", "x")); !errors.As(err, &in) || !strings.Contains(in.Detail, "2028.txt") {
				t.Errorf("a .txt file: %v", err)
			}
			if _, err := cal.Correct(office, web.CalendarCorrection{Date: "2026-03-05", Set: "off", Scope: "local", Reason: "x"}); !errors.As(err, &in) {
				t.Errorf("a day off without a name: %v", err)
			}
			if v, _ := d.Store.CalendarVersion(office); v != 2 {
				t.Errorf("refused changes were stored: version %d, want 2", v)
			}

			for _, c := range []struct {
				role authz.Role
				read bool
			}{{authz.Leader, true}, {authz.Liaison, false}} {
				u, err := d.Store.CreateUser(office, audit.System, records.UserCreate{Username: string(c.role), PasswordHash: "x", Role: c.role})
				if err != nil {
					t.Fatal(err)
				}
				ctx := web.WithCurrentUser(context.Background(), web.CurrentUser{ID: u.ID, Username: u.Username, Role: string(c.role)})
				v, err := cal.View(ctx, 2026)
				if c.read != (err == nil) || (err == nil && v.CanEdit) {
					t.Errorf("%s views: %v", c.role, err)
				}
				if _, err := cal.Correct(ctx, web.CalendarCorrection{Date: "2026-03-06", Set: "off", Name: "x", Scope: "local", Reason: "x"}); !errors.Is(err, web.ErrForbidden) {
					t.Errorf("%s corrected a day: %v", c.role, err)
				}
			}
		})
	}
}
