package cli

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/config"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/xlsxout"
)

// TestEveryWebFormByEveryRole posts every state-changing form of the web
// pages as every role, and as nobody, on both databases, through the
// application exactly as `serve` builds it. Allowed callers get a page or
// a redirect, everyone else signed in gets 403, nobody gets sent to sign in.
func TestEveryWebFormByEveryRole(t *testing.T) {
	type form struct {
		name    string
		path    func(unitA, bystander int64) string
		values  func(caller string) url.Values
		allowed []string
		// files, when set, sends the form as multipart with these files
		// in field "file" (a plan, a registry sheet) or "files"
		// (attachments); filesFor, when set, gives them per caller.
		files    map[string][]byte
		filesFor func(caller string) map[string][]byte
	}
	var lf ledgerIDs // set per database before the forms are sent
	var insp inspectionIDs
	var rnd randomIDs
	var prop proposalIDs
	var dec decisionIDs
	var unitAID int64
	plan, err := os.ReadFile(seed003)
	if err != nil {
		t.Fatal(err)
	}
	// currentCaller is the caller a form is being sent as, for the forms
	// whose record is each caller's own (a group to delete, a unit to
	// merge: the first caller's success would leave nothing to the next).
	var currentCaller string
	forms := []form{
		{"create unit", func(int64, int64) string { return "/units/new" },
			func(c string) url.Values { return url.Values{"name": {"新单位-" + c}, "kind": {"department"}} }, []string{"sysadmin", "office"}, nil, nil},
		{"edit unit", func(a, _ int64) string { return fmt.Sprintf("/units/%d/edit", a) },
			func(string) url.Values {
				return url.Values{"name": {"市法制办"}, "kind": {"department"}, "aliases": {"市政府法制办公室"}}
			}, []string{"sysadmin", "office"}, nil, nil},
		{"create user", func(int64, int64) string { return "/users/new" },
			func(c string) url.Values {
				return url.Values{"username": {"new" + c}, "display_name": {"新人"}, "role": {""}}
			}, []string{"sysadmin"}, nil, nil},
		{"rename user", func(_, b int64) string { return fmt.Sprintf("/users/%d/edit", b) },
			func(c string) url.Values {
				return url.Values{"username": {"bystander"}, "display_name": {"改名"}, "role": {"leader"}}
			}, []string{"sysadmin"}, nil, nil},
		{"grant role", func(_, b int64) string { return fmt.Sprintf("/users/%d/edit", b) },
			func(c string) url.Values {
				return url.Values{"username": {"bystander"}, "display_name": {"旁观者"}, "role": {"office"}}
			}, []string{"secadmin"}, nil, nil},
		{"disable user", func(_, b int64) string { return fmt.Sprintf("/users/%d/disable", b) }, nil, []string{"sysadmin"}, nil, nil},
		{"enable user", func(_, b int64) string { return fmt.Sprintf("/users/%d/enable", b) }, nil, []string{"sysadmin"}, nil, nil},
		{"unlock user", func(_, b int64) string { return fmt.Sprintf("/users/%d/unlock", b) }, nil, []string{"secadmin"}, nil, nil},
		{"reset password", func(_, b int64) string { return fmt.Sprintf("/users/%d/reset-password", b) }, nil, []string{"sysadmin"}, nil, nil},
		{"reset a lost second factor", func(_, b int64) string { return fmt.Sprintf("/users/%d/totp-reset", b) }, nil, []string{"sysadmin"}, nil, nil},
		{"upload plan", func(int64, int64) string { return "/plans" }, nil, []string{"office"}, map[string][]byte{"plan.txt": plan}, nil},
		{"create unit group", func(int64, int64) string { return "/units/groups/new" },
			func(c string) url.Values {
				return url.Values{"name": {"分组-" + c}, "members": {fmt.Sprint(lf.mergeInto)}}
			},
			[]string{"sysadmin", "office"}, nil, nil},
		{"edit unit group", func(int64, int64) string { return fmt.Sprintf("/units/groups/%d/edit", lf.group) },
			func(c string) url.Values { return url.Values{"name": {"县市区"}, "note": {"改-" + c}} }, []string{"sysadmin", "office"}, nil, nil},
		{"delete unit group", func(int64, int64) string {
			return fmt.Sprintf("/units/groups/%d/delete", cmp.Or(lf.groupToDelete[currentCaller], lf.group))
		},
			nil, []string{"sysadmin", "office"}, nil, nil},
		{"merge units", func(int64, int64) string {
			return fmt.Sprintf("/units/%d/merge", cmp.Or(lf.unitToMerge[currentCaller], lf.unitToMerge["office"]))
		},
			func(string) url.Values { return url.Values{"into": {fmt.Sprint(lf.mergeInto)}} }, []string{"sysadmin", "office"}, nil, nil},
		{"import units", func(int64, int64) string { return "/units/import" }, nil, []string{"sysadmin", "office"}, nil,
			func(c string) map[string][]byte {
				return map[string][]byte{"registry.xlsx": registrySheet(t, "导入单位-"+c)}
			}},
		{"save task under review", func(int64, int64) string { return fmt.Sprintf("/plans/%d/tasks/%d", lf.draftPlan, lf.draftTask) },
			func(c string) url.Values {
				return url.Values{"title": {"审核中的任务-" + c}, "units.0.name": {"市法制办"}, "units.0.unit": {"0"}}
			}, []string{"office"}, nil, nil},
		{"create unit at review", func(int64, int64) string { return fmt.Sprintf("/plans/%d/tasks/%d/units", lf.draftPlan, lf.draftTask) },
			func(c string) url.Values {
				return url.Values{"title": {"审核中的任务"}, "units.0.name": {"审核新建单位-" + c}, "units.0.unit": {"0"}, "create_unit": {"0"}}
			}, []string{"office"}, nil, nil},
		{"edit plan at review", func(int64, int64) string { return fmt.Sprintf("/plans/%d/edit", lf.draftPlan) },
			func(c string) url.Values { return url.Values{"title": {"矩阵方案-" + c}, "year": {"2026"}} }, []string{"office"}, nil, nil},
		{"add task at review", func(int64, int64) string { return fmt.Sprintf("/plans/%d/tasks", lf.draftPlan) },
			func(c string) url.Values {
				return url.Values{"after": {"0"}, "path": {"9." + c}, "title": {"补录任务-" + c}, "units.0.name": {"市法制办"}, "units.0.unit": {"0"}}
			}, []string{"office"}, nil, nil},
		{"move task at review", func(int64, int64) string { return fmt.Sprintf("/plans/%d/tasks/%d/move", lf.draftPlan, lf.draftTask) },
			func(string) url.Values { return url.Values{"after": {"0"}} }, []string{"office"}, nil, nil},
		{"confirm plan", func(int64, int64) string { return fmt.Sprintf("/plans/%d/confirm", lf.draftPlan) },
			func(string) url.Values { return url.Values{"force": {"1"}} }, []string{"office"}, nil, nil},
		// Once confirmed, the draft's steps are refused to the office with
		// a message (a redirect), and to everyone else with 403.
		{"split task at review", func(int64, int64) string { return fmt.Sprintf("/plans/%d/tasks/%d/split", lf.draftPlan, lf.draftTask) },
			func(string) url.Values { return url.Values{"at": {"1"}} }, []string{"office"}, nil, nil},
		{"merge tasks at review", func(int64, int64) string { return fmt.Sprintf("/plans/%d/tasks/%d/merge", lf.draftPlan, lf.draftTask) },
			func(string) url.Values { return url.Values{"with": {fmt.Sprint(lf.draftTask)}} }, []string{"office"}, nil, nil},
		{"delete task at review", func(int64, int64) string { return fmt.Sprintf("/plans/%d/tasks/%d/delete", lf.draftPlan, lf.draftTask) },
			nil, []string{"office"}, nil, nil},
		{"discard draft", func(int64, int64) string { return fmt.Sprintf("/plans/%d/discard", lf.draftPlan) }, nil, []string{"office"}, nil, nil},
		{"rename registered plan", func(int64, int64) string { return fmt.Sprintf("/plans/%d/title", lf.live) },
			func(c string) url.Values { return url.Values{"title": {"矩阵方案-" + c}} }, []string{"office"}, nil, nil},
		{"report progress", func(int64, int64) string { return fmt.Sprintf("/tasks/%d/progress", lf.report) },
			func(c string) url.Values { return url.Values{"text": {"进展-" + c}, "percent": {"30"}} }, []string{"liaisonA"},
			map[string][]byte{"evidence.pdf": pdfBytes}, nil},
		{"apply for 销号", func(int64, int64) string { return fmt.Sprintf("/tasks/%d/close-request", lf.apply) },
			func(c string) url.Values { return url.Values{"text": {"已完成-" + c}} }, []string{"liaisonA"}, map[string][]byte{"done.pdf": pdfBytes}, nil},
		// 任务分解 and 落实计划: the office, or a liaison of the lead unit.
		{"split a task", func(int64, int64) string { return fmt.Sprintf("/tasks/%d/subtasks", lf.report) },
			func(c string) url.Values {
				return url.Values{"title": {"子任务-" + c, ""}, "unit": {fmt.Sprint(lf.unitA), ""}, "due": {"2026-12-31", ""}, "weight": {"2", ""}}
			}, []string{"office", "liaisonA"}, nil, nil},
		{"upload a 落实计划", func(int64, int64) string { return fmt.Sprintf("/tasks/%d/workplan", lf.report) }, nil, []string{"office", "liaisonA"},
			map[string][]byte{"落实计划.txt": []byte("落实计划\n一、起草细则（市法制办负责，2026年6月底前完成）\n")}, nil},
		{"confirm a 落实计划", func(int64, int64) string { return fmt.Sprintf("/tasks/%d/workplan/confirm", lf.report) },
			func(c string) url.Values {
				return url.Values{"file": {"落实计划.txt"}, "keep": {"1"}, "title": {"起草细则-" + c}, "unit": {fmt.Sprint(lf.unitA)}, "due": {"2026-06-30"}}
			}, []string{"office", "liaisonA"}, nil, nil},
		{"close task", func(int64, int64) string { return fmt.Sprintf("/tasks/%d/close", lf.close) }, nil, []string{"office"}, nil, nil},
		{"return 销号", func(int64, int64) string { return fmt.Sprintf("/tasks/%d/return", lf.ret) },
			func(string) url.Values { return url.Values{"reason": {"材料不全"}} }, []string{"office"}, nil, nil},
		{"ask for an extension", func(int64, int64) string { return fmt.Sprintf("/tasks/%d/extension", lf.extend) },
			func(c string) url.Values { return url.Values{"new_due": {"2099-01-31"}, "reason": {"需协调-" + c}} }, []string{"liaisonA"}, nil, nil},
		{"decide an extension", func(int64, int64) string { return fmt.Sprintf("/tasks/%d/extension/decide", lf.decide) },
			func(string) url.Values { return url.Values{"decision": {"approve"}} }, []string{"office"}, nil, nil},
		{"adjust a task", func(int64, int64) string { return fmt.Sprintf("/tasks/%d/adjust", lf.adjust) },
			func(c string) url.Values {
				return url.Values{"title": {"调整"}, "lead": {"市法制办"}, "requirement": {"按月报送-" + c}, "reason": {"会议决定"}}
			}, []string{"office"}, nil, nil},
		{"pass a task down", func(int64, int64) string { return fmt.Sprintf("/tasks/%d/pass-down", lf.passDown) }, nil, []string{"office"}, nil, nil},
		{"take over a task (提级督办)", func(int64, int64) string { return fmt.Sprintf("/tasks/%d/takeover", lf.report) }, nil, []string{"office"}, nil, nil},
		{"revoke a task", func(int64, int64) string { return fmt.Sprintf("/tasks/%d/revoke", lf.revoke) },
			func(string) url.Values { return url.Values{"reason": {"任务取消"}} }, []string{"office"}, nil, nil},
		{"add ticket category", func(int64, int64) string { return "/tickets/services/new" },
			func(c string) url.Values {
				return url.Values{"code": {"m-" + c}, "name": {"矩阵类别"}, "path": {"矩阵/" + c}, "type": {"help"}, "active": {"1"}}
			}, []string{"office"}, nil, nil},
		{"move ticket category", func(int64, int64) string { return "/tickets/services/m-office/edit" },
			func(c string) url.Values {
				return url.Values{"name": {"矩阵类别"}, "path": {"矩阵移动/" + c}, "type": {"help"}}
			}, []string{"office"}, nil, nil},
		{"add to the 督查计划", func(int64, int64) string { return "/inspections/plan" },
			func(c string) url.Values {
				return url.Values{"year": {"2026"}, "title": {"专项督查-" + c}, "kind": {"special"}, "month": {"5"}}
			}, []string{"office"}, nil, nil},
		{"record an inspection", func(int64, int64) string { return "/inspections" },
			func(c string) url.Values {
				return url.Values{"title": {"实地督查-" + c}, "kind": {"field"}, "held_on": {"2026-01-05"}, "inspectors": {"督查室"}}
			}, []string{"office"}, nil, nil},
		{"record a finding", func(int64, int64) string { return fmt.Sprintf("/inspections/%d/findings", insp.inspection) },
			func(c string) url.Values {
				return url.Values{"description": {"问题-" + c}, "unit": {fmt.Sprint(insp.unit)}, "due": {"2099-12-31"}}
			}, []string{"office"}, map[string][]byte{"现场.pdf": pdfBytes}, nil},
		{"add a finding's photos", func(int64, int64) string { return fmt.Sprintf("/findings/%d/files", insp.finding) },
			nil, []string{"office"}, map[string][]byte{"补充.pdf": pdfBytes}, nil},
		{"recheck a finding", func(int64, int64) string { return fmt.Sprintf("/findings/%d/recheck", insp.finding) },
			func(string) url.Values { return url.Values{"result": {"passed"}, "note": {"已整改"}} }, []string{"office"}, nil, nil},
		{"delete a 督查计划 entry", func(int64, int64) string { return fmt.Sprintf("/inspections/plan/%d/delete", insp.entry) },
			func(string) url.Values { return url.Values{"year": {"2026"}} }, []string{"office"}, nil, nil},
		{"import 检查对象", func(int64, int64) string { return "/random/entities/import" },
			nil, []string{"office"}, map[string][]byte{"名录.csv": randomCSV(20)}, nil},
		{"import 执法检查人员", func(int64, int64) string { return "/random/inspectors/import" },
			nil, []string{"office"}, map[string][]byte{"人员.csv": []byte("姓名,执法证号,执法资格\n赵某,44010020777771,食品\n")}, nil},
		{"add to a 抽查事项清单", func(int64, int64) string { return "/random/matters" },
			func(c string) url.Values {
				return url.Values{"unit": {fmt.Sprint(unitAID)}, "name": {"事项-" + c}, "method": {"现场检查"}}
			}, []string{"office"}, nil, nil},
		{"add a 执法检查人员", func(int64, int64) string { return "/random/inspectors" },
			func(c string) url.Values {
				return url.Values{"name": {"执法员-" + c}, "cert": {"矩阵-" + c}, "qualifications": {"食品"}}
			}, []string{"office"}, nil, nil},
		{"create a 抽查计划", func(a, _ int64) string { return "/random/plans" },
			func(c string) url.Values {
				return url.Values{"unit": {fmt.Sprint(unitAID)}, "title": {"抽查-" + c}, "year": {"2026"}, "matter": {"食品经营检查"},
					"count": {"2"}, "team_size": {"2"}}
			}, []string{"office"}, nil, nil},
		{"draw a 抽查计划", func(int64, int64) string { return fmt.Sprintf("/random/plans/%d/draw", rnd.open) },
			func(string) url.Values { return url.Values{} }, []string{"office"}, nil, nil},
		{"enter a check's result", func(int64, int64) string { return fmt.Sprintf("/random/checks/%d/result", rnd.check) },
			func(string) url.Values {
				return url.Values{"checked_on": {rnd.drawnOn}, "category": {"clean"}, "publish": {"1"}}
			}, []string{"office"}, nil, nil},
		{"take in a proposal", func(int64, int64) string { return "/proposals" },
			func(c string) url.Values {
				return url.Values{"kind": {"suggestion"}, "number": {"M-" + c}, "title": {"建议-" + c}, "content": {"内容"}, "proposers": {"李华"}}
			}, []string{"office"}, nil, nil},
		{"import proposals", func(int64, int64) string { return "/proposals/import" },
			func(string) url.Values { return url.Values{"kind": {"proposal"}} }, []string{"office"}, nil,
			func(c string) map[string][]byte {
				return map[string][]byte{"提案清单.xlsx": proposalSheet(t, "P-"+c)}
			}},
		{"assign a proposal", func(int64, int64) string { return fmt.Sprintf("/proposals/%d/assign", prop.received) },
			func(string) url.Values { return url.Values{"lead": {fmt.Sprint(unitAID)}} }, []string{"office"}, nil, nil},
		{"give a 会办 opinion", func(int64, int64) string { return fmt.Sprintf("/proposals/%d/opinion", prop.bWithA) },
			func(string) url.Values { return url.Values{"unit": {fmt.Sprint(unitAID)}, "text": {"同意。"}} }, []string{"liaisonA"}, nil, nil},
		{"answer a proposal", func(int64, int64) string { return fmt.Sprintf("/proposals/%d/answer", prop.a) },
			func(string) url.Values {
				return url.Values{"class": {"C"}, "answer": {"留作参考。"}, "signer": {"张主任"}, "contact": {"王科长"}}
			}, []string{"liaisonA"}, nil, nil},
		{"record a proposal's feedback", func(int64, int64) string { return fmt.Sprintf("/proposals/%d/feedback", prop.a) },
			func(string) url.Values { return url.Values{"satisfaction": {"unsatisfied"}} }, []string{"office"}, nil, nil},
		{"redo a proposal", func(int64, int64) string { return fmt.Sprintf("/proposals/%d/redo", prop.a) },
			func(string) url.Values { return url.Values{"text": {"代表不满意"}} }, []string{"office"}, nil, nil},
		{"record a 面商", func(int64, int64) string { return fmt.Sprintf("/proposals/%d/contact", prop.a) },
			func(string) url.Values { return url.Values{"way": {"电话"}, "text": {"与代表沟通。"}} }, []string{"liaisonA"}, nil, nil},
		{"dispute a 交办", func(int64, int64) string { return fmt.Sprintf("/proposals/%d/dispute", prop.a) },
			func(string) url.Values {
				return url.Values{"unit": {fmt.Sprint(unitAID)}, "text": {"不属本单位职责。"}}
			}, []string{"liaisonA"}, nil, nil},
		{"enter a 督办件", func(int64, int64) string { return "/matters/new" },
			func(c string) url.Values {
				return url.Values{"kind": {"assignment"}, "title": {"交办事项-" + c}, "letter_ref": {"交办〔2026〕1号"},
					"lead": {fmt.Sprint(unitAID)}, "deadline": {"12月20日前"}}
			}, []string{"office"}, nil, nil},
		{"enter a meeting's 议定事项", func(int64, int64) string { return "/matters/batch" },
			func(c string) url.Values {
				return url.Values{"kind": {"meeting"}, "meeting": {"常务会议-" + c}, "lines": {"一、由市法制办牵头，12月31日前完成。\n二、年底前完成。"},
					"lead": {fmt.Sprint(unitAID)}}
			}, []string{"office"}, nil, nil},
		{"add a kind of 督办件", func(int64, int64) string { return "/matters/kinds" },
			func(c string) url.Values {
				return url.Values{"code": {"kind-" + strings.ToLower(c)}, "name": {"矩阵类别-" + c}, "source": {"assignment"}}
			}, []string{"office"}, nil, nil},
		{"enter a 重大行政决策", func(int64, int64) string { return "/decisions" },
			func(c string) url.Values {
				return url.Values{"year": {"2099"}, "title": {"决策事项-" + c}, "unit": {fmt.Sprint(unitAID)}, "planned": {"四季度"}}
			}, []string{"office"}, nil, nil},
		{"approve a decision catalogue", func(int64, int64) string { return "/decisions/catalogue" },
			func(string) url.Values { return url.Values{"year": {"2099"}, "action": {"approve"}} }, []string{"office"}, nil, nil},
		{"record a decision's step", func(int64, int64) string { return fmt.Sprintf("/decisions/%d/steps", dec.decision) },
			func(string) url.Values { return url.Values{"kind": {"expert"}, "body": {"专家论证意见"}} }, []string{"office"},
			map[string][]byte{"论证报告.pdf": pdfBytes}, nil},
		// 谁起草谁解读: the drafting unit's (unit A's) liaison uploads its 解读.
		{"upload a decision's 解读", func(int64, int64) string { return fmt.Sprintf("/decisions/%d/steps", dec.decision) },
			func(c string) url.Values { return url.Values{"kind": {"interpret"}, "body": {"政策解读-" + c}} }, []string{"office", "liaisonA"},
			map[string][]byte{"解读.pdf": pdfBytes}, nil},
		{"register a commitment", func(int64, int64) string { return "/commitments" },
			func(c string) url.Values {
				return url.Values{"title": {"承诺-" + c}, "source": {"pledge"}, "unit": {fmt.Sprint(unitAID)}, "target": {"办结"}, "deadline": {"2099-12-31"}}
			}, []string{"office"}, nil, nil},
		{"report a commitment's progress", func(int64, int64) string { return fmt.Sprintf("/commitments/%d/progress", dec.commitment) },
			func(c string) url.Values { return url.Values{"kind": {"progress"}, "body": {"进展-" + c}} }, []string{"office", "liaisonA"}, nil, nil},
		{"sign out", func(int64, int64) string { return "/signout" }, nil, []string{"sysadmin", "secadmin", "auditadmin", "office", "leader", "liaisonA", "liaisonB"}, nil, nil},
	}
	callers := []string{"anonymous", "sysadmin", "secadmin", "auditadmin", "office", "leader", "liaisonA", "liaisonB"}
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			app, cookies, unitA := webFixture(t, kind, callers[1:])
			lf = newLedgerIDs(t, app.Store)
			lf.unitA = unitA
			insp = seedInspections(t, app, unitA)
			rnd = seedRandom(t, app, unitA)
			prop = seedProposals(t, app, unitA, false)
			dec = seedDecisions(t, app, unitA)
			unitAID = unitA
			for _, fm := range forms {
				for _, caller := range callers {
					bystander := newBystander(t, app.Store)
					currentCaller = caller
					var body io.Reader = strings.NewReader("")
					ctype := "application/x-www-form-urlencoded"
					var values url.Values
					if fm.values != nil {
						values = fm.values(caller)
						body = strings.NewReader(values.Encode())
					}
					files := fm.files
					if fm.filesFor != nil {
						files = fm.filesFor(caller)
					}
					if files != nil {
						field := "files"
						switch fm.name {
						case "upload plan", "upload a 落实计划", "import units", "import 检查对象", "import 执法检查人员", "import proposals":
							field = "file"
						}
						body, ctype = multipartBody(t, values, field, files)
					}
					req := httptest.NewRequest("POST", fm.path(unitA, bystander), body)
					req.Header.Set("Content-Type", ctype)
					if c := cookies[caller]; c != "" {
						req.AddCookie(&http.Cookie{Name: httpauth.CookieName, Value: c})
					}
					rec := httptest.NewRecorder()
					app.Server.ServeHTTP(rec, req)
					got := outcome(rec)
					want := "forbidden"
					switch {
					case caller == "anonymous":
						want = "sign in"
					case contains(fm.allowed, caller):
						want = "done"
					}
					if fm.name == "sign out" && want == "done" {
						// Signing out ends on the sign-in page; what counts is that the session is gone.
						want = "sign in"
						if _, _, err := app.Signin.Authenticate(context.Background(), cookies[caller]); err == nil {
							t.Errorf("sign out as %s left the session alive", caller)
						}
					}
					if got != want {
						t.Errorf("%s as %s: %d %s (%s), want %s", fm.name, caller, rec.Code, got, rec.Header().Get("Location"), want)
					}
				}
			}
		})
	}
}

func outcome(rec *httptest.ResponseRecorder) string {
	loc := rec.Header().Get("Location")
	switch {
	case rec.Code == http.StatusForbidden:
		return "forbidden"
	case rec.Code >= 300 && rec.Code < 400 && strings.HasPrefix(loc, "/signin"):
		return "sign in"
	case rec.Code < 400:
		return "done"
	}
	return fmt.Sprintf("error %d", rec.Code)
}

// webFixture boots the application on a fresh database of kind with one
// account per caller and a web session for each, and returns the session
// cookies and the unit of liaisonA.
func webFixture(t *testing.T, kind string, callers []string) (*App, map[string]string, int64) {
	t.Helper()
	ctx := context.Background()
	opts := storetest.Options(t, kind)
	cfg := config.Defaults()
	cfg.TOTPRequiredRoles = nil // not about the second factor: TestTOTPJourney is
	cfg.DataDir, cfg.DB, cfg.LogLevel = opts.DataDir, opts.DSN, "error"
	if cfg.DataDir == "" {
		cfg.DataDir = t.TempDir()
	}
	app, err := Open(ctx, cfg, &Env{Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { app.Close() })
	a, _ := app.Store.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市法制办", Kind: records.UnitDepartment})
	b, _ := app.Store.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市财政局", Kind: records.UnitDepartment})
	roles := map[string]authz.Role{"sysadmin": authz.SysAdmin, "secadmin": authz.SecAdmin, "auditadmin": authz.AuditAdmin,
		"office": authz.Office, "leader": authz.Leader, "liaisonA": authz.Liaison, "liaisonB": authz.Liaison}
	units := map[string][]int64{"liaisonA": {a.ID}, "liaisonB": {b.ID}}
	cookies := map[string]string{}
	for _, c := range callers {
		u, err := app.Store.CreateUser(ctx, audit.System, records.UserCreate{Username: c, PasswordHash: testHash, Role: roles[c], Units: units[c]})
		if err != nil {
			t.Fatal(err)
		}
		if cookies[c], err = app.Signin.Issue(ctx, audit.System, u.ID, records.SessionWeb, "test", "127.0.0.1"); err != nil {
			t.Fatal(err)
		}
	}
	return app, cookies, a.ID
}

var testHash, _ = auth.HashPassword("Fixture#Pass1")

func newBystander(t *testing.T, db *store.DB) int64 {
	t.Helper()
	n, _ := db.CountUsers(context.Background())
	u, err := db.CreateUser(context.Background(), audit.System, records.UserCreate{Username: fmt.Sprintf("bystander%d", n),
		DisplayName: "旁观者", PasswordHash: testHash, Role: authz.Leader})
	if err != nil {
		t.Fatal(err)
	}
	return u.ID
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ledgerIDs are the plans and tasks the role matrix acts on: a draft
// under review, and registered tasks of 市法制办 (liaisonA's unit) to
// report on, apply for 销号, close and return.
type ledgerIDs struct {
	draftPlan, draftTask      int64
	live                      int64 // the registered plan of the tasks below
	report, apply, close, ret int64
	// Tasks to ask an extension on, to decide one (asked already), to
	// adjust and to revoke (issue 15).
	extend, decide, adjust, revoke int64
	unitA                          int64 // liaisonA's unit, which leads every task
	// group is a unit group of 市法制办's; groupToDelete and unitToMerge
	// are a group and a unit for each caller allowed to delete or merge.
	group, mergeInto int64 // mergeInto: 市法制办
	groupToDelete    map[string]int64
	unitToMerge      map[string]int64
	// passDown is a task of 各县（市、区）政府, a catch-all unit standing
	// for the group 县市区, to pass down (分解下达).
	passDown int64
}

func newLedgerIDs(t *testing.T, db *store.DB) ledgerIDs {
	t.Helper()
	ctx := context.Background()
	task := func(title string) plandoc.Task {
		return plandoc.Task{Path: []string{"1"}, Title: title, Units: []string{"市法制办"}, LeadUnits: []string{"市法制办"}}
	}
	importPlan := func(draft bool, sum string, tasks ...plandoc.Task) int64 {
		id, _, err := db.ImportPlan(ctx, records.PlanImport{SourceName: "matrix.txt", SourceSHA256: strings.Repeat(sum, 64),
			Format: "text", Plan: &plandoc.Plan{Title: "矩阵方案", Tasks: tasks}, Draft: draft, SourceText: "矩阵方案"})
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	var ids ledgerIDs
	ids.draftPlan = importPlan(true, "a", task("审核中的任务"))
	live := importPlan(false, "b", task("报送"), task("申请"), task("销号"), task("退回"), task("延期"), task("审批延期"), task("调整"), task("撤销"))
	ids.live = live
	byTitle := map[string]int64{}
	for _, p := range []int64{ids.draftPlan, live} {
		tasks, _, err := db.FindTasks(ctx, records.TaskFilter{PlanID: p})
		if err != nil {
			t.Fatal(err)
		}
		for _, tk := range tasks {
			byTitle[tk.Title] = tk.ID
		}
	}
	ids.draftTask, ids.report, ids.apply, ids.close, ids.ret = byTitle["审核中的任务"], byTitle["报送"], byTitle["申请"], byTitle["销号"], byTitle["退回"]
	ids.extend, ids.decide, ids.adjust, ids.revoke = byTitle["延期"], byTitle["审批延期"], byTitle["调整"], byTitle["撤销"]
	unitA, _, err := db.FindTasks(ctx, records.TaskFilter{PlanID: live, Limit: 1})
	if err != nil || len(unitA) == 0 || len(unitA[0].UnitIDs) == 0 {
		t.Fatalf("matrix tasks %+v %v", unitA, err)
	}
	g, err := db.CreateUnitGroup(ctx, audit.System, records.GroupInput{Name: "县市区", Members: unitA[0].UnitIDs})
	if err != nil {
		t.Fatal(err)
	}
	ids.group, ids.mergeInto, ids.groupToDelete, ids.unitToMerge = g.ID, unitA[0].UnitIDs[0], map[string]int64{}, map[string]int64{}
	all, err := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "各县（市、区）政府", Kind: records.UnitGroup})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.UpdateUnit(ctx, audit.System, all.ID, records.UnitUpdate{MembersGroupID: &g.ID}); err != nil {
		t.Fatal(err)
	}
	down := importPlan(false, "c", plandoc.Task{Path: []string{"1"}, Title: "下达", Units: []string{"各县（市、区）政府"},
		Deadlines: []plandoc.Deadline{{Text: "2099年底前", Due: "2099-12-31"}}})
	if tasks, _, err := db.FindTasks(ctx, records.TaskFilter{PlanID: down}); err != nil || len(tasks) != 1 {
		t.Fatal(tasks, err)
	} else {
		ids.passDown = tasks[0].ID
	}
	for _, c := range []string{"sysadmin", "office"} {
		g, err := db.CreateUnitGroup(ctx, audit.System, records.GroupInput{Name: "待删分组-" + c})
		if err != nil {
			t.Fatal(err)
		}
		u, err := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "待合并单位-" + c, Kind: records.UnitOther})
		if err != nil {
			t.Fatal(err)
		}
		ids.groupToDelete[c], ids.unitToMerge[c] = g.ID, u.ID
	}
	// An application is someone's: the liaison of the unit made it.
	u, err := db.FindUserByUsername(ctx, "liaisonA")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{ids.close, ids.ret} {
		if _, err := db.RequestClose(ctx, audit.Actor{ID: u.ID, Username: u.Username}, id, 0, "已完成", nil); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.RequestExtension(ctx, audit.Actor{ID: u.ID, Username: u.Username}, ids.decide, 0, "2099-01-31", "需协调"); err != nil {
		t.Fatal(err)
	}
	return ids
}

// registrySheet is a registry import file registering one unit.
func registrySheet(t *testing.T, unit string) []byte {
	t.Helper()
	data, err := xlsxout.Write([]xlsxout.Sheet{{Name: "单位", Header: []string{"单位名称*", "上级单位", "类型"}, Rows: [][]any{{unit, "", "市直部门"}}}})
	if err != nil {
		t.Fatal(err)
	}
	return data
}
