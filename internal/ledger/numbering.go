package ledger

import (
	"strings"
	"unicode/utf8"
)

// Numbering writes a task's path as a Chinese document numbers it, for
// people to read: ["二", "(一)", "1"] is 二（一）1, ["一", "1"] is 一、1,
// ["1", "2"] is 1.2. A parenthesised level takes full-width brackets
// and needs no separator; a Chinese numeral is followed by 、 as in the
// document's own 一、. The path's own text (the review's 一.1) stays the
// form people type.
func Numbering(path []string) string {
	var b strings.Builder
	prev := ""
	for _, seg := range path {
		seg = strings.TrimSpace(seg)
		if seg == "" {
			continue
		}
		seg = bracketed(seg)
		if prev != "" && !strings.HasSuffix(prev, "）") && !strings.HasPrefix(seg, "（") {
			if hanNumeral(prev) {
				b.WriteString("、")
			} else {
				b.WriteString(".")
			}
		}
		b.WriteString(seg)
		prev = seg
	}
	return b.String()
}

// bracketed writes (一) and （一 as （一）.
func bracketed(seg string) string {
	open := strings.HasPrefix(seg, "(") || strings.HasPrefix(seg, "（")
	closed := strings.HasSuffix(seg, ")") || strings.HasSuffix(seg, "）")
	if !open && !closed {
		return seg
	}
	inner := strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(seg, "("), "（"), ")"), "）")
	return "（" + inner + "）"
}

// hanNumeral reports whether seg is written in Chinese numerals (一, 十二).
func hanNumeral(seg string) bool {
	if !utf8.ValidString(seg) || seg == "" {
		return false
	}
	for _, r := range seg {
		if !strings.ContainsRune("〇零一二三四五六七八九十百", r) {
			return false
		}
	}
	return true
}
