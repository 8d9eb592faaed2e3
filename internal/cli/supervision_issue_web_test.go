package cli

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
)

// TestIssueNoticeWithoutUnitRefused (issue 14, defects 2 and 12): the
// office's POST issuing a 督办单 from a task's page, through the real
// router, is refused with 409 and the reason, in the reader's script,
// when the task has no responsible unit, and nothing is recorded; on a
// task with a unit it is issued, and the page it leads to says so.
func TestIssueNoticeWithoutUnitRefused(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			app, cookies, _ := webFixture(t, kind, []string{"office"})
			office := webClient{t, app, cookies["office"]}
			ctx := context.Background()
			plan, _, err := app.Store.ImportPlan(ctx, records.PlanImport{SourceName: "n.txt", SourceSHA256: strings.Repeat("ef", 32), Format: "text",
				Plan: &plandoc.Plan{Title: "督办方案", Tasks: []plandoc.Task{{Path: []string{"1"}, Title: "无人认领的任务"},
					{Path: []string{"2"}, Title: "有单位的任务", Units: []string{"市法制办"}}}}})
			if err != nil {
				t.Fatal(err)
			}
			bare := findTask(t, app.Store, plan, "无人认领的任务")
			owned := findTask(t, app.Store, plan, "有单位的任务")
			// The page says why in place of the button; the POST is
			// refused all the same.
			rec := office.get(fmt.Sprintf("/tasks/%d", bare.ID))
			wantIn(t, "the page of a task without a unit", rec, "该任务没有责任单位")
			if strings.Contains(rec.Body.String(), "/issue-notice") {
				t.Error("the page of a task without a unit offers to issue a 督办单")
			}
			wantIn(t, "the page of a task with a unit", office.get(fmt.Sprintf("/tasks/%d", owned.ID)), "/issue-notice")
			for _, c := range []struct{ lang, want string }{{"zh-CN", "该任务没有责任单位"}, {"zh-TW", "該任務沒有責任單位"}} {
				rec := office.post(fmt.Sprintf("/tasks/%d/issue-notice?lang=%s", bare.ID, c.lang), url.Values{}, "Accept-Language", c.lang)
				wantCode(t, c.lang+" issue without a unit", rec, http.StatusConflict)
				wantIn(t, c.lang+" issue without a unit", rec, c.want)
			}
			if h, _ := app.Store.SupervisionHistory(ctx, []int64{bare.ID}); len(h[bare.ID]) != 0 {
				t.Errorf("recorded on a task without a unit: %+v", h[bare.ID])
			}

			for _, c := range []struct{ lang, want string }{{"zh-CN", "督办单已下发"}, {"zh-TW", "督辦單已下發"}} {
				rec := office.post(fmt.Sprintf("/tasks/%d/issue-notice", owned.ID), url.Values{}, "Accept-Language", c.lang)
				if c.lang == "zh-TW" { // the same day: refused, not issued twice
					wantCode(t, "a second notice today", rec, http.StatusConflict)
					wantIn(t, "a second notice today", rec, "今天已對該任務下發過督辦單")
					continue
				}
				wantCode(t, "issue", rec, http.StatusSeeOther)
				page := followWithFlash(t, office, rec, c.lang)
				wantIn(t, "the task after issuing", page, "flash-success", c.want)
			}
		})
	}
}

// followWithFlash opens the page a redirect leads to, carrying the flash
// cookie the redirect set, as a browser does.
func followWithFlash(t *testing.T, c webClient, rec *httptest.ResponseRecorder, lang string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest("GET", rec.Header().Get("Location"), nil)
	req.Header.Set("Accept-Language", lang)
	req.AddCookie(&http.Cookie{Name: httpauth.CookieName, Value: c.cookie})
	for _, ck := range rec.Result().Cookies() {
		req.AddCookie(ck)
	}
	out := httptest.NewRecorder()
	c.app.Server.ServeHTTP(out, req)
	return out
}
