package plandoc

import (
	"regexp"
	"strings"
)

// item is one numbered item of the plan's body while the tree is built.
type item struct {
	kind     string
	path     []string
	text     []string // the label line after its label, then continuation lines
	children int
	section  sectionClass
}

// sectionClass says what a top-level chapter holds.
type sectionClass int

const (
	sectionTasks     sectionClass = iota // 主要任务, 重点任务, …: its leaves are tasks
	sectionGoals                         // 总体要求, 指导思想, 工作目标: no tasks
	sectionSafeguard                     // 保障措施: actionable but optional
)

var (
	goalHeading      = regexp.MustCompile(`^(总体要求|指导思想|基本原则|工作原则|总体目标|工作目标|主要目标|发展目标|目标要求|总体思路|重要意义|适用范围|编制依据|基本情况|背景|总则)`)
	safeguardHeading = regexp.MustCompile(`^(保障措施|工作保障|组织保障|组织实施|工作要求|保障机制|实施保障|组织领导|工作保障措施|实施步骤)`)
)

func classify(f string) sectionClass {
	f = strings.TrimLeft(f, " ")
	switch {
	case goalHeading.MatchString(f):
		return sectionGoals
	case safeguardHeading.MatchString(f):
		return sectionSafeguard
	}
	return sectionTasks
}

// outline walks the body lines and returns its numbered items in document
// order. The nesting of label kinds is learnt from the document: a kind
// seen again closes every deeper level, a new kind opens a level below.
func outline(body []line) []*item {
	var items, stack []*item
	for _, l := range body {
		if l.table != nil {
			continue
		}
		kind, label, n := matchLabel(l.text)
		if n == 0 {
			if len(stack) > 0 && l.text != "" {
				top := stack[len(stack)-1]
				if len(top.text) == 1 && top.text[0] == "" {
					// The label stood alone (一、 / 总体要求): its heading is this line.
					top.text[0] = l.text
					if len(stack) == 1 {
						top.section = classify(l.f)
					}
					continue
				}
				top.text = append(top.text, l.text)
			}
			continue
		}
		depth := len(stack)
		for i := len(stack) - 1; i >= 0; i-- {
			if stack[i].kind == kind {
				depth = i
				break
			}
		}
		stack = stack[:depth]
		it := &item{kind: kind, text: []string{l.text[n:]}}
		if depth > 0 {
			parent := stack[depth-1]
			parent.children++
			it.path = append(append([]string{}, parent.path...), label)
			it.section = parent.section
		} else {
			it.path = []string{label}
			it.section = classify(fold(l.text[n:]))
		}
		stack = append(stack, it)
		items = append(items, it)
	}
	return items
}

// leafTasks turns the leaves of the outline into tasks, leaving out goal
// chapters and marking safeguard chapters optional.
func leafTasks(items []*item, year int) []Task {
	hasChapters := false
	for _, it := range items {
		if len(it.path) == 1 && it.children > 0 {
			hasChapters = true
		}
	}
	var tasks []Task
	for _, it := range items {
		if it.children > 0 || it.section == sectionGoals {
			continue
		}
		if len(it.path) == 1 && hasChapters {
			continue // a chapter without items (二、工作目标 written as prose)
		}
		text := strings.Join(it.text, "\n")
		t := taskFromText(it.path, text, year)
		t.Optional = it.section == sectionSafeguard
		tasks = append(tasks, t)
	}
	return tasks
}
