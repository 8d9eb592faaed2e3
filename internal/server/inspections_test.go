package server

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/workday"
)

// findingTextA is a finding addressed to 市法制办 (unit A), which a
// liaison of unit B must never read.
const findingTextA = "甲单位行政执法公示不全"

// inspectionDay is a date of the inspections' rows, days from today in
// China: the service refuses an inspection held in the future and a
// rectification deadline in the past.
func inspectionDay(days int) string {
	return time.Now().In(workday.Zone).AddDate(0, 0, days).Format(time.DateOnly)
}

func photoUpload(t *testing.T) (io.Reader, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("attachments", "现场.png")
	fw.Write(append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0}, 32)...))
	mw.Close()
	return &buf, mw.FormDataContentType()
}

// addPlanEntry puts entry 1 in this year's 督查计划.
func addPlanEntry(t *testing.T, f *fixture) {
	t.Helper()
	body := fmt.Sprintf(`{"year":%s,"title":"执法公示专项督查","kind":"special","month":5,"unit_ids":[%d]}`, inspectionDay(0)[:4], f.unitA)
	if code, out := f.send(t, "office", "POST", "/api/v1/inspection-plans", body); code >= 300 {
		t.Fatalf("plan entry = %d %s", code, out)
	}
}

// recordInspection records inspection 1, held today.
func recordInspection(t *testing.T, f *fixture) {
	t.Helper()
	if code, out := f.send(t, "office", "POST", "/api/v1/inspections",
		`{"kind":"covert","title":"窗口单位明察暗访","held_on":"`+inspectionDay(0)+`","inspectors":"督查室"}`); code >= 300 {
		t.Fatalf("inspection = %d %s", code, out)
	}
}

// recordFinding records finding 1 of inspection 1, addressed to unit A,
// with a photo (finding file 1).
func recordFinding(t *testing.T, f *fixture) {
	t.Helper()
	recordInspection(t, f)
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("description", findingTextA)
	mw.WriteField("unit_id", fmt.Sprint(f.unitA))
	mw.WriteField("due", inspectionDay(20))
	fw, _ := mw.CreateFormFile("attachments", "现场.png")
	fw.Write(append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0}, 32)...))
	mw.Close()
	if code := f.call(t, "office", "POST", "/api/v1/inspections/1/findings", &buf, mw.FormDataContentType()); code >= 300 {
		t.Fatalf("finding = %d", code)
	}
}

// inspectionWrites are the inspections' rows of the write matrix: the
// office alone plans, records and rechecks.
func inspectionWrites() []endpoint {
	office := []string{"office"}
	return []endpoint{
		{name: "add to the 督查计划", method: "POST", path: func(*fixture) string { return "/api/v1/inspection-plans" },
			jsonFor: func(f *fixture) string {
				return fmt.Sprintf(`{"year":2026,"title":"执法公示专项督查","kind":"special","month":5,"unit_ids":[%d]}`, f.unitA)
			}, allowed: office},
		{name: "change a 督查计划 entry", method: "PUT", path: func(*fixture) string { return "/api/v1/inspection-plans/1" },
			body: func(*testing.T) (io.Reader, string) {
				return strings.NewReader(`{"year":2026,"title":"执法公示专项督查（调整）","kind":"special","month":6}`), "application/json"
			}, allowed: office, prepare: addPlanEntry},
		{name: "delete a 督查计划 entry", method: "DELETE", path: func(*fixture) string { return "/api/v1/inspection-plans/1" },
			body: func(*testing.T) (io.Reader, string) { return strings.NewReader(``), "application/json" }, allowed: office, prepare: addPlanEntry},
		{name: "record an inspection", method: "POST", path: func(*fixture) string { return "/api/v1/inspections" },
			body: func(*testing.T) (io.Reader, string) {
				return strings.NewReader(`{"kind":"field","title":"实地督查","held_on":"` + inspectionDay(0) + `","inspectors":"督查室"}`), "application/json"
			}, allowed: office},
		{name: "record a finding", method: "POST", path: func(*fixture) string { return "/api/v1/inspections/1/findings" },
			jsonFor: func(f *fixture) string {
				return fmt.Sprintf(`{"description":"公示栏内容过期","unit_id":%d,"due":%q}`, f.unitA, inspectionDay(15))
			}, allowed: office, prepare: recordInspection},
		{name: "add a finding's photos", method: "POST", path: func(*fixture) string { return "/api/v1/findings/1/files" },
			body: photoUpload, allowed: office, prepare: recordFinding},
		{name: "recheck a finding", method: "POST", path: func(*fixture) string { return "/api/v1/findings/1/recheck" },
			body: func(*testing.T) (io.Reader, string) {
				return strings.NewReader(`{"passed":true,"note":"已整改"}`), "application/json"
			},
			allowed: office, prepare: recordFinding},
	}
}

// inspectionReads are the inspections' rows of the read matrix: the
// inspections are the office's and leaders'; a finding, its photo and the
// 问题清单 are also its unit's liaison's, and none of another unit's.
func inspectionReads() []readEndpoint {
	fixed := func(path string) func(*fixture) string { return func(*fixture) string { return path } }
	notFoundForB := map[string]string{"liaisonB": "404"}
	return []readEndpoint{
		{path: fixed("/api/v1/inspection-plans"), allowed: officeLeader},
		{path: fixed("/api/v1/inspections"), allowed: officeLeader},
		{path: fixed("/api/v1/inspections/1"), allowed: officeLeader},
		{path: fixed("/api/v1/findings"), allowed: ledgerOnly, hidden: findingTextA},
		{path: fixed("/api/v1/findings.xlsx"), allowed: ledgerOnly},
		{path: fixed("/api/v1/findings/1"), allowed: unitAOnly, refused: notFoundForB},
		{path: fixed("/api/v1/finding-files/1"), allowed: unitAOnly, refused: notFoundForB},
	}
}

// seedInspections gives the read matrix an entry of the 督查计划, an
// inspection and a finding of unit A with a photo.
func seedInspections(t *testing.T, f *fixture) {
	t.Helper()
	addPlanEntry(t, f)
	recordFinding(t, f)
}
