package plandoc

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Annexes (附件) follow a document's signature. An annex is either a task
// table, a plan written in prose (its own heading, then 一、/（一） items),
// or something else (a list of the annexes' names, a form). A file may
// carry several prose plans as annexes: a cover report or notice with
// 附件3, 附件4… each a departmental plan.
//
// Path rule for annexed prose plans: when the body before the annexes has
// tasks of its own, or when several annexes are prose plans, each annexed
// plan's paths are prefixed by its annex's name as its marker writes it
// (["附件4", "三", "(一)"]; ["附件", …] for an unnumbered 附件). When the
// body has no task and exactly one annex is a prose plan, that annex is
// the plan (a notice issuing the plan attached to it) and its tasks keep
// plain paths (["三", "(一)"]), as plan-json.md specifies. When the body
// itself lies in an annex (a notice issuing 附件1, 附件2… as plans) and
// other annexes are plans too, every plan, the body's included, takes its
// annex's name.

// annex is one annex: its name (附件3) and its lines, marker line first.
type annex struct {
	name  string
	lines []line
}

var annexNumber = regexp.MustCompile(`^附\s*件\s*([0-9０-９]+|[一二三四五六七八九十]+)?`)

// annexName is the name an annex marker line gives its annex: 附件3 for
// "附件3：", 附件 for "附件：" or "附件".
func annexName(f string) string {
	m := annexNumber.FindStringSubmatch(f)
	if m == nil || m[1] == "" {
		return "附件"
	}
	if n, ok := cnNumber(m[1]); ok {
		return "附件" + strconv.Itoa(n)
	}
	return "附件" + asciiDigits(m[1])
}

// annexPlan is an annex read as a prose plan.
type annexPlan struct {
	at      int // index of the annex
	heading string
	tasks   []Task
}

// proseAnnexPlan reads an annex as a plan in prose: a heading near its
// marker, then numbered items that give tasks. An annex that holds a
// table, or a table pasted one cell per line (a 序号 header line, or rows
// numbered 1, 2, 3 on lines of their own), is left to the table readers;
// a list of document names (附件：1.XX方案 2.XX表) has no heading and is no
// plan.
func proseAnnexPlan(a annex, year int) (annexPlan, bool) {
	if len(a.lines) == 0 || a.lines[0].table != nil || !annexLine.MatchString(a.lines[0].f) {
		return annexPlan{}, false // the page furniture after a document (抄送, 相关链接)
	}
	heading, body, ok := annexBody(a.lines)
	if !ok || looksTabular(a.lines[1:]) || !annexPlanKind.MatchString(fold(heading)) {
		return annexPlan{}, false
	}
	tasks := leafTasks(outline(body), year)
	return annexPlan{heading: heading, tasks: tasks}, len(tasks) > 0
}

// annexPlanKind ends the heading of an annex that is a plan (XX工作方案,
// XX实施方案（征求意见稿）, XX重点任务); an annex headed otherwise (名单,
// 名词解释, 评分表) is no plan even when its lines are numbered.
var annexPlanKind = regexp.MustCompile(`(?:方案|计划|要点|清单|办法|意见|规划|细则|分解表|任务书|措施|任务|分工|安排|举措)(?:[（(][^）)]{2,20}[）)])?$`)

// annexBody returns the lines of an annex after its heading. The heading
// is the text after the marker (附件3：XX方案) or the first lines after
// it, short and with no sentence end; ok is false when a numbered line or
// a sentence comes first.
func annexBody(lines []line) (heading string, body []line, ok bool) {
	if len(lines) == 0 {
		return "", nil, false
	}
	f0 := lines[0].f
	rest := strings.TrimLeft(annexLine.ReplaceAllString(f0, ""), " ：:")
	if _, _, n := matchLabel(rest); n > 0 {
		return "", nil, false // 附件：1.XX方案 2.XX表 lists the annexes
	}
	// The plan's own heading on the lines after the marker comes first;
	// the marker's text (附件3：XX方案) names it otherwise.
	for i := 1; i < len(lines) && i < 20; i++ {
		l := lines[i]
		if l.table != nil {
			break
		}
		if l.text == "" || signingDate(l) != "" || publishNote.MatchString(l.f) {
			continue
		}
		if next := nextNonBlank(lines, i); next > 0 && signingDate(lines[next]) != "" && isOrganLine(l) {
			continue // the signature block of the cover, under its list of annexes
		}
		if _, _, n := matchLabel(l.text); n == 0 && isPlanHeading(l.f) {
			// A heading broken over lines ends where it names a plan; the
			// short lines after it may be a table's header cells.
			_, end := joinHeading(lines, i)
			for k := i + 1; k <= end; k++ {
				if h := headingText(lines[i:k]); annexPlanKind.MatchString(fold(h)) {
					return h, lines[k:], true
				}
			}
			return headingText(lines[i:end]), lines[end:], true
		}
		break
	}
	if rest != "" && isPlanHeading(rest) {
		return lines[0].text[len(f0)-len(rest):], lines[1:], true
	}
	return "", nil, false
}

// isPlanHeading reports whether a line can head an annexed plan: short,
// with no sentence punctuation.
func isPlanHeading(f string) bool {
	n := utf8.RuneCountInString(f)
	return n >= 4 && n <= 80 && !strings.ContainsAny(f, "。；;！？")
}

// looksTabular reports whether lines are a table rather than prose: a
// table block, a header cell 序号 on a line of its own, or rows numbered
// 1, 2, 3 on lines of their own.
func looksTabular(lines []line) bool {
	for _, l := range lines {
		if l.table != nil {
			return true
		}
		if h := strings.Join(strings.Fields(strings.ReplaceAll(l.f, "\u3000", " ")), ""); h == "序号" || h == "编号" {
			return true
		}
	}
	_, flat := flatTasks(lines, 0)
	return flat
}

// annexedPlanTasks places the tasks of the annexed prose plans after the
// body's, following the path rule above.
func annexedPlanTasks(bodyHasTasks bool, annexes []annex, plans []annexPlan) []Task {
	if !bodyHasTasks && len(plans) == 1 {
		return plans[0].tasks
	}
	var out []Task
	for _, pl := range plans {
		for _, t := range pl.tasks {
			t.Path = append([]string{annexes[pl.at].name}, t.Path...)
			out = append(out, t)
		}
	}
	return out
}

// nextNonBlank is the index of the first non-blank line after i, or -1.
func nextNonBlank(lines []line, i int) int {
	for j := i + 1; j < len(lines); j++ {
		if !lines[j].blank() {
			return j
		}
	}
	return -1
}
