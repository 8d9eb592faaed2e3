package cli

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestNoCommandIsAUsageError: `duban` alone prints the list of commands
// on stderr and exits 2, so that a script that lost its command fails;
// `duban help` asks for the list and succeeds.
func TestNoCommandIsAUsageError(t *testing.T) {
	code, out, errOut := runMain(t)
	if code != 2 || out != "" || !strings.Contains(errOut, "用法: duban <命令>") || !strings.Contains(errOut, "supervise") {
		t.Errorf("duban: exit %d, stdout %q, stderr %q; want 2 and the commands on stderr", code, out, errOut)
	}
	for _, h := range []string{"help", "--help", "-h"} {
		if code, out, _ := runMain(t, h); code != 0 || !strings.Contains(out, "用法: duban <命令>") {
			t.Errorf("duban %s: exit %d, stdout %q; want 0 and the commands", h, code, out)
		}
	}
	code, _, errOut = runMain(t, "frobnicate")
	if code != 2 || !strings.Contains(errOut, "未知命令 frobnicate") || english(errOut) {
		t.Errorf("duban frobnicate: exit %d, stderr %q; want 2 and a Chinese message", code, errOut)
	}
}

// english reports whether a message has an English phrase (two
// lowercase words in a row, once the commands are taken out) or a Go
// package's prefix: what a person reads is Chinese, with the names of
// programs (Word, WPS) and file kinds (.docx) as they are.
func english(s string) bool {
	s = regexp.MustCompile(`duban [a-z]+`).ReplaceAllString(s, "")
	return regexp.MustCompile(`\b[a-z]{2,} [a-z]{2,}\b|[a-z]+: `).MatchString(s)
}

// helpOf runs `duban args… --help` and returns the help, which may go to
// either stream.
func helpOf(t *testing.T, args ...string) string {
	t.Helper()
	for _, h := range []string{"--help", "-h"} {
		code, out, errOut := runMain(t, append(args, h)...)
		if code != 0 {
			t.Errorf("duban %s %s: exit %d, want 0\n%s", strings.Join(args, " "), h, code, errOut)
		}
		if h == "--help" {
			return out + errOut
		}
	}
	return ""
}

// TestEverySubcommandHelpExitsZero: every command's --help and -h print
// its help and exit 0, the audit command's included.
func TestEverySubcommandHelpExitsZero(t *testing.T) {
	for name := range commands {
		if help := helpOf(t, name); !strings.Contains(help, "用法: duban "+name) || english(help) {
			t.Errorf("duban %s --help: %q; want its usage, in Chinese", name, help)
		}
	}
	for _, sub := range []string{"verify", "checkpoint", "purge"} {
		if help := helpOf(t, "audit", sub); !strings.Contains(help, "用法: duban audit "+sub) {
			t.Errorf("duban audit %s --help: %q", sub, help)
		}
	}
}

// flagsIn lists the flags a help names.
func flagsIn(help string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`(?m)^  --([a-z0-9-]+)`).FindAllStringSubmatch(help, -1) {
		out = append(out, m[1])
	}
	return out
}

// TestHelpListsOnlyTheFlagsACommandReads: the commands that read the
// configuration list their own flags and the keys they use, not the
// serve flags; serve still lists all of them. The help is in Chinese,
// defaults included.
func TestHelpListsOnlyTheFlagsACommandReads(t *testing.T) {
	store := []string{"config", "crypto", "data", "data-key-file", "db"}
	want := map[string][]string{
		"backup":    store,
		"restore":   store,
		"migrate":   store,
		"supervise": {"at", "calendar-dir", "config", "crypto", "data", "data-key-file", "db", "dry-run"},
	}
	for name, flags := range want {
		help := helpOf(t, name)
		if got := strings.Join(flagsIn(help), " "); got != strings.Join(flags, " ") {
			t.Errorf("duban %s --help lists %q; want %q\n%s", name, got, strings.Join(flags, " "), help)
		}
		if strings.Contains(help, "(default") || !strings.Contains(help, "（默认 ./duban-data）") {
			t.Errorf("duban %s --help: defaults not in Chinese:\n%s", name, help)
		}
	}
	audit := map[string][]string{
		"verify":     {"checkpoints", "config", "data", "db", "public-key"},
		"checkpoint": {"audit-checkpoint-file", "audit-checkpoint-webhook", "audit-signing-key-file", "config", "data", "db"},
		"purge":      {"audit-checkpoint-file", "audit-checkpoint-webhook", "audit-retention", "audit-signing-key-file", "config", "data", "db"},
	}
	for sub, flags := range audit {
		if got := strings.Join(flagsIn(helpOf(t, "audit", sub)), " "); got != strings.Join(flags, " ") {
			t.Errorf("duban audit %s --help lists %q; want %q", sub, got, strings.Join(flags, " "))
		}
	}
	if n := len(flagsIn(helpOf(t, "serve"))); n < 35 {
		t.Errorf("duban serve --help lists %d flags; want every configuration key", n)
	}
	// The flags left out of the help are still read, so one
	// configuration serves every command.
	dir := t.TempDir()
	if code, _, errOut := runMain(t, "migrate", "--data", dir, "--log-level", "warn"); code != 0 {
		t.Errorf("migrate with a serve flag: exit %d\n%s", code, errOut)
	}
}

// TestParseRefusesAnEmptyFile: a file with nothing in it, or no task, is a
// failure naming the file, not an untitled plan of nought tasks.
func TestParseRefusesAnEmptyFile(t *testing.T) {
	empty := writePlan(t, "  \n\n")
	code, out, errOut := runMain(t, "parse", empty)
	if code != 1 || out != "" || !strings.Contains(errOut, "文件 "+empty+" 没有内容") {
		t.Errorf("parse of an empty file: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	prose := writePlan(t, "关于做好年末工作的通知\n各单位要高度重视，认真落实。\n")
	code, out, errOut = runMain(t, "parse", prose)
	if code != 1 || out != "" || !strings.Contains(errOut, prose+" 中没有识别出任务") {
		t.Errorf("parse of a file with no task: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// TestParseNamesAnUnreadableFileInChinese: a legacy Word file, a broken
// .docx and a missing file each give a sentence naming the file and what
// to do, with no Go error chain.
func TestParseNamesAnUnreadableFileInChinese(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "方案.doc")
	ole := append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), []byte("W\x00o\x00r\x00d\x00D\x00o\x00c\x00u\x00m\x00e\x00n\x00t\x00")...)
	docx := filepath.Join(dir, "坏.docx")
	for f, data := range map[string][]byte{doc: ole, docx: []byte("PK\x03\x04 truncated")} {
		if err := os.WriteFile(f, data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for file, want := range map[string]string{
		doc:                          "另存为 .docx",
		docx:                         "无法读取 " + docx,
		filepath.Join(dir, "没有.txt"): "找不到文件",
	} {
		code, _, errOut := runMain(t, "parse", file)
		if code != 1 || !strings.Contains(errOut, file) || !strings.Contains(errOut, want) ||
			strings.Contains(errOut, "docread") || english(strings.ReplaceAll(errOut, file, "")) {
			t.Errorf("parse %s: exit %d, stderr %q; want 1 and %q in Chinese", file, code, errOut, want)
		}
	}
}

// TestDemoPrintsNoLogLines: the demo's output is the plans it imported;
// the migrations it applies are not logged at info, neither to the
// command's stderr nor to the process's default logger.
func TestDemoPrintsNoLogLines(t *testing.T) {
	var logged bytes.Buffer
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&logged, nil)))
	defer slog.SetDefault(prev)
	var out, errOut bytes.Buffer
	code := Main(context.Background(), []string{"demo", "--data", t.TempDir()}, nil, &out, &errOut)
	if code != 0 {
		t.Fatalf("demo: exit %d\n%s", code, errOut.String())
	}
	if errOut.Len() != 0 || logged.Len() != 0 {
		t.Errorf("demo logged:\nstderr %q\ndefault logger %q", errOut.String(), logged.String())
	}
	if !strings.Contains(out.String(), "示例方案已导入") {
		t.Errorf("demo output %q", out.String())
	}
}

// TestWrongFlagIsAChineseUsageError: an unknown flag, a flag without its
// value and a flag with a wrong value each exit 2 with the usage and a
// Chinese sentence naming the flag, not the flag package's English.
func TestWrongFlagIsAChineseUsageError(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"parse", "--bogus", "x.txt"}, "没有参数 --bogus"},
		{[]string{"backup", "--data"}, "参数 --data 需要一个值"},
		{[]string{"migrate", "--session-idle=xx"}, "参数 --session-idle 的值不对"},
		{[]string{"supervise", "--dry-run=maybe"}, "参数 --dry-run 的值不对"},
	} {
		code, _, errOut := runMain(t, c.args...)
		if code != 2 || !strings.Contains(errOut, c.want) || !strings.Contains(errOut, "用法: duban "+c.args[0]) || english(errOut) {
			t.Errorf("duban %s: exit %d, stderr %q; want 2, the usage and %q", strings.Join(c.args, " "), code, errOut, c.want)
		}
	}
}

// TestParseTreeKeepsGroupHeadings: the chapters and sections a task's
// path passes through are printed as heading lines, label and text,
// above the tasks they hold.
func TestParseTreeKeepsGroupHeadings(t *testing.T) {
	path := writePlan(t, `某县营商环境优化工作方案
一、主要任务
（一）提升政务服务效能
1．推行一网通办。2025年6月底前实现高频事项全程网办。（责任单位：县政务服务中心）
2．压缩审批时限。2025年底前审批时限压缩一半。（责任单位：县发展改革局）
（二）强化要素保障
1．保障项目用地。每季度梳理重点项目用地需求。（责任单位：县自然资源局）
`)
	code, out, errOut := runMain(t, "parse", path)
	if code != 0 {
		t.Fatalf("parse: exit %d\n%s", code, errOut)
	}
	lines := strings.Split(out, "\n")
	at := func(s string) int {
		for i, l := range lines {
			if l == s {
				return i
			}
		}
		t.Errorf("no line %q in\n%s", s, out)
		return -1
	}
	chapter, first, task, second := at("一 主要任务"), at("  (一) 提升政务服务效能"), at("    1 推行一网通办"), at("  (二) 强化要素保障")
	if !(chapter < first && first < task && task < second) {
		t.Errorf("headings out of order (%d %d %d %d):\n%s", chapter, first, task, second, out)
	}
}

// TestImportSaysAnUnreadableFileInChinese: import names a broken
// document as parse does, with no Go error chain and no English.
func TestImportSaysAnUnreadableFileInChinese(t *testing.T) {
	dir := t.TempDir()
	docx := filepath.Join(dir, "坏.docx")
	if err := os.WriteFile(docx, []byte("PK\x03\x04 truncated"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runMain(t, "import", "--data", filepath.Join(dir, "data"), docx)
	all := strings.ReplaceAll(out+errOut, docx, "")
	if code != 1 || !strings.Contains(out, "已损坏或不完整") || !strings.Contains(errOut, "1 个文件导入失败") || english(all) || strings.Contains(all, "docread") {
		t.Errorf("import of a broken .docx: exit %d\nstdout %q\nstderr %q", code, out, errOut)
	}
}
