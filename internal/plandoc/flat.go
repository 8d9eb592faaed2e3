package plandoc

import (
	"strconv"
	"strings"
)

// A table pasted as plain text often arrives one cell per line: the row's
// number alone on a line, then its title, its description, its progress
// steps, and its score alone on a line, sometimes with a category line
// (亮点项目) between rows. flatTasks recognises that shape by its running
// row numbers 1, 2, 3… and reads each row back as a task.

// flatMinRows is how many consecutive row numbers make the shape certain.
const flatMinRows = 3

func flatTasks(body []line, year int) ([]Task, bool) {
	var starts []int
	want := 1
	for i, l := range body {
		if l.table == nil && l.text == strconv.Itoa(want) && nextText(body, i, "") != "" && !isBareNumber(nextLine(body, i)) {
			starts = append(starts, i)
			want++
		}
	}
	if len(starts) < flatMinRows || labelledLines(body) > len(starts) {
		return nil, false
	}
	var tasks []Task
	for k, at := range starts {
		end := len(body)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		tasks = append(tasks, flatRow(body[at:end], year))
	}
	return tasks, true
}

// flatRow reads one row: number, title, description, steps, then a score
// and perhaps the next row's category.
func flatRow(rows []line, year int) Task {
	var cells []string
	for _, l := range rows[1:] {
		if l.table == nil && l.text != "" {
			cells = append(cells, l.text)
		}
	}
	var weight *float64
	// Trailing cells: the next row's category (a short line after the score) and the score.
	for n := len(cells); n > 0; n = len(cells) {
		last := cells[n-1]
		if isBareNumber(last) {
			w, _ := strconv.ParseFloat(asciiDigits(last), 64)
			weight = &w
			cells = cells[:n-1]
			break
		}
		if n >= 2 && isBareNumber(cells[n-2]) && len([]rune(last)) <= 12 && !strings.ContainsAny(last, "。；;，,") {
			cells = cells[:n-1]
			continue
		}
		break
	}
	title := ""
	if len(cells) > 0 {
		title, cells = cells[0], cells[1:]
	}
	// An assessment sheet puts the weight right after the item (考核项目,
	// 分值, 评分标准): the lines after it are how points are lost or won,
	// not progress steps.
	sheet := false
	if weight == nil && len(cells) > 0 && isBareNumber(cells[0]) {
		w, _ := strconv.ParseFloat(asciiDigits(cells[0]), 64)
		weight, cells, sheet = &w, cells[1:], true
	}
	text := strings.Join(cells, "\n")
	t := taskFromText([]string{rows[0].text}, title+"\n"+text, year)
	t.Title = strings.TrimRight(title, "。")
	t.Text = text
	t.Weight = weight
	if len(cells) > 1 && !sheet {
		t.Milestones = milestonesOf(cells[1:], year)
	}
	return t
}

func nextLine(body []line, i int) string {
	for j := i + 1; j < len(body); j++ {
		if body[j].text != "" {
			return body[j].text
		}
	}
	return ""
}

func labelledLines(body []line) int {
	n := 0
	for _, l := range body {
		if _, _, k := matchLabel(l.text); k > 0 {
			n++
		}
	}
	return n
}
