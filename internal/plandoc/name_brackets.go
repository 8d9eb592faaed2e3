package plandoc

import (
	"regexp"
	"unicode/utf8"
)

// Names of catch-all bodies carry the kinds of division they cover in
// brackets glued to the name: 各乡镇（街道）, 各县（市、区）, 各区（县）.
// Such a bracket is part of the name, not a note naming a unit 街道.

// divisionBefore ends a name that such a bracket completes.
var divisionBefore = regexp.MustCompile(`(?:乡镇|[县市区镇乡])$`)

// divisionInner is what such a bracket holds: division kinds only.
var divisionInner = regexp.MustCompile(`^(?:街道|社区|乡镇|开发区|园区|管委会|[县市区镇乡旗])(?:[、，,](?:街道|社区|乡镇|开发区|园区|管委会|[县市区镇乡旗]))*$`)

// nameBracket reports whether the bracket group whose inside is
// text[start:end] completes the name before it (各乡镇（街道）).
func nameBracket(text string, start, end int) bool {
	if !divisionInner.MatchString(fold(trimSpace(text[start:end]))) {
		return false
	}
	_, size := utf8.DecodeLastRuneInString(text[:start]) // the opening bracket
	return divisionBefore.MatchString(fold(text[:start-size]))
}

// fieldLabelBracket is a field label set in lenticular or square brackets
// at the start of a line (【责任单位】县城管局, [牵头单位]市商务局), the way
// many plans print a field name in place of a colon.
var fieldLabelBracket = regexp.MustCompile(`^[【\[［]\s*([^】\]］]{2,8}?)\s*[】\]］]\s*[：:]?`)

// bracketedFieldLabel rewrites a bracketed field label as a label with a
// colon (责任单位：县城管局); other lines are returned as they are.
func bracketedFieldLabel(ln string) string {
	m := fieldLabelBracket.FindStringSubmatchIndex(ln)
	if m == nil || !noteLabel.MatchString(fold(ln[m[2]:m[3]])) {
		return ln
	}
	return ln[m[2]:m[3]] + "：" + ln[m[1]:]
}
