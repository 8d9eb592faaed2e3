package plandoc

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

var (
	docNumberRe = regexp.MustCompile(`[\p{Han}]{1,12}[〔\[［（(【]((?:19|20)[0-9]{2})[〕\]］）)】][第]?[0-9０-９]{1,4}[号號]`)
	dateLineRe  = regexp.MustCompile(`^((?:19|20)[0-9]{2})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日$`)
	cnDateRe    = regexp.MustCompile(`^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$`)
	isoDateRe   = regexp.MustCompile(`(?:成文日期|成文时间|发文日期)\s*[：:]\s*((?:19|20)[0-9]{2})\s*-\s*([0-9]{1,2})\s*-\s*([0-9]{1,2})`)
	noticeRe    = regexp.MustCompile(`^([\p{Han}]{2,40}?)关于(?:印发|转发|下发)(.+?)的通知`)
	// noticeBareRe is an issuing notice without 关于 (某管委会印发XX要点的通知).
	noticeBareRe = regexp.MustCompile(`^([\p{Han}]{2,40}?)(?:印发|转发|下发)(.+?)的通知`)
	// ownHeadingRe is the heading of a document that carries its tasks
	// itself: a notice, opinion, decision or report on a matter
	// (某市人民政府关于推进XX试点的通知, 关于落实XX的意见, 关于XX的情况报告).
	// The organ before 关于, when written, is the issuer.
	ownHeadingRe = regexp.MustCompile(`^([\p{Han}]{2,40}?)?关于(.+)的([\p{Han}]{0,6}?(?:通知|意见|决定|报告|请示|复函|函|批复|通报))$`)
	// noticeInRe finds a notice heading glued behind other text (a web
	// page's date or a 文号), where the issuer is the run of Han characters
	// before 关于.
	noticeInRe  = regexp.MustCompile(`([\p{Han}]{2,30})关于(?:印发|转发|下发)(.+?)的通知`)
	titleLeadRe = regexp.MustCompile(`^(.{4,60}?(?:方案|计划|计画|要点|清单|办法|意见|规划|细则)(?:[（(][^）)]{2,20}[）)])?)(?:为|根据|按照|为了|近年来|当前|经|依据)`)
	// planKindRe ends the title of a plan. 計畫 (folded 计画) is the
	// traditional-script word for a plan; a plan issued as a bare task
	// table is titled by the table (…重点任务分工表, …工作台账).
	planKindRe = regexp.MustCompile(`(?:方案|计划|计画|要点|清单|办法|意见|规划|细则|分解表|任务书|措施|(?:分工|任务|责任|进度|推进|清单)表|台账)(?:[（(][^）)]{2,20}[）)])?$`)
	// ownKindRe ends a document's own heading (not a notice's matter): a
	// task breakdown is often titled without 表 or 方案 (…重点工作分工, …任务
	// 分解), and the minutes of a meeting (…会议纪要) assign their 议定事项
	// as tasks. A notice "关于落实《X》责任分工的通知" still issues no plan
	// of that name; its annex carries the plan.
	ownKindRe = regexp.MustCompile(`(?:(?:任务|工作|责任|职责)分(?:工|解)|会议纪要)$`)
	issuerRe  = regexp.MustCompile(`(?:发布机构|发文机关|发文单位)\s*[：:]\s*([^\s：:]*)`)
)

// meta is a plan's metadata and where its body starts.
type meta struct {
	Title, DocNumber, Issuer, IssuedOn string
	Year                               int
	bodyStart                          int // index of the first line after the plan's title
	// cover is set when the heading is a report or reply (报告, 请示, 复函,
	// 函, 批复): a cover that sends or answers, not a plan; a plan annexed
	// to it is the plan, and the cover's own numbered points are not tasks.
	cover bool
	// bodyAnnex names the annex the body lies in (附件1) when the plan's
	// title was found past an annex marker: a notice issuing the plan
	// attached to it.
	bodyAnnex string
}

// readMeta finds the 文号, issuer, signing date and the plan's own title in
// the lines before the body.
func readMeta(lines []line) meta {
	var m meta
	noticeAt, noticeEnd, fallbackAt := -1, -1, -1
	var noticeIssuer, fallbackIssuer, fieldIssuer string
	for i, l := range lines {
		if l.table != nil {
			continue
		}
		if m.DocNumber == "" {
			if loc := docNumberRe.FindStringIndex(l.f); loc != nil && docNumberStandsAlone(l.f, loc) {
				m.DocNumber = l.text[loc[0]:loc[1]]
			}
		}
		if noticeAt < 0 && i < 60 {
			joined, end := joinHeading(lines, i)
			if mm := issuingNotice(fold(joined)); mm != nil {
				noticeAt, noticeEnd, noticeIssuer = i, end, joined[mm[2]:mm[3]]
			}
		}
		if fallbackAt < 0 && i < 60 {
			jf := fold(l.text)
			if mm := noticeInRe.FindStringSubmatchIndex(jf); mm != nil && !strings.HasSuffix(jf[:mm[0]], "《") {
				// A 文号 glued before the heading leaves its 号 on the run.
				issuer := l.text[mm[2]:mm[3]]
				if _, rest, ok := strings.Cut(fold(issuer), "号"); ok && rest != "" {
					issuer = issuer[len(issuer)-len(rest):]
				}
				fallbackAt, fallbackIssuer = i, issuer
			}
		}
		if m.IssuedOn == "" {
			m.IssuedOn = signingDate(l)
		}
		if fieldIssuer == "" {
			if mm := issuerRe.FindStringSubmatchIndex(l.f); mm != nil {
				fieldIssuer = nextText(lines, i, l.text[mm[2]:mm[3]])
			}
		}
	}
	own := false
	if noticeAt < 0 {
		if title, issuer, end, ok := ownHeading(lines); ok {
			m.Title, m.bodyStart, noticeIssuer, own = title, end, issuer, true
			m.cover = coverHeading.MatchString(fold(title))
			if matter := noticeMatter(title); matter != "" {
				// 关于2024年XX工作要点的通知: a notice that issues the plan
				// it names, without saying 印发.
				if t, start := planTitle(lines, end); t != "" {
					m.Title, m.bodyStart = t, start
				} else {
					m.Title = matter
				}
			}
		}
	}
	if noticeAt < 0 && !own && fallbackAt >= 0 {
		noticeAt, noticeEnd, noticeIssuer = fallbackAt, fallbackAt+1, fallbackIssuer
	}
	// The organ a document names (its heading, its signature) comes before
	// a web page's 发布机构 field, which may be the site's name.
	m.Issuer = firstNonEmpty(noticeIssuer, signatureOrgan(lines), fieldIssuer)
	if !own {
		m.Title, m.bodyStart = planTitle(lines, noticeEnd)
	}
	m.bodyAnnex = crossedAnnex(lines, max(noticeEnd, 0), m.bodyStart)
	if m.IssuedOn != "" {
		m.Year = atoi(m.IssuedOn[:4])
	}
	return m
}

// docNumberStandsAlone accepts a 文号 on a line of its own, in brackets, or
// after 文号:, and the first one in a notice's title line; a number cited
// in running prose (根据…（浙政发〔2018〕16号）要求) is not the plan's.
func docNumberStandsAlone(f string, loc []int) bool {
	if strings.Count(f[:loc[0]], "《") > strings.Count(f[:loc[0]], "》") {
		return false // inside a cited title
	}
	before := strings.ReplaceAll(strings.TrimSpace(f[:loc[0]]), " ", "")
	after := strings.TrimSpace(f[loc[1]:])
	bracketed := (strings.HasSuffix(before, "(") || strings.HasSuffix(before, "（")) &&
		(strings.HasPrefix(after, ")") || strings.HasPrefix(after, "）"))
	before = strings.TrimRight(before, "(（[")
	switch {
	case before == "", strings.HasSuffix(before, "文号:"), strings.HasSuffix(before, "文号："):
		return true
	case bracketed:
		return !strings.HasSuffix(before, "》") // 《…》（浙政发〔2018〕16号） cites another document
	}
	return false
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

func signingDate(l line) string {
	t := strings.ReplaceAll(strings.ReplaceAll(l.f, " ", ""), "\u3000", "")
	if m := dateLineRe.FindStringSubmatch(t); m != nil {
		return iso(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	if m := cnDateRe.FindStringSubmatch(t); m != nil {
		y := 0
		for _, r := range m[1] {
			d, _ := cnNumber(string(r))
			y = y*10 + d
		}
		mo, _ := cnNumber(m[2])
		d, _ := cnNumber(m[3])
		return iso(y, mo, d)
	}
	if m := isoDateRe.FindStringSubmatch(t); m != nil {
		return iso(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	return ""
}

// joinHeading joins a heading that a typesetter broke over several short
// lines (嘉兴市人民政府关于印发政府“两强 / 三提高”建设…). It returns the
// joined text and the index of the line after it.
func joinHeading(lines []line, i int) (string, int) {
	text := lines[i].text
	j := i + 1
	for j < len(lines) && j < i+4 && lines[j].table == nil && lines[j].text != "" &&
		utf8.RuneCountInString(text) < 80 && !strings.ContainsAny(text, "。：:") &&
		utf8.RuneCountInString(lines[j].text) < 40 && !strings.ContainsAny(lines[j].text, "。：:，,") {
		if _, _, n := matchLabel(lines[j].text); n > 0 || signingDate(lines[j]) != "" || signingDate(lines[j-1]) != "" ||
			annexLine.MatchString(lines[j].f) || annexLine.MatchString(lines[j-1].f) ||
			publishNote.MatchString(lines[j].f) || publishNote.MatchString(lines[j-1].f) {
			break // a signature block (机关, then 日期) is no heading
		}
		text += lines[j].text
		j++
	}
	return text, j
}

func nextText(lines []line, i int, rest string) string {
	if r := trimSpace(rest); r != "" {
		return r
	}
	for j := i + 1; j < len(lines) && j < i+3; j++ {
		if lines[j].text != "" {
			return lines[j].text
		}
	}
	return ""
}

// planTitle finds the heading of the plan itself: after the notice that
// issues it when there is one (the text after 印发 names the notice, not
// the plan), otherwise among the first lines. It returns the title and the
// index of the line after it, where the body starts.
func planTitle(lines []line, from int) (string, int) {
	start := max(from, 0)
	limit := min(len(lines), start+200)
	seen := false // a line of content before any annex marker
	for i := start; i < limit; i++ {
		l := lines[i]
		if l.table != nil {
			break
		}
		if strings.HasPrefix(l.f, "附件") && from < 0 {
			if seen {
				// Without a notice that issues the plan, the plan is not in
				// an annex: what precedes the marker is the document itself.
				break
			}
			// An annex saved on its own: 附件2：XX实施方案 names the plan.
			if rest := strings.TrimLeft(annexLine.ReplaceAllString(l.f, ""), " ：:"); rest != "" &&
				isPlanHeading(rest) && annexPlanKind.MatchString(rest) {
				return l.text[len(l.f)-len(rest):], i + 1
			}
		}
		if l.text != "" {
			seen = true
		}
		if t, next, ok := quotedPlanHeading(lines, i); ok {
			return t, next
		}
		if _, _, n := matchLabel(l.text); n > 0 || l.text == "" || isBareNumber(l.text) ||
			strings.HasPrefix(l.f, "《") || strings.HasPrefix(l.f, "附件") || publishNote.MatchString(l.f) {
			continue
		}
		if mm := titleLeadRe.FindStringSubmatchIndex(l.f); mm != nil && !strings.ContainsAny(l.f[:mm[3]], "。，,：:；;") {
			return l.text[:mm[3]], i // a title run into the preamble (…实施方案为贯彻…)
		}
		_, end := joinHeading(lines, i)
		for k := i + 1; k <= end; k++ {
			part := headingText(lines[i:k])
			pf := fold(part)
			if utf8.RuneCountInString(part) <= 80 && !strings.ContainsAny(pf, "。，,：:；;") &&
				(planKindRe.MatchString(pf) || ownKindRe.MatchString(pf)) && !noticeRe.MatchString(pf) && !strings.HasSuffix(pf, "的通知") {
				return part, k
			}
		}
	}
	if from >= 0 {
		return noticeTitle(lines, from), from
	}
	return "", 0
}

func headingText(ls []line) string {
	var b strings.Builder
	for _, l := range ls {
		b.WriteString(l.text)
	}
	return b.String()
}

// noticeTitle falls back on the title that the notice quotes (印发《X》的通知).
func noticeTitle(lines []line, end int) string {
	for i := max(end-4, 0); i < end; i++ {
		joined, _ := joinHeading(lines, i)
		if mm := issuingNotice(fold(joined)); mm != nil {
			return strings.Trim(joined[mm[4]:mm[5]], "《》")
		}
	}
	return ""
}

func isBareNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !isDigit(r) {
			return false
		}
	}
	return true
}

// crossedAnnex is the name of the last annex marker among lines[from:to],
// "" when there is none.
func crossedAnnex(lines []line, from, to int) string {
	name := ""
	for i := from; i < to && i < len(lines); i++ {
		if lines[i].table == nil && annexLine.MatchString(lines[i].f) {
			name = annexName(lines[i].f)
		}
	}
	return name
}

// quotedPlanHeading reads a heading that opens by quoting the document it
// carries out and ends in a plan kind of its own — 《某某规划（2024-2028
// 年）》责任分工表, possibly over several lines. The whole heading, without
// the 《》, is the title; a line that is only a quoted name is not.
func quotedPlanHeading(lines []line, i int) (string, int, bool) {
	if !strings.HasPrefix(lines[i].f, "《") {
		return "", 0, false
	}
	joined, next := joinHeading(lines, i)
	f := fold(joined)
	closeAt := strings.LastIndex(f, "》")
	if closeAt < 0 || utf8.RuneCountInString(joined) > 80 || strings.ContainsAny(f, "。，,：:；;") {
		return "", 0, false
	}
	rest := f[closeAt+len("》"):]
	if rest == "" || !planKindRe.MatchString(rest) || noticeRe.MatchString(f) || strings.HasSuffix(f, "通知") {
		return "", 0, false
	}
	return strings.NewReplacer("《", "", "》", "").Replace(joined), next, true
}
