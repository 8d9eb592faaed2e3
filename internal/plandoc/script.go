package plandoc

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

// Traditional-script documents are matched by folding a copy of their text
// to simplified characters, one rune for one rune of the same UTF-8 length.
// Byte offsets found in the folded copy are therefore valid in the original,
// so every extracted value is sliced from the document's own characters.

//go:embed script_ts.txt
var tsPairs string

var (
	foldOnce sync.Once
	foldMap  map[rune]rune
)

func loadFold() {
	foldMap = make(map[rune]rune, 4200)
	for _, line := range strings.Split(tsPairs, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		from, n := utf8.DecodeRuneInString(line)
		to, _ := utf8.DecodeRuneInString(line[n:])
		if utf8.RuneLen(from) == utf8.RuneLen(to) {
			foldMap[from] = to
		}
	}
}

// fold returns s with traditional characters replaced by their simplified
// forms and full-width ASCII folded to ASCII where the byte length allows
// (it does not: full-width forms are three bytes, so they stay; patterns
// accept both). The result has exactly the byte length of s.
func fold(s string) string {
	return foldFast(s) // a table lookup per character: fold runs on every text many times
}
