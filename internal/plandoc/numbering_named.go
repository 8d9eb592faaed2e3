package plandoc

import (
	"strings"
	"unicode/utf8"
)

// Lists of projects and campaigns number their items with a noun and a
// Chinese numeral (项目一：新建幼儿园, 任务二：…, 专项行动三：…), the noun
// standing where 一、 would. The label keeps its noun ("项目一"), as
// 第一条 keeps 第…条.

// kindNamed is the kind of a noun-and-numeral label.
const kindNamed = "项目一"

// namedLabelWords are the nouns that open such a label.
// A rectification plan numbers its problems the same way (问题一：…).
var namedLabelWords = []string{"专项行动", "重点项目", "重点任务", "项目", "任务", "行动", "工程", "事项", "问题"}

// matchNamedLabel recognises 项目一： at the start of s: a noun, a Chinese
// numeral and a colon, 、 or full stop (never a plain word such as 项目一期).
func matchNamedLabel(s string) (string, int) {
	for _, w := range namedLabelWords {
		if !strings.HasPrefix(s, w) {
			continue
		}
		num, rest := spanOf(s[len(w):], isCNDigit)
		if num == "" {
			return "", 0
		}
		c, size := utf8.DecodeRuneInString(rest)
		if !strings.ContainsRune("：:、．", c) {
			return "", 0
		}
		rest = rest[size:]
		return w + num, len(s) - len(rest) + spaceAfter(rest)
	}
	return "", 0
}

// namedLabelDigits is the numeral of a noun-and-numeral label, or the label
// itself when it is none.
func namedLabelDigits(label string) string {
	for _, w := range namedLabelWords {
		if rest, ok := strings.CutPrefix(label, w); ok && rest != "" {
			return rest
		}
	}
	return label
}
