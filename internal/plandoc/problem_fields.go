package plandoc

import (
	"regexp"
	"strings"
)

// A rectification list states each problem before the measures that fix it
// (问题：专项资金闲置860万元。整改措施：…). The figures of the problem are
// facts found by an inspection, not goals the task must reach.

// problemField is a problem field: its label and its text up to the end of
// the sentence or line.
var problemField = regexp.MustCompile(`(?:^|[。；;\n\s])(?:存在问题|问题表现|问题描述|问题)\s*[：:][^。；;\n]*`)

// maskProblemFields blanks the text of problem fields, keeping byte offsets.
func maskProblemFields(f string) string {
	if !strings.Contains(f, "问题") {
		return f
	}
	b := []byte(f)
	for _, m := range problemField.FindAllStringIndex(f, -1) {
		for k := m[0]; k < m[1]; k++ {
			if b[k] != '\n' {
				b[k] = ' '
			}
		}
	}
	return string(b)
}
