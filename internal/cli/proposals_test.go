package cli

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"context"
	"testing"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/proposalsvc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/workday"
)

// pageProposalA is the title of the proposal 市法制办 (unit A) handles,
// which a liaison of unit B must never read.
const pageProposalA = "甲单位政务公开栏更新建议"

// proposalIDs are the proposals the pages and forms act on: one 交办 to
// unit A alone (answered when the pages are read), one to unit B with
// unit A 会办, one not yet 交办.
type proposalIDs struct{ a, bWithA, received int64 }

// proposalPages are the proposals' rows of the page matrix: the office
// and leaders read all, a liaison those their unit handles; the portal's
// pages are everyone's.
func proposalPages() []page {
	fixed := func(p string) func(pageIDs) string { return func(pageIDs) string { return p } }
	return []page{
		{path: fixed("/proposals"), allowed: ledgerReaders, hidden: pageProposalA},
		{path: fixed("/proposals/1"), allowed: unitAReaders, refused: map[string]string{"liaisonB": "error 404"}},
		{path: fixed("/proposals/1/letter.docx"), allowed: unitAReaders, refused: map[string]string{"liaisonB": "error 404"}},
		{path: fixed("/public/proposals"), allowed: allCallers},
		{path: fixed("/public/proposals/1"), allowed: allCallers},
	}
}

// seedProposals takes in the three proposals of proposalIDs (ids 1, 2
// and 3 on a fresh database); with answered, unit A answers the first.
func seedProposals(t *testing.T, app *App, unitA int64, answered bool) proposalIDs {
	t.Helper()
	ctx := context.Background()
	reg, err := app.Store.FindUnits(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var unitB int64
	for _, u := range reg {
		if u.ID != unitA && u.Kind != records.UnitGroup && unitB == 0 {
			unitB = u.ID
		}
	}
	u, err := app.Store.FindUserByUsername(ctx, "office")
	if err != nil {
		t.Fatal(err)
	}
	office := authz.Principal{UserID: u.ID, Username: u.Username, Role: authz.Office}
	actor := audit.Actor{ID: u.ID, Username: u.Username}
	ps := app.Proposals
	var ids []int64
	for i, title := range []string{pageProposalA, "关于预算公开的建议", "关于校园安全的提案"} {
		pr, err := ps.Create(ctx, office, actor, records.Proposal{Kind: records.ProposalSuggestion, Number: []string{"1", "2", "3"}[i], Title: title,
			Content: "建议内容。", Proposers: "李华", Phone: "13900001111"})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, pr.ID)
	}
	if _, err := ps.Assign(ctx, office, actor, ids[0], proposalsvc.Assignment{LeadUnitID: unitA}); err != nil {
		t.Fatal(err)
	}
	if _, err := ps.Assign(ctx, office, actor, ids[1], proposalsvc.Assignment{LeadUnitID: unitB, CoUnitIDs: []int64{unitA}}); err != nil {
		t.Fatal(err)
	}
	if answered {
		liaison := authz.Principal{Username: "liaisonA", Role: authz.Liaison, Units: []int64{unitA}}
		if _, err := ps.Answer(ctx, liaison, audit.Actor{Username: "liaisonA"}, ids[0], proposalsvc.Answer{Class: "A", Answer: "已采纳。",
			Signer: "张主任", Contact: "王科长"}); err != nil {
			t.Fatal(err)
		}
	}
	return proposalIDs{a: ids[0], bWithA: ids[1], received: ids[2]}
}

// proposalSheet is a 政协 list of one 提案 numbered number.
func proposalSheet(t *testing.T, number string) []byte {
	t.Helper()
	x := excelize.NewFile()
	s := x.GetSheetName(0)
	for i, r := range [][]string{{"编号", "标题", "提案人", "内容"}, {number, "关于校园周边交通的提案", "陈明", "上下学高峰拥堵。"}} {
		for j, v := range r {
			c, _ := excelize.CoordinatesToCellName(j+1, i+1)
			x.SetCellValue(s, c, v)
		}
	}
	var b bytes.Buffer
	if err := x.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestLateProposalOnDesk: a 建议 交办 to 市法制办 four months ago and not
// answered is past its three-month limit: the office's 督办台 lists it
// under the late proposals, as does 市法制办's liaison's, and 市财政局's
// liaison's does not; answered, it leaves the desk.
func TestLateProposalOnDesk(t *testing.T) {
	callers := []string{"office", "liaisonA", "liaisonB"}
	app, cookies, unitA := webFixture(t, "sqlite", callers)
	ctx := context.Background()
	u, err := app.Store.FindUserByUsername(ctx, "office")
	if err != nil {
		t.Fatal(err)
	}
	office := authz.Principal{UserID: u.ID, Username: u.Username, Role: authz.Office}
	actor := audit.Actor{ID: u.ID, Username: u.Username}
	const title = "关于延长便民服务时间的建议"
	pr, err := app.Proposals.Create(ctx, office, actor, records.Proposal{Kind: records.ProposalSuggestion, Number: "77", Title: title,
		Content: "建议延长服务时间。", Proposers: "赵敏"})
	if err != nil {
		t.Fatal(err)
	}
	on := app.Proposals.Now().In(workday.Zone).AddDate(0, -4, 0).Format(time.DateOnly)
	got, err := app.Proposals.Assign(ctx, office, actor, pr.ID, proposalsvc.Assignment{LeadUnitID: unitA, On: on})
	if err != nil {
		t.Fatal(err)
	}
	if got.Due >= app.Proposals.Today() {
		t.Fatalf("交办 on %s is due %s, not past", on, got.Due)
	}
	desk := func(caller string) string {
		t.Helper()
		req := httptest.NewRequest("GET", "/desk", nil)
		req.AddCookie(&http.Cookie{Name: httpauth.CookieName, Value: cookies[caller]})
		rec := httptest.NewRecorder()
		app.Server.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			t.Fatalf("/desk as %s = %d", caller, rec.Code)
		}
		body := rec.Body.String()
		if i := strings.Index(body, `id="late-proposals"`); i >= 0 {
			return body[i:]
		}
		return ""
	}
	for _, c := range []string{"office", "liaisonA"} {
		if s := desk(c); !strings.Contains(s, title) || !strings.Contains(s, got.Due) {
			t.Errorf("%s's desk does not list the late proposal", c)
		}
	}
	if s := desk("liaisonB"); strings.Contains(s, title) {
		t.Errorf("市财政局's liaison's desk lists 市法制办's proposal")
	}
	liaison := authz.Principal{Username: "liaisonA", Role: authz.Liaison, Units: []int64{unitA}}
	if _, err := app.Proposals.Answer(ctx, liaison, audit.Actor{Username: "liaisonA"}, pr.ID, proposalsvc.Answer{Class: "A", Answer: "已延长。",
		Signer: "张主任", Contact: "王科长"}); err != nil {
		t.Fatal(err)
	}
	if s := desk("office"); strings.Contains(s, title) {
		t.Errorf("the answered proposal stays on the desk")
	}
}
