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
	// fold runs on every text many times: skip ASCII bytes and look the
	// rest up in a table, and copy only once something changes.
	foldTableOnce.Do(loadFoldTable)
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if foldedRune(r) == r {
			i += size
			continue
		}
		var b strings.Builder // one allocation, where []byte and string would make two
		b.Grow(len(s))
		b.WriteString(s[:i])
		for j := i; j < len(s); {
			if s[j] < utf8.RuneSelf {
				b.WriteByte(s[j])
				j++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[j:])
			if t := foldedRune(r); t != r {
				b.WriteRune(t) // same length: loadFold keeps only such pairs
			} else {
				b.WriteString(s[j : j+size]) // as written: an invalid byte stays one byte
			}
			j += size
		}
		return b.String()
	}
	return s
}

// foldedRune is the simplified form of r; the table must be loaded.
func foldedRune(r rune) rune {
	if r < 0x10000 {
		if t := foldTable[r]; t != 0 {
			return rune(t)
		}
		return r
	}
	if t, ok := foldMap[r]; ok {
		return t
	}
	return r
}
