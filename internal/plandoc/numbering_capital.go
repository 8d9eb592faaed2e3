package plandoc

import (
	"strings"
	"unicode/utf8"
)

// Plans in traditional script (and some formal documents in simplified)
// number their top parts with the capital numerals used on cheques and
// contracts: 壹、 貳、 參、 … 拾壹、. They sit above 一、 and play the part of
// chapters; a part that is not labelled would glue its text onto the last
// item of the part before it.

// kindCapital is the kind of such labels.
const kindCapital = "壹、"

// capitalDigits maps each capital numeral, in both scripts, to the
// ordinary numeral cnNumber reads.
var capitalDigits = map[rune]rune{
	'壹': '一', '貳': '二', '贰': '二', '參': '三', '叁': '三', '参': '三', '肆': '四', '伍': '五',
	'陸': '六', '陆': '六', '柒': '七', '捌': '八', '玖': '九', '拾': '十', '佰': '百',
}

func isCapitalDigit(r rune) bool { _, ok := capitalDigits[r]; return ok }

// matchCapitalLabel recognises 壹、 (or 壹. 壹．) at the start of s: the
// label as written and the bytes it takes with the space after it.
func matchCapitalLabel(s string) (label string, n int) {
	num, rest := spanOf(s, isCapitalDigit)
	if num == "" || utf8.RuneCountInString(num) > 3 {
		return "", 0
	}
	c, size := utf8.DecodeRuneInString(rest)
	if c != '、' && c != '．' && c != '.' {
		return "", 0
	}
	if _, ok := capitalNumber(num); !ok {
		return "", 0
	}
	rest = rest[size:]
	return num, len(s) - len(rest) + spaceAfter(rest)
}

// capitalNumber is the value of a capital numeral (參 is 3, 拾貳 is 12).
func capitalNumber(s string) (int, bool) {
	plain := strings.Map(func(r rune) rune {
		if d, ok := capitalDigits[r]; ok {
			return d
		}
		return -1
	}, s)
	if plain == "" || utf8.RuneCountInString(plain) != utf8.RuneCountInString(s) {
		return 0, false
	}
	return cnNumber(plain)
}
