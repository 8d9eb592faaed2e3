package web

import (
	"bytes"
	"encoding/json"
	"sort"
)

// DiffLine is one changed field of an audited object.
type DiffLine struct {
	Key    string
	Before string
	After  string
	Change string // "added", "removed" or "changed"; a CSS class
}

// auditDiff compares the JSON of an object before and after a change and
// lists the fields that differ, so the reader sees what changed instead
// of two blobs. Values stay JSON text, escaped by the template like any
// other text. Input that is not a JSON object is shown whole under the
// empty key.
func auditDiff(before, after string) []DiffLine {
	b, okB := jsonObject(before)
	a, okA := jsonObject(after)
	if !okB || !okA {
		if before == after {
			return nil
		}
		return []DiffLine{{Before: before, After: after, Change: changeKind(before != "", after != "")}}
	}
	keys := make([]string, 0, len(a)+len(b))
	for k := range b {
		keys = append(keys, k)
	}
	for k := range a {
		if _, ok := b[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var lines []DiffLine
	for _, k := range keys {
		vb, inB := b[k]
		va, inA := a[k]
		if inA && inB && bytes.Equal(compact(vb), compact(va)) {
			continue
		}
		lines = append(lines, DiffLine{Key: k, Before: string(compact(vb)), After: string(compact(va)), Change: changeKind(inB, inA)})
	}
	return lines
}

func changeKind(before, after bool) string {
	switch {
	case !before:
		return "added"
	case !after:
		return "removed"
	}
	return "changed"
}

// jsonObject parses s as a JSON object; "" is the empty object (no state
// before a creation, none after a deletion).
func jsonObject(s string) (map[string]json.RawMessage, bool) {
	m := map[string]json.RawMessage{}
	if s == "" {
		return m, true
	}
	if err := json.Unmarshal([]byte(s), &m); err != nil || m == nil {
		return nil, false
	}
	return m, true
}

func compact(raw json.RawMessage) []byte {
	if raw == nil {
		return nil
	}
	var buf bytes.Buffer
	if json.Compact(&buf, raw) != nil {
		return raw
	}
	return buf.Bytes()
}
