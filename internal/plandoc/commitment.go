package plandoc

import (
	"regexp"
	"strings"
)

// An open-government action plan publishes each commitment as a template
// of its own, often in markdown: one numbered top heading (# 2-3 推动…), a
// few list fields (- 执行期间：2022/01 ~ 2025/06, - 主（协）办机关：…),
// descriptive sections (背景说明, 承诺事项为何？) whose numbered lists explain
// rather than assign, and a checkpoint section (检核点, 里程碑, 衡量指标)
// whose sub-headings are the commitment's milestones, each followed by the
// period it runs in. Such a document is ONE task; commitmentTask reads it.

// milestoneSection is the heading of a commitment's checkpoint section.
var milestoneSection = regexp.MustCompile(`^(?:检核点|检查点|里程碑|关键里程碑|衡量指标|查核点|阶段性?目标|进度指标)`)

// periodField is a list field that gives the commitment's own period.
var periodField = regexp.MustCompile(`^[^：:]{0,12}(?:时间|期间|期程|期限|时程)\s*[：:]`)

// templateField is a field that only a commitment template has: the
// commitment's period of execution or its host and co-host organs. An
// ordinary plan in markdown may have a section of stages (阶段目标) but
// never these fields.
var templateField = regexp.MustCompile(`^(?:执行期间|执行期程|主\s*[（(]协[）)]\s*办(?:机关|单位)|主办机关|协办机关)\s*[：:]`)

// hasTemplateField reports whether some line outside a table is a
// template field.
func hasTemplateField(lines []line) bool {
	for _, l := range lines {
		if l.table == nil && l.md == 0 && templateField.MatchString(l.f) {
			return true
		}
	}
	return false
}

// commitmentTasks reads a markdown commitment list: each numbered heading
// at the shallowest level that numbered headings take (# 1-1 …, # 1-2 …)
// is one commitment, read by commitmentTask up to the next heading of its
// level. ok is false unless the headings are hyphenated (1-1, 2-3) or a
// template field is present, and some commitment has a checkpoint section,
// so an ordinary plan written in markdown is left to the outline. heading is
// the commitment's heading when the document holds only one.
func commitmentTasks(lines []line, year int) (tasks []Task, heading string, ok bool) {
	level := 0
	for _, l := range lines {
		if _, _, n := matchLabel(l.text); l.md > 0 && n > 0 && n < len(l.text) && (level == 0 || l.md < level) {
			level = l.md
		}
	}
	if level == 0 {
		return nil, "", false
	}
	var starts []int
	dashed := false
	for i, l := range lines {
		if kind, _, n := matchLabel(l.text); l.md == level && n > 0 {
			starts = append(starts, i)
			dashed = dashed || kind == kindDashed
		}
	}
	if !dashed && !hasTemplateField(lines) {
		return nil, "", false
	}
	withSteps := false
	for k, at := range starts {
		end := len(lines)
		for j := at + 1; j < len(lines); j++ {
			if lines[j].md > 0 && lines[j].md <= level {
				end = j
				break
			}
		}
		if k+1 < len(starts) {
			end = min(end, starts[k+1])
		}
		t := commitmentTask(lines[at:end], year)
		withSteps = withSteps || len(t.Milestones) > 0
		tasks = append(tasks, t)
	}
	if !withSteps {
		return nil, "", false
	}
	if len(starts) == 1 {
		heading = lines[starts[0]].text
	}
	return tasks, heading, true
}

// commitmentTask reads one commitment: lines[0] is its numbered heading.
func commitmentTask(lines []line, year int) Task {
	_, label, n := matchLabel(lines[0].text)
	var text, fields []string
	var milestones []Milestone
	section := 0 // level of the checkpoint section heading while inside it
	for i := 1; i < len(lines); i++ {
		l := lines[i]
		if l.table != nil || l.text == "" {
			continue
		}
		text = append(text, l.text)
		if l.md > 0 && section > 0 && l.md <= section {
			section = 0 // a heading of the section's level or above ends it
		}
		switch {
		case l.md > 0 && milestoneSection.MatchString(l.f):
			section = l.md
		case l.md > section && section > 0:
			milestones = append(milestones, Milestone{Text: strings.TrimRight(l.text, "。．. ")})
		case l.md == 0 && section > 0 && len(milestones) > 0 && milestones[len(milestones)-1].Due == "":
			if ds := dueDates(deadlinesOf(l.text, year)); len(ds) > 0 {
				milestones[len(milestones)-1].Due = ds[len(ds)-1]
				fields = append(fields, l.text)
			}
		case l.md == 0 && section == 0 && periodField.MatchString(l.f):
			fields = append([]string{l.text}, fields...)
		}
	}
	body := strings.Join(text, "\n")
	t := taskFromText([]string{label}, lines[0].text[n:], year)
	t.Text = body
	t.LeadUnits, t.Units = []string{}, []string{}
	addNotes(&t, notesOf(body))
	t.Deadlines = nonNil(uniqueDue(deadlinesOf(strings.Join(fields, "\n"), year)))
	t.Targets = []Target{}
	t.Milestones = nonNilM(milestones)
	return t
}

// nonNilM spells no milestones as [] in JSON.
func nonNilM(m []Milestone) []Milestone {
	if m == nil {
		return []Milestone{}
	}
	return m
}

// uniqueDue keeps each due date once (the commitment's own period often
// ends on the same day as its last milestone).
func uniqueDue(ds []Deadline) []Deadline {
	seen := map[string]bool{}
	var out []Deadline
	for _, d := range ds {
		key := d.Due + "|" + d.Every
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, d)
	}
	return out
}
