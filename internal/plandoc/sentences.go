package plandoc

import "strings"

// Sentences splits a task's text after each 。！？；(full- or half-width
// ! ? ;) so that the review screen can offer "split here" between any two;
// joining them gives the text back.
func Sentences(text string) []string {
	var out []string
	start := 0
	for i, r := range text {
		if strings.ContainsRune("。！？；!?;", r) {
			end := i + len(string(r))
			out = append(out, text[start:end])
			start = end
		}
	}
	if strings.TrimSpace(text[start:]) != "" || len(out) == 0 {
		out = append(out, text[start:])
	} else if len(out) > 0 {
		out[len(out)-1] += text[start:]
	}
	return out
}
