package plandoc

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/docread"
)

// MaxTextBytes bounds the text of a document that is parsed as a plan.
// The longest real plans hold a few hundred kilobytes of text; anything
// near this size is something else, and refusing it keeps a hostile file
// (a 50 MB single line) from holding the importer for many seconds.
const MaxTextBytes = 8 << 20

// ErrTooLong marks a document whose text is too long to be a plan.
var ErrTooLong = errors.New("plandoc: text too long for a plan")

// ParseFile reads a plan document from disk and parses it.
func ParseFile(path string) (*Plan, error) {
	doc, err := docread.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseDoc(doc)
}

// ParseDoc parses a document after checking that it is of a plan's size.
func ParseDoc(doc *docread.Doc) (*Plan, error) {
	size := 0
	for _, b := range doc.Blocks {
		size += len(b.Text)
		for _, r := range b.Table {
			for _, c := range r {
				size += len(c)
			}
		}
	}
	if size > MaxTextBytes {
		return nil, fmt.Errorf("%s: 文本超过 %d MB，不像一份方案 (the text is %d MB, more than a plan holds): %w",
			doc.Name, MaxTextBytes>>20, size>>20, ErrTooLong)
	}
	return Parse(doc), nil
}

// Parse extracts the plan from a document's blocks.
func Parse(doc *docread.Doc) *Plan {
	lines := joinContinuations(linesOf(doc))
	m := readMeta(lines)
	if start, ok := headerAcross(lines, m.bodyStart); ok {
		m.bodyStart, m.Title = start, "" // the "title" was a pasted table's header
	}
	body, annexes := splitAnnexes(lines[m.bodyStart:])
	body = dropClosingRemarks(body)
	year := m.Year
	if year == 0 {
		year = firstYear(lines)
	}
	p := &Plan{Title: m.Title, DocNumber: m.DocNumber, Issuer: m.Issuer, IssuedOn: m.IssuedOn, Year: year}

	body = expandLayoutTables(body, year)
	prose, pasted := body, []Task(nil)
	if ts, at, end, ok := cellTableTasks(body, nil, year); ok {
		prose, pasted = append(body[:at:at], body[end:]...), ts // a task table pasted one cell per line
	}
	if ts, heading, ok := commitmentTasks(lines, year); ok {
		p.Tasks = ts
		if p.Title == "" {
			p.Title = heading
		}
	} else if flat, ok := flatTasks(prose, year); ok {
		p.Tasks = flat
	} else {
		items := outline(prose)
		p.Tasks = leafTasks(items, year)
		p.Headings = outlineHeadings(items)
	}
	p.Tasks = append(p.Tasks, pasted...)
	for _, l := range body {
		if l.table != nil {
			if ts, ok := tableTasks(l.table, withLevel(nil, l.sheet), year); ok {
				p.Tasks = append(p.Tasks, ts...)
			}
		}
	}
	// Annexes: first the prose plans among them, then the others.
	var plans []annexPlan
	var others []annex
	for i, a := range annexes {
		if pl, ok := proseAnnexPlan(a, year); ok {
			pl.at = i
			plans = append(plans, pl)
		} else {
			others = append(others, a)
		}
	}
	if m.cover && len(plans) > 0 {
		p.Tasks = nil // a report's or reply's points are not the annexed plan's tasks
	}
	if len(p.Tasks) == 0 && len(plans) == 1 && (p.Title == "" || m.cover) {
		p.Title = plans[0].heading // the annex is the plan
	}
	if m.bodyAnnex != "" && len(plans) > 0 {
		// The body is itself an annexed plan among others: it takes its
		// annex's name like them.
		for i := range p.Tasks {
			p.Tasks[i].Path = append([]string{m.bodyAnnex}, p.Tasks[i].Path...)
		}
		for i := range p.Headings {
			p.Headings[i].Path = append([]string{m.bodyAnnex}, p.Headings[i].Path...)
		}
	}
	p.Tasks = append(p.Tasks, annexedPlanTasks(len(p.Tasks) > 0, annexes, plans)...)
	p.Tasks = append(p.Tasks, annexTableTasks(others, year)...)
	if p.Tasks == nil {
		p.Tasks = []Task{}
	}
	p.Warnings = append(coverageWarnings(doc, p.Tasks), CheckTasks(p.Tasks)...)
	return p
}

// annexTableTasks reads the annexes that are not prose plans with the
// table readers: each task table gives rows with path ["附件", "<序号>"]
// (["附件2", …] for a second annex table).
func annexTableTasks(annexes []annex, year int) []Task {
	var tasks []Task
	n := 0
	for _, a := range annexes {
		if ts, k := annexCellTasks(a.lines, n, year); k > 0 {
			tasks = append(tasks, ts...)
			n += k
			continue
		}
		for _, l := range a.lines {
			if l.table == nil {
				continue
			}
			prefix := "附件"
			if n > 0 {
				prefix += strconv.Itoa(n + 1) // a second annex table: 附件2
			}
			if ts, ok := tableTasks(l.table, []string{prefix}, year); ok {
				tasks = append(tasks, ts...)
				n++
			}
		}
	}
	return tasks
}

var (
	annexLine = regexp.MustCompile(`^附\s*件\s*(?:[0-9０-９一二三四五六七八九十]+)?\s*(?:[：:]|$|[0-9０-９]+[.．、])`)
	// subjectWords is the 主题词 line of a 版记; a web page's metadata table
	// has a 主题词 field too, often empty and above the body, so it ends
	// the body only with words after it and after a numbered item.
	subjectWords = regexp.MustCompile(`^主题词`)
	endMarker    = regexp.MustCompile(`^(?:抄送|抄报|主题词\s*[：:]?\s*[^\s：:]|印发|【返回顶部】|【打印本页】|【关闭窗口】|本文链接|扫描二维码|责任编辑|分享到|相关链接|上一篇|下一篇|\[附件下载\]|' style=)`)
)

// pageTail opens the furniture under a document copied from a web page:
// its download list (附件下载：1.某某.docx), print and close buttons, the
// QR-code line. The same words may stand above the document too, so they
// end the body only after a numbered item.
var pageTail = regexp.MustCompile(`^(?:附件下载|相关附件|附件[：:]?\s*下载|【?打印(?:本页|此页)?】?\s*【?关闭(?:窗口|本页)?】?$|【打印】|扫一扫|【我要纠错】|我要纠错|打印本页|关闭窗口)`)

// splitAnnexes cuts the body at the first annex line (附件：…) or at the
// page furniture that follows a document; each annex is returned apart.
func splitAnnexes(lines []line) (body []line, annexes []annex) {
	cut := len(lines)
	labelled := false
	for i, l := range lines {
		if l.table != nil {
			continue
		}
		if annexLine.MatchString(l.f) || endMarker.MatchString(l.f) && (labelled || !subjectWords.MatchString(l.f)) ||
			labelled && pageTail.MatchString(l.f) {
			cut = i
			break
		}
		if _, _, n := matchLabel(l.text); n > 0 {
			labelled = true
		}
	}
	body = lines[:cut]
	var cur []line
	for _, l := range lines[cut:] {
		if l.table == nil && annexLine.MatchString(l.f) && len(cur) > 0 {
			annexes = append(annexes, annex{name: annexName(cur[0].f), lines: cur})
			cur = nil
		}
		cur = append(cur, l)
	}
	if len(cur) > 0 {
		annexes = append(annexes, annex{name: annexName(cur[0].f), lines: cur})
	}
	return body, annexes
}

// expandLayoutTables replaces tables that are not task tables (a page laid
// out in a table) by their cells' text as lines, so that their numbered
// paragraphs are read like any others.
func expandLayoutTables(body []line, year int) []line {
	var out []line
	for _, l := range body {
		if l.table == nil {
			out = append(out, l)
			continue
		}
		if _, _, ok := findHeader(l.table); ok {
			out = append(out, l)
			continue
		}
		prev := ""
		for _, row := range l.table {
			for _, c := range row {
				if c == prev || c == "" {
					continue
				}
				prev = c
				for _, p := range strings.Split(c, "\n") {
					out = append(out, newLine(p))
				}
			}
		}
	}
	return out
}

// yearWord is a year as a plan writes it: 2016年, or the year of a
// year/month date (2021/01 ~ 2024/05) that commitment templates use.
// Web text puts spaces around half-width figures (于 2024 年底前), and
// some documents write full-width digits (２０２４年).
var yearWord = regexp.MustCompile(`((?:19|20|１９|２０)[0-9０-９]{2})(?:\s*年|/[01]?[0-9](?:[^0-9]|$))`)

// firstYear is the first year a dateless plan names (2016年年初 → 2016).
func firstYear(lines []line) int {
	for _, l := range lines {
		if m := yearWord.FindStringSubmatch(maskQuoted(l.f)); m != nil {
			return atoi(asciiDigits(m[1]))
		}
	}
	return 0
}
