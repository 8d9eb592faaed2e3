package plandoc

import (
	"strings"
	"unicode/utf8"
)

// Web pages and half-width typesetting put a space between a figure and
// the Chinese character next to it: "于 2024 年底前", "2023 年 6 月底前".
// Such a space carries no meaning, so dates are read from a copy of the
// text without it, and each value found is sliced back from the original.

// squeezeDateSpaces drops every run of spaces that stands between a digit
// and a non-ASCII character (either way round). It returns the squeezed
// text and, for each of its byte offsets (and its end), the offset of the
// same byte in s.
func squeezeDateSpaces(s string) (string, []int) {
	if !strings.ContainsAny(s, " \u00a0\u3000") {
		return s, nil
	}
	var b strings.Builder
	at := make([]int, 0, len(s)+1)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isBlank(r) {
			j := i
			for j < len(s) {
				q, n := utf8.DecodeRuneInString(s[j:])
				if !isBlank(q) {
					break
				}
				j += n
			}
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			next, _ := utf8.DecodeRuneInString(s[j:])
			if i > 0 && j < len(s) && (isDigit(prev) && next > utf8.RuneSelf && !isDigit(next) || prev > utf8.RuneSelf && !isDigit(prev) && isDigit(next)) {
				i = j
				continue
			}
		}
		b.WriteString(s[i : i+size])
		for k := 0; k < size; k++ {
			at = append(at, i+k)
		}
		i += size
	}
	return b.String(), append(at, len(s))
}

func isBlank(r rune) bool { return r == ' ' || r == '\u00a0' || r == '\u3000' }

// origSpan returns the original text of the squeezed byte range [a, b).
func origSpan(orig string, at []int, a, b int) string {
	if at == nil {
		return orig[a:b]
	}
	end := at[b-1] + 1
	for end < len(orig) && !utf8.RuneStart(orig[end]) {
		end++
	}
	return orig[at[a]:end]
}
