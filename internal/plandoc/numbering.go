package plandoc

import (
	"strings"
	"unicode/utf8"
)

// Label kinds of the numbering hierarchy used in official documents
// (GB/T 9704: 一、 then （一） then 1. then （1）), plus chapters, articles
// and circled numbers. Their nesting order is not fixed here: a document's
// own order of first appearance decides it.
const (
	kindChapter = "第章"  // 第一章, 第二部分
	kindArticle = "第条"  // 第一条
	kindCN      = "一、"  // 一、 二． 三.
	kindParenCN = "(一)" // （一）
	kindNum     = "1."  // 1. 1． 1、
	kindParenN  = "(1)" // （1）
	kindCircled = "①"
	kindDashed  = "1-1" // 2-3: the hyphenated item numbers of commitment lists
	// kindHalfParen is a number closed by a bracket alone, 1） or 1), a
	// level of its own beside 1. and （1）; its label is the bare number.
	kindHalfParen = "1)"
)

const cnDigits = "一二三四五六七八九十百零〇两"

// matchLabel recognises a numbering label at the start of s. It returns the
// label's kind, its normalised form (see plan-json: "二", "(一)", "1") and
// the number of bytes it takes, including the punctuation and space after
// it; n is 0 when s does not start with a label.
func matchLabel(s string) (kind, label string, n int) {
	s0 := s
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case r == '第':
		num, rest := spanOf(s[size:], isCNDigit)
		if num == "" {
			num, rest = spanOf(s[size:], isDigit)
		}
		if num == "" {
			return "", "", 0
		}
		for _, unit := range []string{"章", "部分", "篇", "节", "條", "条"} {
			if strings.HasPrefix(rest, unit) {
				k := kindChapter
				if unit == "条" || unit == "條" {
					k = kindArticle
				}
				label = "第" + num + unit
				return k, label, len(s0) - len(rest) + len(unit) + spaceAfter(rest[len(unit):])
			}
		}
	case r == '（' || r == '(':
		inner := s[size:]
		num, rest := spanOf(inner, isCNDigit)
		k := kindParenCN
		if num == "" {
			num, rest = spanOf(inner, isDigit)
			k = kindParenN
			if len(num) > 3 {
				return "", "", 0
			}
		}
		if num == "" {
			return "", "", 0
		}
		c, csize := utf8.DecodeRuneInString(rest)
		if c != '）' && c != ')' {
			return "", "", 0
		}
		rest = rest[csize:]
		if p, psize := utf8.DecodeRuneInString(rest); p == '、' || p == '．' {
			rest = rest[psize:] // （一）、 typed with a redundant comma
		}
		return k, "(" + asciiDigits(num) + ")", len(s0) - len(rest) + spaceAfter(rest)
	case isCapitalDigit(r):
		if label, n := matchCapitalLabel(s); n > 0 {
			return kindCapital, label, n
		}
	case isCircled(r):
		return kindCircled, string(r), size + spaceAfter(s[size:])
	case isCNDigit(r):
		num, rest := spanOf(s, isCNDigit)
		c, csize := utf8.DecodeRuneInString(rest)
		if c != '、' && c != '．' && c != '.' {
			return "", "", 0
		}
		rest = rest[csize:]
		return kindCN, num, len(s0) - len(rest) + spaceAfter(rest)
	case isDigit(r):
		if label, n := matchDashedLabel(s); n > 0 {
			return kindDashed, label, n
		}
		num, rest := spanOf(s, isDigit)
		if utf8.RuneCountInString(num) > 3 {
			return "", "", 0
		}
		c, csize := utf8.DecodeRuneInString(rest)
		if c == '）' || c == ')' {
			return kindHalfParen, asciiDigits(num), len(s0) - len(rest) + csize + spaceAfter(rest[csize:])
		}
		if c != '、' && c != '．' && c != '.' {
			return "", "", 0
		}
		rest = rest[csize:]
		if next, _ := utf8.DecodeRuneInString(rest); isDigit(next) {
			return "", "", 0 // 1.5万, 3.2.1; see digitLabel for 3.10月底前
		}
		return kindNum, asciiDigits(num), len(s0) - len(rest) + spaceAfter(rest)
	}
	if label, n := matchNamedLabel(s); n > 0 {
		return kindNamed, label, n
	}
	return "", "", 0
}

func isCNDigit(r rune) bool { return strings.ContainsRune(cnDigits, r) }

func isDigit(r rune) bool { return (r >= '0' && r <= '9') || (r >= '０' && r <= '９') }

func isCircled(r rune) bool { return r >= '①' && r <= '⑳' }

// spanOf splits s after its longest prefix of runes satisfying ok.
func spanOf(s string, ok func(rune) bool) (span, rest string) {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !ok(r) {
			break
		}
		i += size
	}
	return s[:i], s[i:]
}

func spaceAfter(s string) int {
	return len(s) - len(trimLeftSpace(s))
}

func trimLeftSpace(s string) string {
	return strings.TrimLeft(s, " \t\u3000\u00a0")
}

// asciiDigits turns full-width digits into ASCII ones.
func asciiDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
}

// cnNumber converts a Chinese numeral (一 … 九十九, with 两 and 〇) to its
// value; ok is false for anything else.
func cnNumber(s string) (n int, ok bool) {
	digits := map[rune]int{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '兩': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	total, cur := 0, 0
	for _, r := range s {
		switch {
		case r == '十':
			if cur == 0 {
				cur = 1
			}
			total += cur * 10
			cur = 0
		case r == '百':
			if cur == 0 {
				cur = 1
			}
			total += cur * 100
			cur = 0
		default:
			d, isD := digits[r]
			if !isD {
				return 0, false
			}
			cur = cur*10 + d
		}
	}
	if s == "" {
		return 0, false
	}
	return total + cur, true
}
