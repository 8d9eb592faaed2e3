package assess

import (
	"encoding/json"
	"errors"
	"flag"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/ledger"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// zhCN and zhTW render the lines as the pages do.
var (
	zhCN = i18n.New(i18n.ZhCN).T
	zhTW = i18n.New(i18n.ZhTW).T
)

func d(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// year2026 is a simulated year of four units: seven tasks, supervision
// events in the first and second quarters, 激励/问责 records and the
// hotline's satisfaction rates.
func year2026() Input {
	A, B, C, D := int64(1), int64(2), int64(3), int64(4)
	lead := func(u int64) Share { return Share{UnitID: u, Lead: true} }
	co := func(u int64) Share { return Share{UnitID: u} }
	return Input{
		Units: []Unit{{A, "市法制办"}, {B, "市财政局"}, {C, "市编委办"}, {D, "市信访局"}},
		Tasks: []Task{
			{ID: 1, Title: "完善行政决策机制", Weight: 15, Due: d("2026-03-31"), Done: d("2026-03-20"), Units: []Share{lead(A), co(B)}},
			{ID: 2, Title: "推进权责清单", Weight: 10, Due: d("2026-03-31"), Done: d("2026-04-10"), Units: []Share{lead(B)}},
			{ID: 3, Title: "建设政务热线", Due: d("2026-03-31"), Percent: 50, Units: []Share{lead(C), co(A)}},
			{ID: 4, Title: "事业单位统一登记", Weight: 15, Due: d("2026-06-30"), Done: d("2026-06-30"), Units: []Share{lead(C)}},
			{ID: 5, Title: "综合行政执法", Weight: 15, Due: d("2026-02-27"), Done: d("2026-02-26"), Units: []Share{lead(A)}},
			{ID: 6, Title: "信访制度改革", Weight: 10, Due: d("2026-03-31"), Units: []Share{lead(D)}},
			{ID: 7, Title: "机构编制管理", Weight: 10, Due: d("2026-01-31"), Done: d("2026-01-30"), Units: []Share{lead(C)}},
		},
		Events: []Event{
			{Key: "t2/press", TaskID: 2, Kind: "press", On: d("2026-03-02")},
			{Key: "t3/notice/blue", TaskID: 3, Kind: "notice", Level: "blue", Label: "蓝色督办单", On: d("2026-03-04")},
			{Key: "t3/notice/yellow", TaskID: 3, Kind: "escalate", Level: "yellow", Label: "黄色督办单", On: d("2026-03-16")},
			{Key: "t1/report_missing/2026-02", TaskID: 1, Kind: "report_missing", On: d("2026-03-02")},
			{Key: "t3/remind", TaskID: 3, Kind: "remind", On: d("2026-03-26")},
			{Key: "t2/press/q2", TaskID: 2, Kind: "press", On: d("2026-04-01")},
			{Key: "t3/press", TaskID: 3, Kind: "press", On: d("2026-04-01")},
			{Key: "t6/press", TaskID: 6, Kind: "press", On: d("2026-04-01")},
			{Key: "t3/notice/red", TaskID: 3, Kind: "escalate", Level: "red", Label: "红色督办单", On: d("2026-04-08")},
		},
		Records: []Record{
			{ID: 1, UnitID: A, Kind: RecordHighlight, Title: "法治政府建设示范", On: d("2026-03-10")},
			{ID: 2, UnitID: A, Kind: RecordInnovation, Title: "重大决策目录化管理", On: d("2026-03-20")},
			{ID: 3, UnitID: C, Kind: RecordCommendation, Title: "编制核查通报表扬", On: d("2026-02-15")},
			{ID: 4, UnitID: C, Kind: RecordAccountability, Title: "热线建设推进不力", On: d("2026-03-25")},
			{ID: 5, UnitID: B, Kind: RecordHighlight, Title: "预算公开", On: d("2026-01-20")},
			{ID: 6, UnitID: B, Kind: RecordInnovation, Title: "绩效预算", On: d("2026-02-20")},
			{ID: 7, UnitID: B, Kind: RecordCommendation, Title: "审计整改", On: d("2026-03-30")},
		},
		Rates: map[int64]float64{A: 0.9, B: 0.8},
	}
}

type want struct {
	unit                                         string
	keyWork, daily, incentive, satisfaction, tot float64
	rank, tasks                                  int
}

// TestSimulatedYear: the scores of the simulated year equal the ones
// counted by hand (in the comments), the ranking skips the units with too
// few tasks, and each explanation adds up to its part and names every
// task, event and record that counted.
func TestSimulatedYear(t *testing.T) {
	s := Default()
	s.MinTasks = 2
	cases := []struct {
		period string
		asOf   string
		rates  bool
		want   []want
	}{
		{"2026-Q1", "2026-04-15", true, []want{
			// A: T1 15×1 + T3 (配合, 10×0.5) × 0.3×50% + T5 15×1 over 35 → 60×30.75/35;
			//    30 − 0.5 (缺报, 牵头) − 0.5 (蓝, 配合) − 1 (黄, 配合); 亮点 2 + 创新 3; 90%.
			{"市法制办", 52.71, 28, 5, 9, 94.71, 1, 3},
			// B: T1 (配合) 7.5×1 + T2 10×0.6 (late) over 17.5 → 60×13.5/17.5;
			//    30 − 0.5 (催办) − 0.25 (缺报, 配合); 2 + 3 + 2 capped at 5; 80%.
			{"市财政局", 46.29, 29.25, 5, 8, 88.54, 2, 2},
			// C: T3 10×0.15 + T7 10×1 over 20; 30 − 1 − 2; 表扬 2 − 问责 5; average 85%.
			{"市编委办", 34.5, 27, -3, 8.5, 67, 3, 2},
			// D: one task, not done: not ranked.
			{"市信访局", 0, 30, 0, 8.5, 38.5, 0, 1},
		}},
		{"2026-03", "2026-04-15", true, []want{
			// A in March: T1 and T3 only → 60×15.75/20.
			{"市法制办", 47.25, 28, 5, 9, 89.25, 1, 2},
			{"市财政局", 46.29, 29.25, 2, 8, 85.54, 2, 2},
			// Not ranked: by name in pinyin order (bian, xin).
			{"市编委办", 9, 27, -5, 8.5, 39.5, 0, 1},
			{"市信访局", 0, 30, 0, 8.5, 38.5, 0, 1},
		}},
		{"2026-Q2", "2026-07-15", false, []want{
			// Nothing due for three of them (full marks, not ranked); no rates: full marks.
			// In pinyin order: bian, cai, fa, xin.
			{"市编委办", 60, 26.5, 0, 10, 96.5, 0, 1},
			{"市财政局", 60, 29.5, 0, 10, 99.5, 0, 0},
			{"市法制办", 60, 28.25, 0, 10, 98.25, 0, 0},
			{"市信访局", 60, 29.5, 0, 10, 99.5, 0, 0},
		}},
		{"2026", "2026-12-31", true, []want{
			{"市法制办", 52.71, 26.25, 5, 9, 92.96, 1, 3},
			{"市财政局", 46.29, 28.75, 5, 8, 88.04, 2, 2},
			// C: T3 1.5 + T7 10 + T4 15 over 35 → 60×26.5/35; 30 − 1 − 2 − 0.5 − 3.
			{"市编委办", 45.43, 23.5, -3, 8.5, 74.43, 3, 3},
			{"市信访局", 0, 29.5, 0, 8.5, 38, 0, 1},
		}},
	}
	for _, c := range cases {
		t.Run(c.period, func(t *testing.T) {
			in := year2026()
			if !c.rates {
				in.Rates = nil
			}
			p, err := ledger.ParsePeriod(c.period)
			if err != nil {
				t.Fatal(err)
			}
			res := Compute(s, p, d(c.asOf), in, ExplainAll)
			if len(res.Scores) != len(c.want) {
				t.Fatalf("%d scores", len(res.Scores))
			}
			for i, w := range c.want {
				g := res.Scores[i]
				if g.Unit != w.unit || g.KeyWork != w.keyWork || g.Daily != w.daily || g.Incentive != w.incentive ||
					g.Satisfaction != w.satisfaction || g.Total != w.tot || g.Rank != w.rank || g.Tasks != w.tasks {
					t.Errorf("place %d: got %s %.2f+%.2f+%.2f+%.2f=%.2f rank %d tasks %d\n          want %s %.2f+%.2f+%.2f+%.2f=%.2f rank %d tasks %d",
						i+1, g.Unit, g.KeyWork, g.Daily, g.Incentive, g.Satisfaction, g.Total, g.Rank, g.Tasks,
						w.unit, w.keyWork, w.daily, w.incentive, w.satisfaction, w.tot, w.rank, w.tasks)
				}
				checkLines(t, g)
			}
			golden(t, filepath.Join("testdata", c.period+".json"), goldenOf(res))
		})
	}
}

// checkLines: the lines of each part add up to the part, to the rounding,
// and each is a message of the catalogue whose placeholders are all
// filled, in both languages.
func checkLines(t *testing.T, g Score) {
	t.Helper()
	sum := map[string]float64{}
	for _, l := range g.Lines {
		sum[l.Part] += l.Points
		if !i18n.Has(l.Key) {
			t.Errorf("%s: line %+v has no message of the catalogue", g.Unit, l)
		}
		for _, say := range []Say{zhCN, zhTW} {
			if text := l.Explain(say); strings.ContainsAny(text, "{}") || strings.Contains(text, "assess.") {
				t.Errorf("%s: line %+v reads %q", g.Unit, l, text)
			}
		}
	}
	for part, v := range map[string]float64{PartKeyWork: g.KeyWork, PartDaily: g.Daily, PartIncentive: g.Incentive, PartSatisfaction: g.Satisfaction} {
		if math.Abs(sum[part]-v) > 0.015 {
			t.Errorf("%s: the %s lines add up to %.2f, the part is %.2f", g.Unit, part, sum[part], v)
		}
	}
}

// TestExplanationNamesEveryEvent: 市法制办's first quarter lists each of
// its three tasks, the three events that cost it points (and not the
// reminder, which costs nothing), and its two records.
func TestExplanationNamesEveryEvent(t *testing.T) {
	p, _ := ledger.ParsePeriod("2026-Q1")
	res := Compute(Default(), p, d("2026-04-15"), year2026(), ExplainUnit(1))
	var a Score
	for _, s := range res.Scores {
		if s.Unit == "市法制办" {
			a = s
		}
	}
	got := map[string]bool{}
	for _, l := range a.Lines {
		switch {
		case l.EventKey != "":
			got["event "+l.EventKey] = true
		case l.RecordID != 0:
			got["record "+string(rune('0'+l.RecordID))] = true
		case l.TaskID != 0:
			got["task "+string(rune('0'+l.TaskID))] = true
		}
	}
	wantKeys := []string{"task 1", "task 3", "task 5", "event t1/report_missing/2026-02", "event t3/notice/blue", "event t3/notice/yellow", "record 1", "record 2"}
	for _, k := range wantKeys {
		if !got[k] {
			t.Errorf("the explanation lacks %s", k)
		}
	}
	if len(got) != len(wantKeys) {
		t.Errorf("the explanation names %v, want exactly %v", got, wantKeys)
	}
	for _, l := range a.Lines {
		if l.EventKey == "t3/notice/yellow" && (l.Points != -1 || !strings.Contains(l.Explain(zhCN), "黄色督办单「建设政务热线」（配合）：扣 1.00 分")) {
			t.Errorf("yellow notice line %+v", l)
		}
	}
}

// TestTies: equal totals share a place, and the next place skips; units
// tied are listed in pinyin order (财政局 cai before 住建局 zhu, though 住
// comes first by code point).
func TestTies(t *testing.T) {
	s := Default()
	s.MinTasks = 1
	p, _ := ledger.ParsePeriod("2026-Q1")
	in := Input{Units: []Unit{{1, "住建局"}, {2, "财政局"}, {3, "乙"}, {4, "丁"}}}
	for i, done := range []string{"2026-03-01", "2026-03-01", "2026-03-01", ""} {
		task := Task{ID: int64(i + 1), Title: "任务", Weight: 10, Due: d("2026-03-31"), Units: []Share{{UnitID: int64(i + 1), Lead: true}}}
		if done != "" {
			task.Done = d(done)
		}
		in.Tasks = append(in.Tasks, task)
	}
	in.Events = []Event{{Key: "x", TaskID: 3, Kind: "press", On: d("2026-03-02")}}
	res := Compute(s, p, d("2026-04-01"), in, ExplainAll)
	var order []string
	var ranks []int
	for _, sc := range res.Scores {
		order, ranks = append(order, sc.Unit), append(ranks, sc.Rank)
	}
	if strings.Join(order, " ") != "财政局 住建局 乙 丁" || ranks[0] != 1 || ranks[1] != 1 || ranks[2] != 3 || ranks[3] != 4 {
		t.Errorf("order %v ranks %v, want 财政局 and 住建局 tied first, 乙 third, 丁 fourth", order, ranks)
	}
}

// TestCapsAndFloors: deductions beyond the daily base stop at zero, and
// the lines still add up.
func TestCapsAndFloors(t *testing.T) {
	s := Default()
	p, _ := ledger.ParsePeriod("2026-03")
	in := Input{Units: []Unit{{1, "甲"}}, Tasks: []Task{{ID: 1, Title: "任务", Due: d("2026-03-31"), Units: []Share{{UnitID: 1, Lead: true}}}}}
	for i := 0; i < 8; i++ {
		in.Events = append(in.Events, Event{Key: string(rune('a' + i)), TaskID: 1, Kind: "escalate", Level: "listed", Label: "挂牌督办", On: d("2026-03-10")})
	}
	res := Compute(s, p, d("2026-04-01"), in, ExplainAll)
	if g := res.Scores[0]; g.Daily != 0 {
		t.Errorf("daily %v, want 0 after 40 points of deductions", g.Daily)
	} else {
		checkLines(t, g)
	}
}

// TestSatisfactionBasis: with the rates' basis given, a rated unit's line
// names the 12345 tickets its rate rests on, a unit whose tickets were
// not yet visited says so and gets the average, and a unit without
// tickets keeps the plain rule.
func TestSatisfactionBasis(t *testing.T) {
	s := Default()
	p, _ := ledger.ParsePeriod("2026-03")
	in := Input{Units: []Unit{{1, "甲"}, {2, "乙"}, {3, "丙"}}, Rates: map[int64]float64{1: 2.0 / 3},
		RateBasis: map[int64]RateBasis{1: {Tickets: 4, Visited: 3}, 2: {Tickets: 2}}}
	for u := int64(1); u <= 3; u++ {
		in.Tasks = append(in.Tasks, Task{ID: u, Title: "任务", Due: d("2026-03-31"), Units: []Share{{UnitID: u, Lead: true}}})
	}
	res := Compute(s, p, d("2026-04-01"), in, ExplainAll)
	want := map[string]string{
		"甲": "12345 工单满意率 66.67%（工单 4 件，回访 3 件）：得 6.67 分，满分 10",
		"乙": "本期 12345 工单 2 件尚无回访，按 1 个单位的平均满意率 66.67% 计：得 6.67 分",
		"丙": "本单位无满意度数据，按 1 个单位的平均满意率 66.67% 计：得 6.67 分",
	}
	for _, sc := range res.Scores {
		var got string
		for _, l := range sc.Lines {
			if l.Part == PartSatisfaction {
				got = l.Explain(zhCN)
			}
		}
		if got != want[sc.Unit] || sc.Satisfaction != 6.67 {
			t.Errorf("%s: %v %q, want %q", sc.Unit, sc.Satisfaction, got, want[sc.Unit])
		}
	}
}

// TestDefaultIsValid: the default scheme holds; a bad one names each
// field that does not, by the scheme form's name and part, with the key
// of what is wrong; an empty name, a NaN and a scheme worth nothing too.
func TestDefaultIsValid(t *testing.T) {
	if err := Default().Validate(); err != nil {
		t.Fatal(err)
	}
	bad := Default()
	bad.CoShare, bad.KeyWork.Late = 2, -1
	bad.Incentive.Bonus["accountability"] = 3
	bad.Incentive.Bonus["medal"] = 1
	bad.Daily.Notice["orange"] = 101
	bad.Daily.Notice["purple"] = 50 // an office's own level within range holds
	var ps Problems
	if err := bad.Validate(); !errors.As(err, &ps) || len(ps) != 4 {
		t.Fatalf("Validate() = %v, want four problems", err)
	}
	want := Problems{
		{Field: "late", Label: "assess.scheme.field.late", Group: "assess.scheme.group.key_work", Key: "assess.problem.range_0_1"},
		{Field: "co_share", Label: "assess.scheme.field.co_share", Group: "assess.scheme.group.key_work", Key: "assess.problem.range_0_1"},
		{Field: "notice", Key: "assess.problem.notice_level", Args: map[string]string{"level": "orange"}},
		{Field: "bonus", Key: "assess.problem.bonus_kind", Args: map[string]string{"kind": "accountability、medal"}},
	}
	if !reflect.DeepEqual(ps, want) {
		t.Errorf("Validate() = %#v\nwant %#v", ps, want)
	}
	for _, p := range ps {
		for _, key := range []string{p.Label, p.Group, p.Key} {
			if key != "" && !i18n.Has(key) {
				t.Errorf("%s: %s is not in the catalogue", p.Field, key)
			}
		}
	}
	worthless := Default()
	worthless.Name, worthless.MinTasks, worthless.Incentive.Cap = " ", 1001, math.NaN()
	worthless.KeyWork.Points, worthless.Daily.Points, worthless.Satisfaction.Points = 0, 0, 0
	ps = nil
	if err := worthless.Validate(); !errors.As(err, &ps) || len(ps) != 4 || !ps.Has("name") || !ps.Has("min_tasks") || !ps.Has("cap") ||
		ps[3].Field != "" || ps[3].Key != "assess.problem.all_zero" {
		t.Errorf("Validate() = %v, want name, min_tasks, cap and the whole", ps)
	}
}

// goldenResult is a result as the golden files keep it: each line with
// its message and, beside it, the message as the zh-CN page reads it, so
// that a change of wording shows in the diff.
type goldenResult struct {
	Result
	Scores []goldenScore `json:"scores"`
}

type goldenScore struct {
	Score
	Lines []goldenLine `json:"lines"`
}

type goldenLine struct {
	Line
	Text string `json:"text"`
}

func goldenOf(res Result) goldenResult {
	g := goldenResult{Result: res}
	for _, sc := range res.Scores {
		gs := goldenScore{Score: sc}
		for _, l := range sc.Lines {
			gs.Lines = append(gs.Lines, goldenLine{Line: l, Text: l.Explain(zhCN)})
		}
		g.Scores = append(g.Scores, gs)
	}
	return g
}

func golden(t *testing.T, path string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(want) != string(got) {
		t.Errorf("%s differs from the result; run with -update after checking:\n%s", path, got)
	}
}

// TestFormula: the default scheme reads as the office would write it.
func TestFormula(t *testing.T) {
	text := strings.Join(Default().Formula(i18n.New(i18n.ZhCN).T), "\n")
	for _, w := range []string{"总分 = 重点攻坚考绩（60 分）+ 日常动态考评（30 分）+ 公众满意度（10 分）+ 创新创优激励（加分最多 5 分",
		"逾期完成得 60%", "每份蓝色督办单扣 1 分；每份黄色督办单扣 2 分；每份红色督办单扣 3 分；每份挂牌督办扣 5 分",
		"每项亮点加 2 分，每项创新加 3 分，每项表扬加 2 分", "到期任务少于 3 项的单位只计分、不排名"} {
		if !strings.Contains(text, w) {
			t.Errorf("formula lacks %q:\n%s", w, text)
		}
	}
}

// TestExplanationInTraditional: a zh-TW reader gets the lines in
// traditional script, the default ladder's levels, the roles and the
// record kinds named by the catalogue, and an office's own level by its
// own label, as the office wrote it.
func TestExplanationInTraditional(t *testing.T) {
	s := Default()
	s.Daily.Notice["orange"] = 1.5
	p, _ := ledger.ParsePeriod("2026-03")
	in := Input{Units: []Unit{{1, "甲"}, {2, "乙"}},
		Tasks: []Task{{ID: 1, Title: "任务", Weight: 10, Due: d("2026-03-31"), Done: d("2026-03-20"), Units: []Share{{UnitID: 1, Lead: true}, {UnitID: 2}}}},
		Events: []Event{
			{Key: "blue", TaskID: 1, Kind: "notice", Level: "blue", Label: "蓝色督办单", On: d("2026-03-04")},
			{Key: "orange", TaskID: 1, Kind: "escalate", Level: "orange", Label: "橙色督办单", On: d("2026-03-06")},
			{Key: "press", TaskID: 1, Kind: "press", On: d("2026-03-02")},
		},
		Records: []Record{{ID: 1, UnitID: 1, Kind: RecordHighlight, Title: "示范", On: d("2026-03-10")}},
	}
	res := Compute(s, p, d("2026-04-01"), in, ExplainAll)
	got := map[string]bool{}
	for _, sc := range res.Scores {
		for _, l := range sc.Lines {
			got[sc.Unit+" "+l.Explain(zhTW)] = true
		}
	}
	for _, want := range []string{
		"甲 「任务」（牽頭，權重 10）2026-03-20 按時完成（到期 2026-03-31）：得 60.00 分，滿分 60.00",
		"乙 2026-03-04 藍色督辦單「任务」（配合）：扣 0.50 分",
		"甲 2026-03-06 橙色督办单「任务」（牽頭）：扣 1.50 分",
		"甲 2026-03-02 催辦「任务」（牽頭）：扣 0.50 分",
		"甲 2026-03-10 亮點「示范」：加 2.00 分",
		"甲 基礎分 30",
		"甲 本期尚無滿意度資料，按滿分計",
	} {
		if !got[want] {
			t.Errorf("no line reads %q; the lines:\n%v", want, got)
		}
	}
}

// TestNameIn: the default scheme is named by the catalogue, an office's
// own by its own words.
func TestNameIn(t *testing.T) {
	s := Default()
	if got := s.NameIn(zhTW); got != "重點攻堅考績 + 日常動態考評 + 創新創優激勵" {
		t.Errorf("default in zh-TW: %q", got)
	}
	if got := s.NameIn(zhCN); got != s.Name {
		t.Errorf("default in zh-CN: %q", got)
	}
	s.Name = "嘉兴市重点工作考核办法"
	if got := s.NameIn(zhTW); got != s.Name {
		t.Errorf("the office's own: %q", got)
	}
}
