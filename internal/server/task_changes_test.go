package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/scheduler"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/supervise"
	"github.com/duban/duban/internal/workday"
)

// changeView is what the change calls answer: the change and the task.
type changeView struct {
	Change records.TaskChange `json:"change"`
	Task   struct {
		Due    string `json:"due"`
		Status string `json:"status"`
		Light  string `json:"light"`
	} `json:"task"`
}

// historyView is GET /api/v1/tasks/{id}/history.
type historyView struct {
	Changes []records.TaskChange `json:"changes"`
}

// setDue gives task A one deadline, as the office would at review.
func setDue(t *testing.T, f *fixture, due time.Time) {
	t.Helper()
	dl := []plandoc.Deadline{{Text: "按期完成", Due: due.Format(time.DateOnly)}}
	if _, err := f.db.UpdateTask(context.Background(), audit.System, f.taskA, records.TaskUpdate{Deadlines: &dl}); err != nil {
		t.Fatal(err)
	}
}

func today() time.Time { return workday.DateOf(time.Now().In(workday.Zone)) }

func jsonReq(s string) io.Reader { return strings.NewReader(s) }

// TestExtensionApprovedMovesTheDeadline: task A is overdue (red); its
// unit's liaison asks for a new date with a reason, which the office
// approves: the deadline moves, the task is no longer overdue, and the
// history shows the request and the decision with the old date kept.
// Only a liaison of the task's unit asks (another unit's gets 403), only
// the office decides, and a second request waits for the first.
func TestExtensionApprovedMovesTheDeadline(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			old := today().AddDate(0, 0, -3)
			setDue(t, f, old)
			path := fmt.Sprintf("/api/v1/tasks/%d", f.taskA)
			var before struct{ Due, Light, Status string }
			if code := f.do(t, "office", "GET", path, nil, "", &before); code != 200 || before.Light != "red" || before.Status != "overdue" {
				t.Fatalf("before: %d %+v, want an overdue red task", code, before)
			}
			newDue := today().AddDate(0, 1, 0).Format(time.DateOnly)
			body := fmt.Sprintf(`{"new_due":%q,"reason":"需等待省级批复"}`, newDue)
			if code := f.do(t, "liaisonB", "POST", path+"/extension", jsonReq(body), "application/json", nil); code != http.StatusForbidden {
				t.Errorf("another unit's liaison asked: %d, want 403", code)
			}
			if code := f.do(t, "office", "POST", path+"/extension", jsonReq(body), "application/json", nil); code != http.StatusForbidden {
				t.Errorf("the office asked: %d, want 403", code)
			}
			var req records.TaskChange
			if code := f.do(t, "liaisonA", "POST", path+"/extension", jsonReq(body), "application/json", &req); code != http.StatusCreated {
				t.Fatalf("request: %d", code)
			}
			if req.State != "open" || req.NewDue != newDue || req.UnitID != f.unitA || req.Before["due"] != old.Format(time.DateOnly) {
				t.Errorf("request = %+v", req)
			}
			if code := f.do(t, "liaisonA", "POST", path+"/extension", jsonReq(body), "application/json", nil); code != http.StatusConflict {
				t.Errorf("a second open request: %d, want 409", code)
			}
			for _, who := range []string{"liaisonA", "leader", "liaisonB"} {
				if code := f.do(t, who, "POST", path+"/extension/decide", jsonReq(`{"approve":true}`), "application/json", nil); code != http.StatusForbidden {
					t.Errorf("%s decided: %d, want 403", who, code)
				}
			}
			var got changeView
			if code := f.do(t, "office", "POST", path+"/extension/decide", jsonReq(`{"approve":true,"comment":"同意延期"}`), "application/json", &got); code != 200 {
				t.Fatalf("approve: %d", code)
			}
			if got.Task.Due != newDue || got.Task.Light == "red" || got.Task.Status == "overdue" {
				t.Errorf("after approval the task is %+v, want due %s and not overdue", got.Task, newDue)
			}
			var after struct{ Due, NextDue string }
			f.do(t, "liaisonA", "GET", path, nil, "", &after)
			if after.Due != newDue {
				t.Errorf("the unit sees due %q, want %s", after.Due, newDue)
			}
			var h historyView
			if code := f.do(t, "liaisonA", "GET", path+"/history", nil, "", &h); code != 200 {
				t.Fatalf("history: %d", code)
			}
			if len(h.Changes) != 2 {
				t.Fatalf("history = %+v, want the request and the decision", h.Changes)
			}
			r, d := h.Changes[0], h.Changes[1]
			if r.Kind != records.ChangeExtensionRequest || r.State != "approved" || r.Reason != "需等待省级批复" || r.Actor != "liaisonA" || r.UnitName != "市法制办" {
				t.Errorf("request in history = %+v", r)
			}
			if d.Kind != records.ChangeExtensionApproved || d.RequestID != r.ID || d.Reason != "同意延期" || d.Actor != "office" ||
				d.Before["due"] != old.Format(time.DateOnly) || d.After["due"] != newDue || d.Effective != today().Format(time.DateOnly) {
				t.Errorf("decision in history = %+v", d)
			}
			if code := f.do(t, "liaisonB", "GET", path+"/history", nil, "", nil); code != http.StatusForbidden {
				t.Errorf("another unit read the history: %d, want 403", code)
			}
			// The decision is in the unit's inbox and in the audit log.
			if !inboxSays(t, f, f.unitA, "延期申请已同意") {
				t.Error("the unit's inbox has no word of the decision")
			}
			entries, _, err := f.db.FindAudit(context.Background(), records.AuditFilter{Action: "task.extension_approved"})
			if err != nil || len(entries) != 1 || entries[0].Actor != "office" {
				t.Errorf("audit entries of the approval = %+v, %v", entries, err)
			}
		})
	}
}

// TestExtensionRefusedChangesNothing: the office refuses a request — a
// comment is required — and the task keeps its deadline and light; the
// history records the refusal, and the unit may ask again.
func TestExtensionRefusedChangesNothing(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			due := today().AddDate(0, 0, 20)
			setDue(t, f, due)
			path := fmt.Sprintf("/api/v1/tasks/%d", f.taskA)
			var before struct{ Due, Light, NextDue string }
			f.do(t, "office", "GET", path, nil, "", &before)
			body := fmt.Sprintf(`{"new_due":%q,"reason":"人手不足"}`, due.AddDate(0, 2, 0).Format(time.DateOnly))
			if code := f.do(t, "liaisonA", "POST", path+"/extension", jsonReq(body), "application/json", nil); code != http.StatusCreated {
				t.Fatalf("request: %d", code)
			}
			if code := f.do(t, "office", "POST", path+"/extension/decide", jsonReq(`{"approve":false}`), "application/json", nil); code != http.StatusUnprocessableEntity {
				t.Errorf("a refusal without a comment: %d, want 422", code)
			}
			var got changeView
			if code := f.do(t, "office", "POST", path+"/extension/decide", jsonReq(`{"approve":false,"comment":"理由不充分，请按期完成"}`), "application/json", &got); code != 200 {
				t.Fatalf("refuse: %d", code)
			}
			var after struct{ Due, Light, NextDue string }
			f.do(t, "office", "GET", path, nil, "", &after)
			if after != before || after.Due != due.Format(time.DateOnly) {
				t.Errorf("after the refusal the task is %+v, was %+v", after, before)
			}
			var h historyView
			f.do(t, "office", "GET", path+"/history", nil, "", &h)
			if len(h.Changes) != 2 || h.Changes[0].State != "refused" || h.Changes[1].Kind != records.ChangeExtensionRefused ||
				h.Changes[1].Reason != "理由不充分，请按期完成" || h.Changes[1].After["due"] != due.Format(time.DateOnly) {
				t.Errorf("history = %+v", h.Changes)
			}
			if code := f.do(t, "office", "POST", path+"/extension/decide", jsonReq(`{"approve":true}`), "application/json", nil); code != http.StatusConflict {
				t.Errorf("deciding with no open request: %d, want 409", code)
			}
			if code := f.do(t, "liaisonA", "POST", path+"/extension", jsonReq(body), "application/json", nil); code != http.StatusCreated {
				t.Errorf("asking again after a refusal: %d", code)
			}
		})
	}
}

// TestAdjustTask: the office changes a task's units, deadline and
// requirement with a reason; the new unit's liaison sees it, the old
// one no longer does; the history keeps both sides. Units not in the
// registry and a change without a reason are refused.
func TestAdjustTask(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			setDue(t, f, today().AddDate(0, 0, 10))
			path := fmt.Sprintf("/api/v1/tasks/%d", f.taskA)
			newDue := today().AddDate(0, 0, 45).Format(time.DateOnly)
			if code := f.do(t, "office", "POST", path+"/adjust", jsonReq(`{"requirement":"每月报送"}`), "application/json", nil); code != http.StatusUnprocessableEntity {
				t.Errorf("without a reason: %d, want 422", code)
			}
			if code := f.do(t, "office", "POST", path+"/adjust", jsonReq(`{"units":[{"name":"不存在局","lead":true}],"reason":"调整"}`), "application/json", nil); code != http.StatusUnprocessableEntity {
				t.Errorf("an unregistered unit: %d, want 422", code)
			}
			if code := f.do(t, "liaisonA", "POST", path+"/adjust", jsonReq(`{"requirement":"x","reason":"y"}`), "application/json", nil); code != http.StatusForbidden {
				t.Errorf("a liaison adjusted: %d, want 403", code)
			}
			body := fmt.Sprintf(`{"units":[{"name":"市财政局","lead":true},{"name":"市法制办"}],"due":%q,"requirement":"每月25日前报送进展","reason":"市政府常务会议决定由财政局牵头"}`, newDue)
			var got changeView
			if code := f.do(t, "office", "POST", path+"/adjust", jsonReq(body), "application/json", &got); code != 200 {
				t.Fatalf("adjust: %d", code)
			}
			if got.Task.Due != newDue || got.Change.Kind != records.ChangeAdjusted {
				t.Errorf("adjusted = %+v", got)
			}
			var task struct {
				LeadUnits   []string `json:"lead_units"`
				Requirement string   `json:"requirement"`
			}
			if code := f.do(t, "liaisonB", "GET", path, nil, "", &task); code != 200 || len(task.LeadUnits) != 1 || task.LeadUnits[0] != "市财政局" ||
				task.Requirement != "每月25日前报送进展" {
				t.Errorf("the new lead unit reads %d %+v", code, task)
			}
			for _, u := range []int64{f.unitA, f.unitB} {
				if !inboxSays(t, f, u, "任务已调整") {
					t.Errorf("unit %d was not told of the adjustment", u)
				}
			}
			var h historyView
			f.do(t, "office", "GET", path+"/history", nil, "", &h)
			if len(h.Changes) != 1 || h.Changes[0].Reason != "市政府常务会议决定由财政局牵头" || h.Changes[0].Before["requirement"] != "" ||
				h.Changes[0].After["due"] != newDue || fmt.Sprint(h.Changes[0].Before["lead_units"]) != "[]" {
				t.Errorf("history = %+v", h.Changes)
			}
		})
	}
}

// TestRevokedTaskLeavesTheLadderAndDesk: an overdue task with an open
// 督办单 is on the desk and the ladder's dry run names it; once the
// office revokes it (reason required) it is on neither, not among the
// overdue tasks, read-only, and still readable with its state.
func TestRevokedTaskLeavesTheLadderAndDesk(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			ctx := context.Background()
			setDue(t, f, today().AddDate(0, -2, 0))
			issueNotice(t, f)
			office := authz.Principal{Role: authz.Office}
			sch := &scheduler.Scheduler{Store: f.db, Calendar: workday.Default(), Rules: supervise.Default(), Now: time.Now,
				Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
			onDesk := func() bool {
				d, err := f.services.Supervision.Desk(ctx, office)
				if err != nil {
					t.Fatal(err)
				}
				for _, n := range d.Notices {
					if n.TaskID == f.taskA {
						return true
					}
				}
				return false
			}
			onLadder := func() bool {
				// The task was registered today, already overdue: it is
				// pressed on the next working day and the ladder climbs on.
				events, _, err := sch.DryRun(ctx, today().AddDate(0, 0, 14))
				if err != nil {
					t.Fatal(err)
				}
				for _, e := range events {
					if e.TaskID == f.taskA {
						return true
					}
				}
				return false
			}
			overdue := func() int {
				var list struct {
					Total int `json:"total"`
				}
				f.do(t, "office", "GET", "/api/v1/tasks?status=overdue", nil, "", &list)
				return list.Total
			}
			if !onDesk() || !onLadder() || overdue() != 1 {
				t.Fatalf("before: desk %v ladder %v overdue %d, want the task on all three", onDesk(), onLadder(), overdue())
			}
			path := fmt.Sprintf("/api/v1/tasks/%d", f.taskA)
			if code := f.do(t, "office", "POST", path+"/revoke", jsonReq(`{"reason":""}`), "application/json", nil); code != http.StatusUnprocessableEntity {
				t.Errorf("without a reason: %d, want 422", code)
			}
			var got changeView
			if code := f.do(t, "office", "POST", path+"/revoke", jsonReq(`{"reason":"上级已取消该项工作"}`), "application/json", &got); code != 200 {
				t.Fatalf("revoke: %d", code)
			}
			if got.Task.Status != "revoked" || got.Task.Light != "gray" {
				t.Errorf("revoked task = %+v", got.Task)
			}
			if !inboxSays(t, f, f.unitA, "任务已撤销") {
				t.Error("the unit was not told of the revocation")
			}
			if onDesk() || onLadder() || overdue() != 0 {
				t.Errorf("after: desk %v ladder %v overdue %d, want the task on none", onDesk(), onLadder(), overdue())
			}
			var v struct{ Status string }
			if code := f.do(t, "liaisonA", "GET", path, nil, "", &v); code != 200 || v.Status != "revoked" {
				t.Errorf("the unit reads %d %+v", code, v)
			}
			if code := f.do(t, "liaisonA", "POST", path+"/progress", jsonReq(`{"text":"仍在推进"}`), "application/json", nil); code != http.StatusConflict {
				t.Errorf("a report on a revoked task: %d, want 409", code)
			}
			if code := f.do(t, "office", "POST", path+"/revoke", jsonReq(`{"reason":"再次撤销"}`), "application/json", nil); code != http.StatusConflict {
				t.Errorf("revoking twice: %d, want 409", code)
			}
			var h historyView
			f.do(t, "leader", "GET", path+"/history", nil, "", &h)
			if len(h.Changes) != 1 || h.Changes[0].Kind != records.ChangeRevoked || h.Changes[0].Before["status"] != "registered" {
				t.Errorf("history = %+v", h.Changes)
			}
		})
	}
}

// TestExtensionRefusedInput: a request without a reason, with a date that
// is no date, not after the current deadline or in the past, is refused
// at its field; a task waiting for its 销号 takes no request.
func TestExtensionRefusedInput(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			path := fmt.Sprintf("/api/v1/tasks/%d/extension", f.taskA)
			day := func(n int) string { return today().AddDate(0, 0, n).Format(time.DateOnly) }
			for _, c := range []struct {
				name       string
				due        int // the task's deadline, days from today
				body, want string
			}{
				{"no reason", 20, fmt.Sprintf(`{"new_due":%q,"reason":" "}`, day(50)), "reason"},
				{"no date", 20, `{"new_due":"","reason":"理由"}`, "new_due"},
				{"not a date", 20, `{"new_due":"2026-02-30","reason":"理由"}`, "new_due"},
				{"not later", 20, fmt.Sprintf(`{"new_due":%q,"reason":"理由"}`, day(20)), "new_due"},
				{"in the past", -10, fmt.Sprintf(`{"new_due":%q,"reason":"理由"}`, day(-5)), "new_due"},
			} {
				setDue(t, f, today().AddDate(0, 0, c.due))
				var answer struct {
					Problems []struct{ Field, Message string } `json:"problems"`
				}
				req := httptest.NewRequest("POST", path, strings.NewReader(c.body))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Authorization", "Bearer "+f.tokens["liaisonA"])
				rec := httptest.NewRecorder()
				f.srv.ServeHTTP(rec, req)
				if err := json.Unmarshal(rec.Body.Bytes(), &answer); err != nil || rec.Code != http.StatusUnprocessableEntity ||
					len(answer.Problems) != 1 || answer.Problems[0].Field != c.want {
					t.Errorf("%s: %d %s, want 422 at %s", c.name, rec.Code, rec.Body.String(), c.want)
				}
			}
			applyForClose(t, f)
			body := fmt.Sprintf(`{"new_due":%q,"reason":"理由"}`, day(60))
			if code := f.do(t, "liaisonA", "POST", path, jsonReq(body), "application/json", nil); code != http.StatusConflict {
				t.Errorf("a request on a task waiting for 销号: %d, want 409", code)
			}
		})
	}
}

// inboxSays reports whether unit's inbox holds a message about task A
// whose title holds text.
func inboxSays(t *testing.T, f *fixture, unit int64, text string) bool {
	t.Helper()
	box, err := f.services.Supervision.Inbox(context.Background(), authz.Principal{Role: authz.Liaison, Units: []int64{unit}})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range box.Messages {
		if m.TaskID == f.taskA && m.UnitID == unit && strings.Contains(m.Title, text) {
			return true
		}
	}
	return false
}
