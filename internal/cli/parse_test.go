package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/plandoc"
)

// annexedPlan is an invented plan whose project list is an annex pasted as
// text one cell per line, its rows numbered 甲、乙 — a numbering the table
// reader does not take for row numbers, so the annex gives no task today
// and the warning must name it.
const annexedPlan = `某县农村饮水安全巩固提升工作方案
一、主要任务
（一）加强水质检测。每季度对集中供水工程出厂水开展一次全指标检测。（责任单位：县卫生健康局）
（二）完善管护机制。2025年底前落实各供水工程管护主体和经费。（责任单位：县水利局）

附件3
某县农村饮水安全巩固提升重点项目清单
序号
重点项目
牵头单位
完成时限
甲
划定全县十二处千吨万人水源地保护范围并设立界标
县水利局
2025年6月底前
乙
对五个乡镇集中供水厂实施消毒设备更新改造
县卫生健康局
2025年9月底前
`

// annexRows are the annex's project cells: a task that holds one of them
// came from the annex, however the parser got there.
var annexRows = []string{"划定全县十二处千吨万人水源地保护范围并设立界标", "对五个乡镇集中供水厂实施消毒设备更新改造"}

func writePlan(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "plan.txt")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestParseWarnsOfAnUnreadAnnex: --json carries the warnings of the parse,
// and the list names the annex by its line as long as no task comes from
// it; the text output prints each warning's sentence and a count.
func TestParseWarnsOfAnUnreadAnnex(t *testing.T) {
	path := writePlan(t, annexedPlan)
	code, out, errOut := runMain(t, "parse", path, "--json")
	if code != 0 {
		t.Fatalf("parse --json: exit %d\n%s", code, errOut)
	}
	var got plandoc.Plan
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("parse --json: %v\n%s", err, out)
	}
	if !strings.Contains(out, `"warnings": [`) {
		t.Errorf("no warnings array in\n%s", out)
	}
	annexRead := false
	for _, tk := range got.Tasks {
		for _, row := range annexRows {
			annexRead = annexRead || strings.Contains(tk.Text, row)
		}
	}
	var named *plandoc.Warning
	for i, w := range got.Warnings {
		if w.Kind == plandoc.WarnUnreadAnnex {
			named = &got.Warnings[i]
		}
	}
	switch {
	case !annexRead && named == nil:
		t.Fatalf("the annex gave no task and no warning names it: %+v", got.Warnings)
	case !annexRead && (named.Line != 6 || !strings.HasPrefix(named.Excerpt, "附件3 某县农村饮水安全巩固提升重点项目清单")):
		t.Errorf("warning %+v, want line 6 and the annex's heading and title", *named)
	case annexRead && named != nil:
		t.Errorf("the annex gave tasks, yet a warning names it: %+v", *named)
	}

	code, text, errOut := runMain(t, "parse", path)
	if code != 0 {
		t.Fatalf("parse: exit %d\n%s", code, errOut)
	}
	for _, w := range got.Warnings {
		if line := "⚠ " + i18n.Lookup(i18n.Default, w.MessageKey(), w.MessageArgs()...); !strings.Contains(text, line+"\n") {
			t.Errorf("text output lacks %q:\n%s", line, text)
		}
	}
	if named != nil && !strings.Contains(text, "⚠ 第 6 行的附件未解析出任务：附件3 某县农村饮水安全巩固提升重点项目清单") {
		t.Errorf("text output does not name the annex:\n%s", text)
	}
	if !strings.Contains(text, "解析提示 "+strconv.Itoa(len(got.Warnings))+" 条") {
		t.Errorf("text output lacks the count of %d warnings:\n%s", len(got.Warnings), text)
	}
}

// TestParseWarningSentencesInBothCatalogues: every kind of warning has a
// sentence in each language, with its placeholders filled.
func TestParseWarningSentencesInBothCatalogues(t *testing.T) {
	kinds := []string{plandoc.WarnUnreadAnnex, plandoc.WarnUnreadTable, plandoc.WarnUnreadParagraph, plandoc.WarnNoTasks,
		plandoc.WarnNoUnit, plandoc.WarnNoDeadline, plandoc.WarnDuplicatePath}
	for _, lang := range i18n.Langs {
		for _, k := range kinds {
			w := plandoc.Warning{Kind: k, Line: 412, Path: []string{"二", "(三)", "2"}, Excerpt: "附件3：某县"}
			msg := i18n.Lookup(lang, w.MessageKey(), w.MessageArgs()...)
			if msg == w.MessageKey() || strings.Contains(msg, "{") {
				t.Errorf("%s %s: %q", lang, k, msg)
			}
			if plandoc.TaskWarning(k) && !strings.Contains(msg, "二/(三)/2") || strings.HasPrefix(k, "unread_") && !strings.Contains(msg, "412") {
				t.Errorf("%s %s: %q does not say where", lang, k, msg)
			}
		}
	}
}
