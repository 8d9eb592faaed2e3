package plandoc

import (
	"regexp"
	"strings"
)

// A chapter's heading says what it should hold, but its items say what it
// does hold. County and township plans often put their real work under a
// heading such as 目标任务, or under a heading that happens to end in a
// scope word (扩大医保覆盖范围, 精准识别救助对象): when such a chapter's
// items are assigned to units, they are tasks, whatever the heading. A
// frame chapter (工作目标, 基本原则, 适用范围) never names who is
// responsible for its sentences.

// provisionsHeading names the general and supplementary provisions of a
// set of rules (总则, 附则): their articles name the organ that interprets
// the rules or when they take effect, which assigns no work.
var provisionsHeading = regexp.MustCompile(`^(?:总则|附则)`)

// promoteAssignedChapters turns goal chapters back into task chapters when
// their items carry evidence of assigned work: a responsibility note set
// apart from the sentence (（责任单位：…）, 牵头单位：…; a principle's prose
// may well say who leads in general) for a
// chapter named by goalHeading (whose goals carry dates and figures by
// nature), and also a deadline or a target for a chapter classed as goal
// only by a scope word at the end of its heading.
func promoteAssignedChapters(items []*item, year int) {
	for start := 0; start < len(items); {
		end := start + 1
		for end < len(items) && sameChapter(items[start], items[end]) {
			end++
		}
		chapter := items[start:end]
		if chapter[0].section == sectionGoals && chapterAssigned(chapter, year) {
			for _, it := range chapter {
				it.section = sectionTasks
			}
		}
		start = end
	}
}

// sameChapter reports whether b lies in the chapter a opens: its path
// begins with the same top-level label.
func sameChapter(a, b *item) bool {
	return len(a.path) > 0 && len(b.path) > 1 && b.path[0] == a.path[0]
}

// chapterAssigned reports whether a goal chapter's leaves read as assigned
// work (see promoteAssignedChapters).
func chapterAssigned(chapter []*item, year int) bool {
	head := ""
	if len(chapter[0].text) > 0 {
		head = fold(strings.TrimLeft(chapter[0].text[0], " "))
	}
	if provisionsHeading.MatchString(head) {
		return false
	}
	scopeOnly := !goalHeading.MatchString(head)
	for _, it := range chapter {
		if it.children > 0 {
			continue
		}
		text := strings.Join(it.text, "\n")
		if len(notesOf(text)) > len(proseNotes(text, fold(text))) {
			return true // a note set apart from the sentence, not prose
		}
		if scopeOnly && (len(deadlinesOf(text, year)) > 0 || len(targetsOf(text)) > 0) {
			return true
		}
	}
	return false
}
