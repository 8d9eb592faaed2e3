package plandoc

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// A responsibility note assigns a task to units, with framing words
// (（责任单位：…）, （…牵头落实）) or without them (（市政府党组，市政府各部门党委〔党组〕）).
// Bodies that the running prose merely mentions are not extracted.

var (
	noteLabel = regexp.MustCompile(`^(?:` + noteLabelWords + `)\s*[：:]?\s*`)
	// shortLabel frames a note with a bare role and a colon: （牵头：A；配合：B）.
	shortLabel = regexp.MustCompile(`^(?:牵头|配合|协办|参与|责任)\s*[：:]\s*`)
	noteTail   = tail(`(?:按职责分工|按照职责分工|根据职责)?(?:分别|共同|具体|联合|协同|抓好)?(?:牵头落实|牵头负责|牵头实施|牵头|负责落实|负责实施|负总责|负责|主责|落实|配合落实|配合|协办|参与)$|(?:为|是|作为)(?:牵头单位|责任单位|配合单位|协办单位|责任主体|主体)$`, 12)
	// weakTail ends a note with a verb that can also end a plain remark
	// (（2018年起实施）), so it frames a note only of unit names.
	weakTail  = tail(`(?:具体|组织|配合|参与|共同|抓好|负责)?(?:实施|推进|协助|落实)$`, 4)
	leadTail  = tail(`牵头(?:落实|负责|实施)?$|负总责$|主责$|为牵头单位$`, 5)
	coopLabel = regexp.MustCompile(`^(?:配合\s*[：:]|协办\s*[：:]|参与\s*[：:]|配合科室|配合部门|协办部门|参与部门|协同单位|协同部门|协办机关|配合单位|协办单位|参与单位|配合处室)`)
	leadLabel = regexp.MustCompile(`^(?:牵头\s*[：:]|牵头责任单位|牵头科室|牵头股室|主\s*[（(]协[）)]\s*办(?:机关|单位)|主办机关|牵头单位|牵头部门|主办单位|牵头处室|主责单位)`)
	catchAll  = regexp.MustCompile(`^(?:市级|县级|区级|省级|各级|有关|相关|其他|其它|各)`)
	unitEnd   = tail(`(?:局|办|委|厅|府|部|门|组|会|院|室|处|科|股|所|中心|站|队|银行|支行|分行|社|团|校|馆|台|单位|机关|街道|镇|乡|署|司|公司|集团|分局|办公室|党委|党组|政府|各地|法院|检察院|军分区|委员会)$`, 4)
)

// noteLabelWords are the labels that frame a responsibility note.
const noteLabelWords = `主\s*[（(]协[）)]\s*办(?:机关|单位)|主办机关|协办机关|责任单位|牵头单位|责任部门|牵头部门|主办单位|承办单位|实施单位|配合单位|协办单位|参与单位|责任主体|牵头领导单位|主责单位|责任处室|配合处室|牵头处室|主要责任单位|牵头责任单位|责任科室|牵头科室|配合科室|责任股室|牵头股室|配合部门|协办部门|参与部门|协同单位|协同部门`

// unitNote is what one note says: the units in order, and which lead.
type unitNote struct {
	units []string
	lead  []string
}

// notesOf finds the responsibility notes of a task's text.
func notesOf(text string) []unitNote {
	var notes []unitNote
	f := fold(text)
	for _, sp := range parenNotes(text) {
		if afterSeparator(text, sp.start) {
			continue // an item of a list of units: 市发改委、（各区政府）
		}
		if nameBracket(text, sp.start, sp.end) {
			continue // part of a name: 各乡镇（街道）
		}
		inner := dropTimeClauses(noteSentences(text[sp.start:sp.end]))
		innerF := fold(inner)
		framed := noteLabel.MatchString(innerF) || shortLabel.MatchString(innerF) || noteTail.MatchString(innerF) || innerLabel.MatchString(innerF)
		if !framed && !((trailing(f, sp.end) || weakTail.MatchString(innerF)) && allUnits(inner, innerF)) {
			continue
		}
		if n := parseNote(inner, innerF); len(n.units) > 0 {
			notes = append(notes, n)
		}
	}
	// Tortoise-shell brackets also enclose parts of names (各县〔市、区〕)
	// and years (〔2018〕), so a 〔〕 group is a note only with framing words.
	for _, sp := range shellNotes(text) {
		inner := noteSentences(text[sp.start:sp.end])
		innerF := fold(inner)
		if !noteLabel.MatchString(innerF) && !noteTail.MatchString(innerF) {
			continue
		}
		if n := parseNote(inner, innerF); len(n.units) > 0 {
			notes = append(notes, n)
		}
	}
	// Labelled lines: 牵头单位：… on a line of their own, possibly as an
	// item of a list (- 主办机关：…).
	for _, ln := range strings.Split(text, "\n") {
		ln = bracketedFieldLabel(strings.TrimLeft(trimSpace(ln), "-*•·+ \t"))
		lf := fold(ln)
		if noteLabel.MatchString(lf) {
			if n := parseNote(ln, lf); len(n.units) > 0 {
				notes = append(notes, n)
			}
		}
	}
	notes = append(notes, inlineFieldNotes(text)...)
	return append(notes, proseNotes(text, f)...)
}

// afterSeparator reports whether the bracket that opens the group starting
// at byte offset start follows a list separator or a label's colon.
func afterSeparator(s string, start int) bool {
	_, size := utf8.DecodeLastRuneInString(s[:start]) // the opening bracket
	before := strings.TrimRight(s[:start-size], " \u3000")
	r, _ := utf8.DecodeLastRuneInString(before)
	return strings.ContainsRune("、，,；;：:", r)
}

// trailing reports whether nothing but punctuation follows the closing
// bracket at byte offset end (the note ends its paragraph).
func trailing(f string, end int) bool {
	rest := f[end:]
	if i := strings.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[:i]
	}
	_, size := utf8.DecodeRuneInString(rest) // the closing bracket
	rest = strings.Trim(rest[size:], " 。.；;，,\t\u3000")
	return rest == ""
}

func allUnits(inner, innerF string) bool {
	parts := splitUnits(inner)
	if len(parts) == 0 {
		return false
	}
	for _, p := range parts {
		name := stripBracketTail(fold(p))
		if utf8.RuneCountInString(name) < 2 || !unitEnd.MatchString(name) {
			return false
		}
	}
	return true
}

// parseNote reads one note: clauses separated by ；or ， each give units,
// and a clause ending in 牵头 (or labelled 牵头单位) gives lead units.
func parseNote(s, f string) unitNote {
	var n unitNote
	seen := map[string]bool{}
	for _, cl := range clauses(s, f) {
		cf := fold(cl)
		if personLabel.MatchString(cf) {
			continue // 牵头领导：王五 names a person, not a unit
		}
		if isTimeClause(cl) {
			continue // 完成时限：年内 gives the note's time, not a unit
		}
		isLead := leadLabel.MatchString(cf) || leadTail.MatchString(cf)
		isCoop := coopLabel.MatchString(cf)
		for _, u := range splitUnits(cl) {
			u, mark := roleMark(u)
			if u == "" || seen[u] {
				continue
			}
			seen[u] = true
			n.units = append(n.units, u)
			if mark == "lead" || (mark == "" && isLead && !isCoop) {
				n.lead = append(n.lead, u)
			}
		}
	}
	return n
}

var roleBracket = regexp.MustCompile(`[（(](牵头|牵头单位|主办|主责|配合|协办|参与)[）)]$`)

// roleMark strips a role written in brackets after a unit — 市发改委（牵头）
// — and says which role it was: "lead", "coop" or "".
//
// A unit wrapped whole in brackets — 主办机关：市发改委、（各区政府） — is
// set apart as a co-organiser: "coop", brackets dropped.
func roleMark(u string) (string, string) {
	if inner, ok := wrapped(trimSpace(u)); ok {
		return inner, "coop"
	}
	m := roleBracket.FindStringSubmatchIndex(fold(u))
	if m == nil {
		return u, ""
	}
	role := "coop"
	if r := fold(u)[m[2]:m[3]]; strings.HasPrefix(r, "牵头") || r == "主办" || r == "主责" {
		role = "lead"
	}
	return trimSpace(u[:m[0]]), role
}

// clauses splits a note at ；and ， (outside brackets), and also before a
// second framing label (牵头单位：A 配合单位：B).
func clauses(s, f string) []string {
	var out []string
	for _, c := range splitOutside(s, "；;，,") {
		for _, t := range splitAtLabels(c) {
			if t = trimSpace(t); t != "" {
				out = append(out, t)
			}
		}
	}
	return out
}

// personLabel opens a clause that names the people in charge.
var personLabel = regexp.MustCompile(`^(?:牵头领导|责任领导|分管领导|包联领导|联系领导|牵头负责人|责任人|联系人|负责人|经办人)\s*[：:]`)

// innerLabel is a framing label with its colon inside a clause.
var innerLabel = regexp.MustCompile(`(?:牵头|责任|配合|协办|参与|主办|承办|实施)(?:单位|部门|处室|科室|股室)\s*[：:]`)

// clauseLabel starts a new clause of a note: a framing label, or a time
// label (完成时限：) that a note puts after its units with only a space
// between (责任单位：镇农业站 完成时限：6月). Cut there, the time is a clause
// of its own, which names no unit (see isTimeClause).
var clauseLabel = regexp.MustCompile(innerLabel.String() + `|(?:完成|整改|办结)(?:时限|时间)\s*[：:]`)

// splitAtLabels cuts a clause before every framing label that does not
// open it: "牵头单位：A 责任单位：B" gives two clauses.
func splitAtLabels(c string) []string {
	f := fold(c)
	var out []string
	start := 0
	for _, m := range clauseLabel.FindAllStringIndex(f, -1) {
		if m[0] > start && outsideBrackets(f, m[0]) {
			out = append(out, c[start:m[0]])
			start = m[0]
		}
	}
	return append(out, c[start:])
}

// splitUnits splits a clause into unit names, dropping framing words.
func splitUnits(s string) []string {
	s = trimSpace(s)
	f := fold(s)
	if m := noteLabel.FindStringIndex(f); m != nil {
		s, f = s[m[1]:], f[m[1]:]
	} else if m := shortLabel.FindStringIndex(f); m != nil {
		s, f = s[m[1]:], f[m[1]:]
	}
	var out []string
	for _, p := range splitOutside(s, "、，,；;／/") {
		for _, sp := range splitSpaced(p) {
			for _, q := range splitAndGlued(sp) {
				out = append(out, splitEtc(q)...)
			}
		}
	}
	var units []string
	for _, u := range out {
		if u = cleanUnit(u); u != "" {
			units = append(units, u)
		}
	}
	return units
}

// splitAnd splits at 和/及/与 when the left side is itself a unit
// (市国土资源局和各地政府), not inside a name (市人力资源和社会保障局).
// Inside a note, 会同 joins two responsible units the same way
// (（市发改委会同市财政局负责）).
func splitAnd(s string) []string {
	f := fold(s)
	if i := strings.Index(f, "会同"); i > 0 && outsideBrackets(f, i) && unitEnd.MatchString(stripBracketTail(f[:i])) {
		return append([]string{s[:i]}, splitAnd(s[i+len("会同"):])...)
	}
	for i, r := range f {
		if (r == '和' || r == '及' || r == '与') && i > 0 && outsideBrackets(f, i) {
			left := stripBracketTail(f[:i])
			right := f[i+len(string(r)):]
			// X及所属各单位 names X together with the bodies under it.
			if unitEnd.MatchString(left) && !strings.HasPrefix(right, "所属") && !strings.HasPrefix(right, "下属") && !strings.HasPrefix(right, "其") {
				return append([]string{s[:i]}, splitAnd(s[i+len(string(r)):])...)
			}
		}
	}
	return []string{s}
}

func splitAndGlued(s string) []string {
	parts := splitAnd(s)
	if len(parts) == 1 {
		return splitGluedDivisions(parts[0])
	}
	var out []string
	for _, q := range parts {
		out = append(out, splitGluedDivisions(q)...)
	}
	return out
}

// splitEtc splits "A等市级有关部门" into A and the catch-all, and drops a
// final 等.
func splitEtc(s string) []string {
	f := fold(s)
	for i, r := range f {
		if r != '等' || !outsideBrackets(f, i) {
			continue
		}
		rest := f[i+len("等"):]
		if rest == "" || catchAll.MatchString(rest) || noteTail.MatchString(rest) {
			return []string{s[:i], s[i+len("等"):]}
		}
	}
	return []string{s}
}

// cleanUnit trims framing words and punctuation from a unit name.
func cleanUnit(u string) string {
	u = strings.ToValidUTF8(u, "") // a broken byte is no part of a name
	// A unit name holds no line break: one inside a name is the hard wrap of
	// text copied from a PDF or a narrow page (各\n街道办事处).
	u = strings.NewReplacer("\r\n", "", "\n", "", "\r", "").Replace(u)
	for {
		u = strings.Trim(trimSpace(u), "。.：:")
		f := fold(u)
		if m := noteTail.FindStringIndex(f); m != nil && m[0] > 0 {
			u = u[:m[0]]
			continue
		}
		if m := weakTail.FindStringIndex(f); m != nil && m[0] > 0 {
			u = u[:m[0]]
			continue
		}
		if m := noteLabel.FindStringIndex(f); m != nil && m[1] > 0 && m[1] < len(u) {
			u = u[m[1]:]
			continue
		}
		if strings.HasPrefix(f, "由") && utf8.RuneCountInString(u) > 3 {
			u = u[len("由"):]
			continue
		}
		break
	}
	if u == "" || utf8.RuneCountInString(u) > 40 || noteTail.MatchString(fold(u)) && utf8.RuneCountInString(u) <= 4 {
		return ""
	}
	return u
}

// stripBracketTail drops trailing bracket groups: 市政府各部门党委〔党组〕 → 市政府各部门党委.
func stripBracketTail(f string) string {
	for {
		depth, groupStart := 0, -1
		for i, r := range f {
			switch {
			case isOpen(r):
				if depth == 0 {
					groupStart = i
				}
				depth++
			case isClose(r):
				depth = max(depth-1, 0)
			}
		}
		r, _ := utf8.DecodeLastRuneInString(f)
		if groupStart <= 0 || depth != 0 || !isClose(r) {
			return f
		}
		f = f[:groupStart]
	}
}
