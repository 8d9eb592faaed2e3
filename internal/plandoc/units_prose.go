package plandoc

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Responsibility written outside the usual round-bracket note: a
// tortoise-shell note with an explanation after it, a clause of the
// running prose (由市农业农村局牵头), and units separated by spaces in a
// labelled line or a table cell.

// shellNotes returns the outermost 〔…〕 groups of s that stand outside
// round brackets, book titles and quotations, as the spans of their contents.
func shellNotes(s string) []span {
	var out []span
	depth, round, book, quote, start := 0, 0, 0, 0, 0
	for i, r := range s {
		switch r {
		case '《':
			book++
		case '》':
			book = max(book-1, 0)
		case '“':
			quote++
		case '”':
			quote = max(quote-1, 0)
		case '（', '(':
			round++
		case '）', ')':
			round = max(round-1, 0)
		case '〔':
			if book == 0 && quote == 0 && round == 0 {
				if depth == 0 {
					start = i + len("〔")
				}
				depth++
			}
		case '〕':
			if depth > 0 && book == 0 && quote == 0 && round == 0 {
				depth--
				if depth == 0 {
					out = append(out, span{start, i})
				}
			}
		}
	}
	return out
}

// noteSentences keeps a note's first sentence and any later sentence that
// starts with a framing label. Notes often go on to explain themselves
// (…按职责分工负责。各区县政府均为责任主体，不再列出，下同。): the
// explanation names no units of this task.
func noteSentences(inner string) string {
	sentences := splitOutside(inner, "。")
	kept := []string{sentences[0]}
	for _, sen := range sentences[1:] {
		if noteLabel.MatchString(fold(trimSpace(sen))) {
			kept = append(kept, sen)
		}
	}
	return strings.TrimRight(strings.Join(kept, "；"), "。.；; \u3000")
}

// proseClause is a responsibility clause of running prose: 由X牵头 or
// 由X负责, where X is one or more unit names. A body the prose merely
// mentions alongside (会同市财政局, 报省政府同意) is not taken.
var proseClause = regexp.MustCompile(`由([^，,。；;：:“”《》\n]{2,40}?)((?:统一|具体|共同|分别|按职责分工|按照职责分工)?(?:牵头|负责))`)

// A lead clause opens a sentence or a clause with its lead units: 县商务局
// 牵头，会同… or …补助政策，县财政局牵头，县教育局配合. Without 由 only 牵头
// marks such a clause: one that opens with "X负责…" may well describe X's
// duties rather than assign this task.
var leadClauseAt = regexp.MustCompile(`^\s*([^，,。；;：:“”《》（）()\n]{2,40}?)((?:统一|具体|共同|分别)?牵头)[，,]`)

// leadClauses finds the lead clauses of f: it looks back from each 牵头 to
// the start of its clause rather than trying a pattern at every byte. A
// match starts at the boundary before the clause (a comma, a full stop).
func leadClauses(f string) [][]int {
	var out [][]int
	done := -1
	for from := 0; ; {
		i := strings.Index(f[from:], "牵头")
		if i < 0 {
			return out
		}
		p := from + i
		from = p + len("牵头")
		start, body := 0, 0
		if b := strings.LastIndexAny(f[:p], "。；;，,\n"); b >= 0 {
			_, size := utf8.DecodeRuneInString(f[b:])
			start, body = b, b+size
		}
		if start == done {
			continue // the clause was read at an earlier 牵头
		}
		m := leadClauseAt.FindStringSubmatchIndex(f[body:])
		if m == nil {
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += body
			}
		}
		m[0] = start
		out = append(out, m)
		done = start
	}
}

// partnerClause is the clause after a responsibility clause that names the
// units who help: 由县教育局牵头，县财政局、县自然资源局配合. They share the
// task, so they are among its units, though not its lead.
var partnerClause = regexp.MustCompile(`^[，,]?\s*([^，,。；;：:“”《》\n]{2,60}?)(?:积极|共同|密切|协同)?(?:配合|协同|协助|参与)(?:实施|推进|落实)?(?:[，,。；;]|$)`)

// partnerWord starts the part of a 由 clause that names helpers, not the
// responsible body: 由市财政局会同市发改委负责.
var partnerWord = regexp.MustCompile(`会同|联合|协同|配合|指导|组织|督促`)

// proseNotes reads the responsibility clauses of running prose; folded is
// fold(text).
func proseNotes(text, folded string) []unitNote {
	var notes []unitNote
	// Both clauses end in 牵头 or 负责 and the first needs 由: texts with
	// neither word (most of them) are skipped without a regexp scan.
	if !containsAny(text, []string{"牵头", "负责", "牽頭", "負責"}) {
		return nil
	}
	f := maskQuoted(folded)
	var matches [][]int
	if strings.Contains(f, "由") {
		for _, m := range proseClause.FindAllStringSubmatchIndex(f, -1) {
			if causeFree(f, m[0]) {
				matches = append(matches, m)
			}
		}
	}
	for _, m := range leadClauses(f) {
		if !strings.Contains(f[m[2]:m[3]], "由") {
			matches = append(matches, m)
		}
	}
	for _, m := range matches {
		body, bodyF := text[m[2]:m[3]], f[m[2]:m[3]]
		if loc := partnerWord.FindStringIndex(bodyF); loc != nil {
			body, bodyF = body[:loc[0]], bodyF[:loc[0]]
		}
		if !allUnits(body, bodyF) || midSentence(f, m[0]) && !allNamed(body) {
			continue
		}
		n := unitNote{units: splitUnits(body)}
		if strings.Contains(f[m[4]:m[5]], "牵头") {
			n.lead = n.units
		}
		n.units = append(n.units, partners(text, f, m[5])...)
		if len(n.units) > 0 {
			notes = append(notes, n)
		}
	}
	return notes
}

// midSentence reports whether a clause match at f[at:] starts at a comma.
func midSentence(f string, at int) bool {
	return strings.HasPrefix(f[at:], "，") || strings.HasPrefix(f[at:], ",")
}

// allNamed reports whether every unit of body names a particular body
// (县财政局, 市委办), not a bare role. Slogans list roles clause by clause
// (党委领导，政府牵头，部门协同，社会参与), so a lead clause inside a sentence
// counts only with names of three characters or more.
func allNamed(body string) bool {
	for _, u := range splitUnits(body) {
		if utf8.RuneCountInString(stripBracketTail(fold(u))) < 3 {
			return false
		}
	}
	return true
}

// partners reads the units of a partnerClause that starts at f[at:], right
// after a responsibility clause; a clause that is not all unit names
// (…配合做好宣传) gives none.
func partners(text, f string, at int) []string {
	m := partnerClause.FindStringSubmatchIndex(f[at:])
	if m == nil {
		return nil
	}
	body, bodyF := text[at+m[2]:at+m[3]], f[at+m[2]:at+m[3]]
	if !allUnits(body, bodyF) || !allNamed(body) {
		return nil
	}
	return splitUnits(body)
}

// causeFree rejects a 由 that belongs to another word: 由于 (because),
// 由此, 自由, 理由, 缘由, 事由.
func causeFree(f string, at int) bool {
	if strings.HasPrefix(f[at:], "由于") || strings.HasPrefix(f[at:], "由此") {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(f[:at])
	return !strings.ContainsRune("自理缘事来经", prev)
}

// splitSpaced splits "办公室 计划财务处" into its units when every part
// separated by spaces is itself a unit name; a name that a line break or a
// spaced-out layout cut in two ("驻局纪检 组监察室") stays as written.
func splitSpaced(s string) []string {
	t := trimSpace(s)
	if strings.IndexFunc(t, isBlank) < 0 {
		return []string{s} // one name, as almost always
	}
	parts := strings.FieldsFunc(t, isBlank)
	if len(parts) < 2 {
		return []string{s}
	}
	for _, p := range parts {
		name := stripBracketTail(fold(p))
		if utf8.RuneCountInString(name) < 2 || !unitEnd.MatchString(name) {
			return []string{s}
		}
	}
	return parts
}

// splitGluedDivisions splits names of internal divisions that a merged
// table cell printed without a separator ("规划处社扶处"). Divisions (处),
// sections (科) and county sections (股) are the smallest units and never
// contain one another, so a second 处 inside a name starts a new name.
func splitGluedDivisions(s string) []string {
	if !strings.ContainsAny(s, "处科股處") {
		return []string{s}
	}
	f := fold(s)
	for _, suffix := range []string{"处", "科", "股"} {
		i := strings.Index(f, suffix)
		if i < 0 || !strings.HasSuffix(f, suffix) || i+len(suffix) >= len(f) {
			continue
		}
		left, right := f[:i+len(suffix)], f[i+len(suffix):]
		if utf8.RuneCountInString(left) >= 3 && utf8.RuneCountInString(right) >= 3 && !strings.ContainsAny(f, "（(〔〈<[【") {
			return append([]string{s[:len(left)]}, splitGluedDivisions(s[len(left):])...)
		}
	}
	return []string{s}
}

// wrapped reports whether u is enclosed whole in one pair of brackets, and
// returns what they enclose.
func wrapped(u string) (string, bool) {
	first, size := utf8.DecodeRuneInString(u)
	last, lastSize := utf8.DecodeLastRuneInString(u)
	if len(u) <= size+lastSize || !isOpen(first) || !isClose(last) {
		return "", false
	}
	inner := u[size : len(u)-lastSize]
	if !outsideBracketsAll(inner) {
		return "", false
	}
	return trimSpace(inner), true
}

// outsideBracketsAll reports whether the brackets of s are balanced, so
// that "(A)、(B)" is not taken for one wrapped unit.
func outsideBracketsAll(s string) bool {
	depth := 0
	for _, r := range s {
		switch {
		case isOpen(r):
			depth++
		case isClose(r):
			depth--
			if depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}
