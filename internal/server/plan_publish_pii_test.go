package server

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
)

// TestPublishAsksAboutPersonalData: through the API, publishing a plan a
// task of which holds an ID number and a phone number is refused with
// 409 naming that task (masked, as the portal would show it) and what it
// holds, and nothing is published; {"confirm_pii": true} publishes it,
// and the portal shows the task masked.
func TestPublishAsksAboutPersonalData(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			f := newFixture(t, kind)
			plan, _, err := f.db.ImportPlan(ctx, records.PlanImport{SourceName: "pii.txt", SourceSHA256: strings.Repeat("cd", 32), Format: "text",
				Plan: &plandoc.Plan{Title: "困难群众帮扶方案", Year: 2026, Tasks: []plandoc.Task{
					{Path: []string{"1"}, Title: "走访困难户", Units: []string{"市法制办"}},
					{Path: []string{"2"}, Title: "为身份证 4401 0119 9001 0112 34 的困难户办理低保", Text: "回访电话１３９００００１１１１。", Units: []string{"市法制办"}},
				}}})
			if err != nil {
				t.Fatal(err)
			}
			path := "/api/v1/plans/" + strconv.FormatInt(plan, 10) + "/publish"
			code, body := f.send(t, "office", "POST", path, `{"public":true}`)
			var refused struct {
				Error struct{ Code, Message string }
				Tasks []struct {
					ID    int64
					Path  []string
					Title string
					Kinds []string
				}
			}
			if err := json.Unmarshal([]byte(body), &refused); code != http.StatusConflict || err != nil || refused.Error.Code != "personal_data" ||
				refused.Error.Message == "" || len(refused.Tasks) != 1 {
				t.Fatalf("publish: %d %v %s", code, err, body)
			}
			if got := refused.Tasks[0]; got.Title != "为身份证 **** **** **** **** 34 的困难户办理低保" || strings.Join(got.Kinds, ",") != "id_number,mobile" {
				t.Errorf("named task %+v", got)
			}
			if p, err := f.db.FindPlanByID(ctx, plan); err != nil || p.PublishedAt != nil {
				t.Fatalf("published after the question: %v", err)
			}
			if code, body := f.send(t, "office", "POST", path, `{"public":true,"confirm_pii":true}`); code != http.StatusOK {
				t.Fatalf("confirmed publish: %d %s", code, body)
			}
			home, err := f.services.Portal.Home(ctx, "低保")
			if err != nil || len(home.Results) != 1 || strings.Contains(home.Results[0].Title, "4401") {
				t.Errorf("portal search: %+v %v", home, err)
			}
			task, err := f.services.Portal.Task(ctx, home.Results[0].ID)
			if err != nil || task.Text != "回访电话*********１１。" {
				t.Errorf("portal task text %q %v", task.Text, err)
			}
		})
	}
}
