package bulletin

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/duban/duban/internal/docx"
)

// Docx writes the bulletin as a 公文: title, the overall figures, the
// ranking table, the tasks that need attention with their units, the
// 激励/问责 decisions, and what is asked next; with the web page's four
// charts, drawn by the office suite (DocCharts).
func (b *Bulletin) Docx() []byte {
	d := docx.New()
	d.Title(b.Title)
	d.Centered(b.Issuer + " " + chineseDate(b.AsOf))
	s := b.Summary
	d.Heading("一、总体情况")
	d.Body(fmt.Sprintf("%s，纳入考核的重点任务中到期 %d 项，已完成 %d 项（按时完成 %d 项、逾期完成 %d 项），未完成 %d 项，完成率 %s%%，按时完成率 %s%%。"+
		"本期共发出催办 %d 次、督办单 %d 份%s。参加考核单位 %d 个，其中参与排名 %d 个。",
		b.Period.Label, s.Due, s.OnTime+s.Late, s.OnTime, s.Late, s.Open, pct(s.Completion), pct(s.OnTimeRate),
		s.Presses, s.Notices, levelsText(b.Notices), s.Units, s.Ranked))
	charts := b.DocCharts()
	for _, c := range charts[:3] {
		c.draw(d)
	}
	d.Heading("二、考核排名")
	d.Body("按《" + b.Scheme + "》计分，排名如下（到期任务过少的单位只计分、不排名）：")
	charts[3].draw(d)
	var rows [][]string
	for _, r := range b.Ranking {
		rank := "—"
		if r.Rank > 0 {
			rank = strconv.Itoa(r.Rank)
		}
		rows = append(rows, []string{rank, r.Unit, strconv.Itoa(r.Tasks), pts(r.KeyWork), pts(r.Daily), pts(r.Incentive), pts(r.Satisfaction), pts(r.Total)})
	}
	d.Table([]string{"名次", "单位", "到期任务", "重点攻坚", "日常考评", "创新激励", "满意度", "总分"}, rows)
	d.Heading("三、需重点关注的任务")
	if len(b.Flags) == 0 {
		d.Body("本期没有逾期未完成或红色以上督办的任务。")
	} else {
		d.Body(fmt.Sprintf("以下 %d 项任务逾期未完成或处于红色督办、挂牌督办，请责任单位主要负责同志亲自过问，限期整改到位：", len(b.Flags)))
		rows = rows[:0]
		for i, f := range b.Flags {
			rows = append(rows, []string{strconv.Itoa(i + 1), f.Title, f.Units, f.Due.Format("2006-01-02"), f.Why})
		}
		d.Table([]string{"序号", "任务", "责任单位", "到期日", "情况"}, rows)
	}
	d.Heading("四、激励与问责")
	if len(b.Records) == 0 {
		d.Body("本期无激励或问责事项。")
	}
	for _, r := range b.Records {
		d.Body(fmt.Sprintf("%s，%s：%s（%s）。", r.On.Format("2006年1月2日"), r.Unit, r.Title, r.Label))
	}
	d.Heading("五、下步工作要求")
	d.Body("各责任单位要对照任务清单，逐项梳理进展，对逾期和督办事项限期整改，按时报送进展和佐证材料。督查室将继续跟踪督办，结果纳入年度考核。")
	d.Body("")
	d.Right(b.Issuer)
	d.Right(chineseDate(b.AsOf))
	return d.Bytes()
}

func levelsText(levels []LevelCount) string {
	if len(levels) == 0 {
		return ""
	}
	var parts []string
	for _, l := range levels {
		parts = append(parts, fmt.Sprintf("%s %d 份", l.Label, l.N))
	}
	return "（" + strings.Join(parts, "、") + "）"
}

func pts(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

func pct(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// chineseDate is a 公文 date: 2026年4月15日.
func chineseDate(t time.Time) string { return t.Format("2006年1月2日") }
