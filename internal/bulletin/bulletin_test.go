package bulletin

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/docread"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/officetest"
	"github.com/xuri/excelize/v2"
)

func d(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// quarter is a first quarter of three units and five tasks: one done on
// time, one late, two open past their date (one under a red notice), one
// due next quarter; a 催办, three notices, a 亮点 and a 问责.
func quarter() (ledger.Period, assess.Input) {
	p, _ := ledger.ParsePeriod("2026-Q1")
	lead := func(u int64) assess.Share { return assess.Share{UnitID: u, Lead: true} }
	in := assess.Input{
		Units: []assess.Unit{{ID: 1, Name: "市法制办"}, {ID: 2, Name: "市财政局"}, {ID: 3, Name: "市<编委>办"}},
		Tasks: []assess.Task{
			{ID: 1, Title: "完善行政决策机制", Due: d("2026-02-27"), Done: d("2026-02-20"), Units: []assess.Share{lead(1), {UnitID: 2}}},
			{ID: 2, Title: "推进权责清单", Due: d("2026-03-31"), Done: d("2026-04-08"), Units: []assess.Share{lead(2)}},
			{ID: 3, Title: "建设政务热线", Due: d("2026-01-31"), Percent: 40, Units: []assess.Share{lead(3), {UnitID: 1}}},
			{ID: 4, Title: "事业单位登记", Due: d("2026-03-20"), Percent: 10, Units: []assess.Share{lead(2)}},
			{ID: 5, Title: "综合行政执法", Due: d("2026-05-31"), Units: []assess.Share{lead(1)}},
		},
		Events: []assess.Event{
			{Key: "p3", TaskID: 3, Kind: "press", On: d("2026-02-02")},
			{Key: "b3", TaskID: 3, Kind: "notice", Level: "blue", Label: "蓝色督办单", On: d("2026-02-04")},
			{Key: "y3", TaskID: 3, Kind: "escalate", Level: "yellow", Label: "黄色督办单", On: d("2026-02-12")},
			{Key: "r3", TaskID: 3, Kind: "escalate", Level: "red", Label: "红色督办单", On: d("2026-02-26")},
		},
		Records: []assess.Record{
			{ID: 1, UnitID: 1, Kind: assess.RecordHighlight, Title: "法治示范", On: d("2026-03-10")},
			{ID: 2, UnitID: 3, Kind: assess.RecordAccountability, Title: "热线推进不力", On: d("2026-03-25")},
		},
	}
	return p, in
}

func build(t *testing.T) *Bulletin {
	t.Helper()
	p, in := quarter()
	s := assess.Default()
	s.MinTasks = 1
	asOf := d("2026-04-10")
	return Build("关于2026年第一季度重点工作推进情况的通报", "嘉兴市人民政府督查室", p, asOf, in, assess.Compute(s, p, asOf, in, nil), s.Name)
}

// TestBuild: the figures are the ones counted by hand.
func TestBuild(t *testing.T) {
	b := build(t)
	s := b.Summary
	// Due in Q1: tasks 1–4; 1 on time, 2 late (04-08), 3 and 4 open.
	if s.Due != 4 || s.OnTime != 1 || s.Late != 1 || s.Open != 2 || s.Completion != 50 || s.OnTimeRate != 25 ||
		s.Presses != 1 || s.Notices != 3 || s.Units != 3 || s.Commendations != 1 || s.Account != 1 {
		t.Errorf("summary %+v", s)
	}
	// The red notice's task first, then the overdue ones by due date.
	if len(b.Flags) != 3 || b.Flags[0].TaskID != 3 || !strings.Contains(b.Flags[0].Why, "红色督办单") ||
		b.Flags[1].TaskID != 3 || b.Flags[2].TaskID != 4 || b.Flags[0].Units != "市<编委>办（牵头）、市法制办" {
		t.Errorf("flags %+v", b.Flags)
	}
	// 市<编委>办: 1 due, none done; 市财政局: 3 due (1 as 配合), 2 done, 1 on time; 市法制办: 2 due, 1 done on time.
	want := []UnitStat{{Unit: "市<编委>办", Due: 1, Completion: 0, Notices: 3}, {Unit: "市法制办", Due: 2, Done: 1, OnTime: 1, Completion: 50, OnTimeRate: 50, Notices: 3},
		{Unit: "市财政局", Due: 3, Done: 2, OnTime: 1, Completion: 66.7, OnTimeRate: 33.3}}
	if len(b.ByUnit) != 3 {
		t.Fatalf("by unit %+v", b.ByUnit)
	}
	for i, w := range want {
		if b.ByUnit[i] != w {
			t.Errorf("by unit %d: %+v, want %+v", i, b.ByUnit[i], w)
		}
	}
	// Month ends through the quarter: Jan 31: task 3 due that day, not before it → 0; Feb 28: 3 → 1;
	// Mar 31: 3, 4 → 2 (task 2 due that day).
	trend := []TrendPoint{{"2026-01", "1月", 0, 0}, {"2026-02", "2月", 1, 3}, {"2026-03", "3月", 2, 0}}
	if len(b.Trend) != len(trend) {
		t.Fatalf("trend %+v", b.Trend)
	}
	for i := range trend {
		if b.Trend[i] != trend[i] {
			t.Errorf("trend %d: %+v, want %+v", i, b.Trend[i], trend[i])
		}
	}
	if len(b.Notices) != 3 || b.Notices[0] != (LevelCount{"蓝色督办单", 1}) {
		t.Errorf("notice levels %+v", b.Notices)
	}
}

// TestDocx: the .docx reads back with its title, figures, ranking table,
// flagged tasks with their units and the records; markup stays text.
func TestDocx(t *testing.T) {
	b := build(t)
	doc, err := docread.Read("通报.docx", b.Docx())
	if err != nil {
		t.Fatal(err)
	}
	text := docread.Text(doc)
	// The title on two lines (TitleLines), broken after 季度.
	for _, w := range []string{"关于2026年第一季度\n重点工作推进情况的通报", "到期 4 项，已完成 2 项（按时完成 1 项、逾期完成 1 项），未完成 2 项，完成率 50.0%",
		"督办单 3 份（蓝色督办单 1 份、黄色督办单 1 份、红色督办单 1 份）", "名次", "市<编委>办（牵头）、市法制办", "红色督办单 2026-02-26 下发",
		"市<编委>办：热线推进不力（问责）", "嘉兴市人民政府督查室"} {
		if !strings.Contains(text, w) {
			t.Errorf("the bulletin lacks %q:\n%s", w, text)
		}
	}
}

// TestXlsx: the workbook has its five sheets with the figures.
func TestXlsx(t *testing.T) {
	data, err := build(t).Xlsx()
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), "|"); got != "考核排名|单位完成情况|重点关注任务|逐月趋势|激励与问责" {
		t.Errorf("sheets %s", got)
	}
	rows, _ := f.GetRows("单位完成情况")
	if len(rows) != 4 || rows[3][0] != "市财政局" || rows[3][4] != "66.7" {
		t.Errorf("单位完成情况 %v", rows)
	}
	rows, _ = f.GetRows("重点关注任务")
	if len(rows) != 4 || rows[1][2] != "建设政务热线" {
		t.Errorf("重点关注任务 %v", rows)
	}
}

// TestOpensInLibreOffice: LibreOffice converts both files to PDF, and
// reads the bulletin's text.
func TestOpensInLibreOffice(t *testing.T) {
	officetest.Require(t)
	t.Parallel()
	b := build(t)
	officetest.CheckDocx(t, "通报.docx", b.Docx())
	for name, data := range map[string][]byte{"通报.docx": b.Docx(), "明细.xlsx": must(b.Xlsx())} {
		pdf := officetest.ConvertBytes(t, name, data, "pdf", "pdf")
		if !bytes.HasPrefix(pdf, []byte("%PDF-")) || len(pdf) < 1000 {
			t.Errorf("%s: LibreOffice wrote a %d-byte PDF", name, len(pdf))
		}
		if name != "通报.docx" {
			// Five sheets of a few rows print a page each, one table
			// wide, numbered at the foot (not 10 pages for 2 rows).
			pages := map[int]string{}
			for _, l := range officetest.PDFText(t, pdf) {
				pages[l.Page] += l.Text
			}
			if len(pages) != 5 {
				t.Errorf("%s prints on %d pages, want 5 (a sheet each)", name, len(pages))
			}
			for p, text := range pages {
				if !strings.Contains(text, fmt.Sprintf("第 %d 页 共 %d 页", p, len(pages))) {
					t.Errorf("%s page %d has no page number: %.120s", name, p, text)
				}
			}
			continue
		}
		// The 公文 sizes: title 二号 (22 pt), body and headings 三号
		// (16 pt), the ranking table and the charts' titles 四号 (14 pt),
		// the charts' labels 五号 (10.5 pt, read as 11), nothing else.
		sizes := map[int]int{}
		for _, l := range officetest.PDFText(t, pdf) {
			sizes[l.Size]++
			if strings.HasPrefix(l.Text, "一、总体情况") && l.Size != 16 {
				t.Errorf("the heading %q is at %d pt, want 16", l.Text, l.Size)
			}
		}
		if len(sizes) != 4 || sizes[22] == 0 || sizes[16] == 0 || sizes[14] == 0 || sizes[11] == 0 {
			t.Errorf("the bulletin's text sizes (pt: runs) %v, want 22, 16, 14 and 11", sizes)
		}
	}
	text := officetest.ConvertBytes(t, "通报.docx", b.Docx(), "txt:Text (encoded):UTF8", "txt")
	if !strings.Contains(string(text), "完成率 50.0%") || !strings.Contains(string(text), "建设政务热线") {
		t.Errorf("LibreOffice reads:\n%s", text)
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}
