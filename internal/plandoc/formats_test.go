package plandoc

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/duban/duban/internal/docread"
)

// The same plan must give the same tasks whatever form it arrives in: UTF-8
// text, GB18030 text, a .docx written by a real word processor (LibreOffice
// Writer, with the annex as a Word table; see scripts/make-format-fixtures.sh)
// and the annex alone as an .xlsx workbook built here with excelize.

const formatSeed = "../../demo/seeds/003_e50bc25d11ad62e1.txt"

// taskKey is what must agree across formats: everything but the free text,
// whose line breaks and spacing differ between a text file and Word.
func taskKey(t Task) string {
	var dl []string
	for _, d := range t.Deadlines {
		dl = append(dl, d.Due+d.Every)
	}
	return fmt.Sprintf("%s|%s|%s|%s|%s|%v", strings.Join(t.Path, "/"), t.Title,
		strings.Join(t.Units, "、"), strings.Join(t.LeadUnits, "、"), strings.Join(dl, ","), t.Targets)
}

func taskKeys(p *Plan, dropPrefix bool) []string {
	var keys []string
	for _, t := range p.Tasks {
		if dropPrefix && len(t.Path) > 1 {
			t.Path = t.Path[1:]
		}
		keys = append(keys, taskKey(t))
	}
	return keys
}

func parseBytes(t *testing.T, name string, data []byte) *Plan {
	t.Helper()
	doc, err := docread.Read(name, data)
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	return Parse(doc)
}

func TestFormatsAgree(t *testing.T) {
	utf8Text, err := os.ReadFile(formatSeed)
	if err != nil {
		t.Fatal(err)
	}
	want := parseBytes(t, "plan.txt", utf8Text)
	if len(want.Tasks) < 60 {
		t.Fatalf("the UTF-8 plan gave only %d tasks", len(want.Tasks))
	}

	t.Run("gb18030", func(t *testing.T) {
		gbk, err := simplifiedchinese.GB18030.NewEncoder().Bytes(utf8Text)
		if err != nil {
			t.Fatal(err)
		}
		got := parseBytes(t, "plan-gbk.txt", gbk)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("GB18030 text parses differently from UTF-8")
		}
	})

	t.Run("docx", func(t *testing.T) {
		data, err := os.ReadFile("testdata/formats/003_writer.docx")
		if err != nil {
			t.Fatal(err)
		}
		got := parseBytes(t, "plan.docx", data)
		if got.Title != want.Title || got.DocNumber != want.DocNumber || got.Issuer != want.Issuer || got.IssuedOn != want.IssuedOn {
			t.Errorf("docx metadata %q %q %q %q, want %q %q %q %q", got.Title, got.DocNumber, got.Issuer, got.IssuedOn,
				want.Title, want.DocNumber, want.Issuer, want.IssuedOn)
		}
		compareKeys(t, taskKeys(got, false), taskKeys(want, false))
	})

	t.Run("xlsx", func(t *testing.T) {
		annex, rows := annexOf(want)
		got := parseBytes(t, "annex.xlsx", annexWorkbook(t, rows))
		compareKeys(t, taskKeys(got, false), taskKeys(annex, true))
	})
}

func compareKeys(t *testing.T, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%d tasks, want %d", len(got), len(want))
	}
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			t.Errorf("task %d:\n got %s\nwant %s", i, got[i], want[i])
		}
	}
}

// annexOf returns the plan's annex tasks and the rows of a workbook that
// lays them out as offices do: a title, then 序号/重点任务/责任（牵头）单位/时间要求.
func annexOf(p *Plan) (*Plan, [][]string) {
	annex := &Plan{}
	rows := [][]string{{"重点任务清单"}, {"序号", "重点任务", "责任（牵头）单位", "时间要求"}}
	for _, task := range p.Tasks {
		if task.Path[0] != "附件" {
			continue
		}
		annex.Tasks = append(annex.Tasks, task)
	}
	// The cells come from the text's own annex table, as written.
	return annex, append(rows, annexRows()...)
}

func annexRows() [][]string {
	data, _ := os.ReadFile(formatSeed)
	var rows [][]string
	for _, l := range linesOf(&docread.Doc{Blocks: textBlocks(string(data))}) {
		if l.table == nil {
			continue
		}
		for _, r := range l.table {
			if len(r) >= 4 && isBareNumber(r[0]) {
				rows = append(rows, r[:4])
			}
		}
	}
	return rows
}

func textBlocks(s string) []docread.Block {
	var b []docread.Block
	for _, l := range strings.Split(s, "\n") {
		b = append(b, docread.Block{Text: l})
	}
	return b
}

func annexWorkbook(t *testing.T, rows [][]string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sheet := "Sheet1"
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		vals := make([]any, len(r))
		for j, v := range r {
			vals[j] = v
		}
		if err := f.SetSheetRow(sheet, cell, &vals); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.MergeCell(sheet, "A1", "D1"); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestParseDocRefusesHugeText: a 9 MB single line is refused at once with
// a message naming the file, not parsed for seconds.
func TestParseDocRefusesHugeText(t *testing.T) {
	doc := &docread.Doc{Name: "huge.txt", Blocks: []docread.Block{{Text: strings.Repeat("加强", 9<<20/6+1)}}}
	_, err := ParseDoc(doc)
	if !errors.Is(err, ErrTooLong) || !strings.Contains(err.Error(), "huge.txt") {
		t.Fatalf("ParseDoc of 9 MB = %v, want ErrTooLong naming the file", err)
	}
	small := &docread.Doc{Name: "ok.txt", Blocks: []docread.Block{{Text: "1.加强组织领导。"}}}
	if p, err := ParseDoc(small); err != nil || len(p.Tasks) != 1 {
		t.Fatalf("ParseDoc of a one-task plan = %v, %v", p, err)
	}
}

// TestScoreSheetXlsx reads an assessment score sheet as offices lay it
// out: a merged title, a 考核项目 column merged over its rows, the items in
// 考核内容 with their 分值 and 责任单位.
func TestScoreSheetXlsx(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]any{
		{"2025年度部门绩效考核评分表"},
		{"序号", "考核项目", "考核内容", "分值", "评分标准", "责任单位"},
		{1, "重点工作（40分）", "完成年度重点任务", 30, "每少完成一项扣3分", "市发改委"},
		{2, nil, "按时报送工作进展", 10, "每逾期一次扣1分", "市发改委、市统计局"},
		{3, "日常工作（60分）", "督查督办事项办结率达到95%以上", 40, "每低1个百分点扣1分", "市政府办公室（牵头）、市督考办"},
		{4, nil, "开展创新创优工作", 20, "获省级表彰加2分", "各县（市、区）政府"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range [][2]string{{"A1", "F1"}, {"B3", "B4"}, {"B5", "B6"}} {
		if err := f.MergeCell("Sheet1", m[0], m[1]); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	p := parseBytes(t, "评分表.xlsx", buf.Bytes())
	want := []struct {
		title  string
		weight float64
		units  string
		lead   string
	}{
		{"完成年度重点任务", 30, "市发改委", ""},
		{"按时报送工作进展", 10, "市发改委、市统计局", ""},
		{"督查督办事项办结率达到95%以上", 40, "市政府办公室、市督考办", "市政府办公室"},
		{"开展创新创优工作", 20, "各县（市、区）政府", ""},
	}
	if len(p.Tasks) != len(want) {
		t.Fatalf("%d tasks, want %d: %+v", len(p.Tasks), len(want), p.Tasks)
	}
	for i, w := range want {
		got := p.Tasks[i]
		if got.Title != w.title || got.Weight == nil || *got.Weight != w.weight ||
			strings.Join(got.Units, "、") != w.units || strings.Join(got.LeadUnits, "、") != w.lead {
			t.Errorf("task %d = %q weight %v units %q lead %q, want %+v", i, got.Title, got.Weight, got.Units, got.LeadUnits, w)
		}
	}
	if tg := p.Tasks[2].Targets; len(tg) != 1 || tg[0].Value != 95 || tg[0].Unit != "%" {
		t.Errorf("targets of task 3 = %+v, want 95%%", tg)
	}
}
