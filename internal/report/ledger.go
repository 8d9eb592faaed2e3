package report

import (
	"iter"
	"strings"
	"time"
)

// LedgerRow is one task as it appears in an exported ledger. Values are
// already rendered for people (Chinese labels, dates as written) because the
// sheet shows them as they are; the ledger package decides what they say.
type LedgerRow struct {
	TaskID     int64
	Seq        string   // 序号 as numbered in the plan, e.g. "二.(一).1" or "附件.3"
	Plan       string   // the plan's title; see LedgerMeta.GroupByPlan
	Title      string   // 重点任务
	Units      []string // 责任单位, lead first
	LeadUnits  []string // the lead units (牵头单位) among Units
	Deadline   string   // 时间要求 as written, e.g. "2018年底前；每年"; shown when Dates is empty
	Dates      []string // 时间要求 normalised: each deadline's ISO date, or its text when it names no date
	Due        string   // ISO date or ""; shown only when Dates and Deadline are empty
	Progress   string   // 进展情况: the latest report's text
	Problems   string   // 存在问题: the latest report's
	NextSteps  string   // 下步计划: the latest report's
	Percent    *float64 // 完成比例 in percentage points (0–100), nil if never reported
	Status     string   // 状态 label, e.g. 推进中, 临期, 逾期, 待核验, 已销号, 未启动
	Light      string   // green, yellow, red, blue or gray; colours the 状态 cell
	LastReport string   // 最近报送: ISO date or ""
}

// LedgerMeta is what the sheet says about itself above the table.
type LedgerMeta struct {
	Title       string    // e.g. "嘉兴市…实施方案 执行台账"
	Subtitle    string    // the filter that selected the rows, e.g. "责任单位：市发改委"
	GeneratedAt time.Time // shown in Beijing time; zero leaves it out
	GeneratedBy string    // the person or unit that exported it; "" leaves it out

	// GroupByPlan writes a band row naming the plan whenever Plan changes
	// from one row to the next, for ledgers that span plans (rows sorted by
	// plan). The band is not merged, so Excel can still sort the table.
	GroupByPlan bool
}

// SliceRows adapts a slice to the row sequence WriteLedger takes.
func SliceRows(rows []LedgerRow) iter.Seq2[LedgerRow, error] {
	return func(yield func(LedgerRow, error) bool) {
		for _, r := range rows {
			if !yield(r, nil) {
				return
			}
		}
	}
}

// Header names of the exported sheet, in column order. ReadProgress accepts
// these and a few synonyms (see headerAliases).
const (
	hdrSeq      = "序号"
	hdrTitle    = "重点任务"
	hdrLead     = "牵头单位"
	hdrHelp     = "配合单位"
	hdrDeadline = "时间要求"
	hdrProgress = "进展情况"
	hdrProblems = "存在问题"
	hdrNext     = "下步计划"
	hdrPercent  = "完成比例"
	hdrStatus   = "状态"
	hdrLast     = "最近报送"
	hdrTaskID   = "任务编号"
)

// column is one column of the exported sheet.
type column struct {
	name  string
	width float64 // in Excel character widths; CJK characters count about 2
}

// ledgerColumns is the sheet layout. 任务编号 stays last so that people who
// reorder or delete the visible columns rarely touch it, and an import still
// finds it by name if they do.
var ledgerColumns = []column{
	{hdrSeq, 10},
	{hdrTitle, 40},
	{hdrLead, 16},
	{hdrHelp, 20},
	{hdrDeadline, 16},
	{hdrProgress, 50},
	{hdrProblems, 30},
	{hdrNext, 30},
	{hdrPercent, 10},
	{hdrStatus, 9},
	{hdrLast, 12},
	{hdrTaskID, 10},
}

// Row numbers of the fixed top of the sheet.
const (
	titleRow  = 1
	subRow    = 2
	headerRow = 3
	firstBody = 4
)

// splitUnits divides the task's units into 牵头单位 and 配合单位. A task
// naming no lead has every unit in 牵头单位: each is responsible, none only
// assists.
func splitUnits(r LedgerRow) (lead, help string) {
	if len(r.LeadUnits) == 0 {
		return strings.Join(r.Units, "、"), ""
	}
	leads := make(map[string]bool, len(r.LeadUnits))
	for _, u := range r.LeadUnits {
		leads[u] = true
	}
	var others []string
	for _, u := range r.Units {
		if !leads[u] {
			others = append(others, u)
		}
	}
	return strings.Join(r.LeadUnits, "、"), strings.Join(others, "、")
}

// deadlineText renders 时间要求: the deadlines' dates (a deadline naming no
// date, such as "每季度" or "长期坚持", as written), else the plan's words,
// else the due date.
func deadlineText(r LedgerRow) string {
	if len(r.Dates) > 0 {
		return strings.Join(r.Dates, "；")
	}
	if strings.TrimSpace(r.Deadline) != "" {
		return r.Deadline
	}
	return r.Due
}
