package web

import (
	"bytes"
	"io/fs"
	"path"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/ledgersvc"
)

// samplePages is one data value per page template, filled so that every
// branch with content renders. A new page without a sample fails the test.
func samplePages() map[string][]any {
	u := &CurrentUser{ID: 1, Username: "admin", DisplayName: "王建国", Role: RoleSysAdmin}
	p := Page{Lang: i18n.ZhCN, User: u, Nav: []NavItem{{Label: "工作台", Href: "/", Active: true}, {Label: "单位", Href: "/units"}},
		LangLinks: []LangLink{{Lang: i18n.ZhCN, Label: "简体", Href: "/?lang=zh-CN", Current: true}, {Lang: i18n.ZhTW, Label: "繁體", Href: "/?lang=zh-TW"}},
		Flashes:   []Flash{{Kind: "success", Text: "已保存"}, {Kind: "error", Text: "出错"}}}
	anon := Page{Lang: i18n.ZhCN, LangLinks: p.LangLinks}
	users := []UserView{
		{ID: 1, Username: "admin", DisplayName: "王建国", Role: RoleSysAdmin},
		{ID: 2, Username: "liaison", DisplayName: "张联络", Role: RoleLiaison, UnitIDs: []int64{3}, Units: []string{"市司法局"}, Locked: true},
		{ID: 3, Username: "zhou", DisplayName: "周离职", Role: RoleLiaison, Disabled: true},
		{ID: 4, Username: "newbie", DisplayName: "孙新"},
	}
	errs := FieldErrors{"": "error.invalid", "username": "error.required", "display_name": "error.too_long", "role": "error.role_invalid",
		"units": "error.units_required", "password": "password.too_short", "confirm": "error.password_mismatch", "name": "error.name_taken",
		"parent": "error.parent_cycle", "kind": "error.kind_invalid", "aliases": "error.alias_taken", "from": "error.date_invalid", "to": "error.date_invalid"}
	unitOpts := []UnitOption{{ID: 1, Name: "市人民政府"}, {ID: 3, Name: "市司法局", Depth: 1, Selected: true}, {ID: 9, Name: "某街道", Depth: 2, Disabled: true}}
	rows := unitTree([]UnitView{{ID: 1, Name: "市人民政府", Kind: "city"}, {ID: 3, Name: "市司法局", ParentID: 1, Kind: "department", Aliases: []string{"市法制办"}}})
	at := time.Date(2026, 3, 1, 2, 3, 4, 0, time.UTC)
	audit := []AuditRow{
		{AuditView: AuditView{Seq: 2, At: at, Actor: "admin", IP: "10.0.0.1", Action: "user.update", Object: "user:2", Before: `{"a":1}`, After: `{"a":2,"b":"x"}`}},
		{AuditView: AuditView{Seq: 1, At: at, Actor: "admin", IP: "10.0.0.1", Action: "signin", Object: "user:1"}},
		{AuditView: AuditView{Seq: 0, At: at, Actor: "admin", IP: "10.0.0.1", Action: "x", Object: "y", Before: "not json", After: ""}},
	}
	for i := range audit {
		audit[i].Diff = auditDiff(audit[i].Before, audit[i].After)
	}
	roles := []Option{{Value: RoleSysAdmin, Label: "系统管理员"}, {Value: RoleLiaison, Label: "联络员", Selected: true}}
	ws := &ledgersvc.Workspace{Counts: map[string]int{"overdue": 2, "due_soon": 1}, Overdue: sampleTasks()[3:4], DueSoon: sampleTasks()[2:3],
		ReportsOwed: []ledgersvc.Owed{{Task: sampleTasks()[0], Periods: []ledgersvc.Obligation{{Label: "2025年第四季度"}}}}}
	tiles := []StatusTile{{Status: "overdue", Count: 2, Href: "/tasks?status=overdue"}, {Status: "closed", Href: "/tasks?status=closed"}}
	samples := map[string][]any{
		"signin": {
			SignInPage{Page: anon},
			SignInPage{Page: anon, Username: "admin", Next: "/users", Error: "bad_credentials"},
			SignInPage{Page: anon, Username: "admin", Error: "totp_required", AskCode: true},
			SignInPage{Page: anon, Username: "admin", Error: "totp_invalid", AskCode: true},
			SignInPage{Page: anon, Username: "admin", Error: "busy"},
			SignInPage{Page: anon, Error: "required"},
		},
		"totp": {
			TOTPPage{Page: anon, TOTPStatus: TOTPStatus{Required: true}},
			TOTPPage{Page: anon, TOTPStatus: TOTPStatus{URI: "otpauth://totp/duban:office?secret=JBSWY3DPEHPK3PXP", Grouped: "JBSW Y3DP EHPK 3PXP"}, Error: "totp.code_invalid"},
			TOTPPage{Page: anon, TOTPStatus: TOTPStatus{Enabled: true}, Codes: []string{"ABCDE-FGHJK", "23456-789AB"}},
			TOTPPage{Page: anon, TOTPStatus: TOTPStatus{Enabled: true, RecoveryCodes: 9}},
		},
		"setup": {
			SetupPage{Page: anon, Token: "tok"},
			SetupPage{Page: anon, Token: "tok", Form: SetupForm{Username: "admin", DisplayName: "王", Errors: errs}},
			SetupPage{Page: anon, Invalid: true},
			SetupPage{Page: anon, Token: "tok", Form: SetupForm{Username: "admin"}, Made: []SetupAccount{
				{Username: "secadmin", Role: RoleSecAdmin, Password: "Abc-123"}, {Username: "auditadmin", Role: RoleAuditAdmin, Password: "Def-456"}}},
		},
		"me_password": {
			MePasswordPage{Page: p},
			MePasswordPage{Page: Page{Lang: i18n.ZhCN, User: &CurrentUser{ID: 1, Username: "zhang", DisplayName: "张三", Role: RoleOffice, MustChangePassword: true}},
				Errors: FieldErrors{"old": "error.password_old_wrong", "new": "error.password_reused"}},
		},
		"home": {
			HomePage{Page: p, Intro: "负责", Cards: []HomeCard{{Label: "单位", Desc: "维护", Href: "/units"}}},
			HomePage{Page: p},
			HomePage{Page: p, Workspace: ws, Tiles: tiles, Overdue: workspaceList(sampleTasks(), 30, "overdue"), DueSoon: workspaceList(nil, 0, "due_soon")},
			HomePage{Page: p, Workspace: &ledgersvc.Workspace{}, Tiles: tiles},
		},
		"users": {
			UserListPage{Page: p, Users: users, Total: 4, Q: "王", Role: RoleLiaison, Roles: roles},
			UserListPage{Page: p},
		},
		"user_form": {
			UserFormPage{Page: p, IsNew: true, Roles: roles, Units: unitOpts, Form: UserForm{Errors: FieldErrors{}}},
			UserFormPage{Page: p, ID: 2, Roles: roles, Form: UserForm{Username: "liaison", Role: RoleLiaison, Errors: errs}},
		},
		"user_secret": {
			UserSecretPage{Page: p, Account: users[1], Password: "Abc-123", Created: true},
			UserSecretPage{Page: p, Account: users[1], Password: "Abc-123"},
		},
		"units": {
			UnitListPage{Page: p, Rows: rows},
			UnitListPage{Page: p, Rows: rows, CanWrite: true, Housekeeping: true, Groups: map[int64][]string{3: {"市直部门", "法治"}}},
			UnitListPage{Page: p},
		},
		"unit_groups": {
			GroupListPage{Page: p, Groups: []GroupView{{ID: 1, Name: "县市区", Note: "参加县市区排名", Members: []int64{3}, MemberNames: []string{"某县政府"}}, {ID: 2, Name: "空组"}}, CanWrite: true},
			GroupListPage{Page: p},
		},
		"unit_group_form": {
			GroupFormPage{Page: p, IsNew: true, Units: unitOpts, Form: GroupForm{Errors: FieldErrors{}}},
			GroupFormPage{Page: p, ID: 1, Units: unitOpts, Form: GroupForm{Name: "县市区", Members: []int64{3}, Errors: FieldErrors{"name": "error.group_name_taken", "members": "error.unit_not_found"}}},
		},
		"unit_merge": {
			UnitMergePage{Page: p, Unit: UnitView{ID: 3, Name: "市司法局"}, Targets: unitOpts, Errors: FieldErrors{}},
			UnitMergePage{Page: p, Unit: UnitView{ID: 3, Name: "市司法局"}, Targets: unitOpts, Into: 9, Errors: FieldErrors{"into": "error.merge_into_sub_unit"}},
			UnitMergePage{Page: p, Done: &MergeView{From: "市发改委", Into: "市发展改革委", Moved: []string{"任务中的单位 3 处"}}},
		},
		"unit_import": {
			UnitImportPage{Page: p},
			UnitImportPage{Page: p, Problems: []string{"文件有 1 处问题，未导入任何内容。", "“单位”表第 3 行“单位名称”（A3）：已有同名单位。"}},
			UnitImportPage{Page: p, Done: &ImportView{Units: []string{"市审计局"}, Accounts: []ImportedAccountView{{Username: "sjj", DisplayName: "张三", Role: "未分配角色", Password: "Tmp-1"}}, PasswordsFile: "data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,UEs="}},
			UnitImportPage{Page: p, Done: &ImportView{Units: []string{"市审计局"}}},
		},
		"unit_form": {
			UnitFormPage{Page: p, IsNew: true, Parents: unitOpts, Kinds: []Option{{Value: "city", Label: "市级机关"}}, Form: UnitForm{Errors: FieldErrors{}}},
			UnitFormPage{Page: p, ID: 3, Parents: unitOpts, Form: UnitForm{Name: "市司法局", ParentID: 1, Kind: "department", Aliases: "市法制办", Errors: errs}},
		},
		"audit": {
			AuditPage{Page: p, Entries: audit, Total: 120, First: 51, Last: 53, PrevHref: "/audit", NextHref: "/audit?page=3",
				ExportHref: "/audit/export.csv", Filter: AuditFilterForm{From: "2026-03-01", Actor: "admin", Page: 2, Errors: errs}},
			AuditPage{Page: p, ExportHref: "/audit/export.csv", Filter: AuditFilterForm{Errors: FieldErrors{}}},
		},
		"error": {
			ErrorPage{Page: p, Status: 403}, ErrorPage{Page: p, Status: 404}, ErrorPage{Page: anon, Status: 500},
		},
	}
	for name, datas := range ledgerSamples(p) {
		samples[name] = datas
	}
	for name, datas := range calendarSamples(p) {
		samples[name] = datas
	}
	for name, datas := range rulesSamples(p) {
		samples[name] = datas
	}
	for name, datas := range assessSamples(p) {
		samples[name] = datas
	}
	for name, datas := range portalSamples(p) {
		samples[name] = datas
	}
	for name, datas := range ticketSamples(p) {
		samples[name] = datas
	}
	for name, datas := range foiaSamples(p) {
		samples[name] = datas
	}
	for name, datas := range incidentSamples(p) {
		samples[name] = datas
	}
	for name, datas := range subtaskSamples(p) {
		samples[name] = append(samples[name], datas...)
	}
	for name, datas := range proposalSamples(p) {
		samples[name] = append(samples[name], datas...)
	}
	for name, datas := range inspectionSamples(p) {
		samples[name] = append(samples[name], datas...)
	}
	for name, datas := range randomSamples(p) {
		samples[name] = append(samples[name], datas...)
	}
	for name, datas := range matterSamples(p) {
		samples[name] = append(samples[name], datas...)
	}
	for name, datas := range decisionSamples(p) {
		samples[name] = append(samples[name], datas...)
	}
	return samples
}

// fragments are the named templates handlers render on their own.
var fragments = []struct{ page, name string }{{"users", "user_row"}, {"audit", "audit_results"}, {"tasks", "task_results"},
	{"task", "report_form"}, {"task", "close_form"}, {"plan_review", "review_task"}, {"plan_review", "review_saved"}}

func TestRenderEveryTemplate(t *testing.T) {
	h := newFixture(t, "").h
	samples := samplePages()
	files, err := fs.Glob(templateFS, "templates/pages/*.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(path.Base(file), ".html")
		if len(samples[name]) == 0 {
			t.Errorf("page %s has no sample data in samplePages", name)
		}
	}
	for _, lang := range i18n.Langs {
		for name, datas := range samples {
			for i, data := range datas {
				tmpl := h.views.lookup(lang, name)
				if tmpl == nil {
					t.Fatalf("no template set %s", name)
				}
				var b bytes.Buffer
				if err := tmpl.ExecuteTemplate(&b, "layout", data); err != nil {
					t.Errorf("%s %s #%d: %v", lang, name, i, err)
					continue
				}
				out := b.String()
				if !strings.Contains(out, "</html>") || !strings.Contains(out, `lang="`) {
					t.Errorf("%s %s #%d: incomplete page", lang, name, i)
				}
			}
		}
	}
	for _, fr := range fragments {
		var data any = samples[fr.page][0]
		switch fr.name {
		case "user_row":
			data = samples["users"][0].(UserListPage).Users[1]
		case "review_task":
			data = samples["plan_review"][0].(ReviewPage).Tasks[2]
		case "review_saved":
			rp := samples["plan_review"][0].(ReviewPage)
			data = ReviewSaved{Form: rp.Tasks[1], Banner: ReviewBanner{PlanID: 2, Tasks: 3, OOB: true}}
		}
		var b bytes.Buffer
		if err := h.views.lookup(i18n.ZhCN, fr.page).ExecuteTemplate(&b, fr.name, data); err != nil {
			t.Errorf("fragment %s/%s: %v", fr.page, fr.name, err)
		}
	}
}

// TestNoShadowedPageFields: a page struct's own field named like one of
// Page's (User, Nav, …) would silently replace it in the layout, showing,
// say, another person's name in the user menu.
func TestNoShadowedPageFields(t *testing.T) {
	pageFields := map[string]bool{}
	pt := reflect.TypeOf(Page{})
	for i := 0; i < pt.NumField(); i++ {
		pageFields[pt.Field(i).Name] = true
	}
	for name, datas := range samplePages() {
		typ := reflect.TypeOf(datas[0])
		for i := 0; i < typ.NumField(); i++ {
			if f := typ.Field(i); !f.Anonymous && pageFields[f.Name] {
				t.Errorf("%s (%s): field %s shadows Page.%s", typ.Name(), name, f.Name, f.Name)
			}
		}
	}
}
