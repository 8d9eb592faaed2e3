package plandoc

import (
	"strings"
	"unicode/utf8"
)

// Brackets that may enclose part of a unit's name or a note. Angle and
// tortoise-shell brackets appear inside unit names (市财政〈地税〉局,
// 各县〔市、区〕政府), so splitting a list of units must respect them.
const (
	openBrackets  = "（(〔［[【〈<{「『"
	closeBrackets = "）)〕］]】〉>}」』"
)

func isOpen(r rune) bool  { return strings.ContainsRune(openBrackets, r) }
func isClose(r rune) bool { return strings.ContainsRune(closeBrackets, r) }

// span is a byte range [start, end) of a string.
type span struct{ start, end int }

// parenNotes returns the outermost round-bracket groups of s — （…） and
// (…) — that do not stand inside a book title 《…》 or a quotation “…”,
// as the byte spans of their contents.
func parenNotes(s string) []span {
	var out []span
	depth, book, quote := 0, 0, 0
	start := 0
	for i, r := range s {
		switch r {
		case '《':
			book++
		case '》':
			book = max(book-1, 0)
		case '“':
			quote++
		case '”':
			quote = max(quote-1, 0)
		}
		if book > 0 || quote > 0 {
			continue
		}
		switch r {
		case '（', '(':
			if depth == 0 {
				start = i + len(string(r))
			}
			depth++
		case '）', ')':
			if depth == 0 {
				continue
			}
			depth--
			if depth == 0 {
				out = append(out, span{start, i})
			}
		}
	}
	return out
}

// splitOutside splits s at any rune in seps that stands outside brackets.
func splitOutside(s string, seps string) []string {
	var parts []string
	depth, start := 0, 0
	for i, r := range s {
		switch {
		case isOpen(r):
			depth++
		case isClose(r):
			depth = max(depth-1, 0)
		case depth == 0 && strings.ContainsRune(seps, r):
			parts = append(parts, s[start:i])
			start = i + len(string(r))
		}
	}
	return append(parts, s[start:])
}

// outsideBrackets reports whether byte offset at of s stands outside every bracket.
func outsideBrackets(s string, at int) bool {
	depth := 0
	for i, r := range s {
		if i >= at {
			break
		}
		switch {
		case isOpen(r):
			depth++
		case isClose(r):
			depth = max(depth-1, 0)
		}
	}
	return depth == 0
}

// maskQuoted returns s with the contents of quotations “…” and book titles
// 《…》 replaced by spaces of the same byte length, so that names such as
// “最多跑一次” or 《…（2018-2022年）》 are not read as targets or dates.
func maskQuoted(s string) string {
	if !strings.Contains(s, "“") && !strings.Contains(s, "《") {
		return s // nothing to mask: most texts quote nothing
	}
	b := []byte(s)
	depth := 0
	for i, r := range s {
		switch r {
		case '“', '《':
			depth++
			continue
		case '”', '》':
			depth = max(depth-1, 0)
			continue
		}
		if depth > 0 {
			_, size := utf8.DecodeRuneInString(s[i:]) // not len(string(r)): an invalid byte is one byte
			for k := i; k < i+size; k++ {
				b[k] = ' '
			}
		}
	}
	return string(b)
}
