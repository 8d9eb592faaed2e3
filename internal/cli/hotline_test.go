package cli

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/duban/duban/internal/config"
	"github.com/duban/duban/internal/hotline"
)

// TestHotlineLimitsAtStart: no file is the Guangdong example; a province's
// own file (with a byte-order mark, as Notepad saves it) is taken as
// written; a file with a misspelt key, a rule that cannot apply or a type
// left without a limit stops the start with the file's name and the rule;
// and serve refuses to open with such a file.
func TestHotlineLimitsAtStart(t *testing.T) {
	if ls, err := hotlineLimits(""); err != nil || len(ls) != len(hotline.Guangdong()) {
		t.Fatalf("default limits: %d rules, %v", len(ls), err)
	}
	dir := t.TempDir()
	write := func(name, text string) string {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	own := append(hotline.Guangdong(), hotline.Limit{Type: hotline.Complaint, Category: "城乡建设/物业", Workdays: 5, SignHours: 2, ReturnHours: 24})
	text, _ := json.MarshalIndent(own, "", "  ")
	ls, err := hotlineLimits(write("gx.json", "\ufeff"+string(text)))
	if err != nil {
		t.Fatal(err)
	}
	if l, _ := ls.For(hotline.Complaint, "城乡建设/物业/收费", hotline.Normal); l.Workdays != 5 {
		t.Errorf("the province's own rule: %+v", l)
	}
	for _, c := range []struct{ name, text, want string }{
		{"typo.json", `[{"type": "consult", "workday": 2, "sign_hours": 2}]`, `unknown field "workday"`},
		{"object.json", `{"type": "consult"}`, "应为时限规则的 JSON 数组"},
		{"rule.json", `[{"type": "consult", "workdays": 2, "hours": 4, "sign_hours": 2}]`, "时限第 1 条（咨询）：应在工作日与小时中恰好给出一种"},
		{"gap.json", `[{"type": "consult", "urgency": "normal", "workdays": 2, "sign_hours": 2}]`, "咨询（type consult）缺少紧急、特急工单的规则"},
		{"none.json", `[]`, "建议（type suggest）缺少一般、紧急、特急工单的规则"},
	} {
		path := write(c.name, c.text)
		_, err := hotlineLimits(path)
		if err == nil || !strings.Contains(err.Error(), "hotline_limits "+path) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want the file and %q", c.name, err, c.want)
		}
	}
	if _, err := hotlineLimits(filepath.Join(dir, "missing.json")); err == nil || !strings.Contains(err.Error(), "hotline_limits") {
		t.Errorf("a missing file: %v", err)
	}

	cfg := config.Defaults()
	cfg.TOTPRequiredRoles = nil // not about the second factor: TestTOTPJourney is
	cfg.DataDir, cfg.HotlineLimits = t.TempDir(), filepath.Join(dir, "rule.json")
	if app, err := Open(context.Background(), cfg, &Env{Stdout: io.Discard, Stderr: io.Discard}); err == nil {
		app.Close()
		t.Fatal("serve opened with a broken hotline_limits")
	} else if !strings.Contains(err.Error(), "rule.json") {
		t.Errorf("serve: %v", err)
	}
	cfg.HotlineLimits = filepath.Join(dir, "gx.json")
	app, err := Open(context.Background(), cfg, &Env{Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	if len(app.Hotline.Limits) != len(own) || app.Assess.Rates == nil {
		t.Errorf("serve's hotline: %d rules, rates wired %v", len(app.Hotline.Limits), app.Assess.Rates != nil)
	}
}
