package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
)

// TestAssessmentScoresByGroupAPI: GET /api/v1/assessment/scores?group=
// ranks the group's members only, placed 1..n among themselves, each with
// the score it has in the whole ranking; a group that does not exist is
// refused at the field.
func TestAssessmentScoresByGroupAPI(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			ctx := context.Background()
			_, err := f.db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市发展改革委", Kind: records.UnitDepartment})
			if err != nil {
				t.Fatal(err)
			}
			due := []plandoc.Deadline{{Text: "3月底前", Due: "2026-03-31"}}
			if _, _, err := f.db.ImportPlan(ctx, records.PlanImport{SourceName: "q.txt", SourceSHA256: strings.Repeat("7", 64),
				Format: "text", Plan: &plandoc.Plan{Title: "一季度方案", Tasks: []plandoc.Task{
					{Path: []string{"1"}, Title: "丙", Units: []string{"市法制办", "市财政局", "市发展改革委"}, Deadlines: due},
					{Path: []string{"2"}, Title: "丁", Units: []string{"市财政局", "市发展改革委", "市法制办"}, Deadlines: due},
					{Path: []string{"3"}, Title: "戊", Units: []string{"市发展改革委", "市法制办", "市财政局"}, Deadlines: due}}}}); err != nil {
				t.Fatal(err)
			}
			// 市法制办 is commended and 市财政局 held to account, so the
			// three totals differ.
			for unit, k := range map[int64]string{f.unitA: "commendation", f.unitB: "accountability"} {
				body := fmt.Sprintf(`{"unit_id":%d,"kind":%q,"title":"记录","on":"2026-03-10"}`, unit, k)
				if code, out := f.ask(t, "office", "POST", "/api/v1/assessment/records", "", body); code != http.StatusCreated {
					t.Fatalf("record: %d %s", code, out)
				}
			}
			type ranking struct {
				Scores []struct {
					UnitID int64   `json:"unit_id"`
					Total  float64 `json:"total"`
					Rank   int     `json:"rank"`
				} `json:"scores"`
			}
			var all, grouped ranking
			if code := f.do(t, "leader", "GET", "/api/v1/assessment/scores?period=2026-Q1", nil, "", &all); code != http.StatusOK {
				t.Fatalf("ranking = %d", code)
			}
			whole := map[int64]float64{}
			var places []int
			for _, s := range all.Scores {
				whole[s.UnitID] = s.Total
				places = append(places, s.Rank)
			}
			if !slices.Equal(places, []int{1, 2, 3}) {
				t.Fatalf("the whole ranking %+v, want three places", all.Scores)
			}
			// The group is the two units placed 2nd and 3rd overall.
			second, third := all.Scores[1].UnitID, all.Scores[2].UnitID
			var g records.Group
			body := fmt.Sprintf(`{"name":"市直部门","members":[%d,%d]}`, third, second)
			if code := f.do(t, "office", "POST", "/api/v1/unit-groups", strings.NewReader(body), "application/json", &g); code != http.StatusCreated {
				t.Fatalf("create group = %d", code)
			}
			if code := f.do(t, "leader", "GET", fmt.Sprintf("/api/v1/assessment/scores?period=2026-Q1&group=%d", g.ID), nil, "", &grouped); code != http.StatusOK {
				t.Fatalf("group ranking = %d", code)
			}
			var got []string
			for _, s := range grouped.Scores {
				got = append(got, fmt.Sprintf("%d:%d", s.UnitID, s.Rank))
				if s.Total != whole[s.UnitID] {
					t.Errorf("unit %d scores %v in the group, %v in the whole ranking", s.UnitID, s.Total, whole[s.UnitID])
				}
			}
			if want := []string{fmt.Sprintf("%d:1", second), fmt.Sprintf("%d:2", third)}; !slices.Equal(got, want) {
				t.Errorf("the group's ranking %v, want %v", got, want)
			}
			if code, out := f.ask(t, "leader", "GET", "/api/v1/assessment/scores?period=2026-Q1&group=9999", "", ""); code != http.StatusUnprocessableEntity ||
				!strings.Contains(out, `"field":"group"`) {
				t.Errorf("a group that does not exist: %d %s", code, out)
			}
		})
	}
}

// TestUnitMergeAPI: merging 市发改委 into 市发展改革委 leaves one unit
// holding both units' tasks, and the old name resolves as an alias on the
// next import: seed 000, uploaded after the merge, has its tasks that
// name 市发改委 matched to 市发展改革委.
func TestUnitMergeAPI(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			ctx := context.Background()
			into, _ := f.db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市发展改革委", Kind: records.UnitDepartment})
			from, _ := f.db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市发改委", Kind: records.UnitDepartment})
			if _, _, err := f.db.ImportPlan(ctx, records.PlanImport{SourceName: "m.txt", SourceSHA256: strings.Repeat("6", 64),
				Format: "text", Plan: &plandoc.Plan{Title: "方案", Tasks: []plandoc.Task{
					{Path: []string{"1"}, Title: "甲", Units: []string{"市发改委"}},
					{Path: []string{"2"}, Title: "乙", Units: []string{"市发展改革委"}}}}}); err != nil {
				t.Fatal(err)
			}
			merge := fmt.Sprintf("/api/v1/units/%d/merge", from.ID)
			if code, out := f.ask(t, "leader", "POST", merge, "", fmt.Sprintf(`{"into":%d}`, into.ID)); code != http.StatusForbidden {
				t.Errorf("a leader merges: %d %s", code, out)
			}
			if code, out := f.ask(t, "office", "POST", merge, "", fmt.Sprintf(`{"into":%d}`, from.ID)); code != http.StatusUnprocessableEntity ||
				!strings.Contains(out, `"field":"into"`) {
				t.Errorf("into itself: %d %s", code, out)
			}
			var m records.UnitMerge
			if code := f.do(t, "sysadmin", "POST", merge, strings.NewReader(fmt.Sprintf(`{"into":%d}`, into.ID)), "application/json", &m); code != http.StatusOK {
				t.Fatalf("merge = %d", code)
			}
			if !slices.Contains(m.Into.Aliases, "市发改委") || m.Moved["task_units.unit_id"] != 1 {
				t.Errorf("merge result %+v", m)
			}
			var held struct {
				Total int `json:"total"`
			}
			f.do(t, "office", "GET", fmt.Sprintf("/api/v1/tasks?unit=%d", into.ID), nil, "", &held)
			if held.Total != 2 {
				t.Errorf("市发展改革委 holds %d tasks, want both", held.Total)
			}
			if code, _ := f.ask(t, "office", "POST", merge, "", fmt.Sprintf(`{"into":%d}`, into.ID)); code != http.StatusNotFound {
				t.Errorf("merging the merged unit again: %d", code)
			}

			data, err := os.ReadFile("../../demo/seeds/000_13974991b8bcf676.txt")
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			mw := multipart.NewWriter(&buf)
			fw, _ := mw.CreateFormFile("file", "000.txt")
			fw.Write(data)
			mw.Close()
			var rv struct {
				Tasks []struct {
					UnitMatches []struct {
						Name   string `json:"name"`
						UnitID int64  `json:"unit_id"`
					} `json:"unit_matches"`
				} `json:"tasks"`
			}
			if code := f.do(t, "office", "POST", "/api/v1/plans", &buf, mw.FormDataContentType(), &rv); code != http.StatusCreated {
				t.Fatalf("upload = %d", code)
			}
			named := 0
			for _, tk := range rv.Tasks {
				for _, um := range tk.UnitMatches {
					if um.Name == "市发改委" {
						named++
						if um.UnitID != into.ID {
							t.Errorf("市发改委 matched to unit %d, want %d", um.UnitID, into.ID)
						}
					}
				}
			}
			if named == 0 {
				out, _ := json.Marshal(rv)
				t.Fatalf("seed 000 names no 市发改委: %.500s", out)
			}
		})
	}
}
