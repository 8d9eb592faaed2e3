package plandoc

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// item is one numbered item of the plan's body while the tree is built.
type item struct {
	kind     string
	path     []string
	text     []string // the label line after its label, then continuation lines
	children int
	section  sectionClass
	value    int    // the number its label stands for (3 for 三、)
	seq      int    // index of its label line in the body
	group    string // the unnumbered sub-heading its next children are under, once numbering restarted
	first    string // the sub-heading before its first child, kept in case a later group restarts the count
	md       int    // markdown heading level of its label line, 0 for none
	index    int    // its place in the outline's items
	last     *item  // its latest child, kept when a heading closes it
	// groups counts the groups its children form once their numbering
	// restarted; groupNames holds the names given.
	groups     int
	groupNames map[string]bool
}

// sectionClass says what a top-level chapter holds.
type sectionClass int

const (
	sectionTasks     sectionClass = iota // 主要任务, 重点任务, …: its leaves are tasks
	sectionGoals                         // 总体要求, 指导思想, 工作目标: no tasks
	sectionSafeguard                     // 保障措施: actionable but optional
)

var (
	// goalHeading names chapters that set the frame of a plan rather than
	// assign work: goals, principles, scope, the schedule of stages, and
	// the descriptive chapters of a report (background, current state,
	// problems, and the account of how work stands that opens a report or
	// a 督查通报: 总体情况, 推进情况), and the funding part that closes many
	// plans (经费需求: the sum and its source). Their numbered items are not tasks.
	goalHeading      = regexp.MustCompile(`^(总体要求|指导思想|计划目标|计画目标|经费(?:需求|来源|概算|预算|估算)?[。：:]?$|所需经费|基本原则|工作原则|总体目标|工作目标|主要目标|发展目标|目标要求|目标任务|预期目标|总体思路|重要意义|适用范围|对象范围|实施范围|适用对象|工作对象|编制依据|基本情况|背景|总则|附则|工作背景|项目背景|编制背景|现状分析|形势分析|发展现状|实施期限|实施周期|进度安排|时间安排|预期效果|预期成效|效果评价|现状|存在问题|存在的问题|主要问题|面临形势|面临的形势|问题|(?:总体|工作|进展|推进|完成|督查|检查|落实)情况[。：:]?$|(?:任务|建设|行动)?目标[。：:]?$)`)
	safeguardHeading = regexp.MustCompile(`^(保障措施|工作保障|组织保障|组织实施|工作要求|保障机制|实施保障|组织领导|工作保障措施|实施步骤|责任落实)`)
)

// scopeHeading ends a chapter heading that names whom or what a plan
// covers, or on what it rests (移民搬迁安置的范围, 扶持对象, 编制依据).
var scopeHeading = regexp.MustCompile(`(?:范围|对象|原则|依据|意义|背景)$`)

func classify(f string) sectionClass {
	f = strings.TrimLeft(f, " ")
	head := strings.TrimRight(f, "。：: ")
	switch {
	case goalHeading.MatchString(f), scopeHeading.MatchString(head):
		return sectionGoals
	case safeguardHeading.MatchString(f), requirementsHeading(head):
		return sectionSafeguard
	}
	return sectionTasks
}

// requirementsHeading reports whether a heading names the closing
// requirements of a plan (相关要求, 有关工作要求, 几点要求): a short noun
// phrase ending in 要求. A longer heading ending in 要求 that starts with a
// verb (落实安全生产责任制要求, 贯彻…要求) assigns work to carry them out.
func requirementsHeading(head string) bool {
	if !strings.HasSuffix(head, "要求") {
		return false
	}
	return utf8.RuneCountInString(head) <= 6 && !requirementVerb.MatchString(head)
}

// requirementVerb starts a heading that acts on requirements.
var requirementVerb = regexp.MustCompile(`^(?:落实|贯彻|执行|按照|对照|严格|达到|满足|符合)`)

// outlineHeadings lists the items of the outline that hold others, with
// the first line of their text: the chapters and sections the tasks'
// paths pass through. Called after leafTasks, which may promote chapters.
func outlineHeadings(items []*item) []Heading {
	var hs []Heading
	for _, it := range items {
		if it.children == 0 {
			continue
		}
		title := ""
		if len(it.text) > 0 {
			title = strings.TrimSpace(it.text[0])
		}
		hs = append(hs, Heading{Path: append([]string(nil), it.path...), Title: title})
	}
	return hs
}

// leafTasks turns the leaves of the outline into tasks, leaving out goal
// chapters and marking safeguard chapters optional.
func leafTasks(items []*item, year int) []Task {
	promoteAssignedChapters(items, year)
	var tasks []Task
	for _, it := range items {
		if it.children > 0 || it.section == sectionGoals {
			continue
		}
		if len(it.path) == 1 && strings.Join(it.text, "") == "" {
			continue // a chapter heading with nothing under it
		}
		// A chapter with no numbered items is itself a task (三、推进XX
		// followed by prose that assigns it); goal chapters were left out
		// above by their heading.
		text := strings.Join(it.text, "\n")
		t := taskFromText(it.path, text, year)
		t.Optional = it.section == sectionSafeguard
		tasks = append(tasks, t)
	}
	return tasks
}
