package foia

import (
	"strconv"
	"time"
)

// Applicant is who asked, as the annual report counts them.
type Applicant string

// The applicant columns of the annual report's table.
const (
	Person   Applicant = "person"   // 自然人
	Business Applicant = "business" // 商业企业
	Research Applicant = "research" // 科研机构
	Charity  Applicant = "charity"  // 社会公益组织
	Legal    Applicant = "legal"    // 法律服务机构
	OtherOrg Applicant = "other"    // 其他
)

// Applicants are the columns in order; the table adds a total.
var Applicants = []Applicant{Person, Business, Research, Charity, Legal, OtherOrg}

// ApplicantLabel is a column's heading.
func ApplicantLabel(a Applicant) string {
	return map[Applicant]string{Person: "自然人", Business: "商业企业", Research: "科研机构", Charity: "社会公益组织",
		Legal: "法律服务机构", OtherOrg: "其他"}[a]
}

// WithheldReasons are the grounds of 不予公开, in the table's order.
var WithheldReasons = []string{"属于国家秘密", "其他法律行政法规禁止公开", "危及“三安全一稳定”", "保护第三方合法权益",
	"属于三类内部事务信息", "属于四类过程性信息", "属于行政执法案卷", "属于行政查询事项"}

// Case is a request as the annual report counts it.
type Case struct {
	Applicant Applicant
	Received  time.Time
	Concluded time.Time // the reply, or the day it was dropped; zero while open
	Reply     Reply
	// Withheld is the ground of a 不予公开 reply, an index into
	// WithheldReasons.
	Withheld int
}

// Row is one row of the table: its label, its depth (一、 (一) 1.), and
// the counts by applicant column with the total last.
type Row struct {
	Label  string
	Depth  int
	Counts [7]int
}

// AnnualTable is the third table of the 政府信息公开工作年度报告 (收到和处理
// 政府信息公开申请情况) for year: the requests received in the year, those
// carried over from the year before, how the year's concluded requests
// ended, and those carried into the next year.
func AnnualTable(year int, cases []Case) []Row {
	start := time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC)
	next := start.AddDate(1, 0, 0)
	in := func(t time.Time) bool { return !t.IsZero() && !t.Before(start) && t.Before(next) }
	type group struct {
		label   string
		depth   int
		matches func(Case) bool
	}
	is := func(replies ...Reply) func(Case) bool {
		return func(c Case) bool {
			for _, r := range replies {
				if c.Reply == r {
					return true
				}
			}
			return false
		}
	}
	concluded := func(c Case) bool { return in(c.Concluded) }
	groups := []group{
		{"一、本年新收政府信息公开申请数量", 0, func(c Case) bool { return in(c.Received) }},
		{"二、上年结转政府信息公开申请数量", 0, func(c Case) bool {
			return c.Received.Before(start) && (c.Concluded.IsZero() || !c.Concluded.Before(start))
		}},
		{"三、本年度办理结果", 0, func(Case) bool { return false }},
		{"（一）予以公开", 1, is(Disclosed, PublishedAlready)},
		{"（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1, is(PartlyDisclosed)},
		{"（三）不予公开", 1, is(Withheld)},
	}
	for i, reason := range WithheldReasons {
		groups = append(groups, group{strconv.Itoa(i+1) + "." + reason, 2, func(c Case) bool { return c.Reply == Withheld && c.Withheld == i }})
	}
	groups = append(groups,
		group{"（四）无法提供", 1, is(NotHeld, NeedsCreating, StillUnclear)},
		group{"1.本机关不掌握相关政府信息", 2, is(NotHeld)},
		group{"2.没有现成信息需要另行制作", 2, is(NeedsCreating)},
		group{"3.补正后申请内容仍不明确", 2, is(StillUnclear)},
		group{"（五）不予处理", 1, is(Petition, Repeated, Publication, Excessive, Reconfirm)},
		group{"1.信访举报投诉类申请", 2, is(Petition)},
		group{"2.重复申请", 2, is(Repeated)},
		group{"3.要求提供公开出版物", 2, is(Publication)},
		group{"4.无正当理由大量反复申请", 2, is(Excessive)},
		group{"5.要求行政机关确认或重新出具已获取信息", 2, is(Reconfirm)},
		group{"（六）其他处理", 1, is(Abandoned, FeeUnpaid, NotOurs, OtherRegime)},
		group{"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", 2, is(Abandoned)},
		group{"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", 2, is(FeeUnpaid)},
		group{"3.其他", 2, is(NotOurs, OtherRegime)},
		group{"（七）总计", 1, func(c Case) bool { return c.Reply.Valid() }},
		group{"四、结转下年度继续办理", 0, func(c Case) bool {
			return c.Received.Before(next) && (c.Concluded.IsZero() || !c.Concluded.Before(next))
		}},
	)
	column := map[Applicant]int{}
	for i, a := range Applicants {
		column[a] = i
	}
	rows := make([]Row, len(groups))
	for i, g := range groups {
		rows[i] = Row{Label: g.label, Depth: g.depth}
		for _, c := range cases {
			counted := g.matches(c)
			if g.depth > 0 { // 三、's rows count the requests concluded in the year
				counted = counted && concluded(c)
			}
			if !counted {
				continue
			}
			col, ok := column[c.Applicant]
			if !ok {
				col = column[OtherOrg]
			}
			rows[i].Counts[col]++
			rows[i].Counts[6]++
		}
	}
	return rows
}
