package plandoc

import (
	"strings"
	"unicode"
)

// bracketPairs are the bracket and quotation marks whose contents belong
// together: a cut inside a pair would leave half a note, or half a title,
// on each side.
var bracketPairs = map[rune]rune{
	'（': '）', '(': ')', '〔': '〕', '［': '］', '[': ']', '【': '】',
	'《': '》', '“': '”', '‘': '’', '「': '」', '『': '』',
}

// noteBrackets open the notes a document appends to a sentence:
// （责任单位：…）, 〔牵头单位：…〕, 【时限：…】. Quotations and book titles are
// words of the sentence, not notes about it.
const noteBrackets = "（(〔［[【"

// SplitPoints are the sentence indexes of text (as Sentences numbers
// them) before which a task may be cut in two, in ascending order; 0 is
// never one. Every boundary between two sentences is one, except:
//
//   - a boundary inside a closed pair of brackets or quotation marks: the
//     ； in （牵头单位：市发改委；配合单位：市财政局） or in a quoted name
//     separates no two items;
//   - a boundary before a part with no words outside its bracketed notes,
//     such as （责任单位：市财政局） or 〔牵头单位：市商务局〕。 (or a stray
//     ；): a note says who or when about the words before it, so it stays
//     with them, and a task made of it alone would be titled with the note.
//
// A part runs from a boundary to the next boundary that is not inside
// brackets. An unmatched bracket encloses nothing.
func SplitPoints(text string) []int {
	sentences := Sentences(text)
	starts := make([]int, len(sentences)+1)
	for i, s := range sentences {
		starts[i+1] = starts[i] + len(s)
	}
	groups := bracketGroups(text)
	var cuts []int // boundaries outside brackets
	for i := 1; i < len(sentences); i++ {
		if !insideGroup(groups, starts[i]) {
			cuts = append(cuts, i)
		}
	}
	var out []int
	for k, i := range cuts {
		end := len(text)
		if k+1 < len(cuts) {
			end = starts[cuts[k+1]]
		}
		if hasWordsOutsideNotes(text[starts[i]:end]) {
			out = append(out, i)
		}
	}
	return out
}

// group is the byte range of a closed bracket pair, both marks included.
type group struct {
	open  rune
	start int
	end   int
}

// bracketGroups finds the closed bracket and quotation pairs of s. A
// closing mark closes the nearest open mark of its kind; open marks left
// inside that pair without their own close are dropped.
func bracketGroups(s string) []group {
	type mark struct {
		r  rune
		at int
	}
	var stack []mark
	var out []group
	for i, r := range s {
		if _, ok := bracketPairs[r]; ok {
			stack = append(stack, mark{r, i})
			continue
		}
		for k := len(stack) - 1; k >= 0; k-- {
			if bracketPairs[stack[k].r] == r {
				out = append(out, group{open: stack[k].r, start: stack[k].at, end: i + len(string(r))})
				stack = stack[:k]
				break
			}
		}
	}
	return out
}

// insideGroup reports whether byte offset at lies strictly inside one of
// the groups (a boundary right before an opening mark is outside).
func insideGroup(groups []group, at int) bool {
	for _, g := range groups {
		if g.start < at && at < g.end {
			return true
		}
	}
	return false
}

// hasWordsOutsideNotes reports whether part has a letter or a digit once
// its bracketed notes are taken out.
func hasWordsOutsideNotes(part string) bool {
	notes := bracketGroups(part)
	for i, r := range part {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		inNote := false
		for _, g := range notes {
			if strings.ContainsRune(noteBrackets, g.open) && g.start <= i && i < g.end {
				inNote = true
				break
			}
		}
		if !inNote {
			return true
		}
	}
	return false
}
