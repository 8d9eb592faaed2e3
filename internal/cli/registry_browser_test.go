package cli

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/browsertest"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/xlsxout"
)

// TestRegistryHousekeepingInBrowser: the office groups the city's
// departments and reads the first quarter's ranking and 通报 of that
// group; merges 市发改委 into 市发展改革委; the system administrator
// imports a sheet with a mistake (listed at its sheet, row and column,
// nothing registered), then the corrected one, and reads the one-time
// passwords once. No script error or policy violation on the way;
// screenshots are saved.
func TestRegistryHousekeepingInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	dir := browsertest.ScreenshotDir(t)
	app, base := bootLedger(t)
	seedQuarter(t, app)
	bg := context.Background()
	dup, err := app.Store.CreateUnit(bg, audit.System, records.UnitCreate{Name: "市发改委", Kind: records.UnitDepartment})
	if err != nil {
		t.Fatal(err)
	}
	hash, _ := auth.HashPassword(DemoPassword)
	if _, err := app.Store.CreateUser(bg, audit.System, records.UserCreate{Username: "xitong", DisplayName: "系统管理员 李工",
		Role: authz.SysAdmin, PasswordHash: hash}); err != nil {
		t.Fatal(err)
	}
	sheet := func(name string, units, accounts [][]any) string {
		data, err := xlsxout.Write([]xlsxout.Sheet{
			{Name: "单位", Header: []string{"单位名称*", "上级单位", "类型", "别名", "邮箱"}, Rows: units},
			{Name: "账号", Header: []string{"用户名*", "姓名", "角色"}, Rows: accounts}})
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	bad := sheet("有误.xlsx", [][]any{{"市审计局", "市不存在局", "市直部门", "", ""}, {"市法制办", "", "", "", ""}},
		[][]any{{"sjj-liaison", "审计局联络员", "审计管理员"}})
	good := sheet("单位和账号.xlsx", [][]any{{"市审计局", "市政府办公室", "市直部门", "审计局", "sjj@example.gov.cn"}, {"市统计局", "", "市直部门", "", ""}},
		[][]any{{"sjj-liaison", "审计局联络员", ""}, {"tjj-liaison", "统计局联络员", ""}})

	problems := browsertest.WatchConsole(ctx, browsertest.FailedNonStatic) // the refused import answers 422
	shot := func(name string) chromedp.Action[chromedp.Void] { return browsertest.Shot(dir, "registry-"+name) }
	drawn := func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := chromedp.Poll[bool](`document.querySelectorAll(".chart[data-drawn] canvas").length >= 4`,
			chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(20*time.Second))(ctx, tg)
		return chromedp.Void{}, err
	}
	run := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	run("the office groups the departments", signInAs(base, "ducha"),
		chromedp.Navigate(base+"/units"),
		chromedp.WaitVisible(`//a[contains(., "单位分组")]`),
		shot("01-units"),
		chromedp.Click(`//a[contains(., "单位分组")]`),
		chromedp.WaitVisible(`//h1[contains(., "单位分组")]`),
		chromedp.Click(`//a[contains(., "新建分组")]`),
		chromedp.WaitVisible(chromedp.CSS("#name")),
		chromedp.SendKeys(chromedp.CSS("#name"), "市直部门"),
		chromedp.SendKeys(chromedp.CSS("#note"), "市级部门单独排名"),
		chromedp.Click(`//label[contains(., "市法制办")]/input`),
		chromedp.Click(`//label[contains(., "市编委办")]/input`),
		chromedp.Click(`//label[contains(., "市发展改革委")]/input`),
		shot("02-group-form"),
		chromedp.Click(chromedp.CSS(`form button[type="submit"].btn-primary`)),
		chromedp.WaitVisible(`//td[contains(., "市直部门")]`),
		shot("03-groups"),
		chromedp.Navigate(base+"/units"),
		chromedp.WaitVisible(`//tr[.//text()[contains(., "市法制办")]]//span[contains(., "市直部门")]`),
		shot("03-units-grouped"),
	)
	run("the group's ranking and 通报",
		chromedp.Navigate(base+"/assessment?period=2026-Q1"),
		chromedp.WaitVisible(chromedp.CSS("#group")),
		chromedp.SetValue(chromedp.CSS("#group"), "1"),
		chromedp.Click(`//form[.//select[@id="group"]]//button`),
		chromedp.WaitVisible(`//h1[contains(., "市直部门")]`),
		chromedp.WaitVisible(`//td//a[contains(., "市法制办")]`),
		shot("04-ranking-group"),
		chromedp.Click(`//a[contains(., "通报")]`),
		chromedp.WaitVisible(`//h1[contains(., "2026年第一季度市直部门重点工作推进情况的通报")]`),
		chromedp.Action[chromedp.Void](drawn),
		shot("05-bulletin-group"),
	)
	run("the office merges 市发改委 into 市发展改革委",
		chromedp.Navigate(base+"/units"),
		chromedp.Click(`//tr[.//span[text()="市发改委"]]//a[contains(., "合并")]`),
		chromedp.WaitVisible(chromedp.CSS("#into")),
		chromedp.SetValue(chromedp.CSS("#into"), idOf(t, app, "市发展改革委")),
		shot("06-merge-form"),
		chromedp.Click(chromedp.CSS(`form button.btn-danger`)),
		confirmDialogStep,
		chromedp.WaitVisible(`//div[contains(., "已把“市发改委”并入“市发展改革委”")]`),
		shot("07-merged"),
		signOutStep,
	)
	if _, err := app.Store.FindUnitByID(bg, dup.ID); err == nil {
		t.Error("the merged unit is still registered")
	}
	run("the system administrator imports",
		signInAs(base, "xitong"),
		chromedp.Navigate(base+"/units/import"),
		chromedp.WaitVisible(chromedp.CSS("#file")),
		chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{bad}),
		chromedp.Click(chromedp.CSS(`form button[type="submit"].btn-primary`)),
		chromedp.WaitVisible(`//li[contains(., "“单位”表第 2 行“上级单位”（B2）")]`),
		chromedp.WaitVisible(`//li[contains(., "“账号”表第 2 行“角色”（C2）")]`),
		shot("08-import-problems"),
		chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{good}),
		chromedp.Click(chromedp.CSS(`form button[type="submit"].btn-primary`)),
		chromedp.WaitVisible(`//div[contains(., "已导入 2 个单位、2 个账号")]`),
		chromedp.WaitVisible(`//td[contains(., "tjj-liaison")]`),
		chromedp.WaitVisible(`//a[@download="新账号初始密码.xlsx" and starts-with(@href, "data:application/vnd.openxmlformats")]`),
		shot("09-import-done"),
	)
	if msgs := problems(); len(msgs) > 0 {
		t.Errorf("the browser logged: %v", msgs)
	}
}

// idOf is the id of the unit registered as name, as a form value.
func idOf(t *testing.T, app *App, name string) string {
	t.Helper()
	us, err := app.Store.FindUnits(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range us {
		if u.Name == name {
			return strconv.FormatInt(u.ID, 10)
		}
	}
	t.Fatalf("no unit %s", name)
	return ""
}
