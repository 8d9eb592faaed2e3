package plandoc

import (
	"strings"
	"unicode/utf8"
)

// markdownMarks strips the marks that a plan written or exported as
// markdown puts before its paragraphs: heading markers ("## "), list
// markers ("- ", "* ", "+ ") and quote markers ("> "). It returns the text
// and the heading level (0 when the line is no heading). A mark counts only
// with a space after it, so text that merely starts with the character
// (#1机组, -5℃) is left alone.
func markdownMarks(s string) (string, int) {
	level := 0
	for level < len(s) && s[level] == '#' {
		level++
	}
	if level > 0 && level <= 6 && level < len(s) && (s[level] == ' ' || s[level] == '\t') {
		return trimSpace(s[level:]), level
	}
	for _, mark := range []string{"- ", "* ", "+ ", "> "} {
		if strings.HasPrefix(s, mark) {
			return trimSpace(s[len(mark):]), 0
		}
	}
	return s, 0
}

// measureWords are the units that follow a spaced numeric range.
const measureWords = "年月日天周个次项人户家元万亿倍%％座台辆亩吨"

// matchDashedLabel recognises the hyphenated number that commitment lists
// of open-government action plans put before an item ("2-3 推动…", "1-1
// 完备…"): two short numbers joined by a hyphen and followed by a space.
// The space is required so that a range of years or pages (2021-2025年)
// is never taken for a label.
func matchDashedLabel(s string) (label string, n int) {
	a, rest := spanOf(s, isDigit)
	if a == "" || utf8.RuneCountInString(a) > 2 {
		return "", 0
	}
	r, size := utf8.DecodeRuneInString(rest)
	if r != '-' && r != '－' {
		return "", 0
	}
	b, rest2 := spanOf(rest[size:], isDigit)
	if b == "" || utf8.RuneCountInString(b) > 2 {
		return "", 0
	}
	sp := spaceAfter(rest2)
	if sp == 0 || sp == len(rest2) {
		return "", 0
	}
	if next, _ := utf8.DecodeRuneInString(rest2[sp:]); strings.ContainsRune(measureWords, next) {
		return "", 0 // 3-5 年内, 2-3 个: a range with a spaced unit
	}
	return asciiDigits(a) + "-" + asciiDigits(b), len(s) - len(rest2) + sp
}
