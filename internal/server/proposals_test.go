package server

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"strings"
	"testing"

	"github.com/duban/duban/internal/store/storetest"
	"github.com/xuri/excelize/v2"
)

// proposalTextA is the content of a proposal 市法制办 (unit A) handles,
// which a liaison of unit B must never read.
const proposalTextA = "甲单位执法公示栏建议"

// createProposal takes in proposal n (its id when it is the n-th).
func createProposal(t *testing.T, f *fixture, n int) {
	t.Helper()
	body := fmt.Sprintf(`{"kind":"suggestion","number":"%d","title":"关于执法公示的建议%d","content":%q,"proposers":"李华","phone":"13900001111"}`,
		n, n, proposalTextA)
	if code, out := f.send(t, "office", "POST", "/api/v1/proposals", body); code >= 300 {
		t.Fatalf("proposal = %d %s", code, out)
	}
}

// assignProposalA takes in proposal 1 and 交办 it to unit A alone.
func assignProposalA(t *testing.T, f *fixture) {
	t.Helper()
	createProposal(t, f, 1)
	if code, out := f.send(t, "office", "POST", "/api/v1/proposals/1/assign", fmt.Sprintf(`{"lead_unit_id":%d}`, f.unitA)); code >= 300 {
		t.Fatalf("assign = %d %s", code, out)
	}
}

// assignProposalBWithA takes in proposal 1 and 交办 it to unit B with
// unit A 会办.
func assignProposalBWithA(t *testing.T, f *fixture) {
	t.Helper()
	createProposal(t, f, 1)
	if code, out := f.send(t, "office", "POST", "/api/v1/proposals/1/assign",
		fmt.Sprintf(`{"lead_unit_id":%d,"co_unit_ids":[%d]}`, f.unitB, f.unitA)); code >= 300 {
		t.Fatalf("assign = %d %s", code, out)
	}
}

// answerProposalA has unit A answer proposal 1 (class A).
func answerProposalA(t *testing.T, f *fixture) {
	t.Helper()
	assignProposalA(t, f)
	if code, out := f.send(t, "liaisonA", "POST", "/api/v1/proposals/1/answer",
		`{"class":"A","answer":"已采纳，公示栏已更新。","signer":"张主任","contact":"王科长 0750-1234567"}`); code >= 300 {
		t.Fatalf("answer = %d %s", code, out)
	}
}

// unsatisfiedProposalA is answerProposalA rated 不满意.
func unsatisfiedProposalA(t *testing.T, f *fixture) {
	t.Helper()
	answerProposalA(t, f)
	if code, out := f.send(t, "office", "POST", "/api/v1/proposals/1/feedback", `{"satisfaction":"unsatisfied","text":"未解决"}`); code >= 300 {
		t.Fatalf("feedback = %d %s", code, out)
	}
}

// proposalSheet is the 人大 list of two 建议, the first for unit A.
func proposalSheet(t *testing.T) (io.Reader, string) {
	t.Helper()
	x := excelize.NewFile()
	s := x.GetSheetName(0)
	for i, r := range [][]string{{"编号", "标题", "领衔代表", "内容", "主办单位"},
		{"31", "关于执法公示的建议", "李华", "公示栏内容过期。", "市法制办"}, {"32", "关于预算公开的建议", "赵敏", "预算公开不及时。", ""}} {
		for j, v := range r {
			c, _ := excelize.CoordinatesToCellName(j+1, i+1)
			x.SetCellValue(s, c, v)
		}
	}
	var file bytes.Buffer
	if err := x.Write(&file); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("kind", "suggestion")
	fw, _ := mw.CreateFormFile("file", "建议清单.xlsx")
	fw.Write(file.Bytes())
	mw.Close()
	return &buf, mw.FormDataContentType()
}

// proposalWrites are the proposals' rows of the write matrix: the office
// takes in, assigns, records feedback and sends back; the 会办 unit's
// liaison gives its opinion and the 主办 unit's answers; a liaison of a
// unit that does not handle the proposal, or acts for a unit not theirs,
// is refused.
func proposalWrites() []endpoint {
	office := []string{"office"}
	json := func(s string) func(*testing.T) (io.Reader, string) {
		return func(*testing.T) (io.Reader, string) { return strings.NewReader(s), "application/json" }
	}
	return []endpoint{
		{name: "take in a proposal", method: "POST", path: func(*fixture) string { return "/api/v1/proposals" },
			body: json(`{"kind":"proposal","number":"8","title":"关于校园安全的提案","content":"加强校园周边管理。","proposers":"陈明"}`), allowed: office},
		{name: "import proposals", method: "POST", path: func(*fixture) string { return "/api/v1/proposals/import" },
			body: proposalSheet, allowed: office},
		{name: "assign a proposal", method: "POST", path: func(*fixture) string { return "/api/v1/proposals/1/assign" },
			jsonFor: func(f *fixture) string { return fmt.Sprintf(`{"lead_unit_id":%d,"urgent":true}`, f.unitA) },
			allowed: office, prepare: func(t *testing.T, f *fixture) { createProposal(t, f, 1) }},
		{name: "give a 会办 opinion", method: "POST", path: func(*fixture) string { return "/api/v1/proposals/1/opinion" },
			jsonFor: func(f *fixture) string { return fmt.Sprintf(`{"unit_id":%d,"opinion":"同意。"}`, f.unitA) },
			allowed: []string{"liaisonA"}, prepare: assignProposalBWithA},
		{name: "dispute a proposal's 交办", method: "POST", path: func(*fixture) string { return "/api/v1/proposals/1/dispute" },
			jsonFor: func(f *fixture) string {
				return fmt.Sprintf(`{"unit_id":%d,"reason":"不属本单位职责。"}`, f.unitA)
			},
			allowed: []string{"liaisonA"}, prepare: assignProposalA},
		{name: "record a 面商 with the representative", method: "POST", path: func(*fixture) string { return "/api/v1/proposals/1/contact" },
			body: json(`{"way":"座谈","note":"与李华代表面商，听取意见。"}`), allowed: []string{"liaisonA"}, prepare: assignProposalA},
		{name: "answer a proposal", method: "POST", path: func(*fixture) string { return "/api/v1/proposals/1/answer" },
			body:    json(`{"class":"B","answer":"列入明年计划。","signer":"张主任","contact":"王科长","planned":"2099-06-30"}`),
			allowed: []string{"liaisonA"}, prepare: assignProposalA},
		{name: "record a proposal's feedback", method: "POST", path: func(*fixture) string { return "/api/v1/proposals/1/feedback" },
			body: json(`{"satisfaction":"basic"}`), allowed: office, prepare: answerProposalA},
		{name: "redo a proposal", method: "POST", path: func(*fixture) string { return "/api/v1/proposals/1/redo" },
			body: json(`{"reason":"代表不满意"}`), allowed: office, prepare: unsatisfiedProposalA},
	}
}

// proposalReads are the proposals' rows of the read matrix: the office
// and leaders read all; a liaison those their unit handles, and of
// another unit's nothing.
func proposalReads() []readEndpoint {
	fixed := func(path string) func(*fixture) string { return func(*fixture) string { return path } }
	notFoundForB := map[string]string{"liaisonB": "404"}
	return []readEndpoint{
		{path: fixed("/api/v1/proposals"), allowed: ledgerOnly, hidden: proposalTextA},
		{path: fixed("/api/v1/proposals/1"), allowed: unitAOnly, refused: notFoundForB},
		{path: fixed("/api/v1/proposals/1/letter.docx"), allowed: unitAOnly, refused: notFoundForB},
	}
}

// seedProposals gives the read matrix proposal 1, answered by unit A.
func seedProposals(t *testing.T, f *fixture) {
	t.Helper()
	answerProposalA(t, f)
}

// TestProposalDisputeAndContactAPI: a 会办 unit disputes its 交办 and the
// 主办 unit records a 面商 through the API; both show in the proposal's
// history; a 会办 unit cannot record the 面商, nor dispute for another
// unit, and a dispute without a reason or a 面商 dated tomorrow is
// refused field by field.
func TestProposalDisputeAndContactAPI(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			assignProposalBWithA(t, f)
			for _, c := range []struct {
				caller, path, body string
				code               int
				has                string
			}{
				{"liaisonA", "/dispute", fmt.Sprintf(`{"unit_id":%d,"reason":""}`, f.unitA), 422, `"reason"`},
				{"liaisonA", "/dispute", fmt.Sprintf(`{"unit_id":%d,"reason":"应由乙单位会办"}`, f.unitB), 403, ""},
				{"liaisonA", "/dispute", fmt.Sprintf(`{"unit_id":%d,"reason":"不属本单位职责。"}`, f.unitA), 200, "不属本单位职责。"},
				{"liaisonA", "/contact", `{"note":"面商"}`, 403, ""},
				{"liaisonB", "/contact", `{"on":"2999-01-01","note":"面商"}`, 422, `"on"`},
				{"liaisonB", "/contact", `{"way":"电话","note":"与李华代表电话沟通。"}`, 200, "电话：与李华代表电话沟通。"},
			} {
				code, out := f.send(t, c.caller, "POST", "/api/v1/proposals/1"+c.path, c.body)
				if code != c.code || !strings.Contains(out, c.has) {
					t.Errorf("%s %s %s = %d %s", c.caller, c.path, c.body, code, out)
				}
			}
			_, out := f.send(t, "office", "GET", "/api/v1/proposals/1", "")
			for _, want := range []string{`"kind":"dispute"`, `"kind":"contact"`} {
				if !strings.Contains(out, want) {
					t.Errorf("history lacks %s: %s", want, out)
				}
			}
		})
	}
}
