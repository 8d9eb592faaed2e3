package server

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mime/multipart"
	"strings"
	"testing"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/randomsvc"
)

// randomCode is the i-th valid 统一社会信用代码 of the matrix's directory.
func randomCode(i int) string { return randomsvc.CheckChar(fmt.Sprintf("91440100MA%07d", i)) }

func randomCSV(n int) string {
	var b strings.Builder
	b.WriteString("名称,统一社会信用代码,类型,区域,风险等级\n")
	for i := range n {
		fmt.Fprintf(&b, "商户%d,%s,企业,城区,%s\n", i, randomCode(i), []string{"A", "B", "C", "D"}[i%4])
	}
	return b.String()
}

func randomUpload(t *testing.T) (io.Reader, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", "名录.csv")
	fw.Write([]byte(randomCSV(8)))
	mw.Close()
	return &buf, mw.FormDataContentType()
}

// inspectorUpload is a multipart upload of an inspector file of two rows.
func inspectorUpload(t *testing.T) (io.Reader, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", "人员.csv")
	fw.Write([]byte("姓名,执法证号,单位,执法资格,区域,统一社会信用代码\n王某,44010020888881,市市场监管局,食品、药品,城区," + randomCode(0) + "\n李某,44010020888882,市市场监管局,食品,,\n"))
	mw.Close()
	return &buf, mw.FormDataContentType()
}

var randomOffice = authz.Principal{UserID: 0, Username: "office", Role: authz.Office}

// randomDirectory fills the directory through the service: eight
// entities and three inspectors, the first tied to the first entity.
func randomDirectory(t *testing.T, f *fixture) {
	t.Helper()
	ctx := context.Background()
	if _, err := f.services.Random.ImportEntities(ctx, randomOffice, audit.System, "名录.csv", []byte(randomCSV(8))); err != nil {
		t.Fatal(err)
	}
	for k := range 3 {
		in := randomsvc.InspectorInput{Name: fmt.Sprintf("检查员%d", k), Cert: fmt.Sprintf("44010020%06d", k), Qualifications: []string{"食品"}}
		if k == 0 {
			in.Ties = []string{randomCode(0)}
		}
		if _, err := f.services.Random.AddInspector(ctx, randomOffice, audit.System, in); err != nil {
			t.Fatal(err)
		}
	}
}

// randomPlan creates plan 1 of unit A over the directory.
func randomPlan(t *testing.T, f *fixture) {
	t.Helper()
	randomDirectory(t, f)
	if _, err := f.services.Random.CreatePlan(context.Background(), randomOffice, audit.System, randomsvc.PlanInput{UnitID: f.unitA,
		Title: "食品抽查", Year: 2026, Matter: "食品经营检查", Count: 3, TeamSize: 2}); err != nil {
		t.Fatal(err)
	}
}

// randomDrawn draws plan 1: checks 1–3.
func randomDrawn(t *testing.T, f *fixture) {
	t.Helper()
	randomPlan(t, f)
	if _, err := f.services.Random.Draw(context.Background(), randomOffice, audit.System, 1); err != nil {
		t.Fatal(err)
	}
}

// randomWrites are the 双随机 rows of the write matrix: the office's.
func randomWrites() []endpoint {
	office := []string{"office"}
	jsonBody := func(s string) func(*testing.T) (io.Reader, string) {
		return func(*testing.T) (io.Reader, string) { return strings.NewReader(s), "application/json" }
	}
	return []endpoint{
		{name: "import 检查对象", method: "POST", path: func(*fixture) string { return "/api/v1/random/entities/import" },
			body: randomUpload, allowed: office},
		{name: "import 执法检查人员", method: "POST", path: func(*fixture) string { return "/api/v1/random/inspectors/import" },
			body: inspectorUpload, allowed: office},
		{name: "add to a 抽查事项清单", method: "POST", path: func(*fixture) string { return "/api/v1/random/matters" },
			jsonFor: func(f *fixture) string {
				return fmt.Sprintf(`{"unit_id":%d,"name":"食品经营许可事项检查","object_type":"食品经营者","basis":"《食品安全法》","method":"现场检查"}`, f.unitA)
			}, allowed: office},
		{name: "add a 执法检查人员", method: "POST", path: func(*fixture) string { return "/api/v1/random/inspectors" },
			body: jsonBody(`{"name":"王某","cert":"44010020999999","unit_name":"市市场监管局","qualifications":["食品"]}`), allowed: office},
		{name: "create a 抽查计划", method: "POST", path: func(*fixture) string { return "/api/v1/random/plans" },
			jsonFor: func(f *fixture) string {
				return fmt.Sprintf(`{"unit_id":%d,"title":"食品抽查","year":2026,"matter":"食品经营检查","count":2,"team_size":2}`, f.unitA)
			}, allowed: office, prepare: randomDirectory},
		{name: "draw a 抽查计划", method: "POST", path: func(*fixture) string { return "/api/v1/random/plans/1/draw" },
			body: jsonBody(`{}`), allowed: office, prepare: randomPlan},
		{name: "enter a check's result", method: "POST", path: func(*fixture) string { return "/api/v1/random/checks/1/result" },
			body: func(*testing.T) (io.Reader, string) {
				return strings.NewReader(`{"checked_on":"` + inspectionDay(0) + `","category":"clean","publish":true}`), "application/json"
			}, allowed: office, prepare: randomDrawn},
	}
}

// randomReads are the 双随机 rows of the read matrix: the plans are the
// office's and leaders'; a drawn plan's record is anyone's, signed in or
// not.
func randomReads() []readEndpoint {
	fixed := func(path string) func(*fixture) string { return func(*fixture) string { return path } }
	return []readEndpoint{
		{path: fixed("/api/v1/random/plans"), allowed: officeLeader},
		{path: fixed("/api/v1/random/matters"), allowed: officeLeader},
		{path: fixed("/api/v1/random/plans/1"), allowed: officeLeader},
		{path: fixed("/api/v1/random/plans/1/draw"), allowed: append([]string{"anonymous"}, everyone...)},
	}
}

// TestRedrawIsRefused: drawing a drawn plan answers 409 and leaves the
// record as it was.
func TestRedrawIsRefused(t *testing.T) {
	f := newFixture(t, "sqlite")
	randomDrawn(t, f)
	before, _ := f.services.Random.Record(context.Background(), 1)
	code, body := f.send(t, "office", "POST", "/api/v1/random/plans/1/draw", `{}`)
	if code != 409 || !strings.Contains(body, "conflict") {
		t.Fatalf("a second draw = %d %s", code, body)
	}
	after, _ := f.services.Random.Record(context.Background(), 1)
	if !bytes.Equal(before, after) {
		t.Fatal("the record changed")
	}
}

// TestRandomDrawTakesNoEntropy: the draw takes nothing chosen at the
// draw; a public_entropy, never committed to, is refused (400) and the
// plan stays undrawn; the empty body draws.
func TestRandomDrawTakesNoEntropy(t *testing.T) {
	f := newFixture(t, "sqlite")
	randomPlan(t, f)
	code, body := f.send(t, "office", "POST", "/api/v1/random/plans/1/draw", `{"public_entropy":"07 12 19"}`)
	if code != 400 || !strings.Contains(body, "public_entropy") {
		t.Fatalf("a draw with a public entropy = %d %s", code, body)
	}
	if _, err := f.services.Random.Record(context.Background(), 1); err == nil {
		t.Fatal("the plan was drawn")
	}
	if code, body := f.send(t, "office", "POST", "/api/v1/random/plans/1/draw", `{}`); code != 201 {
		t.Fatalf("a draw = %d %s", code, body)
	}
}
