package plandoc

import "regexp"

// A spreadsheet keeps a row number as a number, and many exports (a CSV
// written by a script, a sheet saved by another program) write it as a
// decimal: 1.0, 2.0. Such a 序号 is the whole number; a true sub-number
// (1.1, 2.3) is left alone.

var floatSeq = regexp.MustCompile(`^([0-9]+)\.0+$`)

// wholeSeq returns seq without a zero decimal part.
func wholeSeq(seq string) string {
	if m := floatSeq.FindStringSubmatch(seq); m != nil {
		return m[1]
	}
	return seq
}
