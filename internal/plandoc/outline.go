package plandoc

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// outline walks the body lines and returns its numbered items in document
// order. The nesting of label kinds is learnt from the document: a kind
// seen again closes every deeper level, a new kind opens a level below.
func outline(body []line) []*item {
	o := &outliner{body: body, root: &item{index: -1, seq: -1}, lastLabel: -1}
	for i, l := range body {
		if _, _, n := matchLabel(l.text); n > 0 && l.table == nil {
			o.lastLabel = i
		}
	}
	for i, l := range body {
		if l.table != nil {
			continue
		}
		if kind, label, n := o.label(i); n > 0 && !(o.describing && l.md == 0) {
			o.open(i, kind, label, l.text[n:])
		} else {
			o.text(i)
		}
	}
	return o.items
}

// outliner holds the state of outline.
type outliner struct {
	body  []line
	root  *item // the parent of the top-level items
	items []*item
	stack []*item
	// heading is the latest unlabelled line that looks like a sub-heading,
	// where it went (owner.text[at]) and its body index.
	heading struct {
		text  string
		owner *item
		at    int
		seq   int
	}
	// describing is set under a markdown heading that describes rather
	// than assigns (背景说明, 现况, 问题, a question): the numbered lists
	// there explain the plan; they are text of the item above, not items.
	describing bool
	lastLabel  int // index of the last line that starts with a label
}

// describingHeading matches such a heading (folded to simplified script).
// 问题 describes only as the problems found (存在的问题, 主要问题, 问题与挑战);
// a heading that sets out to solve problems (着力解决…问题) assigns work.
var describingHeading = regexp.MustCompile(`背景|现况|现状|缘起|说明$|[？?]$|^(?:存在|面临|主要|突出)的?问题|^问题(?:分析|与|及|和|$)`)

// sectionAssigns reports whether a numbered line between the markdown
// heading at body line i and the next heading carries a responsibility
// note: a list whose items name who is responsible assigns work, whatever
// its heading says (着力解决…问题, 现状提升行动).
func (o *outliner) sectionAssigns(i int) bool {
	for _, l := range o.body[i+1:] {
		if l.md > 0 {
			return false
		}
		if _, _, n := matchLabel(l.text); n > 0 && l.table == nil && len(notesOf(l.text)) > 0 {
			return true
		}
	}
	return false
}

func (o *outliner) top() *item {
	if len(o.stack) == 0 {
		return nil
	}
	return o.stack[len(o.stack)-1]
}

// text places an unlabelled line: the heading of a label that stood alone,
// else a continuation of the innermost item.
func (o *outliner) text(i int) {
	l := o.body[i]
	if l.text == "" {
		return
	}
	if signingDate(l) != "" && o.closeAtSignature(i) {
		return
	}
	if l.md > 0 {
		o.describing = describingHeading.MatchString(l.f) && !o.sectionAssigns(i)
		o.closeForHeading(l.md)
	}
	top := o.top()
	if top == nil {
		if isSubHeading(l) {
			o.setHeading(l.text, o.root, -1, i)
		}
		return
	}
	if len(top.text) == 1 && top.text[0] == "" {
		// The label stood alone (一、 / 总体要求): its heading is this line.
		top.text[0] = l.text
		if len(o.stack) == 1 {
			top.section = classify(l.f)
		}
		return
	}
	top.text = append(top.text, l.text)
	if isSubHeading(l) {
		o.setHeading(l.text, top, len(top.text)-1, i)
	}
}

func (o *outliner) setHeading(text string, owner *item, at, seq int) {
	o.heading.text, o.heading.owner, o.heading.at, o.heading.seq = text, owner, at, seq
}

// closeAtSignature ends the numbering at a signature block: a line that is
// only a date (2014年9月28日) after the last numbered line, or under an
// organ's name, signs the document, so neither it nor the organ line just
// before it belongs to the last item, and the date is never that item's
// deadline. It reports whether line i was such a signature.
func (o *outliner) closeAtSignature(i int) bool {
	prev := -1
	for j := i - 1; j >= 0; j-- {
		if !o.body[j].blank() {
			prev = j
			break
		}
	}
	organ := prev >= 0 && o.body[prev].table == nil && isOrganLine(o.body[prev]) && organSuffix.MatchString(o.body[prev].f)
	if i < o.lastLabel && !organ {
		return false // a date alone inside the plan: a step's time
	}
	if top := o.top(); top != nil && len(top.text) > 1 && organ && top.text[len(top.text)-1] == o.body[prev].text {
		top.text = top.text[:len(top.text)-1]
	}
	o.stack = o.stack[:0]
	return true
}

// closeForHeading closes, at a markdown heading of the given level, the
// list items and the headings of that level or deeper: a heading ends
// every list above it, whatever the kinds of their labels.
func (o *outliner) closeForHeading(level int) {
	for len(o.stack) > 0 {
		if top := o.top(); top.md != 0 && top.md < level {
			break
		}
		o.stack = o.stack[:len(o.stack)-1]
	}
}

// open starts a numbered item.
func (o *outliner) open(i int, kind, label, rest string) {
	if md := o.body[i].md; md > 0 {
		o.closeForHeading(md)
	}
	depth := len(o.stack)
	for k := len(o.stack) - 1; k >= 0; k-- {
		if o.stack[k].kind == kind {
			depth = k
			break
		}
	}
	parent := o.root
	if depth > 0 {
		parent = o.stack[depth-1]
	}
	v, _ := labelValue(label)
	if depth < len(o.stack) && v == 1 && o.stack[depth].value >= 1 {
		o.restart(parent, o.stack[depth])
	} else if prev := parent.last; depth == len(o.stack) && v == 1 && prev != nil && prev.kind == kind && prev.value >= 1 {
		// A markdown heading closed the previous list (## 甲 1. 2. ## 乙
		// 1.): the numbering restarts under the same parent all the same.
		o.restart(parent, prev)
	} else if parent.children == 0 && o.heading.owner == parent && o.heading.seq > parent.seq {
		parent.first = o.heading.text
	}
	o.stack = o.stack[:depth]
	it := &item{kind: kind, text: []string{rest}, value: v, seq: i, section: parent.section, md: o.body[i].md, index: len(o.items)}
	parent.children++
	parent.last = it
	it.path = append(append([]string{}, parent.path...), label)
	if parent.group != "" {
		it.path = append(append(append([]string{}, parent.path...), parent.group), label)
	}
	if parent == o.root {
		it.section = classify(fold(rest))
	}
	if o.body[i].md > 0 {
		o.describing = false // a numbered heading starts a part of its own
	}

	o.stack = append(o.stack, it)
	o.items = append(o.items, it)
}

// restart handles numbering that begins again at 1 under the same parent:
// a report or plan that splits a chapter into unnumbered sub-headings
// (甲县：1. 2. 乙县：1. 2.) numbers each group from 1. The group's
// sub-heading becomes a path level of its own, so that no two items share
// a path: ["一", "甲县", "1"] and ["一", "乙县", "1"]. Items of the first
// group are given their sub-heading when the second group starts. A group
// without a sub-heading is named by its ordinal, 第N组.
func (o *outliner) restart(parent, prev *item) {
	if parent.group == "" {
		o.insertLevel(parent, o.uniqueGroup(parent, parent.first))
	}
	name := ""
	if o.heading.seq > prev.seq && o.heading.owner != nil {
		name = o.heading.text
		if h := o.heading.owner; h != o.root && o.heading.at < len(h.text) && h.text[o.heading.at] == name {
			h.text = append(h.text[:o.heading.at], h.text[o.heading.at+1:]...)
		}
		o.heading.owner = nil
	}
	parent.group = o.uniqueGroup(parent, name)
}

// uniqueGroup names the parent's next group (see groupName), with its
// ordinal added when another group of the parent has the same name.
func (o *outliner) uniqueGroup(parent *item, heading string) string {
	parent.groups++
	name := groupName(heading, parent.groups)
	if parent.groupNames == nil {
		parent.groupNames = map[string]bool{}
	}
	if parent.groupNames[name] {
		name += strconv.Itoa(parent.groups)
	}
	parent.groupNames[name] = true
	return name
}

// insertLevel puts a group level under parent into the paths of the items
// already numbered below it. The parent is still open, so every item
// after it is below it.
func (o *outliner) insertLevel(parent *item, name string) {
	n := len(parent.path)
	for _, it := range o.items[parent.index+1:] {
		if len(it.path) <= n {
			continue
		}
		it.path = append(append(append([]string{}, it.path[:n]...), name), it.path[n:]...)
	}
}

// groupCountNote is written (N项) after a sub-heading that announces how many
// items follow.
var groupCountNote = regexp.MustCompile(`\s*[（(][0-9０-９一二三四五六七八九十]+项[）)]\s*$`)

// groupName is the path element of a group: its sub-heading without the
// trailing colon or item count, or 第N组 when it has none.
func groupName(heading string, ordinal int) string {
	h := trimSpace(groupCountNote.ReplaceAllString(heading, ""))
	h = strings.TrimRight(h, "：: ")
	if h == "" {
		return "第" + strconv.Itoa(ordinal) + "组"
	}
	return h
}

// isSubHeading reports whether an unlabelled line reads as a sub-heading:
// short, with no sentence punctuation inside, and not a date.
func isSubHeading(l line) bool {
	n := utf8.RuneCountInString(l.text)
	if n < 2 || n > 40 || strings.ContainsAny(l.f, "。！？；;，,") || isBareNumber(l.text) || signingDate(l) != "" {
		return false
	}
	return true
}

// isOrganLine reports whether a line can be the organ line of a signature
// block: a short name with no punctuation at all.
func isOrganLine(l line) bool {
	n := utf8.RuneCountInString(l.text)
	return n >= 2 && n <= 30 && !strings.ContainsAny(l.f, "。！？；;，,：:、")
}
