package docread

import (
	"strconv"
	"strings"
)

// Word's automatic numbering. The label a reader sees ("第一条", "一、",
// "（二）", "1.2") is not in document.xml: the paragraph names a list
// (numId) and a level (ilvl), directly or through its style, and
// numbering.xml says how each level counts and what its label looks like.
// Plans number their items this way, so a reader that ignored it would
// hand the parser headings without their numbers.

// lvlDef is one level of a list definition (w:lvl).
type lvlDef struct {
	start   int
	format  string // w:numFmt
	fmtSet  bool   // format came from an understood mc:Choice
	text    string // w:lvlText, e.g. "第%1条"
	suff    string // w:suff: "tab" (default), "space", "nothing"
	isLgl   bool   // show all levels as decimal ("1.2" under "一、")
	restart int    // w:lvlRestart; -1 when absent
	pStyle  string // the paragraph style bound to this level
}

func newLvl() *lvlDef { return &lvlDef{format: "decimal", restart: -1} }

// abstractNum is a list definition (w:abstractNum).
type abstractNum struct {
	lvls         [9]*lvlDef
	numStyleLink string // the definition lives in another list, via a numbering style
}

// override is a w:lvlOverride of one level in one list instance.
type override struct {
	start    int
	hasStart bool
	lvl      *lvlDef
}

// numInst is a list instance (w:num): the numId paragraphs refer to.
type numInst struct {
	abstractID string
	overrides  map[int]*override
}

// styleNum is the numbering a style gives its paragraphs, and its parent.
type styleNum struct {
	basedOn  string
	numID    string
	ilvl     int
	hasNumPr bool
	hasIlvl  bool
}

// listState is the running counters of one list.
type listState struct {
	count   [9]int
	started [9]bool
}

// numbering holds numbering.xml and the numbering-related part of
// styles.xml, and the counters, which run across the whole document.
type numbering struct {
	abstracts    map[string]*abstractNum
	nums         map[string]*numInst
	styles       map[string]*styleNum
	defaultStyle string // the default paragraph style's id
	lists        map[string]*listState
}

// paraNum is what a paragraph says about its numbering.
type paraNum struct {
	style   string
	numID   string
	ilvl    int
	hasNum  bool // w:numId present directly
	hasIlvl bool // w:ilvl present directly
}

// label advances the counters for a paragraph and returns its rendered
// label with the separator Word puts after it, or "" for none.
func (n *numbering) label(p paraNum) string {
	if n == nil {
		return ""
	}
	numID, ilvl, styleID := p.numID, p.ilvl, ""
	if !p.hasNum || !p.hasIlvl {
		sid, sn := n.styleNumbering(p.style)
		if sn != nil {
			if !p.hasNum {
				numID, styleID = sn.numID, sid
			}
			if !p.hasIlvl && sn.hasIlvl {
				ilvl = sn.ilvl
			}
		}
	}
	if numID == "" || numID == "0" || ilvl < 0 || ilvl > 8 {
		return "" // numId 0 switches a style's numbering off
	}
	inst := n.nums[numID]
	if inst == nil {
		return ""
	}
	absID, abs := n.resolve(inst.abstractID)
	if abs == nil {
		return ""
	}
	if !p.hasIlvl && styleID != "" {
		// A style's numPr may leave the level out; the level bound to the
		// style (w:lvl/w:pStyle) then decides.
		for i, l := range abs.lvls {
			if l != nil && l.pStyle == styleID {
				ilvl = i
			}
		}
	}
	lvl := func(i int) *lvlDef {
		if o := inst.overrides[i]; o != nil && o.lvl != nil {
			return o.lvl
		}
		if l := abs.lvls[i]; l != nil {
			return l
		}
		return newLvl()
	}
	start := func(i int) int {
		if o := inst.overrides[i]; o != nil && o.hasStart {
			return o.start
		}
		return lvl(i).start
	}
	st := n.list(numID, absID, inst)
	if st.started[ilvl] {
		st.count[ilvl]++
	} else {
		st.count[ilvl], st.started[ilvl] = start(ilvl), true
	}
	for i := ilvl + 1; i < 9; i++ {
		if lvl(i).restart != 0 { // lvlRestart 0: this level never restarts
			st.started[i] = false
		}
	}
	cur := lvl(ilvl)
	if cur.format == "bullet" || cur.text == "" {
		return ""
	}
	var b strings.Builder
	text := cur.text
	for i := 0; i < len(text); i++ {
		if text[i] == '%' && i+1 < len(text) && text[i+1] >= '1' && text[i+1] <= '9' {
			k := int(text[i+1] - '1')
			v := start(k)
			if st.started[k] && k <= ilvl {
				v = st.count[k]
			}
			format := lvl(k).format
			if cur.isLgl && format != "none" {
				format = "decimal"
			}
			b.WriteString(formatNumber(v, format))
			i++
			continue
		}
		b.WriteByte(text[i])
	}
	switch cur.suff {
	case "nothing":
	default:
		// A tab or a space; LibreOffice's text export prints one space.
		b.WriteByte(' ')
	}
	return b.String()
}

// list returns the counters for a list instance. Word shares counters
// among all w:num that use one abstractNum, unless a num restarts with a
// startOverride: that is how "continue numbering" and "restart at 1" are
// stored.
func (n *numbering) list(numID, absID string, inst *numInst) *listState {
	key := "a" + absID
	for _, o := range inst.overrides {
		if o.hasStart || o.lvl != nil {
			key = "n" + numID
			break
		}
	}
	st := n.lists[key]
	if st == nil {
		st = &listState{}
		n.lists[key] = st
	}
	return st
}

// resolve follows w:numStyleLink to the abstractNum that holds the levels.
func (n *numbering) resolve(id string) (string, *abstractNum) {
	for range 8 {
		abs := n.abstracts[id]
		if abs == nil || abs.numStyleLink == "" {
			return id, abs
		}
		sn := n.styles[abs.numStyleLink]
		if sn == nil || !sn.hasNumPr {
			return id, abs
		}
		inst := n.nums[sn.numID]
		if inst == nil {
			return id, abs
		}
		id = inst.abstractID
	}
	return id, n.abstracts[id]
}

// styleNumbering finds the numbering a paragraph style gives, following
// w:basedOn; a paragraph without a style has the default one.
func (n *numbering) styleNumbering(style string) (string, *styleNum) {
	if style == "" {
		style = n.defaultStyle
	}
	for range 32 { // basedOn chains are short; a cycle must not hang us
		sn := n.styles[style]
		if sn == nil {
			return "", nil
		}
		if sn.hasNumPr {
			return style, sn
		}
		style = sn.basedOn
	}
	return "", nil
}

func atoi(s string) (int, bool) {
	v, err := strconv.Atoi(strings.TrimSpace(s))
	return v, err == nil
}
