package adminsvc

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/xlsxout"
)

// workbook is an import file of the given units and accounts rows, under
// the template's headers.
func workbook(t *testing.T, units, accounts [][]any) []byte {
	t.Helper()
	var sheets []xlsxout.Sheet
	if units != nil {
		sheets = append(sheets, xlsxout.Sheet{Name: "单位", Header: []string{"单位名称*", "上级单位", "类型", "别名", "邮箱"}, Rows: units})
	}
	if accounts != nil {
		sheets = append(sheets, xlsxout.Sheet{Name: "账号", Header: []string{"用户名*", "姓名", "角色"}, Rows: accounts})
	}
	data, err := xlsxout.Write(sheets)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestRegistryImportFromTheTemplate: the template, filled in below its
// example rows, imports: units under a registered parent and under one
// of the sheet (listed before its parent), accounts without a role, each
// with a one-time password that signs in once and must be changed.
func TestRegistryImportFromTheTemplate(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		p, actor := f.who["sysadmin"], f.actor("sysadmin")
		tpl, err := f.svc.RegistryTemplate(p)
		if err != nil {
			t.Fatal(err)
		}
		// The template as downloaded holds examples only.
		if _, err := f.svc.ImportRegistry(ctx, p, actor, bytes.NewReader(tpl)); refusal(err) != "invalid file=error.import_empty" {
			t.Errorf("the bare template: %v", err)
		}
		x, err := excelize.OpenReader(bytes.NewReader(tpl))
		if err != nil {
			t.Fatal(err)
		}
		for cell, v := range map[string]string{"A3": "市审计局信息中心", "B3": "市审计局", "C3": "其他",
			"A4": "市审计局", "B4": "市政府法制办公室", "C4": "市直部门", "D4": "审计局、市审计", "E4": "sjj@example.gov.cn"} {
			x.SetCellValue("单位", cell, v)
		}
		x.SetCellValue("账号", "A3", "sjj-liaison")
		x.SetCellValue("账号", "B3", "审计局联络员")
		var filled bytes.Buffer
		if err := x.Write(&filled); err != nil {
			t.Fatal(err)
		}
		// 市政府法制办公室 is 市法制办's alias, registered before the import.
		aliases := []string{"市政府法制办公室"}
		if _, err := f.svc.UpdateUnit(ctx, f.who["office"], f.actor("office"), f.unitA, records.UnitUpdate{Aliases: &aliases}); err != nil {
			t.Fatal(err)
		}
		got, err := f.svc.ImportRegistry(ctx, p, actor, &filled)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Units) != 2 || got.Units[0].Name != "市审计局" || got.Units[0].ParentID != f.unitA ||
			got.Units[1].ParentID != got.Units[0].ID || got.Units[1].Kind != records.UnitOther ||
			!slices.Equal(got.Units[0].Aliases, []string{"审计局", "市审计"}) || got.Units[0].Kind != records.UnitDepartment {
			t.Errorf("units %+v", got.Units)
		}
		if len(got.Accounts) != 1 || got.Accounts[0].Password == "" || got.Accounts[0].Role != "" {
			t.Fatalf("accounts %+v", got.Accounts)
		}
		users, _ := db.FindUsers(ctx)
		for _, u := range users {
			if u.Username != "sjj-liaison" {
				continue
			}
			if ok, _ := auth.CheckPassword(u.PasswordHash, got.Accounts[0].Password); !ok || !u.MustChangePassword || u.DisplayName != "审计局联络员" {
				t.Errorf("the imported account: %+v (password ok %v)", u, ok)
			}
		}
		entries, _, err := db.FindAudit(ctx, records.AuditFilter{Actor: "sysadmin"})
		if err != nil || len(entries) != 3 {
			t.Errorf("audit: %d entries %v, want two units and an account", len(entries), err)
		}
	})
}

// TestRegistryImportAllOrNothing: a file with problems registers nothing
// and names every problem at its sheet, row and column; 三员分立 holds:
// the system administrator gives no administrator's role, the security
// administrator creates administrators' accounts but registers no units,
// the office registers units but creates no accounts.
func TestRegistryImportAllOrNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		beforeUnits, _ := db.FindUnits(ctx)
		beforeUsers, _ := db.FindUsers(ctx)
		file := workbook(t, [][]any{
			{"市审计局", "", "市直部门", "", ""},           // row 2: fine
			{"市法制办", "", "", "", ""},               // row 3: taken
			{"市统计局", "", "部委", "", ""},             // row 4: no such kind
			{"市统计局分局", "市不存在局", "", "", ""},        // row 5: no such parent
			{"市审计局", "", "", "", "not an address"}, // row 6: a repeat, a bad address
		}, [][]any{
			{"tj liaison", "", ""},       // row 2: a bad username
			{"auditor2", "审计员", "审计管理员"}, // row 3: an administrator, by the system administrator
			{"tj-office", "", "督查室"},     // row 4: a business role at creation
		})
		_, err := f.svc.ImportRegistry(ctx, f.who["sysadmin"], f.actor("sysadmin"), bytes.NewReader(file))
		e := fault.As(err)
		if e == nil || e.Code != fault.Invalid || e.Key != "error.import_problems" {
			t.Fatalf("import with problems: %v", err)
		}
		say := func(key string, args ...any) string { return i18n.Lookup(i18n.ZhCN, key, args...) }
		var got []string
		for id, key := range e.Fields {
			got = append(got, e.LabelOf(say, id)+" "+key)
		}
		slices.Sort(got)
		want := []string{
			"“单位”表第 3 行“单位名称”（A3） error.unit_name_taken",
			"“单位”表第 4 行“类型”（C4） error.kind_invalid",
			"“单位”表第 5 行“上级单位”（B5） error.import_parent_unknown",
			"“单位”表第 6 行“单位名称”（A6） error.import_duplicate",
			"“单位”表第 6 行“邮箱”（E6） error.email_invalid",
			"“账号”表第 2 行“用户名”（A2） error.username_invalid",
			"“账号”表第 3 行“角色”（C3） error.admin_account_secadmin",
			"“账号”表第 4 行“角色”（C4） error.import_business_role",
		}
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		afterUnits, _ := db.FindUnits(ctx)
		afterUsers, _ := db.FindUsers(ctx)
		if len(afterUnits) != len(beforeUnits) || len(afterUsers) != len(beforeUsers) {
			t.Errorf("a refused import registered %d units and %d accounts", len(afterUnits)-len(beforeUnits), len(afterUsers)-len(beforeUsers))
		}

		admins := workbook(t, nil, [][]any{{"auditor2", "审计员", "审计管理员"}})
		got2, err := f.svc.ImportRegistry(ctx, f.who["secadmin"], f.actor("secadmin"), bytes.NewReader(admins))
		if err != nil || len(got2.Accounts) != 1 || got2.Accounts[0].Role != authz.AuditAdmin {
			t.Errorf("the security administrator imports an auditor: %+v %v", got2, err)
		}
		units := workbook(t, [][]any{{"市统计局", "", "", "", ""}}, nil)
		for who, want := range map[string]string{"secadmin": "forbidden error.import_units_forbidden", "leader": "forbidden", "liaison": "forbidden"} {
			if _, err := f.svc.ImportRegistry(ctx, f.who[who], f.actor(who), bytes.NewReader(units)); refusal(err) != want {
				t.Errorf("%s imports units: %v, want %s", who, err, want)
			}
		}
		accounts := workbook(t, nil, [][]any{{"tj-liaison", "", ""}})
		if _, err := f.svc.ImportRegistry(ctx, f.who["office"], f.actor("office"), bytes.NewReader(accounts)); refusal(err) != "forbidden error.import_accounts_forbidden" {
			t.Errorf("the office imports accounts: %v", err)
		}
		if _, err := f.svc.ImportRegistry(ctx, f.who["office"], f.actor("office"), strings.NewReader("not a workbook")); refusal(err) != "invalid file=error.import_not_xlsx" {
			t.Errorf("not a workbook: %v", err)
		}
		if _, err := f.svc.ImportRegistry(ctx, f.who["office"], f.actor("office"), bytes.NewReader(units)); err != nil {
			t.Errorf("the office imports units: %v", err)
		}
	})
}
