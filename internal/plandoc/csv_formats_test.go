package plandoc

import (
	"bytes"
	"os"
	"testing"
)

// The annex of seed 003 saved as comma-separated values (see
// scripts/make-format-fixtures.sh) gives the same tasks as the same table
// in an .xlsx workbook and as the annex of the text: in UTF-8 with a BOM,
// in UTF-8 without one, and in GBK.
func TestCSVAgreesWithXlsx(t *testing.T) {
	utf8Text, err := os.ReadFile(formatSeed)
	if err != nil {
		t.Fatal(err)
	}
	annex, rows := annexOf(parseBytes(t, "plan.txt", utf8Text))
	fromXlsx := parseBytes(t, "annex.xlsx", annexWorkbook(t, rows))
	want := taskKeys(annex, true)
	if len(want) < 30 {
		t.Fatalf("the text's annex gave only %d tasks", len(want))
	}
	compareKeys(t, taskKeys(fromXlsx, false), want)

	withBOM, err := os.ReadFile("testdata/formats/003_annex.csv")
	if err != nil {
		t.Fatal(err)
	}
	gbk, err := os.ReadFile("testdata/formats/003_annex_gbk.csv")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"utf-8 with BOM": withBOM,
		"utf-8":          bytes.TrimPrefix(withBOM, []byte("\xEF\xBB\xBF")),
		"gbk":            gbk,
	} {
		t.Run(name, func(t *testing.T) {
			got := parseBytes(t, "annex.csv", data)
			compareKeys(t, taskKeys(got, false), taskKeys(fromXlsx, false))
		})
	}
	t.Run("without a .csv name", func(t *testing.T) {
		got := parseBytes(t, "annex.txt", gbk)
		compareKeys(t, taskKeys(got, false), want)
	})
}

// A table saved as CSV keeps a merged 序号 and task cell in the first of
// their rows only; the rows under them continue the task, while a
// sign-off row does not.
func TestCSVMergedRowsContinueTheTask(t *testing.T) {
	data := "序号,改革举措,主要成果及出台时间,责任处室,配合处室\r\n" +
		"1,推进精准扶贫,完成建档立卡工作（2025年6月底前）,指导处,信统处\r\n" +
		",,制定帮扶措施（2025年底前）,规划处,社扶处\r\n" +
		"2,完善考核办法,出台考核细则（2025年9月底前）,人事处,\r\n" +
		",某局办公室,2025年1月2日印发,,\r\n"
	p := parseBytes(t, "分工表.csv", []byte(data))
	checkTasks(t, p.Tasks, []cellWant{
		{"1", "推进精准扶贫", "指导处、信统处、规划处、社扶处", "", 0},
		{"2", "完善考核办法", "人事处", "", 0},
	})
	if ms := p.Tasks[0].Milestones; len(ms) != 2 || ms[1].Due != "2025-12-31" {
		t.Errorf("milestones of task 1 = %+v", ms)
	}
}
